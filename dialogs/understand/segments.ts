/**
 * Where the words of a text are: Intl.Segmenter's Japanese word segmentation (built into Node), many texts in
 * one call at start-up, and while a text is read (`readingOnce`) each of its runs between marks and spaces
 * segmented once for every reader that asks (normalize.ts features, scope.ts).
 */

export const wordSegmenter = new Intl.Segmenter("ja", { granularity: "word" });

/**
 * The word-like segments of each text (as `segmenter.segment(text)` finds them), found with one call for
 * all the texts: they are segmented joined by line breaks, which always end a word (UAX #29 WB3a/WB3b,
 * and a dictionary run of Japanese never crosses one), so each text's words are those it has alone
 * (test/understand-features.test.ts holds this for every text of the data).
 *
 * Why: each call of segment() holds a copy of ICU's break iterator outside V8's heap until a GC frees
 * it, and V8 does not count it toward starting one. The ~8,000 texts read at start-up (the questions'
 * examples, the advice and answers for the vocabulary of scope.ts) left ~9 MB of the process's malloc heap
 * in use at its peak, which glibc kept afterwards: RSS with or without sessions.
 */
export function wordSegmentsOfAll(
  texts: readonly string[],
  segmenter: Intl.Segmenter = wordSegmenter,
): string[][] {
  const out = texts.map((): string[] => []);
  eachSegmentOf(texts, segmenter, (i, s) => {
    if (s.isWordLike) out[i]!.push(s.segment);
  });
  return out;
}

/** A segment of a text as the segmenter found it: a word, or the spacing or punctuation between words. */
export interface Segment {
  readonly segment: string;
  readonly isWordLike: boolean;
}

/** Every segment of each text, words and what lies between (one call for all, as wordSegmentsOfAll). */
export function segmentsOfAll(texts: readonly string[]): Segment[][] {
  const out = texts.map((): Segment[] => []);
  eachSegmentOf(texts, wordSegmenter, (i, s) => {
    out[i]!.push({ segment: s.segment, isWordLike: s.isWordLike === true });
  });
  return out;
}

/**
 * Each segment of the texts joined by line breaks, with the number of the text it lies in; the line break
 * that joins a text to the next (a segment of its own: UAX #29 WB3a/WB3b) belongs to none. The texts are
 * joined a batch at a time, each batch about JOINED_CHARS long: a segment's cost in V8 (node 20) grows with
 * its offset in the string segmented, so that one call for all ~8,000 texts of the data (~250,000 letters)
 * cost ~10 s of each start-up (an interpreter built, every test file that builds one), against ~0.1 s in
 * batches. A few hundred calls keep the break iterators' copies as few as the one call did, for memory.
 */
function eachSegmentOf(
  texts: readonly string[],
  segmenter: Intl.Segmenter,
  visit: (text: number, s: Intl.SegmentData) => void,
): void {
  for (let first = 0; first < texts.length; ) {
    let last = first; // the batch is texts[first..last]
    let length = texts[first]!.length;
    while (last + 1 < texts.length && length + 1 + texts[last + 1]!.length <= JOINED_CHARS)
      length += 1 + texts[++last]!.length;
    let i = first;
    let end = texts[first]!.length; // where text i ends in the joined batch
    const joined = first === last ? texts[first]! : texts.slice(first, last + 1).join("\n");
    for (const s of segmenter.segment(joined)) {
      while (i < last && s.index > end) end += 1 + texts[++i]!.length;
      if (s.index === end && i < last) continue;
      visit(i, s);
    }
    first = last + 1;
  }
}
/** Letters segmented in one call at most, unless one text alone is longer (eachSegmentOf says why). */
const JOINED_CHARS = 2_000;

/**
 * The word-like segments of a folded text. While a text is read (`readingOnce`), its runs between sentence
 * marks and spaces are each segmented once: the readers of one text ask about its pieces again and again
 * (the whole, the text without its words of feeling, each clause), and the segmenter was a third of what
 * reading a piece cost. A mark (。、?! a line break) or a space always ends a word, and a dictionary run of
 * Japanese never crosses one (UAX #29: they join nothing, unless a combining mark, a format character or a
 * joiner follows, where no cut is made; test/understand-features.test.ts holds this for every text of the
 * data and the tuning set), so the words of the runs are the words of the whole.
 */
