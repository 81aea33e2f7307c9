/**
 * npm run --silent eval:fragment-seeds -- [DIR] [--seeds N] [--seed S] [--half dev|held-out]
 *   [--misses [all|-reader|-own]] [--ocr-slips]
 *
 * How a family we have no reader for fares when only a piece of its notice is pasted or screenshotted,
 * with more pieces than one screenshot set holds. Each labelled mail of a half of the families (the
 * halves `screenshots:bounces --fragments` deals) is cut N times (8 by default) as bounce-fragments.ts
 * cuts it for a screenshot, each with its own seed, and classified as a paste three times:
 *   all      everything on;
 *   -reader  without the formats and providers written for the mail's family (family-readers.ts);
 *   -own     also without the reason phrases that match only that family's records among the whole
 *            mails (eval:families --strict's holdout).
 * Prints reason / topic agreement per column. --misses lists a column's topic misses with their text
 * ("-own" unless another column is named: "all" shows what no reader mends, "-reader" what a family
 * never seen loses), for the dev half only: the held-out half is scored by its totals. --ocr-slips
 * reads each piece as a screenshot's OCR text with the slips of ocr-slips.ts (a narrow screen,
 * look-alike letters, the app's header), cleaned as a screenshot's text is (knowledge/ocr/clean.ts).
 * --seed S cuts every mail otherwise (a draw nobody tuned on; its first cut is the piece
 * `screenshots:bounces --fragments --seed S` draws, so its misses can be confirmed on screenshots).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { classify } from "../knowledge/classify.ts";
import { pasteOf } from "../knowledge/cli/paste.ts";
import { setHoldout } from "../knowledge/holdout.ts";
import { cleanOcrText } from "../knowledge/ocr/clean.ts";
import { topicOf } from "../knowledge/topic-of-reason.ts";
import type { BounceRecord, DsnAction, Reason } from "../knowledge/types.ts";
import { fragmentOf, splitFamilies } from "./bounce-fragments.ts";
import { FAMILY_READERS, familyOf, matchingFamilies } from "./family-readers.ts";
import { withOcrSlips } from "./ocr-slips.ts";
import { sharedPath } from "./shared-dir.ts";

interface Mail {
  file: string;
  family: string;
  reason: string;
  topic: string;
  pieces: string[];
}

const COLUMNS = ["all", "-reader", "-own"] as const;
type Column = (typeof COLUMNS)[number];

function option(args: readonly string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const seeds = Number(option(args, "--seeds") ?? 8);
  const draw = option(args, "--seed");
  const half = option(args, "--half") ?? "dev";
  const showMisses = args.includes("--misses");
  // The column named after --misses (a DIR there is the corpus, not a column).
  const named = COLUMNS.find((c) => c === option(args, "--misses"));
  const missColumn: Column = named ?? "-own";
  const slips = args.includes("--ocr-slips");
  if (!Number.isInteger(seeds) || seeds < 1 || (half !== "dev" && half !== "held-out")) {
    process.stderr.write(
      "usage: npm run --silent eval:fragment-seeds -- [DIR] [--seeds N] [--seed S] [--half dev|held-out] [--misses [all|-reader|-own]] [--ocr-slips]\n",
    );
    process.exit(2);
  }
  if (showMisses && half !== "dev") {
    process.stderr.write("--misses lists the dev half only: the held-out half is scored by its totals\n");
    process.exit(2);
  }
  const values = new Set([option(args, "--seeds"), option(args, "--seed"), option(args, "--half"), named]);
  const dir = resolve(
    args.find((a) => !a.startsWith("--") && !values.has(a)) ?? sharedPath("corpus", "sisimai-dev"),
  );
  const present = new Set(readdirSync(dir));
  const rows = readFileSync(join(dir, "labels.tsv"), "utf8")
    .split("\n")
    .slice(1)
    .map((l) => l.split("\t"))
    .filter(([file, , reason]) => file && reason && reason !== "(unknown)" && present.has(file));
  // One piece per mail, of its first recipient (as screenshots:bounces draws them).
  const labelled = rows.filter(([, idx]) => idx === "1").sort((a, b) => a[0]!.localeCompare(b[0]!));
  const halves = splitFamilies(labelled.map(([file]) => familyOf(file!)));

  const mails: Mail[] = [];
  for (const [file, , reason, status, , action] of labelled) {
    if (halves.get(familyOf(file!)) !== half) continue;
    const body = await pasteOf(new Uint8Array(readFileSync(join(dir, file!))));
    const name = file!.replace(/\.eml$/, "");
    mails.push({
      file: file!,
      family: familyOf(file!),
      reason: reason!,
      topic: reason === "(none)" ? "(none)" : topicOf(reason as Reason, action as DsnAction, status ?? ""),
      // The first seed is the mail's name (with --seed S, "S:name"), as screenshots:bounces cuts it.
      pieces: Array.from({ length: seeds }, (_, k) => {
        const first = draw ? `${draw}:${name}` : name;
        const seed = k === 0 ? first : `${first}#${k}`;
        const piece = fragmentOf(body, seed).text;
        return slips ? cleanOcrText(withOcrSlips(piece, seed)) : piece;
      }),
    });
  }

  // The phrases each family's whole mails match alone (eval:families --strict), from every labelled mail.
  setHoldout([], []);
  const full = new Map<string, BounceRecord[]>();
  for (const file of new Set(rows.map(([file]) => file!)))
    full.set(file, (await classify(new Uint8Array(readFileSync(join(dir, file))))).records);
  const ownOf = new Map<string, string[]>();
  for (const [phrase, families] of matchingFamilies(full)) {
    if (families.size !== 1) continue;
    const [family] = families;
    ownOf.set(family!, [...(ownOf.get(family!) ?? []), phrase]);
  }

  const tally = new Map<Column, { reason: number; topic: number }>(
    COLUMNS.map((c) => [c, { reason: 0, topic: 0 }]),
  );
  const misses: string[] = [];
  const families = [...new Set(mails.map((m) => m.family))];
  for (const column of COLUMNS) {
    for (const family of families) {
      const readers = column === "all" ? [] : (FAMILY_READERS[family] ?? []);
      setHoldout(readers, column === "-own" ? (ownOf.get(family) ?? []) : []);
      for (const mail of mails.filter((m) => m.family === family)) {
        for (const [k, piece] of mail.pieces.entries()) {
          const r = (await classify(piece, { kind: "fragment" })).records[0];
          const t = tally.get(column)!;
          if ((r?.reason ?? "(none)") === mail.reason) t.reason++;
          if ((r?.topic ?? "(none)") === mail.topic) t.topic++;
          else if (showMisses && column === missColumn)
            misses.push(
              `${mail.file}#${k}\t${mail.reason}/${mail.topic} → ${r ? `${r.reason}/${r.topic} (${r.evidence})` : "(none)"}\n${piece}\n`,
            );
        }
      }
    }
  }
  setHoldout([], []);

  const n = mails.length * seeds;
  const pct = (k: number) => `${((100 * k) / n).toFixed(1)} %`;
  const out = [
    `# ${dir}, ${half} half: ${mails.length} mails × ${seeds} cuts = ${n} ${slips ? "fragments with OCR slips" : "pasted fragments"}; reason / topic agreement`,
    "",
    ...COLUMNS.map(
      (c) => `${c.padEnd(8)} ${pct(tally.get(c)!.reason).padStart(7)} / ${pct(tally.get(c)!.topic)}`,
    ),
  ];
  if (showMisses) out.push("", `topic misses, ${missColumn}:`, "", ...misses);
  process.stdout.write(`${out.join("\n")}\n`);
}

await main();
