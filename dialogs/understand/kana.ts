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
