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

import { PhraseIndex } from "./bounce/phrase-index.ts";
import { forgetAfterEachTurn, recentMemo } from "./turn-memory.ts";

/** One character of spacing, punctuation or a symbol: what the folding takes out (or makes one space). */
export const SEPARATOR = /[\s\p{P}\p{S}]/u;
/** A run of them, replaced at once (the same class: one place to change what separates words). */
export const SEPARATORS: RegExp = new RegExp(`${SEPARATOR.source}+`, "gu");
const LATIN_OR_DIGIT = /[a-z0-9]/;
const LETTER = /[a-z]/;

/**
 * The last texts folded, with their folded forms: one turn folds the same text several times (the
 * symptom phrases, ui.yaml's mentions, feelings and the phrases of questions each fold what they are
 * given: a paste 3-9 times in `npm run bench:webhook`'s traffic). Folding is a pure function. Only the
 * last four are held, in this process's memory, and forgotten when the turn ends (turn-memory.ts): never
 * written anywhere (turn-memory.ts recentMemo).
 */
export const foldSymptomText: (text: string) => string = recentMemo(4, foldAnew);

/**
 * One pass over the text after NFKC and lower case (it folds every text a turn reads; a replace per step,
 * with a function called per katakana and per separator, cost as much again): apostrophes out ("didn't"
 * and "didn’t" both become "didnt"), katakana → hiragana, small kana → large, and each run of separators
 * one space where two Latin words meet, else nothing ("wi-fi" → "wi fi", 「送った 覚えが、ない」, "20 MB" →
 * "20mb"). The same string as the chain of replaces it stands for (test/symptom-text-fold.test.ts holds the two against each other).
 * The folded character codes are written into a buffer and made a string once: appending piece by piece
 * made a string per folded kana (V8 keeps one-character strings only below U+0100) and a joined string per
 * piece, ~2 KB per typed text. A text that nothing changes is returned as it is.
 */
function foldAnew(text: string): string {
  const lowered = text.normalize("NFKC").toLowerCase();
  // The folded text is never longer than the lowered one (a run of separators is one space at most).
  // A paste longer than the buffer is folded in a buffer of its own, not kept.
  const out = lowered.length * 2 <= BUFFER.length ? BUFFER : Buffer.allocUnsafe(lowered.length * 2);
  let length = 0; // the folded text so far: its first `length` codes are in `out`
  let changed = false;
  let before = -1; // the unit before the current run of separators, as folded (-1: none)
  let last = -1; // the last unit written
  let inRun = false;
  for (let i = 0; i < lowered.length; i++) {
    const code = lowered.charCodeAt(i);
    if (code === 0x27 || code === 0x2019) {
      changed = true; // an apostrophe: taken out before anything else
      continue;
    }
    const pair =
      code >= 0xd800 && code <= 0xdbff && i + 1 < lowered.length && isLowSurrogate(lowered.charCodeAt(i + 1));
    if (separatorAt(lowered, i, code, pair)) {
      changed = true;
      if (!inRun) before = last;
      inRun = true;
      if (pair) i++;
      continue;
    }
    const kana = foldedKana(code);
    if (kana !== code) changed = true;
    if (inRun && joinsLatinCodes(before, kana)) length = put(out, length, 0x20);
    inRun = false;
    length = put(out, length, kana);
    last = kana;
    if (pair) {
      last = lowered.charCodeAt(++i);
      length = put(out, length, last);
    }
  }
  if (out === BUFFER) used = Math.max(used, length);
  if (!changed) return lowered;
  return out.toString("ucs2", 0, length * 2);
}

/**
 * foldAnew's buffer for texts up to 2,048 code units (every typed text): the folded text's character codes
 * as UTF-16LE bytes, read as one string at the end. What was written is zeroed when the turn ends, so no
 * typed text stays in it (turn-memory.ts).
 */
const BUFFER = Buffer.alloc(4096);
let used = 0; // code units written since the turn began, at most
forgetAfterEachTurn(() => {
  BUFFER.fill(0, 0, used * 2);
  used = 0;
});

/** Writes a character code at index `at` of `out` (UTF-16LE); the index after it. */
function put(out: Buffer, at: number, code: number): number {
  out[at * 2] = code & 0xff;
  out[at * 2 + 1] = code >>> 8;
  return at + 1;
}

