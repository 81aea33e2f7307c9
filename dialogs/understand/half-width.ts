/**
 * 「ｴﾗｰﾒｰﾙｯﾃﾅﾆ」「ｱﾄﾞﾚｽﾏﾁｶﾞｯﾃﾙ?」: text typed on an old phone in half-width katakana, where every word,
 * particle and ending is katakana. NFKC makes it full-width with its voicing marks joined (ﾃﾞ → デ) but
 * leaves it katakana, and katakana is where the readers see loanwords only: the scans of endings and
 * question words (「ってなに」「の？」「どう」) look for hiragana, and the word segmenter cuts 「ッテナニ」
 * into single letters. So the half-width runs are written as people type today: the words the data itself
 * writes in katakana (メール, パスワード, ウイルス) kept, everything else in hiragana (「エラーメールってなに」).
 * One pass over the text; at each katakana position a few lookups of the words with that first letter.
 */

import { nfkc } from "../../knowledge/fold.ts";
import { includesAny } from "../text.ts";
import { hiraganaCode } from "./kana.ts";

/** The text with its half-width katakana written so, or undefined when it has none. */
export type HalfWidthReader = (text: string) => string | undefined;

/** Half-width katakana, its long mark and voicing marks (U+FF66–U+FF9F; ･ and ｡｢｣､ are punctuation). */
const isHalfWidthKana = (code: number) => code >= 0xff66 && code <= 0xff9f;
/** Full-width katakana ァ…ヶ, ヴ included, and the long mark ー. */
const isKatakana = (code: number) => (code >= 0x30a1 && code <= 0x30f6) || code === 0x30fc;
/** Small kana and ー never start a word (ッテ is an ending, not a word). */
const NO_WORD_START = new Set([..."ァィゥェォッャュョヮヵヶー"]);

/** `texts`: what the data writes (questions' examples, symptom phrases, words of ui.yaml): its katakana words. */
export function buildHalfWidthReader(texts: readonly string[]): HalfWidthReader {
  // Katakana words by first letter, longest first: メールボックス is tried before メール.
  const byFirst = new Map<string, string[]>();
  for (const text of texts) {
    const t = nfkc(text);
    let i = 0;
    while (i < t.length) {
      if (!isKatakana(t.charCodeAt(i))) {
        i++;
        continue;
      }
      let end = i + 1;
      while (end < t.length && isKatakana(t.charCodeAt(end))) end++;
      const word = t.slice(i, end);
      if (word.length >= 2 && !NO_WORD_START.has(word[0]!)) {
        const list = byFirst.get(word[0]!) ?? [];
        if (!list.includes(word)) list.push(word);
        byFirst.set(word[0]!, list);
      }
      i = end;
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);

  /** A full-width katakana run: the data's words kept where they begin, every other letter as hiragana. */
  function written(run: string): string {
    let out = "";
    let i = 0;
    while (i < run.length) {
      const word = byFirst.get(run[i]!)?.find((w) => run.startsWith(w, i));
      if (word) {
        out += word;
        i += word.length;
        continue;
      }
      out += String.fromCharCode(hiraganaCode(run.charCodeAt(i)));
      i++;
    }
    return out;
  }

  return (text) => {
    let out = "";
    let from = 0; // text[from, i) is still to be copied as it is
    let i = 0;
    // Whether the text holds full-width katakana, and hiragana or kanji (a text typed as people write).
    let katakana = false;
    let typed = false;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (!isHalfWidthKana(code)) {
        if (isKatakana(code)) katakana = true;
        else if (isHiraganaOrKanji(code)) typed = true;
        i++;
        continue;
      }
      let end = i + 1;
      while (end < text.length && isHalfWidthKana(text.charCodeAt(end))) end++;
      out += text.slice(from, i) + written(nfkc(text.slice(i, end)));
      from = i = end;
    }
    if (from !== 0) return out + text.slice(from);
    return katakana && !typed ? katakanaOnly(text) : undefined;
  };

  /**
   * 「アドレスガ　チガウト　イウコトデスカ」: the same typed in full-width katakana alone (no hiragana, no kanji: an
   * older user typing with one finger, or a phone left in katakana): its runs written as the half-width ones are.
   * A text of the data's katakana words only (「メール」「エラーメール」) stays as it is.
   */
  function katakanaOnly(text: string): string | undefined {
    let out = "";
    let i = 0;
    while (i < text.length) {
      if (!isKatakana(text.charCodeAt(i))) {
        out += text[i];
        i++;
        continue;
      }
      let end = i + 1;
      while (end < text.length && isKatakana(text.charCodeAt(end))) end++;
      out += written(text.slice(i, end));
      i = end;
    }
    // Only a sentence, with an ending or particle of one (「…デスカ」「…ッテ」「…ガ」 last before a space): a name typed
    // alone (「ワイモバイル」, a carrier picked) stays the katakana it is.
    return out !== text && includesAny(out, SENTENCE_KANA) ? out : undefined;
  }
}

/** Endings and particles of a sentence, in hiragana as rewritten. */
const SENTENCE_KANA = [
  "です",
  "ます",
  "って",
  "ない",
  "たい",
  "ください",
  "か?",
  "か？",
  "が ",
  "が　",
  "は ",
  "は　",
  "を ",
  "を　",
  "で ",
  "で　",
];

/** Hiragana (U+3041–U+309F) or a kanji of the common block (U+4E00–U+9FFF). */
const isHiraganaOrKanji = (code: number) =>
  (code >= 0x3041 && code <= 0x309f) || (code >= 0x4e00 && code <= 0x9fff);
