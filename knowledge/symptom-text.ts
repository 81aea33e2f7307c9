/**
 * How users' own words are compared with the phrases of symptoms.yaml. Both sides are folded the same way,
 * so support staff write a phrase once and it still matches what people actually type on a phone:
 * - full-width / half-width (ＭＢ, ﾒｰﾙ), upper / lower case: Unicode NFKC, then lower case;
 * - katakana / hiragana (メール, めーる), small / large kana (ウィルス, ウイルス): folded to large hiragana;
 * - spacing and punctuation (「送った 覚えが、ない」, "20 MB"): removed, except one space between two
 *   Latin words;
 * - verb and adjective endings: a phrase ending in a dictionary form (届く, 大きい, ない, 戻ってくる) matches
 *   any ending (届きます, 大きすぎ, なくて, 戻ってきた), because its last kana is dropped (see endingLength()).
 * English phrases must start at a word start ("full" does not match "beautiful") but may end inside one
 * ("bounce" matches "bounces").
 */

const KATAKANA = /[\u30A1-\u30F6]/g;
const SMALL_KANA = /[ぁぃぅぇぉっゃゅょゎ]/g;
const APOSTROPHES = /['\u2019]/g; // "didn't" and "didn’t" both become "didnt"
const SEPARATORS = /[\s\p{P}\p{S}]+/gu;
const LATIN_OR_DIGIT = /[a-z0-9]/;

export function foldSymptomText(text: string): string {
  const folded = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(APOSTROPHES, "")
    .replace(KATAKANA, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60))
    .replace(SMALL_KANA, (ch) => String.fromCharCode(ch.charCodeAt(0) + 1));
  // Separators become one space only where two Latin words meet; elsewhere (between Japanese words, or
  // between a number and its unit: "20 MB") they vanish.
  return folded.replace(SEPARATORS, (run: string, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? "";
    const after = whole[offset + run.length] ?? "";
    const numberThenUnit = isDigit(before) && !isDigit(after);
    return isWordChar(before) && isWordChar(after) && !numberThenUnit ? " " : "";
  });
}

function isWordChar(ch: string): boolean {
  return LATIN_OR_DIGIT.test(ch);
}

function isDigit(ch: string): boolean {
  return ch >= "0" && ch <= "9";
}

/**
 * Endings that conjugate, written in hiragana: u-row kana end verbs (届く, 送る), い ends adjectives and ない.
 * Katakana words (メール, ウイルス) are nouns and keep their last kana.
 */
const CONJUGATING_END = /[うくぐすずつぬぶむるい]$/;
const IRREGULAR_END = /(くる|する)$/;

/** How many trailing characters of a phrase are a conjugating ending that other forms replace. */
export function endingLength(phrase: string): number {
  const plain = phrase.normalize("NFKC").replace(SEPARATORS, "");
  if (plain.length >= 4 && IRREGULAR_END.test(plain)) return 2;
  if (plain.length >= 3 && CONJUGATING_END.test(plain)) return 1;
  return 0;
}

export interface CompiledPhrase {
  /** As written in symptoms.yaml (for error messages). */
  phrase: string;
  needle: string;
  /** English-like phrases must start at a word start. */
  wordStart: boolean;
}

export function compilePhrase(phrase: string): CompiledPhrase {
  const folded = foldSymptomText(phrase);
  const needle = folded.slice(0, folded.length - endingLength(phrase));
  return { phrase, needle, wordStart: LATIN_OR_DIGIT.test(needle[0] ?? "") };
}

/** Whether a compiled phrase occurs in an already folded text. */
export function occursIn(folded: string, compiled: CompiledPhrase): boolean {
  if (compiled.needle === "") return false;
  let at = folded.indexOf(compiled.needle);
  while (at !== -1) {
    if (!compiled.wordStart || at === 0 || !LATIN_OR_DIGIT.test(folded[at - 1]!)) return true;
    at = folded.indexOf(compiled.needle, at + 1);
  }
  return false;
}
