/**
 * What a phone user screenshots of a returned mail: not the whole mail but the part around the error
 * (the line with the server's code or the failure sentence, a few lines before it, some after), with
 * the mail app's header on top; sometimes the first or last line is cut where the user's crop or the
 * screen's edge fell. Evaluation only (`npm run screenshots:bounces -- OUT --corpus DIR --fragments`).
 *
 * The error line is found without the classifier's own phrase lists (a set chosen by them would favour
 * what the classifier already reads): an SMTP reply or status code, else a line with a common failure
 * word. Every choice comes from a generator seeded with the mail's name: the same set every run.
 */
import { hasSmtpCode } from "../knowledge/bounce/signals.ts";
import type { Look } from "./phone-screenshot.ts";

/** Words of failure in any bounce (English and Japanese), not the reasons' phrase lists. */
const FAILURE_WORDS =
  /error|fail|unknown|reject|denied|refused|invalid|unable|full|quota|exceed|block|not found|does ?n[o']t exist|no such|unavailable|spam|policy|timed? ?out|expired|could ?n[o']t|undeliver|returned|エラー|できません|出来ません|不明|存在しません|拒否|失敗|届け/i;

/** A deterministic generator (mulberry32) seeded from a string (FNV-1a). */
export function seededRandom(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (random: () => number, low: number, high: number) =>
  low + Math.floor(random() * (high - low + 1));

/**
 * The index of the line a user would centre the screenshot on: the first with an SMTP code, else the
 * first failure word next to an address (a recipient's entry: "<x@example.jp>: unknown user"), else the
 * first failure word ("could not be delivered"), else the top.
 */
export function errorLine(lines: readonly string[]): number {
  const code = lines.findIndex((l) => hasSmtpCode(l));
  if (code !== -1) return code;
  // A line and the next together: a narrow notice breaks "Connection timed⏎out" too.
  const failure = lines.map((l, i) => FAILURE_WORDS.test(`${l} ${lines[i + 1] ?? ""}`));
  const address = lines.map((l) => /\S@[\w-]+\./.test(l));
  const entry = failure.findIndex((f, i) => f && (address[i] || address[i - 1]));
  if (entry !== -1) return entry;
  const word = failure.indexOf(true);
  return word === -1 ? 0 : word;
}

/** Drops the words of a line before (or after) a blank chosen at random in its middle part. */
function cutLine(line: string, random: () => number, keepEnd: boolean): string {
  const blanks: number[] = [];
  for (let i = 0; i < line.length; i++) if (line[i] === " " && i > 0 && i < line.length - 1) blanks.push(i);
  if (blanks.length < 2) return line;
  const at = blanks[between(random, 0, blanks.length - 1)]!;
  return keepEnd ? line.slice(at + 1) : line.slice(0, at);
}

export interface Fragment {
  text: string;
  /** Whether the first / last line was cut mid-line. */
  cutStart: boolean;
  cutEnd: boolean;
}

/**
 * The part of a mail's body text a user would screenshot: from up to 4 lines (240 characters) before
 * the error line to
 * 3–14 lines after it (blank lines at either end dropped); a quarter of the time the first line starts
 * mid-line, a quarter of the time the last one ends mid-line.
 */
export function fragmentOf(body: string, seed: string): Fragment {
  const random = seededRandom(seed);
  const lines = body.split("\n").map((l) => l.trimEnd());
  const anchor = errorLine(lines);
  let start = Math.max(0, anchor - between(random, 0, 4));
  // The error line stays on the screen: at most some 240 characters above it.
  while (start < anchor && lines.slice(start, anchor).join(" ").length > 240) start++;
  let end = Math.min(lines.length, anchor + 1 + between(random, 3, 14));
  while (start < anchor && lines[start]!.trim() === "") start++;
  while (end > anchor + 1 && lines[end - 1]!.trim() === "") end--;
  const picked = lines.slice(start, end);
  const cutStart = random() < 0.25;
  const cutEnd = random() < 0.25;
  if (cutStart && picked.length > 0) picked[0] = cutLine(picked[0]!, random, true);
  if (cutEnd && picked.length > 1)
    picked[picked.length - 1] = cutLine(picked[picked.length - 1]!, random, false);
  return { text: picked.join("\n"), cutStart, cutEnd };
}

export type Half = "dev" | "held-out";

/**
 * Families in two halves of about equal size: sorted by how many mails they have (then by name), dealt
 * alternately. A family is wholly on one side, as the hidden set's mails are of families and samples the
 * classifier was not tuned on.
 */
export function splitFamilies(families: readonly string[]): Map<string, Half> {
  const count = new Map<string, number>();
  for (const f of families) count.set(f, (count.get(f) ?? 0) + 1);
  const sorted = [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const size: Record<Half, number> = { dev: 0, "held-out": 0 };
  const halves = new Map<string, Half>();
  for (const [family, n] of sorted) {
    const half: Half = size.dev <= size["held-out"] ? "dev" : "held-out";
    halves.set(family, half);
    size[half] += n;
  }
  return halves;
}

/** The mail app's look for a mail (phone-screenshot.ts): font, size and header layout vary by name. */
export function lookOf(seed: string): Look {
  const random = seededRandom(`look:${seed}`);
  const font = random();
  return {
    font: font < 0.6 ? "sans" : font < 0.8 ? "dejavu" : "mono",
    size: between(random, 14, 17),
    app: random() < 0.5 ? "ios" : "gmail",
  };
}
