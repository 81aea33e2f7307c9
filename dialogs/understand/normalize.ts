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
 * (built into Node; segments.ts), each word in its canonical spelling; emoji as they are ("e:👍"). Every step is a
 * single pass over the text.
 */

import { fold } from "../../knowledge/fold.ts";
import { isSeparatorCode, SEPARATOR } from "../../knowledge/symptom-text.ts";
import { forgetAfterEachTurn, recentMemo } from "../../knowledge/turn-memory.ts";
import { hasQuestionMark } from "../marks.ts";
import { hiraganaCode, LONG_VOWEL, largeKanaCode, SMALL_KANA_WITH_KA_KE, vowelOf } from "./kana.ts";
import { negatesIn } from "./negation.ts";
import { wordSegmenter, wordSegmentsOf, wordSegmentsOfAll } from "./segments.ts";

export type Readings = ReadonlyMap<string, string>;

/** Readings grouped by first character, longest word first: the scan tries only the few that can match. */
export interface ReadingTable {
  byFirst: Map<string, [word: string, reading: string][]>;
  /**
   * One bit per UTF-16 unit, set where a word of `byFirst` starts with it: withReadings looks up only those
   * (most characters of a text start no word, and each lookup made a string of the character and hashed it).
   */
  starts?: Uint32Array;
  /** `byFirst` by the first character's code: withReadings looks up by code (text[i] makes a string). */
  byCode: Map<number, [word: string, reading: string][]>;
  /** Words already spelt with this table (featuresOf): segment → canonical spelling, sizes as one. */
  words: Map<string, string>;
  /** Pieces of ASCII text already cut into words with this table: piece → its word features. */
  pieces: Map<string, readonly string[]>;
  /**
   * The words (canonical spellings) worth remembering: those of the question index's examples. Only
   * these are kept in `words` and `pieces` (none while unset): what users type besides them (names,
   * addresses) is never kept.
   */
  known?: ReadonlySet<string>;
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
  const starts = new Uint32Array(0x10000 / 32);
  for (const first of byFirst.keys()) {
    const code = first.charCodeAt(0);
    starts[code >>> 5]! |= 1 << (code & 31);
  }
  const byCode = new Map([...byFirst].map(([first, list]) => [first.charCodeAt(0), list]));
  return { byFirst, starts, byCode, words: new Map(), pieces: new Map() };
}

/**
 * Replaces every listed kanji word by its reading, longest match first, left to right. What lies between
 * two readings is copied as one slice (not a character at a time: this runs on every text and word read).
 * `marked`: each reading is put between READ_OPEN and READ_CLOSE, so that where the replaced words lie can
 * be told after folding (phrases.ts `foldedReading`: a phrase found in the reading must not start or end
 * inside one of them).
 */
