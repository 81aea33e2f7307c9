/** Vowels of hiragana: what a long-vowel mark after them sounds like (カー = カア, メール = メイル). */

const VOWEL_ROWS: Record<string, string> = {
  a: "あかさたなはまやらわがざだばぱ",
  i: "いきしちにひみりぎじぢびぴ",
  u: "うくすつぬふむゆるぐずづぶぷゔ",
  e: "えけせてねへめれげぜでべぺ",
  o: "おこそとのほもよろをごぞどぼぽ",
};
const VOWEL = new Map<string, string>();
for (const [vowel, row] of Object.entries(VOWEL_ROWS)) for (const ch of row) VOWEL.set(ch, vowel);

/** The vowel (a, i, u, e, o) of a hiragana, or undefined (ん, small kana, anything else). */
export function vowelOf(hiragana: string): string | undefined {
  return VOWEL.get(hiragana);
}

/**
 * How a long vowel after a kana of this vowel is written in hiragana: ケータイ = けいたい, ボーナス = ぼうなす,
 * as kanji readings write them (携帯 けいたい).
 */
export const LONG_VOWEL: Record<string, string> = { a: "あ", i: "い", u: "う", e: "い", o: "う" };

/** Kana that lengthen a kana of this vowel when written out: カア, メイル or メエル, ノウ or ノオ. */
export const LENGTHENERS: Record<string, string> = { a: "あ", i: "い", u: "う", e: "いえ", o: "うお" };

/**
 * Katakana ァ…ヶ (U+30A1–U+30F6) as the hiragana of the same sound (U+3041–U+3096), one UTF-16 unit for one;
 * any other unit as it is. The one place every reader folds katakana (normalize.ts, phrases.ts, respell.ts,
 * voicing.ts): メール and めーる are compared alike.
 */
export function hiraganaCode(code: number): number {
  return code >= 0x30a1 && code <= 0x30f6 ? code - 0x60 : code;
}

/** A text with its katakana as hiragana (hiraganaCode), one unit for one: positions stay those of the text. */
export function hiraganaOf(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(hiraganaCode(text.charCodeAt(i)));
  return out;
}

/**
 * Small kana read as the large kana of the same sound (ゃ = や, ぃ = い: the large one is the next code point).
 * Which are folded differs on purpose, so each reader names its set:
 * - SMALL_KANA: as symptom-text.ts folds phrases (phrases.ts, which finds them in a text kept at its length);
 * - SMALL_KANA_BUT_TSU: by sound (respell.ts), where ッ is a sound of its own (ノット is "not", のと no word);
 * - SMALL_KANA_WITH_KA_KE: the canonical spelling (normalize.ts) also folds ゕ ゖ (ヵ ヶ of 3ヵ月, 1ヶ所).
 */
export const SMALL_KANA: ReadonlySet<number> = codesOf("ぁぃぅぇぉっゃゅょゎ");
export const SMALL_KANA_BUT_TSU: ReadonlySet<number> = codesOf("ぁぃぅぇぉゃゅょゎ");
export const SMALL_KANA_WITH_KA_KE: ReadonlySet<number> = codesOf("ぁぃぅぇぉっゃゅょゎゕゖ");

/** A hiragana's code, the large kana's if it is one of `small` (a set above); any other unit as it is. */
export function largeKanaCode(code: number, small: ReadonlySet<number>): number {
  if (!small.has(code)) return code;
  // ゕ ゖ (ヵ ヶ) are the counter's か in 3ヶ月, 1ヵ所, read as 3か月 and 3カ月 are: not the next code point.
  return code === KA_SMALL || code === KE_SMALL ? KA : code + 1;
}
const KA = 0x304b;
const KA_SMALL = 0x3095;
const KE_SMALL = 0x3096;

function codesOf(kana: string): ReadonlySet<number> {
  return new Set([...kana].map((ch) => ch.charCodeAt(0)));
}
