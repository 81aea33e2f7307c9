import { recentMemo } from "./turn-memory.ts";

/**
 * A text as typed words are compared with data words: width-folded (NFKC: 「ＭＢ」 → "MB", half-width kana →
 * full width) and lower-cased. The data (questions' examples, `aboutMail` words) is folded the same way when
 * it is loaded, so that a word meets a text however either was typed; dialogs/text.ts `folded` is this.
 *
 * The readers of one typed text each fold what they are given, and mostly the same few strings: of the
 * ~65 NFKC foldings a dev text went through, 83 % were of one of the 4 strings folded just before (the
 * whole text, its last sentence, the text without its words of feeling). So the last few are remembered,
 * as foldSymptomText remembers its own (knowledge/symptom-text.ts): a pure function, the same answer;
 * held in this process's memory only, and forgotten when the turn ends (turn-memory.ts). The last 16, not
 * 4 (round 32): the slowest 2 % of the dev texts, read in several pieces, folded 33 strings afresh each
 * with 4 remembered and 18 with 16 (nfkc: 36 → 19), ~12 more string comparisons per call costing less.
 */
const RECENT = 16;
export const fold: (text: string) => string = recentMemo(RECENT, (text) => nfkc(text).toLowerCase());

/** `text.normalize("NFKC")`, the last few remembered (fold above says why). */
export const nfkc: (text: string) => string = recentMemo(RECENT, (text) => text.normalize("NFKC"));
