import { foundInList } from "../../knowledge/bounce/phrase-index.ts";
import { fold, nfkc } from "../../knowledge/fold.ts";
import {
  type CompiledPhrase,
  compileAsWritten,
  compilePhrase,
  compileReading,
  foldSymptomText,
  isSeparator,
  joinsLatinWords,
  PhraseLists,
  type ReadingSpans,
} from "../../knowledge/symptom-text.ts";
import { recentMemo } from "../../knowledge/turn-memory.ts";
import { hiraganaCode, largeKanaCode, SMALL_KANA } from "./kana.ts";
import { READ_CLOSE, READ_OPEN, type ReadingTable, withReadings } from "./normalize.ts";

/**
 * Lists of phrases matched anywhere in a text (symptoms.yaml, ui.yaml `mentions` and `feelings`), the way
 * symptoms.yaml is matched (knowledge/symptom-text.ts: width, case, kana, spacing and verb endings do not
 * matter), and also in readings: 「ようりょうがいっぱい」 matches 容量がいっぱい, because both the phrase
 * and the text are matched once more with every kanji word of readings.yaml replaced by its reading (a
 * phrase found there must start and end on a word read, not inside one: foldedReading).
 * The first list (in the order given) with a matching phrase wins. A phrase of symbols only (an emoji:
 * 😭) is looked for as it is, since the folding drops symbols.
 */
const MIN_READ = 4;

export interface PhraseMatcher<K> {
  (text: string): K | undefined;
  /**
   * The text as written (NFKC, lower case) with every phrase blanked out: what else it says, with its own
   * punctuation and script (「？」 still asks, katakana words stay katakana). A phrase is found in either
   * kana (ウザい, うざい), in kanji or in its reading (困って, こまって), with any ending (困ってる, 困ります).
   */
  strip(text: string): string;
  /** A text folded the way phrases are matched (symptom-text.ts, in readings): for comparing what is left. */
  fold(text: string): string;
}

export function phraseMatcher<K>(
  lists: readonly (readonly [K, readonly string[]])[],
  table: ReadingTable,
  /** Phrases matched with their endings as written (`needs`, `needsNot`, `notWhen`: 「なんです」 must not shrink to 「なんで」). */
  asWritten = false,
): PhraseMatcher<K> {
  const symbols: [K, string[]][] = [];
  const compiled = lists.map(([key, phrases]) => {
    const all: CompiledPhrase[] = [];
    const raw: string[] = [];
    symbols.push([key, raw]);
    for (const phrase of phrases) {
      if (foldSymptomText(phrase) === "") {
        raw.push(withoutVariation(phrase));
        continue;
      }
      const plain = asWritten ? compileAsWritten(phrase) : compilePhrase(phrase);
      all.push(plain);
      // A reading is all kana and kana words are short: 「今すぐ」 read as 「いますぐ」 would match
      // 「ございます」. Readings must keep a needle of MIN_READ characters.
      const read = withReadings(nfkc(phrase), table);
      const compiled = compileReading(read, plain);
      if (read !== phrase && [...compiled.needle].length >= MIN_READ) all.push(compiled);
    }
    return [key, all] as const;
  });
  // All phrases searched in one pass over the text and one over its reading (knowledge/symptom-text.ts).
  const search = new PhraseLists(compiled.map(([, phrases]) => phrases));
  const match = (text: string) => {
    const plain = foldSymptomText(text);
    const read = foldedReading(text, table);
    const bare = withoutVariation(text);
    // The first list with a phrase in the text or its reading, or an emoji as it is, in the lists' order.
    let first = search.firstIn(read.folded, search.firstIn(plain), read.spans);
    for (let i = 0; i < first; i++)
      if (symbols[i]![1].some((s) => bare.includes(s))) {
        first = i;
        break;
      }
    return compiled[first]?.[0];
  };
  // Needles as the phrases are matched, and their readings (all kana: a user typing 「こまってる」 writes
  // the reading of 困って), longest first; emoji as they are.
  const needles = [
    ...new Set([
      ...compiled.flatMap(([, phrases]) =>
        phrases.flatMap((p) => [p.needle, foldSymptomText(withReadings(p.needle, table))]),
      ),
      ...symbols.flatMap(([, raw]) => raw),
    ]),
  ]
    .filter((n) => n !== "")
    .sort((a, b) => b.length - a.length);
  // A needle is looked for only where it occurs in the text as given (one pass of an automaton over all of them,
  // knowledge/bounce/phrase-index.ts): blanking needles out brings no letter but a space, so a needle without a
  // space that the text lacks cannot occur after a blanking either. One with a space (「wi fiのぱすわーど」) is
  // looked for always. The same needles blanked, in the same order, as trying each one in turn (round 37: the
  // words of feeling are ~1,500 needles, and a first-letter test left most of them to indexOf).
  const found = foundInList(
    needles,
    needles.flatMap((n, k) => (n.includes(" ") ? [k] : [])),
  );
  match.strip = (text: string) => {
    const written = withoutVariation(fold(text));
    let kana = lengthKeptFold(written);
    let out = written;
    // Longest first, as `needles` is sorted.
    const todo = found(kana);
    for (const n of todo) {
      const needle = needles[n]!;
      const first = kana.indexOf(needle);
      if (first < 0) continue;
      const at = occurrences(kana, needle, first);
      out = blanked(out, at, needle.length);
      kana = blanked(kana, at, needle.length);
    }
    return out;
  };
  match.fold = (text: string) => foldSymptomText(withReadings(nfkc(text), table));
  return match;
}

