/**
 * `npx tsx scripts/eval-text-kind.ts [DIR]`: how dialogs/text-kind.ts reads what a phone user would paste
 * from real bounces (default ../shared/corpus/sisimai-dev, read at run time, never copied). Every paste
 * here was written by a mail server, so each "English speaker" verdict is a Japanese user wrongly switched
 * to English, and each "not a server's text" on a paste the classifier could not read is a failed paste
 * that would not count toward escalation. Run it after changing the heuristics.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { primaryRecord } from "../dialogs/interpret.ts";
import { kindOfText } from "../dialogs/text-kind.ts";
import { classify } from "../knowledge/classify.ts";
import { pasteOf } from "../knowledge/cli/paste.ts";
import { sharedPath } from "./shared-dir.ts";

const dir = process.argv[2] ?? sharedPath("corpus", "sisimai-dev");
const files = readdirSync(dir).filter((f) => f.endsWith(".eml"));

let pastes = 0;
let unread = 0;
const english: string[] = [];
const notServer: string[] = [];
let lines = 0;
const englishLines: string[] = [];

for (const file of files) {
  const text = (await pasteOf(readFileSync(join(dir, file)))).trim();
  if (!text) continue;
  pastes++;
  const recognised = primaryRecord((await classify(text)).records) !== undefined;
  const kind = kindOfText(text, recognised);
  if (kind.lang === "en") english.push(file);
  if (!recognised) {
    unread++;
    if (!kind.fromServer) notServer.push(file);
  }
  // One line alone, as a user might paste only the line they think matters.
  for (const line of text.split("\n").map((l) => l.trim())) {
    if (line.length < 16 || !/[A-Za-z]{3}/.test(line)) continue;
    lines++;
    const one = primaryRecord((await classify(line)).records) !== undefined;
    if (kindOfText(line, one).lang === "en") englishLines.push(`${file}: ${line.slice(0, 100)}`);
  }
}

const pct = (n: number, of: number) => `${n}/${of} (${((100 * n) / Math.max(of, 1)).toFixed(1)}%)`;
console.log(`whole pastes read as a person's English: ${pct(english.length, pastes)}`);
for (const f of english) console.log(`  ${f}`);
console.log(`unreadable pastes not taken as a server's text: ${pct(notServer.length, unread)}`);
for (const f of notServer) console.log(`  ${f}`);
console.log(`single lines read as a person's English: ${pct(englishLines.length, lines)}`);
for (const l of englishLines.slice(0, 30)) console.log(`  ${l}`);
