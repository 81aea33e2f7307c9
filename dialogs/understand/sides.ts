import { mentionsAny } from "../text.ts";

/**
 * Whose side a text names: the user's own (「私の」「自分の」「うちの」「こっち」 "my") or the other party's
 * (「相手の」「先方」「向こう」 "their"). 「私のメールボックスがいっぱいなの？」 after "the recipient's
 * mailbox is full" asks whose mailbox it is; 「相手のメールボックスがいっぱいなの？」 says the diagnosis
 * again. Plain scans (includes, word boundaries by hand), no pattern: linear in the text.
 */

export type Side = "own" | "other" | "both";

/**
 * Words for what belongs to the user (possessive: 「私の」「自分の」「うちの」「こっちの」): 「私が偽物だと
 * 思われたってこと？」 names the user as the one acted on, which the diagnosis may well say.
 */
const OWN_JA = [
  "私の",
  "わたしの",
  "あたしの",
  "自分の",
  "じぶんの",
  "うちの",
  "僕の",
  "ぼくの",
  "俺の",
  "こっちの",
  "こっち側",
  "こちらの",
  "こちら側",
  "当方の",
  "弊社の",
  "わいの",
];
/** Words for the other party's side. */
const OTHER_JA = [
  "相手",
  "先方",
  "向こう",
  "むこう",
  "あっち",
  "あちら",
  "受け取る側",
  "受け取り側",
  "受信側",
  "あいての",
  "取引先",
];
/** English words, matched as whole words. */
const OWN_EN = ["my", "mine", "our"];
const OTHER_EN = ["their", "theirs", "they", "them", "recipient", "recipient's", "receiver"];

/**
 * Which side a text names, or undefined for neither. 「相手のアドレスを私が間違えた」 names both.
 */
export function sideNamed(text: string): Side | undefined {
  const t = text.normalize("NFKC").toLowerCase();
  const own = OWN_JA.some((w) => ownedAlone(t, w)) || hasEnglishWord(t, OWN_EN);
  const other = OTHER_JA.some((w) => t.includes(w)) || hasEnglishWord(t, OTHER_EN);
  if (own && other) return "both";
  return own ? "own" : other ? "other" : undefined;
}

/**
 * Words that offer a choice between two things named (「相手側の制限なのか、うちの方の制限なのか」「私の？それとも
 * 向こう？」). English "or" is left out: "did it reach them or not" names no choice of sides.
 */
const CHOICE_WORDS = ["それとも", "または", "もしくは", "どっち", "どちら", "のか、"];

/**
 * Whether a text names both sides as a choice asked about (「相手側の制限に引っかかったのか、うちの方の制限なのか
 * 知りたい」), not both in one story (「相手のアドレスを私が間違えた」): a word of choice, or two questions.
 */
export function choosesSide(text: string): boolean {
  if (sideNamed(text) !== "both") return false;
  const t = text.normalize("NFKC").toLowerCase();
  if (countOf(t, "?") >= 2) return true;
  return CHOICE_WORDS.some((w) => t.includes(w));
}

function countOf(t: string, mark: string): number {
  let n = 0;
  for (let at = t.indexOf(mark); at >= 0; at = t.indexOf(mark, at + 1)) n++;
  return n;
}

/**
 * Whether the user's own word occurs other than right before a word for the other party: 「うちの取引先」
 * names the other party (whose they are), not the user's side.
 */
function ownedAlone(t: string, word: string): boolean {
  for (let at = t.indexOf(word); at >= 0; at = t.indexOf(word, at + 1)) {
    const after = at + word.length;
    if (!OTHER_JA.some((w) => t.startsWith(w, after))) return true;
  }
  return false;
}

/** Whether one of the words occurs as a whole word (letters and ' make a word). */
function hasEnglishWord(t: string, words: readonly string[]): boolean {
  let start = -1;
  for (let i = 0; i <= t.length; i++) {
    const ch = t[i];
    const letter = ch !== undefined && ((ch >= "a" && ch <= "z") || ch === "'");
    if (letter && start < 0) start = i;
    else if (!letter && start >= 0) {
      if (words.includes(t.slice(start, i))) return true;
      start = -1;
    }
  }
  return false;
}

/**
 * Words that ask whose fault or whose problem it is (「問題」「せい」「原因」「悪い」 "fault"): with them a
 * text naming the other side asks whose side it is, not what the diagnosis says.
 */
const FAULT_WORDS = [
  "問題",
  "せい",
  "原因",
  "悪い",
  "わるい",
  "責任",
  "側",
  "ミス",
  "fault",
  "problem",
  "side",
  "blame",
];

export function namesFault(text: string): boolean {
  return mentionsAny(text, FAULT_WORDS);
}
