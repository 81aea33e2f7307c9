/**
 * A text as typed words are compared with data words: width-folded (NFKC: 「ＭＢ」 → "MB", half-width kana →
 * full width) and lower-cased. The data (questions' examples, `aboutMail` words) is folded the same way when
 * it is loaded, so that a word meets a text however either was typed; dialogs/text.ts `folded` is this.
 */
export function fold(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}
