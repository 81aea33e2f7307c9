import { fold } from "../../knowledge/fold.ts";
import { endOfLast, includesAny } from "../text.ts";
import type { TypedWords } from "./words.ts";

/** The words of asking wish-to-ask.ts reads (ui.yaml typedWords; knowledge/data checks them). */
export type WishWords = Pick<
  TypedWords,
  "wishesToAsk" | "leavesToAsk" | "askSubjectMarkers" | "askSofteners"
>;

/**
 * 「容量のことで聞きたいんですけど」「宛先について質問があるのですが」: a wish to ask about a subject, closing the
 * message, its question still to come. Its words matched starting over or a person (「別のエラーメールについて
 * 聞きたい」「人に聞きたい」) or the likeliest question of the subject, answered as if asked; what serves is the
 * questions of the subject offered (「もしかして…」), with the paste help and the menu beside them.
 * A means named instead of a subject (「電話で聞きたい」「掲示板で聞きたい」) is no such wish: the subject is
 * named by a marker (について, のことで, の件で, に関して) before the wish. After the wish only its closing
 * (「…んですが」「…ことがあって」), no word of a question of its own (「…聞きたいんですが、容量増やせますか」).
 * The wish alone, nothing named before it but a softener (「ちょっと聞きたいことがあるんですが」), is "bare": how to
 * ask here is what serves (the help), not a goodbye or a greeting its closing words matched.
 * Plain string search: one includes() per wish word first, no pattern. The words are data (ui.yaml typedWords
 * `wishesToAsk`, `leavesToAsk`, `askSubjectMarkers`, `askSofteners`).
 */
export function wishesToAsk(text: string, words: WishWords): "subject" | "bare" | "leave" | undefined {
  const t = fold(text);
  const wishes = words.wishesToAsk;
  if (!includesAny(t, wishes)) return leaveAsked(t, words) ? "leave" : undefined;
  const end = endOfLast(t, wishes);
  const rest = t.slice(end);
  if ([...rest].length > MAX_CLOSING_CHARS || namesAny(rest)) return undefined;
  const before = t.slice(0, end);
  const marker = endOfLast(before, words.askSubjectMarkers);
  // A subject of a few letters before its marker, the marker before the wish.
  if (marker >= 0 && marker - longestMarkerAt(before, marker, words.askSubjectMarkers) >= MIN_SUBJECT_CHARS)
    return "subject";
  const opening = t.slice(0, startOfLast(t, end, wishes));
  return [...opening].length <= MAX_SOFTENER_CHARS && onlySoftens(opening, words.askSofteners)
    ? "bare"
    : undefined;
}

/**
 * 「ちょっと質問いいですか」「ひとつ相談してもいいですか？」: leave to ask, asked alone (nothing before it but a softener,
 * nothing after it but its closing): the question is still to come, and the greeting, which welcomes it and says what to
 * send, answers (read before as nothing understood). Plain string search: one includes() per word of leave.
 */
function leaveAsked(t: string, words: WishWords): boolean {
  const leaves = words.leavesToAsk;
  if (!includesAny(t, leaves)) return false;
  const end = endOfLast(t, leaves);
  const rest = t.slice(end);
  if ([...rest].length > MAX_CLOSING_CHARS || namesAny(rest)) return false;
  let start = end;
  for (const w of leaves) if (t.endsWith(w, end)) start = end - w.length;
  const opening = t.slice(0, start);
  return [...opening].length <= MAX_SOFTENER_CHARS && onlySoftens(opening, words.askSofteners);
}
/** Whether an opening holds nothing but softeners, marks and spaces (「あの、ちょっと」). */
function onlySoftens(opening: string, softeners: readonly string[]): boolean {
  let rest = opening;
  for (const s of softeners) if (rest.includes(s)) rest = rest.split(s).join("");
  for (const ch of rest) if (!MARKS.includes(ch)) return false;
  return true;
}

/** Where the wish word that ends at `end` starts. */
function startOfLast(t: string, end: number, wishes: readonly string[]): number {
  for (const w of wishes) if (t.endsWith(w, end)) return end - w.length;
  return end;
}

/** Whether a piece of text names something (namesSomething) other than the wish's own words. */
function namesAny(piece: string): boolean {
  for (const ch of piece) if (namesSomething(ch.codePointAt(0)!) && !CLOSING_WORDS.includes(ch)) return true;
  return false;
}

/** The length of the subject marker that ends at `end` in `text`. */
function longestMarkerAt(text: string, end: number, markers: readonly string[]): number {
  let len = 0;
  for (const m of markers) if (m.length > len && text.endsWith(m, end)) len = m.length;
  return len;
}

/** The subject before its marker: at least a word (「容量」, "アドレス"). */
const MIN_SUBJECT_CHARS = 2;
/** A closing of the wish is short (「ことがあるんですけど…」). */
const MAX_CLOSING_CHARS = 16;
/**
 * Whether a letter can name something (a kanji, katakana but the long mark, a Latin letter or a digit): after the
 * wish it is a question of its own. Kana, marks, spaces and emoji close a wish.
 */
function namesSomething(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x30a0 && code <= 0x30ff && code !== 0x30fc) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x30 && code <= 0x39)
  );
}
/** The kanji of the wish's own closings and softeners (「…事があります」「少々」「一つ」「1点」). */
const CLOSING_WORDS = "事少々一1点個";
/** A softener before a bare wish (「ちょっと」「すみません、」「あの、ひとつ」). */
const MAX_SOFTENER_CHARS = 10;
/** Marks and spaces around softeners (as folded: NFKC turns 「、」 into itself, 「！」 into "!"). */
const MARKS = "、。,.!?！？・… 　ー〜~";
