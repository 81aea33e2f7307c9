/**
 * The marks that close a sentence, and those between two words of a clause, in one place: each reader trims or
 * tests by one of the sets below, built from the same parts. They differ where what a mark says differs:
 * - a question mark closes a sentence but says it asks: a want or a thing realised closes without one
 *   (「届けたい？」 asks, `CLOSING`); a question is read without its marks (`CLOSING_ASKED`);
 * - commas and drawn-out ends (「、」「〜」「ー」) close what a sentence tells (「送りたい、」「届けたいー」), but after a
 *   word they say the sentence goes on (「…んですが、」) or draw the word out: what may follow a sentence's last
 *   word is a stop, a question mark, a blank or a line break only (`SENTENCE_BREAK`, voicing.ts);
 * - between a word and what follows it in one clause (「原因は、相手？」「…ってことは、」) stand only commas and
 *   blanks (`GAPS`): a stop there ends the sentence.
 * Full-width forms are listed beside the half-width ones: some readers see the text before folding.
 */
const STOPS = "。．.!！…";
const QUESTION_MARKS = "?？";
const DRAWN_OUT = "〜~ー";
const COMMAS = "、,";
const BLANKS = " 　";

/** What closes a sentence that tells (「…したいです…」「…だったのか笑」): any mark but a question mark. */
export const CLOSING: ReadonlySet<string> = new Set([...STOPS, ...DRAWN_OUT, ...COMMAS, ...BLANKS]);
/** What closes a sentence, a question's marks too (what is asked, read before them: 「…かな？」). */
export const CLOSING_ASKED: ReadonlySet<string> = new Set([...CLOSING, ...QUESTION_MARKS]);
/** What may follow the last word of a sentence: a stop, a question mark, a blank, a line break. */
export const SENTENCE_BREAK: ReadonlySet<string> = new Set([...STOPS, ...QUESTION_MARKS, ...BLANKS, "\n"]);
/** Between two words of one clause: commas and blanks. */
export const GAPS: ReadonlySet<string> = new Set([...COMMAS, ...BLANKS]);
