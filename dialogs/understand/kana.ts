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