/** Katakana ァ–ヶ → hiragana, then small kana → large (ぁ → あ, っ → つ; ゕ ゖ stay), by UTF-16 unit. */
function foldedKana(code: number): number {
  const hiragana = code >= 0x30a1 && code <= 0x30f6 ? code - 0x60 : code;
  return SMALL_KANA_CODES.has(hiragana) ? hiragana + 1 : hiragana;
}
const SMALL_KANA_CODES: ReadonlySet<number> = new Set(
  [..."ぁぃぅぇぉっゃゅょゎ"].map((c) => c.charCodeAt(0)),
);

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Whether the character at i (a surrogate pair when `pair`) is a SEPARATOR. */
function separatorAt(text: string, i: number, code: number, pair: boolean): boolean {
  return pair ? SEPARATOR.test(text.slice(i, i + 2)) : isSeparatorCode(code);
}

/**
 * Whether a character of the BMP (a UTF-16 code unit, not a surrogate) is a SEPARATOR. The category test is
 * the slowest step of a fold, so its answer per character is remembered: kana and kanji are asked about
 * again and again (here and in dialogs/understand/normalize.ts).
 */
export function isSeparatorCode(code: number): boolean {
  const known = SEPARATOR_BMP[code]!;
  if (known !== 0) return known === 1;
  const separator = SEPARATOR.test(String.fromCharCode(code));
  SEPARATOR_BMP[code] = separator ? 1 : 2;
  return separator;
}
/** The SEPARATOR test's answer per BMP character: 0 not asked yet, 1 a separator, 2 not one. */
const SEPARATOR_BMP = new Uint8Array(0x10000);

/**
 * Whether separators between these two characters fold to one space (two Latin words: "wi-fi" is "wi fi")
 * rather than vanish (between Japanese words, or a number and its unit: "20 MB"). Phrases matched in a text
 * kept at its length (dialogs/understand/phrases.ts `strip`) put the space by the same rule.
 */
export function joinsLatinWords(before: string, after: string): boolean {
  const numberThenUnit = isDigit(before) && !isDigit(after);
  return isWordChar(before) && isWordChar(after) && !numberThenUnit;
}

/** Whether a character (one, as `text[i]`) is one the folding takes out or turns into a space (SEPARATOR). */
export function isSeparator(ch: string): boolean {
  return SEPARATOR.test(ch);
}

/** joinsLatinWords of two character codes (-1: no character). */
function joinsLatinCodes(before: number, after: number): boolean {
  const digitBefore = before >= 0x30 && before <= 0x39;
  const digitAfter = after >= 0x30 && after <= 0x39;
  return isWordCode(before) && isWordCode(after) && !(digitBefore && !digitAfter);
}

/** LATIN_OR_DIGIT of a character code. */
function isWordCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
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
  /** How many characters of its folded end the needle leaves out (a conjugating ending: endingLength). */
  ending: number;
}

export function compilePhrase(phrase: string): CompiledPhrase {
  return compiledWith(phrase, endingLength(phrase));
}

/** A phrase compiled with its ending kept (「なんです」 is no verb: its す is no ending other forms replace). */
export function compileAsWritten(phrase: string): CompiledPhrase {
  return compiledWith(phrase, 0);
}

/**
 * A phrase's reading (dialogs/understand/phrases.ts) compiled with the ending of the phrase as written:
 * 「いっぱい来る」 read いっぱいくる leaves out る, as its kanji form does, not the whole くる of a kana 来る
 * (which would leave 「いっぱい」 alone).
 */
export function compileReading(reading: string, phrase: CompiledPhrase): CompiledPhrase {
  return compiledWith(reading, phrase.ending);
}

function compiledWith(phrase: string, ending: number): CompiledPhrase {
  const folded = foldSymptomText(phrase);
  const needle = folded.slice(0, folded.length - ending);
  return { phrase, needle, wordStart: LATIN_OR_DIGIT.test(needle[0] ?? ""), ending };
}

