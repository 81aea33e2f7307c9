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
export const LATIN = /[A-Za-z0-9]/;
/** A letter or digit of any script: a word, not a face drawn in characters. */
export const WORD_LETTER = /[\p{L}\p{N}]/u;
export const isHiragana = (ch: string): boolean => ch >= "ぁ" && ch <= "ゖ";
export const isDigit = (ch: string): boolean => ch >= "0" && ch <= "9";