export function wordSegmentsOf(folded: string): readonly string[] {
  const memo = readingRuns;
  if (memo === undefined) return wordSegmentsOfAll([folded])[0]!;
  const out: string[] = [];
  for (const run of runsRead(folded, memo))
    for (const s of memo.get(run)!) if (s.isWordLike) out.push(s.segment);
  return out;
}

/**
 * Every segment of a folded text, words and what lies between them (the particle after a word, the space
 * before it: scope.ts `namesElsewhere`), from the same memory of runs as wordSegmentsOf while a text is read.
 */
export function segmentsOf(folded: string): readonly Segment[] {
  const memo = readingRuns;
  if (memo === undefined) return segmentsOfAll([folded])[0]!;
  const out: Segment[] = [];
  for (const run of runsRead(folded, memo)) for (const s of memo.get(run)!) out.push(s);
  return out;
}

/** The runs of a folded text, each segmented once into `memo` while the text is read (wordSegmentsOf). */
function runsRead(folded: string, memo: Map<string, readonly Segment[]>): readonly string[] {
  const runs: string[] = [];
  let from = 0;
  for (let i = 0; i < folded.length; i++)
    if (endsRun(folded, i)) {
      runs.push(folded.slice(from, i + 1));
      from = i + 1;
    }
  runs.push(from === 0 ? folded : folded.slice(from));
  // The runs not seen yet, segmented in one call (each call costs as much as a few segments), joined by line
  // breaks, which end a word as the marks do (wordSegmentsOfAll).
  // (A loop, not filter and a Set: most calls find every run known, and then allocate nothing more.)
  let missing: string[] | undefined;
  for (const run of runs)
    if (!memo.has(run)) {
      if (missing === undefined) missing = [run];
      else if (!missing.includes(run)) missing.push(run);
    }
  if (missing !== undefined) {
    if (memo.size + missing.length > MAX_RUNS) {
      memo.clear();
      missing = [...new Set(runs)];
    }
    const found = segmentsOfAll(missing);
    for (let i = 0; i < missing.length; i++) memo.set(missing[i]!, found[i]!);
  }
  return runs;
}

/** Characters after which a run ends (when what follows is no mark, space or character that joins it). */
const RUN_ENDS = new Set([..."。、?!\n "].map((c) => c.charCodeAt(0)));
/**
 * Whether a run ends after folded[i]: a mark or space, followed by a character that starts anew (not another
 * mark or space, whose run is one, not a combining mark, a variation selector, a format character or a
 * joiner, which belong to what they follow; not the second half of a surrogate pair).
 */
export function endsRun(folded: string, i: number): boolean {
  if (i + 1 >= folded.length || !RUN_ENDS.has(folded.charCodeAt(i))) return false;
  const next = folded.charCodeAt(i + 1);
  if (RUN_ENDS.has(next) || (next >= 0xdc00 && next <= 0xdfff)) return false;
  return !JOINS_BEFORE.test(folded.slice(i + 1, i + 3));
}
/** What a word boundary never comes before (UAX #29 WB4: Extend, Format, ZWJ; an emoji's skin tone). */
const JOINS_BEFORE = /^[\p{M}\p{Cf}\p{Grapheme_Extend}\p{Emoji_Modifier}]/u;

/** The runs of the texts being read, with their segments (readingOnce); undefined between readings. */
let readingRuns: Map<string, readonly Segment[]> | undefined;
let readingsOpen = 0;
/** Runs remembered at most (a long paste is not read as a question: its start only). */
const MAX_RUNS = 512;

/**
 * Opens the memory of runs segmented for a text being read; the function returned closes it. Held in this
 * process's memory while any text is being read, never kept beyond it: when the last reading open closes,
 * the runs are dropped. Readings that overlap (a turn waits for the classifier) share it: a run's segments
 * are the same whoever asks.
 */
export function readingOnce(): () => void {
  readingsOpen++;
  readingRuns ??= new Map();
  let open = true;
  return () => {
    if (!open) return;
    open = false;
    if (--readingsOpen === 0) readingRuns = undefined;
  };
}