export function withReadings(text: string, table: ReadingTable, marked = false): string {
  if (table.byFirst.size === 0) return text;
  let out = "";
  let from = 0; // text[from, i) is still to be copied as it is
  let i = 0;
  const starts = table.starts;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (starts !== undefined && ((starts[code >>> 5]! >>> (code & 31)) & 1) === 0) {
      i++;
      continue;
    }
    const candidates = table.byCode.get(code);
    const hit = candidates && wordAt(candidates, text, i);
    if (hit) {
      out += marked
        ? `${text.slice(from, i)}${READ_OPEN}${hit[1]}${READ_CLOSE}`
        : text.slice(from, i) + hit[1];
      i += hit[0].length;
      from = i;
    } else i++;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** The first of `candidates` (longest first) whose word `text` has at `i`: a loop, no callback per look. */
function wordAt(
  candidates: readonly [word: string, reading: string][],
  text: string,
  i: number,
): [word: string, reading: string] | undefined {
  for (const candidate of candidates) if (text.startsWith(candidate[0], i)) return candidate;
  return undefined;
}
/**
 * Brackets of a reading in withReadings(…, marked): characters of the Private Use Area, which NFKC, case
 * and the folding of symptom-text.ts leave as they are (no separator, no letter).
 */
export const READ_OPEN = "\uE000";
export const READ_CLOSE = "\uE001";

const LONG_MARK = "ー";

/** `ch`: the character itself, needed only beyond the BMP (`code` > 0xffff). */
function isSeparator(code: number, ch: string): boolean {
  // ASCII punctuation and space, CJK punctuation (、。「」…), full-width forms that NFKC left (none
  // usually), and any other symbol or punctuation by Unicode category (checked last: it is the slowest;
  // symptom-text.ts remembers its answer per character of the BMP).
  if (code < 0x80) return !((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a));
  if (code >= 0x3000 && code <= 0x303f) return true;
  if (code > 0xffff) return SEPARATOR.test(ch);
  return isSeparatorCode(code);
}

/** How many letters a text has in its canonical spelling (spaces, punctuation, emoji and ー not counted). */
export function canonicalLength(text: string, table: ReadingTable): number {
  return canonical(text, table).replace(/ /g, "").length;
}

/**
 * The canonical spelling (see the top of this file): one pass after NFKC and the readings, over UTF-16
 * units into an array of them, joined once at the end (no string per character: it runs on every typed
 * text, and on each of its words).
 */
export const canonical: (text: string, table: ReadingTable) => string = recentMemo(
  // The last few texts spelt: the readers of one text ask it of the same pieces again (of the dev texts, the
  // slowest 2 % asked 17 times for 9 strings), as fold.ts remembers its foldings, and forgotten with them
  // when the turn ends (knowledge/turn-memory.ts).
  8,
  (text: string, table: ReadingTable) => spelt(fold(text), table),
);

/** canonical() of a text already in NFKC and lower case. */
function spelt(lowered: string, table: ReadingTable): string {
  const folded = withReadings(lowered, table);
  const out = units;
  out.length = 0;
  let space = true; // no leading space
  for (let i = 0; i < folded.length; i++) {
    let code = folded.charCodeAt(i);
    // A surrogate pair is one character (an emoji, a rare kanji): kept or dropped whole.
    const astral = code >= 0xd800 && code <= 0xdbff && i + 1 < folded.length && isLowSurrogate(folded, i + 1);
    if (astral) {
      const low = folded.charCodeAt(++i);
      if (isSeparator((code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000, folded.slice(i - 1, i + 1))) {
        if (!space) out.push(SPACE);
        space = true;
        continue;
      }
      // Never a run of one character: a pair is not one unit.
      out.push(code, low);
      space = false;
      continue;
    }
    if (code === 0x301c || code === 0x7e || code === 0xff5e) continue; // wave dashes: 〜 ~ ～
    if (code === LONG_MARK_CODE) {
      const vowel = out.length > 0 ? vowelOf(String.fromCharCode(out[out.length - 1]!)) : undefined;
      if (vowel) out.push(LONG_VOWEL[vowel]!.charCodeAt(0));
      continue;
    }
    code = largeKanaCode(hiraganaCode(code), SMALL_KANA_WITH_KA_KE);
    if (isSeparator(code, "")) {
      if (!space) out.push(SPACE);
      space = true;
      continue;
    }
    // A run of the same character is typed emphasis (「ありがとおおお」「！！」): keep at most two.
    if (out.length >= 2 && out[out.length - 1] === code && out[out.length - 2] === code) continue;
    out.push(code);
    space = false;
  }
  if (space && out.length > 0) out.pop();
  return withUnitsSpelt(fromUnits(out));
}

/**
 * The array canonical() spells into, reused (canonical is synchronous and not reentrant); emptied when the
 * turn ends, as it holds the last text spelt (knowledge/turn-memory.ts).
 */
const units: number[] = [];
forgetAfterEachTurn(() => {
  units.length = 0;
});
const SPACE = 0x20;
const LONG_MARK_CODE = LONG_MARK.charCodeAt(0);
const isLowSurrogate = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
};

function fromUnits(codes: readonly number[]): string {
  if (codes.length <= 4096) return String.fromCharCode.apply(null, codes as number[]);
  let out = "";
  for (let i = 0; i < codes.length; i += 4096)
    out += String.fromCharCode.apply(null, codes.slice(i, i + 4096) as number[]);
  return out;
}

/** Size units spelt out in kana (「なんえむびーまで」「めがばいと」) read as the letters people also type. */
const KANA_UNITS: readonly [string, string][] = [
  ["えむびい", "mb"],
  ["めがばいと", "mb"],
  ["ぎがばいと", "gb"],
  ["じいびい", "gb"],
  ["きろばいと", "kb"],
];

/**
 * Free mail services as one (「Yahooのアドレスで送った」 reads like 「Gmailのアドレスで送った」): which one a
 * question names does not tell which question it is, and examples cannot name them all. So-net (the ISP's
 * own) and the mobile carriers stay apart: they do tell (dev 1456 → 1457).
 */
const FREE_MAIL = ["yahoo", "hotmail", "icloud", "やふう", "じいめえる", "ほっとめえる"];

function withUnitsSpelt(text: string): string {
  let out = text;
  for (const [kana, unit] of KANA_UNITS) if (out.includes(kana)) out = out.split(kana).join(unit);
  for (const name of FREE_MAIL) if (out.includes(name)) out = out.split(name).join("gmail");
  return out;
}

const LATIN = /^[a-z0-9]/;
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
/** Whether a text has a character from U+00A9 on, where Extended_Pictographic begins. */
function beyondPlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0xa9) return true;
  return false;
}

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
  // What lies between two runs of digits is copied as one slice (most texts have no digit: the text itself).
  let out = "";
  let from = 0; // text[from, i) is still to be copied as it is
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
    const after = text.slice(j, j + 3).trimStart();
    if (SIZE_UNITS.some((u) => after.startsWith(u))) {
      out += `${text.slice(from, i)}9`;
      from = j;
    }
    i = j;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Whether a text negates anything (negation.ts), read on its canonical spelling as its features are. */
