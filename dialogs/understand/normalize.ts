/**
 * How typed text is compared with the example phrasings of knowledge/data/questions/: both sides are
 * brought to one canonical spelling, then cut into features.
 *
 * Canonical spelling: NFKC (full-width Ｕｓｅｒ → User, half-width ｴﾗｰ → エラー), lower case, kanji words
 * replaced by their readings (readings.yaml: 容量 → ようりょう), katakana → hiragana, small kana → large
 * (ぃ → い), a long-vowel mark written as the vowel kana a reading would write (ケーたい → けいたい, おーばー
 * → おうばあ, ありがとー → ありがとう), wave dashes dropped, punctuation and symbols → one space, runs of
 * one character cut to two (ありがとおおお). So 「容量オーバー」, 「ようりょうおーばー」 and 「ヨウリョウオーバー」
 * read the same, and 「ケータイ」 reads as 携帯.
 *
 * Features: character bigrams and trigrams of each chunk (they carry hiragana spellings, typos and verb
 * endings that word lists miss), plus words: Intl.Segmenter's Japanese word segmentation of the text
 * (built into Node), each word in its canonical spelling; emoji as they are ("e:👍"). Every step is a
 * single pass over the text.
 */

import { LONG_VOWEL, vowelOf } from "./kana.ts";

export type Readings = ReadonlyMap<string, string>;

/** Readings grouped by first character, longest word first: the scan tries only the few that can match. */
export interface ReadingTable {
  byFirst: Map<string, [word: string, reading: string][]>;
}

export function readingTable(readings: Readings): ReadingTable {
  const byFirst = new Map<string, [string, string][]>();
  for (const [word, reading] of readings) {
    const first = word[0]!;
    const list = byFirst.get(first) ?? [];
    list.push([word, reading]);
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b[0].length - a[0].length);
  return { byFirst };
}

/** Replaces every listed kanji word by its reading, longest match first, left to right. */
export function withReadings(text: string, table: ReadingTable): string {
  if (table.byFirst.size === 0) return text;
  let out = "";
  let i = 0;
  while (i < text.length) {
    const candidates = table.byFirst.get(text[i]!);
    const hit = candidates?.find(([word]) => text.startsWith(word, i));
    if (hit) {
      out += hit[1];
      i += hit[0].length;
    } else {
      out += text[i];
      i++;
    }
  }
  return out;
}

const SMALL_KANA = new Set([..."ぁぃぅぇぉっゃゅょゎゕゖ"]);
const DROPPED = new Set([..."〜~～"]);
const LONG_MARK = "ー";

function isSeparator(code: number, ch: string): boolean {
  // ASCII punctuation and space, CJK punctuation (、。「」…), full-width forms that NFKC left (none
  // usually), and any other symbol or punctuation by Unicode category (checked last: it is the slowest).
  if (code < 0x80) return !((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a));
  if (code >= 0x3000 && code <= 0x303f) return true;
  return SEPARATOR.test(ch);
}
const SEPARATOR = /[\s\p{P}\p{S}]/u;

/** How many letters a text has in its canonical spelling (spaces, punctuation, emoji and ー not counted). */
export function canonicalLength(text: string, table: ReadingTable): number {
  return canonical(text, table).replace(/ /g, "").length;
}

/** The canonical spelling (see the top of this file): one pass after NFKC and the readings. */
export function canonical(text: string, table: ReadingTable): string {
  const folded = withReadings(text.normalize("NFKC").toLowerCase(), table);
  let out = "";
  let space = true; // no leading space
  for (const ch of folded) {
    let code = ch.codePointAt(0)!;
    if (DROPPED.has(ch)) continue;
    if (ch === LONG_MARK) {
      const vowel = vowelOf(out[out.length - 1] ?? "");
      if (vowel) out += LONG_VOWEL[vowel];
      continue;
    }
    if (code >= 0x30a1 && code <= 0x30f6) code -= 0x60; // katakana → hiragana
    let c = String.fromCodePoint(code);
    if (SMALL_KANA.has(c)) c = String.fromCodePoint(code + 1);
    if (isSeparator(code, c)) {
      if (!space) out += " ";
      space = true;
      continue;
    }
    // A run of the same character is typed emphasis (「ありがとおおお」「！！」): keep at most two.
    if (out.length >= 2 && out[out.length - 1] === c && out[out.length - 2] === c) continue;
    out += c;
    space = false;
  }
  const trimmed = space && out.length > 0 ? out.slice(0, -1) : out;
  return withUnitsSpelt(trimmed);
}

/** Size units spelt out in kana (「なんえむびーまで」「めがばいと」) read as the letters people also type. */
const KANA_UNITS: readonly [string, string][] = [
  ["えむびい", "mb"],
  ["めがばいと", "mb"],
  ["ぎがばいと", "gb"],
  ["じいびい", "gb"],
  ["きろばいと", "kb"],
];

function withUnitsSpelt(text: string): string {
  let out = text;
  for (const [kana, unit] of KANA_UNITS) if (out.includes(kana)) out = out.split(kana).join(unit);
  return out;
}

const words = new Intl.Segmenter("ja", { granularity: "word" });
const LATIN = /^[a-z0-9]/;
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;

/**
 * The features of a text: "w:<word>" for each word (Intl.Segmenter over the NFKC text, each word in its
 * canonical spelling), and character bigrams and trigrams of each canonical chunk. Latin chunks are
 * padded with "_" so that n-grams know word starts and ends ("_to" is not in "photo").
 */
const SIZE_UNITS = ["mb", "gb", "kb", "めが", "ぎが"];

/**
 * A size's digits as one "9" (「15MBでもだめ？」 reads like 「20MBまで？」): which size a question names does
 * not tell which question it is, and examples cannot list them all. Other numbers stay (587 is a port).
 */
function sizesAsOne(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && text[j]! >= "0" && text[j]! <= "9") j++;
    if (j === i) {
      out += text[i];
      i++;
      continue;
    }
    const after = text.slice(j, j + 3).trimStart();
    out += SIZE_UNITS.some((u) => after.startsWith(u)) ? "9" : text.slice(i, j);
    i = j;
  }
  return out;
}

export function featuresOf(text: string, table: ReadingTable): Map<string, number> {
  const features = new Map<string, number>();
  const add = (f: string) => features.set(f, (features.get(f) ?? 0) + 1);
  for (const s of words.segment(text.normalize("NFKC").toLowerCase())) {
    if (!s.isWordLike) continue;
    const word = sizesAsOne(canonical(s.segment, table));
    if (word) add(`w:${word}`);
  }
  // Emoji say something too (👍 "OK", 🙏 "thanks") but the canonical spelling drops them as symbols.
  for (const ch of text) if (PICTOGRAPH.test(ch)) add(`e:${ch}`);
  for (const chunk of sizesAsOne(canonical(text, table)).split(" ")) {
    if (!chunk) continue;
    const padded = LATIN.test(chunk) ? `_${chunk}_` : chunk;
    if (padded.length === 1) add(`c:${padded}`);
    for (let n = 2; n <= 3; n++) for (let i = 0; i + n <= padded.length; i++) add(padded.slice(i, i + n));
  }
  return features;
}
