/**
 * A pasted fragment as a screenshot's OCR text may come back from a phone we did not draw: the slips
 * issue #10 lists, put in at random with a generator seeded from the piece (the same text every run).
 * Evaluation only (`npm run --silent eval:fragment-seeds -- --ocr-slips`): our own drawn screenshots
 * read almost every character right, so they cannot show what such slips cost.
 * - the mail app's header on top (status bar, sender, 「宛先: 自分」, date);
 * - every line re-wrapped for a screen 28 to 40 columns wide, a word too long for a line cut where the
 *   line ends (a browser's overflow-wrap) or left whole past the edge;
 * - look-alike letters: "rn" read as "m" and "m" as "rn", "l" as "1" or "I", "0" as "O", "o" as "0";
 * - dashes as 「ーーー-」 and blanks between Japanese characters (the Japanese model's).
 */
import { wrapLikePhone } from "../knowledge/cli/paste.ts";
import { seededRandom } from "./bounce-fragments.ts";

/** Each line broken at the last blank that fits `columns`; a longer word left whole. */
function wrapKeepingWords(text: string, columns: number): string {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    let current = "";
    for (const word of line.split(/(?<= )/)) {
      if ((current + word).trimEnd().length > columns && current.trim() !== "") {
        out.push(current.trimEnd());
        current = word.trimStart();
      } else current += word;
    }
    out.push(current.trimEnd());
  }
  return out.join("\n");
}

/** Replaces each match of `pattern` by `by` with probability `p`. */
function slip(text: string, pattern: RegExp, by: string, p: number, random: () => number): string {
  return text.replace(pattern, (m) => (random() < p ? by : m));
}

/** The text with OCR's and a narrow screen's slips, chosen by `seed`. */
export function withOcrSlips(text: string, seed: string): string {
  const random = seededRandom(`slips:${seed}`);
  const columns = 28 + Math.floor(random() * 13);
  let t = random() < 0.5 ? wrapLikePhone(text, columns) : wrapKeepingWords(text, columns);
  t = slip(t, /rn/g, "m", 0.3, random);
  t = slip(t, /m/g, "rn", 0.1, random);
  t = slip(t, /l/g, "1", 0.08, random);
  t = slip(t, /l/g, "I", 0.08, random);
  t = slip(t, /0/g, "O", 0.15, random);
  t = slip(t, /o/g, "0", 0.05, random);
  t = t.replace(/-{3,}/g, (run) => `${"ー".repeat(run.length - 1)}-`);
  t = t.replace(/([\u3040-\u30ff\u4e00-\u9fff])(?=[\u3040-\u30ff\u4e00-\u9fff])/g, "$1 ");
  return `9:41\nMail Delivery System 10:15\n宛 先 : 自 分 詳 細\n2025年11月3日 10:15\n\n${t}`;
}