/** Where `needle` occurs in `text` from `first` on, left to right, none overlapping the one before it. */
function occurrences(text: string, needle: string, first: number): number[] {
  const found: number[] = [];
  for (let at = first; at >= 0; at = text.indexOf(needle, at + needle.length)) found.push(at);
  return found;
}

/**
 * `text` with `length` characters blanked at each of `at` (ascending, not overlapping), put together once:
 * a text with a phrase in every sentence (5,000 characters of 「メールが戻ってきました/…」) has hundreds of
 * them, and copying the whole text for each cost ~1 ms a message (npm run bench:adversarial).
 */
function blanked(text: string, at: readonly number[], length: number): string {
  const blank = " ".repeat(length);
  let out = "";
  let from = 0;
  for (const start of at) {
    out += text.slice(from, start) + blank;
    from = start + length;
  }
  return out + text.slice(from);
}

/** A text's reading, folded as phrases are (symptom-text.ts), and where its readings lie in it. */
export interface FoldedReading {
  folded: string;
  /** Undefined where no word was replaced. */
  spans: ReadingSpans | undefined;
}

/**
 * The reading of a text (every word of readings.yaml replaced by its reading), folded, with where each
 * reading lies (ReadingSpans): phrases found in it must not start or end inside one. The readings are
 * marked before folding and the marks taken out after, so positions are those of the folded text whatever
 * the folding drops. The last few texts are remembered: every phrase list (symptoms, mentions, feelings,
 * symptom classes) reads the same text in one turn. Held in this process's memory only, and forgotten
 * when the turn ends, like foldSymptomText's (knowledge/turn-memory.ts).
 */
export const foldedReading: (text: string, table: ReadingTable) => FoldedReading = recentMemo(
  4,
  (text: string, table: ReadingTable): FoldedReading => {
    const marked = foldSymptomText(withReadings(nfkc(text), table, true));
    return marked.includes(READ_OPEN) ? unmarked(marked) : { folded: marked, spans: undefined };
  },
);

const OPEN = READ_OPEN.charCodeAt(0);
const CLOSE = READ_CLOSE.charCodeAt(0);

/** A folded marked reading without its marks, and the spans they marked. */
function unmarked(marked: string): FoldedReading {
  let folded = "";
  const spans = new Int32Array(marked.length + 1);
  let from = 0; // marked[from, i) is still to be copied
  let start = -1; // where the open reading starts in `folded`, -1 outside one
  for (let i = 0; i < marked.length; i++) {
    const code = marked.charCodeAt(i);
    if (code !== OPEN && code !== CLOSE) continue;
    folded += marked.slice(from, i);
    from = i + 1;
    if (code === OPEN) start = folded.length;
    else if (start >= 0) {
      spans.fill(folded.length, start + 1, folded.length);
      start = -1;
    }
  }
  folded += marked.slice(from);
  return { folded, spans: spans.subarray(0, folded.length + 1) };
}

/**
 * Katakana → hiragana and small kana → large, one UTF-16 unit for one (so positions stay those of the text
 * as written): the kana folding of symptom-text.ts, without its dropping of spaces and punctuation; a single
 * separator between two Latin words becomes the space the folding makes of it, so a phrase written
 * 「Wi-Fiのパスワード」 (folded "wi fiの…") is found in "Wi-Fi" and "wi fi" as typed.
 */
function lengthKeptFold(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    // A small kana folded is no ASCII separator: the two never meet.
    let code = largeKanaCode(hiraganaCode(text.charCodeAt(i)), SMALL_KANA);
    if (
      code < 0x80 &&
      code !== 0x20 &&
      joinsLatinWords(text[i - 1] ?? "", text[i + 1] ?? "") &&
      isSeparator(text[i]!)
    )
      code = 0x20;
    out += String.fromCharCode(code);
  }
  return out;
}

/** Emoji come with and without the variation selector (U+FE0F): compared without it. */
function withoutVariation(text: string): string {
  return text.includes("\uFE0F") ? text.split("\uFE0F").join("") : text;
}
