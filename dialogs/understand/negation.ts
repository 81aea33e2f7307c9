/**
 * Whether a text negates what it says (「役に立たない」「届いてない」 "didn't help"), read the same way on the
 * question index's examples and on typed text (understand.ts weighs it for acts whose meaning is their
 * polarity: `polar` in knowledge/data/questions/acts.yaml).
 *
 * Read over a canonical spelling (normalize.ts: kana in hiragana, kanji words by their readings, lower
 * case, one space between chunks), where readings.yaml's kana spell no negation. Japanese negations
 * (ない, なかっ…, ません, ず, にくい, へん, ねえ…) are each told by their neighbours, so that 「なかなか」
 * 「ずっと」「はず」「たいへん」「へんこう」 and requests (「教えてくれない？」「もらえませんか」) are none;
 * English ones are chunks (not, never, no, cannot, n't spelt "didn t", didnt…). One pass, a few characters
 * looked at per position: linear in the text, no pattern.
 */
import { isFoldedLatinCode } from "../text.ts";

/** English words that negate (typed with or without the apostrophe of n't; here without it). */
export const EN_NEGATIONS: ReadonlySet<string> = new Set([
  "not",
  "no",
  "never",
  "cannot",
  "nothing",
  "nobody",
  "dont",
  "didnt",
  "doesnt",
  "cant",
  "wont",
  "isnt",
  "wasnt",
  "arent",
  "werent",
  "havent",
  "hasnt",
  "hadnt",
  "couldnt",
  "wouldnt",
  "shouldnt",
  "aint",
]);

/** Kana of the e-row, before ねえ (使えねえ) and ず (送れず). */
const E_ROW = new Set([..."えけげせぜてでねへべぺめれ"]);
/** Kana of the a-row, before ず (立たず, 知らず). */
const A_ROW = new Set([..."あかがさざただなはばぱまやらわ"]);
/** Kana before へん that make it a negation (届いてへん, 送れへん, わからへん) rather than 変 or 大変. */
const BEFORE_HEN = new Set([..."てかられきけせ"]);
/**
 * Asking a favour after a te-form: a negation after it asks (「教えてくれない？」「見ていただけませんか」).
 * Not 「送れない」, whose おくれ ends as くれ does.
 */
const REQUESTS = ["てくれ", "でくれ", "てもらえ", "でもらえ", "ていただけ", "でいただけ"];

/**
 * Whether a Japanese negation begins at `i` of a canonical spelling. The requests before it are looked for
 * only where one is found (most characters begin none: six scans per character saved).
 */
function negationAt(s: string, i: number): boolean {
  return negationShapeAt(s, i) && !REQUESTS.some((r) => s.endsWith(r, i));
}

/** Whether `i` of a canonical spelling begins a negation by its own characters and neighbours. */
function negationShapeAt(s: string, i: number): boolean {
  const c = s[i];
  const prev = i > 0 ? s[i - 1]! : " ";
  const next = s[i + 1];
  switch (c) {
    case "な":
      return (
        next === "い" ||
        next === "く" ||
        (next === "か" && s[i + 2] === "つ") || // なかった (っ spelt つ)
        (next === "け" && s[i + 2] === "れ") || // なければ
        (next === "き" && s[i + 2] === "や") || // なきゃ
        (next === "し" && prev !== "は") // 問題なし (not はなし)
      );
    case "ま":
      return s.startsWith("ません", i) && s[i + 3] !== "か"; // not ませんか: an invitation
    case "ず":
      return (A_ROW.has(prev) || E_ROW.has(prev)) && prev !== "は" && next !== "つ";
    case "へ":
      return next === "ん" && BEFORE_HEN.has(prev) && s[i + 2] !== "こ";
    case "ね":
      return (next === "え" || next === "い") && E_ROW.has(prev); // ねえ, ねー (spelt ねい)
    case "に":
      return next === "く" && "いかく".includes(s[i + 2] ?? " "); // わかりにくい: hard to
    case "づ":
      return next === "ら"; // わかりづらい
    case "ら":
      return next === "ん" && (prev === "か" || prev === "し"); // わからん, 知らん
    default:
      return false;
  }
}

const SPACE = 0x20;
/** The kana negationShapeAt reads a negation from (its cases), as character codes. */
const NEGATION_STARTS: ReadonlySet<number> = new Set([..."なまずへねにづら"].map((c) => c.charCodeAt(0)));

/** Whether a canonical spelling (normalize.ts canonical) negates anything. */
export function negatesIn(spelling: string): boolean {
  let chunkStart = 0;
  let previous = ""; // the Latin chunk before, for "didn t"
  for (let i = 0; i <= spelling.length; i++) {
    const code = i < spelling.length ? spelling.charCodeAt(i) : SPACE;
    if (code !== SPACE) {
      // Only the kana negationShapeAt has a case for begin one (most characters begin none, and reading a kana
      // as a string of its own makes a string per character).
      if (NEGATION_STARTS.has(code) && negationAt(spelling, i)) return true;
      continue;
    }
    if (i > chunkStart && isFoldedLatinCode(spelling.charCodeAt(chunkStart))) {
      const chunk = spelling.slice(chunkStart, i);
      // "didn't" is spelt "didn t": a lone "t" after a chunk ending in n.
      if (EN_NEGATIONS.has(chunk) || (chunk === "t" && previous.length >= 2 && previous.endsWith("n")))
        return true;
      previous = chunk;
    } else previous = "";
    chunkStart = i + 1;
  }
  return false;
}