/**
 * Where words replaced by their readings lie in a folded text (dialogs/understand/phrases.ts
 * `foldedReading`): per position i (the place before folded[i]; the text's length included), the end of
 * the reading it lies strictly inside, 0 where it lies inside none. A phrase found in a reading must start
 * and end on a reading's edge, not inside one: 設定 read せってい holds no 「どうせ」 in 「どう設定」, 大丈夫 read
 * だいじょうぶ no 「大事」 (だいじ). A needle that left out a conjugating ending may end inside the last
 * `ending` characters of a reading (「相手の容量」's needle あいてのようりょ in 「あいての容量」).
 */
export type ReadingSpans = Int32Array;

/** Whether the needle found at [at, at + needle.length) of `folded` starts and ends where it may. */
function fits(folded: string, p: CompiledPhrase, at: number, spans: ReadingSpans | undefined): boolean {
  if (p.wordStart && at > 0 && continuesWord(folded[at - 1]!, p.needle)) return false;
  if (!spans) return true;
  if (spans[at] !== 0) return false;
  const end = at + p.needle.length;
  const inside = spans[end]!;
  return inside === 0 || inside <= end + p.ending;
}

/**
 * Whether a needle found right after `before` would be inside a word: after a letter, or a number's digits
 * after a digit ("20mb" is not in "120mb"). A word after a number starts one: folding joins "5 days" and
 * "30 MB" into "5days" and "30mb", so "days" and "mb" must still be found there.
 */
function continuesWord(before: string, needle: string): boolean {
  return LETTER.test(before) || (isDigit(before) && isDigit(needle[0] ?? ""));
}

/** Whether a compiled phrase occurs in an already folded text (with its readings' spans, if read). */
export function occursIn(folded: string, compiled: CompiledPhrase, spans?: ReadingSpans): boolean {
  if (compiled.needle === "") return false;
  for (let at = folded.indexOf(compiled.needle); at !== -1; at = folded.indexOf(compiled.needle, at + 1))
    if (fits(folded, compiled, at, spans)) return true;
  return false;
}

/**
 * Lists of compiled phrases (symptoms.yaml per topic; ui.yaml's mentions and feelings per kind) searched in
 * one pass over a folded text (bounce/phrase-index.ts, Aho–Corasick) instead of one `occursIn` per phrase:
 * every typed text and paste is matched against a few hundred phrases, and the search per phrase was the
 * better part of the cost (npm run bench:webhook). The answer is the same: `firstIn` is the first list
 * holding a phrase that `occursIn` the text (a phrase found first inside a word where it must start one,
 * or inside a reading, is searched again the slow way, which looks at every place it occurs).
 */
export class PhraseLists {
  private readonly index: PhraseIndex;
  private readonly phrases: CompiledPhrase[] = [];
  /** Per phrase: the list it belongs to. */
  private readonly listOf: number[] = [];
  /** The search's own arrays, reused (matching is synchronous). */
  private readonly seen: Int32Array;
  private readonly end: Int32Array;
  private readonly found: Int32Array;
  private mark = 0;
  /** How many lists there are: what firstIn answers when none matches. */
  readonly count: number;

  constructor(lists: readonly (readonly CompiledPhrase[])[]) {
    lists.forEach((phrases, i) => {
      for (const p of phrases) {
        this.phrases.push(p);
        this.listOf.push(i);
      }
    });
    this.index = new PhraseIndex(this.phrases.map((p) => p.needle));
    this.seen = new Int32Array(this.phrases.length);
    this.end = new Int32Array(this.phrases.length);
    this.found = new Int32Array(this.phrases.length);
    this.count = lists.length;
  }

  /**
   * The first list, of those before `before`, with a phrase that occurs in `folded`; `before` if none.
   * `spans`: where `folded` is a text's reading, where its readings lie (ReadingSpans).
   */
  firstIn(folded: string, before = this.count, spans?: ReadingSpans): number {
    if (++this.mark === 0x7fffffff) {
      this.mark = 1;
      this.seen.fill(0);
    }
    const n = this.index.mark(folded, this.seen, this.end, this.mark, this.found);
    let first = before;
    for (let k = 0; k < n; k++) {
      const id = this.found[k]!;
      const list = this.listOf[id]!;
      if (list >= first) continue;
      const p = this.phrases[id]!;
      // Its first place is inside a word where it must start one, or inside a reading: it may still fit
      // further on.
      if (fits(folded, p, this.end[id]! - p.needle.length, spans) || occursIn(folded, p, spans)) first = list;
    }
    return first;
  }
}
