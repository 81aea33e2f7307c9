/** Small text helpers shared by the interpreter, the UI schema and the renderer. */

import { foundInList } from "../knowledge/bounce/phrase-index.ts";
import { includesAny } from "../knowledge/bounce/text.ts";
import { fold } from "../knowledge/fold.ts";

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair, adding "…" when cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** How typed commands are compared: width, case and trailing punctuation do not matter. */
export function normalizeCommand(text: string): string {
  return trimEndOf(fold(text).replace(/\s+/g, " ").trim(), TRAILING_PUNCTUATION);
}

export const TRAILING_PUNCTUATION: ReadonlySet<string> = new Set([..." 。、.!?！？~〜…"]);

/**
 * Drops the characters of `set` from the end. A loop, not `/[…]+$/`: an unanchored regular expression
 * retries the run from every start and is quadratic on a long run of punctuation.
 */
export function trimEndOf(text: string, set: ReadonlySet<string>): string {
  let end = text.length;
  while (end > 0 && set.has(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** Drops the characters of `set` from the start (a loop, as trimEndOf). */
export function trimStartOf(text: string, set: ReadonlySet<string>): string {
  let start = 0;
  while (start < text.length && set.has(text[start]!)) start++;
  return text.slice(start);
}

/**
 * Where the last occurrence of any of `words` ends in `text` (the end of the one ending furthest on), or -1 when
 * none occurs. Plain string search, linear in the text per word.
 */
export function endOfLast(text: string, words: Iterable<string>): number {
  let end = -1;
  for (const word of words) {
    const at = text.lastIndexOf(word);
    if (at >= 0) end = Math.max(end, at + word.length);
  }
  return end;
}

/**
 * `text` with every occurrence of each of `words` replaced by `by` (a space keeps the words around apart;
 * "" joins them). Plain string search: no pattern, linear in the text per word.
 */
export function withoutWords(text: string, words: readonly string[], by = " "): string {
  let out = text;
  for (const w of words) if (out.includes(w)) out = out.split(w).join(by);
  return out;
}

/**
 * withoutWords(text, words, by) for a fixed list read on every message (ui.yaml's feelings denied: ~700
 * words): a word is looked for only where one pass of an automaton over the text (knowledge/bounce/
 * phrase-index.ts) found it, so a message costs one pass instead of a search per word (round 37; before, a
 * search per first letter). The same result: taking words out and putting `by` in their place leaves the
 * rest of the text as pieces of it with `by` between them, so a word with no character of `by` that the text
 * lacks cannot occur at any step; a word that has one (or is empty) is looked for always, and every word where
 * `by` is empty (the pieces joined may spell a word: 「いあい」 without 「あ」 is 「いい」).
 */
export function wordsRemover(words: readonly string[], by = " "): (text: string) => string {
  const always = words.flatMap((w, i) =>
    by === "" || w === "" || [...by].some((c) => w.includes(c)) ? [i] : [],
  );
  const found = foundInList(words, always);
  return (text) => {
    // In the list's order, as taking each word out in turn.
    const todo = found(text);
    let out = text;
    for (const i of todo) {
      const w = words[i]!;
      if (out.includes(w)) out = out.split(w).join(by);
    }
    return out;
  };
}

/**
 * Phrase scans: plain string search over a text folded once (no pattern, linear in the text per word), the
 * way every reader of typed words looks for its lists (dialogs/understand: sides.ts, outcome.ts, frames.ts).
 */

/** A text as phrase scans read it: its first `max` UTF-16 units, width-folded (NFKC) and lower-cased. */
export function folded(text: string, max = text.length): string {
  return fold(text.slice(0, max));
}

/** Whether `text`, folded, contains any of `words` (given folded). */
export function mentionsAny(text: string, words: readonly string[]): boolean {
  return includesAny(folded(text), words);
}

/**
 * Whether an already folded text contains any of `words`: mentionsAny without folding it again. The one in
 * knowledge/bounce/text.ts, which the classifier's readers use too.
 */
export { includesAny };

/**
 * Whether `word` occurs in `t` at least once not right before one of `nots` (「うちの」 not in 「うちの取引先」;
 * 「届き」 not in 「届きました」).
 */
export function occursNotBefore(t: string, word: string, nots: readonly string[]): boolean {
  for (let at = t.indexOf(word); at >= 0; at = t.indexOf(word, at + 1)) {
    const after = at + word.length;
    if (!nots.some((w) => t.startsWith(w, after))) return true;
  }
  return false;
}

/**
 * What follows the last of `marks` that has something after it: the last clause or sentence (all of `t` when
 * none has).
 */
export function afterLastMark(t: string, marks: string): string {
  for (let i = t.length - 2; i >= 0; i--) if (marks.includes(t[i]!)) return t.slice(i + 1);
  return t;
}

/** Fills {name} placeholders. Unknown names stay as they are, so a typo shows instead of vanishing. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

/**
 * Whether a word of `firsts` is followed, within `window` letters after it, by a word of `seconds`
 * (「全然」 … 「届かない」, 「聞ける人」 … 「いない」): a pairing of two lists, no pattern that backtracks.
 */
export function followedWithin(
  text: string,
  firsts: readonly string[],
  window: number,
  seconds: readonly string[],
): boolean {
  for (const first of firsts) {
    for (let at = text.indexOf(first); at >= 0; at = text.indexOf(first, at + 1)) {
      const after = text.slice(at + first.length, at + first.length + window);
      if (seconds.some((s) => after.includes(s))) return true;
    }
  }
  return false;
}

/**
 * Whether a UTF-16 unit of folded text is a Latin letter (lower case) or a digit; NaN (outside the text) is not.
 * By code: a character taken as a string (text[i]) is a new string for each kana or kanji.
 */
export const isFoldedLatinCode = (code: number): boolean =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
