/**
 * The marks that close a sentence, and those between two words of a clause, in one place: each reader trims or
 * tests by one of the sets below, built from the same parts. They differ where what a mark says differs:
 * - a question mark closes a sentence but says it asks: a want or a thing realised closes without one
 *   (「届けたい？」 asks, `CLOSING`); a question is read without its marks (`CLOSING_ASKED`);
 * - commas and drawn-out ends (「、」「〜」「ー」) close what a sentence tells (「送りたい、」「届けたいー」), but after a
 *   word they say the sentence goes on (「…んですが、」) or draw the word out: what may follow a sentence's last
 *   word is a stop, a question mark, a blank or a line break only (`SENTENCE_BREAK`, voicing.ts);
 * - between a word and what follows it in one clause (「原因は、相手？」「…ってことは、」) stand only commas and
 *   blanks (`GAPS`): a stop there ends the sentence;
 * - 「ー」 draws a word out (「届けたいー」) but also ends katakana words (「サーバー」): readers of a sentence's last
 *   word leave it on (`SENTENCE_END`, `BEFORE_CONNECTIVE`); laughs (「笑」「w」) close a sentence for some readers.
 * Full-width forms are listed beside the half-width ones: some readers see the text before folding.
 */
const STOPS = "。．.!！…";
const QUESTION_MARKS = "?？";
const WAVES = "〜~";
/** Waves, and the long-vowel mark, which also ends katakana words (「サーバー」). */
const DRAWN_OUT = `${WAVES}ー`;
const COMMAS = "、,，";
const BLANKS = " 　";
/** Line breaks and tabs: pasted or typed text keeps them after folding. */
const LINES = "\n\t";
/** A laugh closing a sentence (「笑」, "w" after Japanese: dialect.ts reads w's as 笑). */
const LAUGHS = "笑w";

/**
 * The question marks, half- and full-width: every reader that asks whether a text (or a part of it) is marked as a
 * question tests them here, by `hasQuestionMark` or this set, not by its own 「"?" or "？"」.
 */
export const QUESTION_MARK_SET: ReadonlySet<string> = new Set([...QUESTION_MARKS]);
/** Whether a question mark stands anywhere in the text (two `includes`, no pattern). */
export const hasQuestionMark = (text: string): boolean => text.includes("?") || text.includes("？");
/** Whether the text's last mark, blanks aside, is a question mark (「…かな？ 」). */
export function endsWithQuestionMark(text: string): boolean {
  const t = text.trimEnd();
  return t.endsWith("?") || t.endsWith("？");
}

/** What closes a sentence that tells (「…したいです…」「…だったのか笑」): any mark but a question mark. */
export const CLOSING: ReadonlySet<string> = new Set([...STOPS, ...DRAWN_OUT, ...COMMAS, ...BLANKS]);
/** What closes a sentence, a question's marks too (what is asked, read before them: 「…かな？」). */
export const CLOSING_ASKED: ReadonlySet<string> = new Set([...CLOSING, ...QUESTION_MARKS]);
/** What may follow the last word of a sentence: a stop, a question mark, a blank, a line break. */
export const SENTENCE_BREAK: ReadonlySet<string> = new Set([...STOPS, ...QUESTION_MARKS, ...BLANKS, "\n"]);
/** Between two words of one clause: commas and blanks. */
export const GAPS: ReadonlySet<string> = new Set([...COMMAS, ...BLANKS]);
/** Between two words of one clause, or after a contrast before the question (「けど…」): GAPS and an ellipsis. */
export const GAPS_TRAILING: ReadonlySet<string> = new Set([...GAPS, "…"]);
/**
 * What closes a sentence read for its last word (「…か。」「…よね、」: asking.ts, acts.ts, says.ts): CLOSING without
 * 「ー」, which would cut a katakana word's long vowel (「サーバー」), and with line breaks and tabs.
 */
export const SENTENCE_END: ReadonlySet<string> = new Set([
  ...STOPS,
  ...WAVES,
  ...COMMAS,
  ...BLANKS,
  ...LINES,
]);
/** Any mark after a text's last word, 「ー」 and question marks too (frames.ts: 「…ってこと？ー」). */
export const ENDING_MARKS: ReadonlySet<string> = new Set([...CLOSING_ASKED, ...LINES]);
/**
 * What closes a sentence before a connective opens the next (「止まってたw じゃあ…」, lead-in.ts): a stop, a question
 * mark, a wave, a blank or a laugh; no comma (「メールで、」 goes on) and no 「ー」 (the end of a katakana word).
 */
export const BEFORE_CONNECTIVE: ReadonlySet<string> = new Set([
  ...STOPS,
  ...QUESTION_MARKS,
  ...WAVES,
  ...BLANKS,
  ...LAUGHS,
]);
/**
 * What may close a fact told as all there was to it (「…ただけでした笑」, question.ts): stops, drawn-out ends, blanks,
 * laughs; no comma (「…ただけ、」 goes on) and no question mark (「…ただけ？」 asks).
 */
export const TOLD_CLOSE: ReadonlySet<string> = new Set([...STOPS, ...DRAWN_OUT, ...BLANKS, ...LAUGHS]);