export function negates(text: string, table: ReadingTable): boolean {
  return negatesIn(canonical(text, table));
}

export function featuresOf(text: string, table: ReadingTable): Map<string, number> {
  const features = new Map<string, number>();
  forEachFeature(text, table, (f) => features.set(f, (features.get(f) ?? 0) + 1));
  return features;
}

/**
 * featuresOf of many texts at once (the question index's examples at start-up): the same features, with
 * their words found in one pass of the segmenter over all the texts (wordSegmentsOfAll).
 */
export function featuresOfAll(texts: readonly string[], table: ReadingTable): Map<string, number>[] {
  const segmented = wordSegmentsOfAll(texts.map((t) => fold(t)));
  return texts.map((text, i) => {
    const features = new Map<string, number>();
    forEachFeature(text, table, (f) => features.set(f, (features.get(f) ?? 0) + 1), undefined, segmented[i]);
    return features;
  });
}

/**
 * Counters that take a feature where it is, so that no string is made for it (the question index counts a
 * message's features against its own vocabulary). Called in the order featuresOf counts the features.
 */
export interface FeatureCounters {
  /** A character bigram or trigram: `text.slice(at, at + n)`. */
  gram(text: string, at: number, n: 2 | 3): void;
  /** A word found by the segmenter: the feature "w:" + `word` (an ASCII piece's words come to `add`). */
  word(word: string): void;
}

/**
 * Calls `add` once per occurrence of a feature of the text, in the order featuresOf counts them (the
 * question index counts them against its own vocabulary, without a Map of its own per message). With
 * `counters`, a character bigram or trigram is passed as where it is instead (`text.slice(at, at + n)`), and
 * a word found by the segmenter as its spelling alone. Returns the text's canonical spelling (sizes as
 * one), which it read.
 */
