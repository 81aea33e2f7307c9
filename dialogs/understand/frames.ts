import { folded, includesAny, trimEndOf, withoutWords } from "../text.ts";
import { MAX_QUESTION_CHARS } from "./thresholds.ts";

/**
 * How a question is framed, read by plain scans (includes, ends; no pattern): whether it asks only whether
 * something is so, retells advice, asks what a word or the diagnosis means. The question index
 * (understand.ts) and the rules after its decision (overrides.ts) read them.
 */

/** Ends of a text that asks whether something is so (「…ってこと？」「…なの？」「…止められてるん？」). */
const WHETHER_ENDS = [
  "こと",
  "ことか",
  "ことかな",
  "ことね",
  "ことですか",
  "ことですかね",
  "ことでしょうか",
  "の",
  "のか",
  "なん",
  "るん",
  "たん",
];
/** Words that ask why, who, which, what, how or when, or what to do (「…すればいいの」): more than whether. */
const ASKING_WORDS = [
  "なぜ",
  "なんで",
  "どうして",
  "どっち",
  "どちら",
  "だれ",
  "誰",
  "どう",
  "いつ",
  "何",
  "なに",
  "どこ",
  "どれ",
  "いい",
  "why",
  "how",
  "who",
  "which",
  "when",
];
/**
 * Words that ask why (「送ってないのになんで私に？」 "how come they land in my inbox"). Not 「何で」, which also asks
 * by what means (「何で送ればいい？」).
 */
const WHY_WORDS = ["なぜ", "なんで", "どうして", "why", "how come", "howcome", "what for"];

/** Whether a text asks why: a plain scan. */
export function asksWhy(text: string): boolean {
  return includesAny(folded(text, MAX_QUESTION_CHARS), WHY_WORDS);
}

/**
 * The reason of the mail on screen asked for ("what's the cause of this bounce?", "kindly tell me the reason of
 * this failure", 「この原因はなんですか」): a noun of reason pointed at this mail, or asked what it is. Not a
 * reason named (「原因は相手側？」) nor "because".
 */
const REASON_ASKED = [
  "reason for this",
  "reason of this",
  "reason for that",
  "reason of that",
  "reason for the error",
  "reason of the error",
  "reason for the bounce",
  "cause of this",
  "cause of that",
  "cause of the error",
  "cause of the bounce",
  "what caused this",
  "what caused it",
  "why did this happen",
  "why this happened",
  "この原因",
  "原因はなん",
  "原因は何",
  "理由はなん",
  "理由は何",
  "原因を教えて",
  "理由を教えて",
];

/** Whether a text asks the reason of the mail on screen: a plain scan. */
export function asksReason(text: string): boolean {
  return includesAny(folded(text, MAX_QUESTION_CHARS), REASON_ASKED);
}

const END_MARKS = new Set([..." \n\t。.!！?？、,〜~…ー"]);

/**
 * Whether a text asks whether something is so (「相手のメールボックスがいっぱいってこと？」「アドレス止められ
 * てるの？」) and nothing more (why, who, which, what to do): a plain scan, no pattern.
 */
export function asksWhetherSo(text: string): boolean {
  const t = folded(text, MAX_QUESTION_CHARS);
  if (includesAny(t, ASKING_WORDS)) return false;
  const body = trimEndOf(t, END_MARKS);
  return WHETHER_ENDS.some((e) => body.endsWith(e)) || toldAsQuestion(t);
}

/**
 * "so its still trying?" "so she's not using that address anymore?": English told as a sentence, with a
 * question mark (no question word or auxiliary first: "should i…", "can i…" ask what to do), asks whether it
 * is so. Words split at spaces: a plain scan.
 */
