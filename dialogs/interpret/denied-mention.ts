import { fold } from "../../knowledge/fold.ts";
import { endOfLast } from "../text.ts";
import { EN_NEGATIONS, negatesIn } from "../understand/negation.ts";
import { canonical, type ReadingTable } from "../understand/normalize.ts";

/**
 * 「エラーメールは来てない」 "I didn't get any bounce": a returned mail named only to say that none came.
 * Such a text does not tell of a returned mail (the paste help would begin 「エラーメールが戻ってきたのですね」);
 * what it asks or tells is read as if no returned mail were named (no-bounce-arrived, did-it-arrive).
 *
 * Every returned-mail phrase must be denied, by the verb of its own clause: in Japanese the phrase's
 * predicate right after it (「は一通も来ていない」「は戻ってきてません」「なし」), not a later verb
 * (「が返ってきて送れない」) nor a wish (「が来ないようにしたい」) or a doubt (「来てないか確かめたい」);
 * in English a negation before it with only words of getting between ("didn't get any bounce",
 * "no bounce") or right after it ("the bounce never came"). A negation of another clause
 * (「送ってないのにエラーメールが来る」, "I don't know why my mail bounced") denies nothing.
 * Linear: one pass over the text to find the phrases, and windows of a few characters around each.
 */

/** Characters after a phrase read for its predicate (「は特にとどいていません」 fits). */
const AFTER_CHARS = 16;
/** Characters before a phrase read for an English negation ("i haven't received any"). */
const BEFORE_CHARS = 32;
/** Where a clause ends: what lies beyond it says something else. */
const CLAUSE_ENDS = ["。", "、", ",", ".", "!", "?", "\n", "けど", "のに", "ので"];

/** Particles and adverbs between the phrase and its verb (canonical spelling), skipped in any order. */
const LEADERS = [
  "は",
  "が",
  "も",
  "とか",
  "って",
  "なんて",
  "など",
  "なんか",
  "まだ",
  "特に",
  "一度も",
  "一通も",
  "1通も",
  "何も",
  "なんも",
  "全然",
  "ぜんぜん",
  "一切",
  "いっさい",
  "ひとつも",
  "も何も",
  " ",
];
/** The verb of a mail coming or being there (canonical: 来 stays a kanji, 届く is read とどく). */
const ARRIVALS = [
  "来",
  "き",
  "こ",
  "とどい",
  "とどか",
  "とどき",
  "もどって",
  "もどら",
  "もどり",
  "かえって",
  "かえら",
  "かえり",
  "あり",
];
/** Words that are the negation themselves, with no verb before them ("there is none": 「なし」「ないです」). */
const NONE = ["ない", "なし", "なかっ", "無"];
/** Kana that may stand between the verb and its negation (来て|い|ない, 戻って|こ|ない, 来|ませ). */
const BETWEEN = new Set([..."てでいっつきこ "]);
/** The first kana of a Japanese negation (negation.ts reads the rest). */
const NEGATION_STARTS = new Set([..."なまずねへ"]);
/** After the negation: a wish or a doubt, not a denial (「来ないように」「来てないか」). */
const NOT_DENIALS = ["よう", "か", "で欲し", "でほし"];

/** English words that may stand between a negation and the phrase ("haven't received any"). */
const EN_BETWEEN = new Set([
  "get",
  "got",
  "gotten",
  "receive",
  "received",
  "see",
  "seen",
  "any",
  "a",
  "an",
  "the",
  "have",
  "had",
  "been",
  "there",
  "was",
  "were",
  "is",
  "are",
  "yet",
  "even",
  "single",
  "such",
  "one",
]);
/** English words after the phrase before its negation ("the bounce has never come"). */
const EN_AFTER = new Set(["has", "have", "had", "still", "yet", "ever", "did", "does", "do"]);

/** `strip` blanks the returned-mail phrases of a text (NFKC, lower case), keeping its length. */
export function deniesReturnedMail(
  text: string,
  strip: (text: string) => string,
  table: ReadingTable,
): boolean {
  const written = fold(text);
  const blanked = strip(text);
  // An emoji's variation selector dropped by strip shifts positions: not read then.
  if (blanked.length !== written.length) return false;
  let spans = 0;
  for (let i = 0; i < written.length; i++) {
    if (blanked[i] !== " " || written[i] === " ") continue;
    const start = i;
    while (i < written.length && blanked[i] === " ") i++;
    // The blank run may end in the text's own spaces: no part of the phrase.
    let end = i;
    while (end > start && written[end - 1] === " ") end--;
    spans++;
    if (!deniedAt(blanked, start, end, table)) return false;
  }
  return spans > 0;
}

function deniedAt(blanked: string, start: number, end: number, table: ReadingTable): boolean {
  const after = firstClause(blanked.slice(end, end + AFTER_CHARS));
  return (
    deniedInJapanese(canonical(after, table)) ||
    deniedBefore(lastClause(blanked.slice(Math.max(0, start - BEFORE_CHARS), start))) ||
    deniedAfter(after)
  );
}

/**
 * 「は一通も来ていない」: leaders, then a word of none (「なし」), or a verb of arriving, a few kana and a
 * negation; neither a wish nor a doubt.
 */
function deniedInJapanese(after: string): boolean {
  let at = 0;
  for (let moved = true; moved; ) {
    moved = false;
    for (const l of LEADERS)
      if (after.startsWith(l, at)) {
        at += l.length;
        moved = true;
      }
  }
  if (NONE.some((n) => after.startsWith(n, at))) return !wishOrDoubt(after, at + 2);
  const verb = ARRIVALS.find((a) => after.startsWith(a, at));
  if (verb === undefined) return false;
  let i = at + verb.length;
  while (i < after.length && BETWEEN.has(after[i]!)) i++;
  // Right there, a negation begins (ない, なかっ, ません, ず…): the verb's own.
  return (
    NEGATION_STARTS.has(after[i] ?? "") && negatesIn(after.slice(i - 1, i + 4)) && !wishOrDoubt(after, i + 2)
  );
}

/** What follows a negation's first two letters (ない|よう, ませ|んか) makes it a wish or a doubt. */
function wishOrDoubt(after: string, from: number): boolean {
  const skip = after[from] === "ん" || after[from] === "い" ? 1 : 0;
  const rest = after.slice(from + skip);
  return NOT_DENIALS.some((w) => rest.startsWith(w));
}

/** "didn't get any bounce", "no bounce": a negation, then only words of getting. */
function deniedBefore(before: string): boolean {
  const words = before.split(" ").filter((w) => w !== "");
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (EN_NEGATIONS.has(w.replace("'", ""))) return true;
    if (!EN_BETWEEN.has(w)) return false;
  }
  return false;
}

/** "the bounce never came", "bounce didn't come". */
function deniedAfter(after: string): boolean {
  for (const w of after.split(" ")) {
    if (w === "" || EN_AFTER.has(w)) continue;
    return EN_NEGATIONS.has(w.replace("'", ""));
  }
  return false;
}

function firstClause(text: string): string {
  let end = text.length;
  for (const mark of CLAUSE_ENDS) {
    const at = text.indexOf(mark);
    if (at >= 0 && at < end) end = at;
  }
  return text.slice(0, end);
}

function lastClause(text: string): string {
  return text.slice(Math.max(0, endOfLast(text, CLAUSE_ENDS)));
}