export function forEachFeature(
  text: string,
  table: ReadingTable,
  add: (feature: string) => void,
  counters?: FeatureCounters,
  /** The word-like segments of the folded text, when they were found already (featuresOfAll). */
  wordSegments?: readonly string[],
  /**
   * Receives the word-like segments of the folded text when it is segmented whole (any text that is not
   * all ASCII): for a caller that reads the same words (scope.ts), without segmenting it again.
   */
  segmented?: string[],
): string {
  const folded = fold(text);
  const pieces = wordSegments ? undefined : asciiPieces(folded);
  const addWord = counters ? counters.word : (word: string) => add(`w:${word}`);
  if (wordSegments)
    for (const segment of wordSegments) {
      const word = wordOf(segment, table);
      if (word) addWord(word);
    }
  else if (pieces) for (const piece of pieces) for (const f of wordFeaturesOf(piece, table)) add(f);
  else
    for (const segment of wordSegmentsOf(folded)) {
      segmented?.push(segment);
      const word = wordOf(segment, table);
      if (word) addWord(word);
    }
  // Emoji say something too (👍 "OK", 🙏 "thanks") but the canonical spelling drops them as symbols.
  // (None lies below U+00A9 ©: a text without such a character needs no test per character.)
  if (beyondPlain(text)) for (const ch of text) if (PICTOGRAPH.test(ch)) add(`e:${ch}`);
  const spelling = sizesAsOne(spelt(folded, table)); // canonical(text): `folded` is its first step
  // Question marks and nothing else (「？？？」, "?"): the text says "what?" as ❓ does.
  if (spelling === "" && hasQuestionMark(text)) add("e:❓");
  for (const chunk of spelling.split(" ")) {
    if (!chunk) continue;
    const padded = LATIN.test(chunk) ? `_${chunk}_` : chunk;
    if (padded.length === 1) add(`c:${padded}`);
    if (counters) {
      for (let i = 0; i + 2 <= padded.length; i++) counters.gram(padded, i, 2);
      for (let i = 0; i + 3 <= padded.length; i++) counters.gram(padded, i, 3);
    } else
      for (let n = 2; n <= 3; n++) for (let i = 0; i + n <= padded.length; i++) add(padded.slice(i, i + n));
  }
  return spelling;
}

/**
 * An ASCII text (a pasted English bounce, "host unknown") cut at its spaces, tabs and line breaks, or
 * undefined for any other text. In ASCII these always end a word (Unicode's word boundaries, UAX #29:
 * whitespace joins no letter, digit or punctuation), so the words of the pieces are the words of the text
 * (test/understand-features.test.ts holds this against Intl.Segmenter), and a piece's words can be
 * remembered: Intl.Segmenter costs ~2 µs per segment, and English bounces use the same words again.
 */
export function asciiPieces(folded: string): string[] | undefined {
  const pieces: string[] = [];
  let start = -1;
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    if (code >= 0x80) return undefined;
    const space = code === 0x20 || (code >= 0x09 && code <= 0x0d);
    if (space && start >= 0) {
      pieces.push(folded.slice(start, i));
      start = -1;
    } else if (!space && start < 0) start = i;
  }
  if (start >= 0) pieces.push(folded.slice(start));
  return pieces;
}

/** The word features ("w:<word>") of a piece of ASCII text; remembered when all its words are known. */
function wordFeaturesOf(piece: string, table: ReadingTable): readonly string[] {
  const memo = table.pieces;
  const remembered = memo.get(piece);
  if (remembered) return remembered;
  const features: string[] = [];
  let allKnown = table.known !== undefined && piece.length <= MAX_WORD_CHARS;
  for (const s of wordSegmenter.segment(piece)) {
    if (!s.isWordLike) continue;
    const word = wordOf(s.segment, table);
    if (!word) continue;
    features.push(`w:${word}`);
    if (allKnown && !table.known!.has(word)) allKnown = false;
  }
  if (allKnown) {
    if (memo.size >= MAX_WORDS) memo.clear();
    memo.set(piece, features);
  }
  return features;
}

/**
 * A word's canonical spelling, sizes as one: remembered per word in the reading table when it is a known
 * word (people use the same few thousand words; a word is spelt the same in every text). At most
 * MAX_WORDS spellings of at most MAX_WORD_CHARS are kept; then the memory starts afresh.
 */
function wordOf(segment: string, table: ReadingTable): string {
  const memo = table.words;
  let word = memo.get(segment);
  if (word !== undefined) return word;
  word = sizesAsOne(canonical(segment, table));
  if (segment.length <= MAX_WORD_CHARS && table.known?.has(word)) {
    if (memo.size >= MAX_WORDS) memo.clear();
    memo.set(segment, word);
  }
  return word;
}
const MAX_WORDS = 5_000;
/** Longer "words" (a run of letters without spaces) are spelt each time: the memory stays small. */
const MAX_WORD_CHARS = 24;