function toldAsQuestion(t: string): boolean {
  if (!t.trimEnd().endsWith("?") || !/^[\x20-\x7e]+$/.test(t)) return false;
  const words = t.split(" ").filter((w) => w !== "");
  // "…, what's a domain?" asks what, wherever it stands.
  if (words.some((w) => w.startsWith("what") || w.startsWith("where"))) return false;
  const first = words.find((w) => !OPENERS.has(w.replace(/[^a-z']/g, "")));
  return first !== undefined && !DOING_WORDS.has(first.replace(/[^a-z']/g, ""));
}
/** Words that open an English sentence told as a question, before what is said ("so", "wait,", "oh"). */
const OPENERS: ReadonlySet<string> = new Set([
  "so",
  "wait",
  "oh",
  "ok",
  "okay",
  "hmm",
  "um",
  "and",
  "then",
  "ah",
]);
/** An English question that asks what to do or may be done, or whether it did, opens with one of these. */
const DOING_WORDS: ReadonlySet<string> = new Set([
  "should",
  "can",
  "could",
  "do",
  "does",
  "did",
  "will",
  "would",
  "may",
  "shall",
  "must",
  "might",
  "am",
  "any",
  "if",
  "hows",
  "pls",
  "please",
]);

/** How people ask what something means or whether it is so (「…ってこと？」「…って何？」 "so it means…?"). */
const MEANING_FRAMES = [
  "ってこと",
  "ということ",
  "って事",
  "という事",
  "ってなに",
  "って何",
  "ってなん",
  "とは",
  "どういう意味",
  "どういうこと",
  "意味",
  "つまり",
  "mean",
];

/**
 * Ends of what a text says to do (「待っとけば いい」「待つしかない」「送らずに待っとけ」「聞くべき」「送っていい」):
 * retold and asked whether it is so, the action is what is asked.
 */
const ADVICE_ENDS = [
  "ばいい",
  "ばよい",
  "ばok",
  "しかない",
  "っとけ",
  "っとく",
  "ておけ",
  "ておく",
  "でおけ",
  "べき",
  "ていい",
  "でいい",
  "もいい",
  "なきゃ",
  "ないとだめ",
  "ないといけない",
];

/**
 * Whether a text retells what to do and asks whether that is it (「つまり待っとけばいいってこと？」「じゃあ相手
 * に聞くしかないの？」), not how or what to do (「どうすればいいの」): a plain scan, no pattern.
 */
export function retellsAdvice(text: string): boolean {
  const t = folded(text, MAX_QUESTION_CHARS);
  if (!includesAny(t, ADVICE_ENDS)) return false;
  return asksMeaning(t) || asksWhetherSo(t.split("いい").join(""));
}

/** Frames after a word that ask what it means (「SPFってなに」「リレーとは」). */
const TERM_FRAMES = [
  "ってなに",
  "って何",
  "ってなん",
  "とは",
  "ってどういう",
  // The word itself not understood (「ドメインって言葉がわからない」「…の意味がピンとこない」).
  "って言葉",
  "という言葉",
  "って単語",
  "という単語",
  "って用語",
  "の意味",
  "って意味",
  "ってわから",
  "って分から",
  "ってよくわから",
  "ってピンとこ",
];

/**
 * The word a text asks the meaning of (「SPF」 of 「SPFってなに？」), when the text is that word and a frame
 * that asks what it means, and nothing more; else undefined. A plain scan.
 */
export function termAskedAbout(text: string): string | undefined {
  const t = withoutWords(folded(text, MAX_QUESTION_CHARS), TERM_FILLERS, "").trim();
  if (t.length > MAX_TERM_QUESTION_CHARS) return undefined;
  // The word ends where the first frame starts (「ドメインって言葉がわからない」: not at 「がわから」).
  let at = -1;
  for (const frame of TERM_FRAMES) {
    let i = t.indexOf(frame);
    // 「できることは」: 「とは」 of 「こと」 + は is no frame.
    while (i > 0 && frame === "とは" && t[i - 1] === "こ") i = t.indexOf(frame, i + 1);
    if (i > 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) return undefined;
  const term = withoutWords(t.slice(0, at), TERM_QUOTES, "").trim();
  return term.length >= 2 && !term.includes(" ") ? term : undefined;
}
/** Quotes around the word (「「ドメイン」って何？」). */
const TERM_QUOTES = ["「", "」", "『", "』", '"', "'"];
/** Words that stress the asking and say nothing of the word asked about (「ドメインってそもそも何？」). */
const TERM_FILLERS = ["そもそも", "いったい", "一体", "結局", "いまいち", "イマイチ"];
/** A question about one word is short (「リレーって何のことですか」). */
const MAX_TERM_QUESTION_CHARS = 20;

/** Whether a text asks what something means or whether it is so (a plain scan, no pattern). */
export function asksMeaning(text: string): boolean {
  const t = folded(text, MAX_QUESTION_CHARS);
  return includesAny(t, MEANING_FRAMES);
}

/**
 * Whether a text asks what something is (「なんなのこれ」「これ何？」 "what is this"), or what it means: a
 * plain scan. 「これいつまで続くの」 names the mail on screen but asks how long.
 */
export function asksWhatItIs(text: string): boolean {
  const t = folded(text, MAX_QUESTION_CHARS);
  return includesAny(t, WHAT_WORDS) || includesAny(t, MEANING_FRAMES);
}
/** "What" (何通, 何回 ask counts: 「これ何通来るの」 is rare enough after a diagnosis to be read as "what"). */
const WHAT_WORDS = ["何", "なに", "なんな", "なんじゃ", "what"];

/** A goal named before asking how (「…を知るにはどうしたらいい」「…するためには」): a plain scan. */
export function namesGoal(text: string): boolean {
  const t = folded(text, MAX_QUESTION_CHARS);
  const at = t.indexOf("には");
  return at > 0 && includesAny(t.slice(at + 1), GOAL_HOW);
}
/** How asked after the goal. */
const GOAL_HOW = ["どう", "方法", "何を", "なにを"];
