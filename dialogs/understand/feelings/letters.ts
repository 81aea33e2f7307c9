/**
 * Letters and marks the readers of feelings share, and the length past which no shape is read: one
 * definition each, so that the readers agree on what pauses, closes a clause or ends a sentence.
 */

/** Longer texts are pastes or stories, not a feeling's shape (and the scans stay short). */
export const MAX_SHAPE_CHARS = 300;
/** A pause after a sound or an opening (「チッ、」「ちょっと待って、」). */
export const PAUSES = new Set([..." 、,。.!?…・〜~ー"]);
/** Marks trimmed off the end of a clause before its ending is read. */
export const CLOSING = new Set([..." 　。、.!！?？~〜ー…・"]);
/** What ends a sentence (a full stop, a mark, a line break). */
export const SENTENCE_MARKS = new Set([..."。.!！?？\n"]);
export const KANJI = /\p{Script=Han}/u;
/**
 * Whether a UTF-16 unit is a kanji (KANJI on that one character), for scans that read character codes: no
 * string made per character (V8 keeps one-character strings only below U+0100). Every Han character of the
 * Basic Multilingual Plane lies in HAN_FIRST…HAN_LAST; one bit each, worked out once from KANJI itself.
 */
export const isKanjiCode = (code: number): boolean => {
  const at = code - HAN_FIRST;
  return at >= 0 && code <= HAN_LAST && (HAN_BITS[at >> 5]! & (1 << (at & 31))) !== 0;
};
const HAN_FIRST = 0x2e80;
const HAN_LAST = 0xfaff;
const HAN_BITS = new Int32Array(((HAN_LAST - HAN_FIRST) >> 5) + 2);
for (let at = 0; at <= HAN_LAST - HAN_FIRST; at++)
  if (KANJI.test(String.fromCharCode(HAN_FIRST + at))) HAN_BITS[at >> 5]! |= 1 << (at & 31);
export const LATIN = /[A-Za-z0-9]/;
/** A letter or digit of any script: a word, not a face drawn in characters. */
export const WORD_LETTER = /[\p{L}\p{N}]/u;
export const isHiragana = (ch: string): boolean => ch >= "ぁ" && ch <= "ゖ";
export const isDigit = (ch: string): boolean => ch >= "0" && ch <= "9";
