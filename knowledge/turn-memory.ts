/**
 * Memory of what a user sent that lasts one turn: the modules that remember the last few strings they
 * were given (fold.ts, symptom-text.ts, dialogs/understand/phrases.ts and normalize.ts, the phrase
 * matchers of reasons/check.ts) register here how to forget them, and the interpreter forgets them all
 * when its reading of a message ends, answered or failed (dialogs/interpret.ts). So a typed text, or a
 * 1 MB paste, is not held in this process's module memory after its turn, however long the next turn is
 * in coming (issue 9: "nothing typed is logged or stored unmasked"; test/turn-memory.test.ts looks for a
 * canary on the heap after the turn).
 *
 * Forgetting is always safe: each memory is of a pure function, so one forgotten while another turn is
 * still being read (turns overlap while one waits for the classifier) costs that turn a recomputation,
 * not a different answer.
 */

const forgetters: (() => void)[] = [];

/** Registers how to forget what a module remembers of the strings it was given (called at its load). */
export function forgetAfterEachTurn(forget: () => void): void {
  forgetters.push(forget);
}

/** Forgets every string remembered for the turn that ends (the interpreter's `finally`). */
export function forgetTheTurn(): void {
  for (const forget of forgetters) forget();
  // V8 keeps the subject of the last successful regular expression match (RegExp.input, `$_`) until
  // another one matches: a match on the empty string takes its place.
  EMPTY.test("");
}
const EMPTY = /^/;

/**
 * `compute` (a pure function of a string, and of a second key compared by identity: a reading table, an
 * option) remembering its answers for the turn: forgotten when it ends (above). The readers of one typed text
 * ask the same few strings again and again (the whole text, its last sentence, the text without its words of
 * feeling), so a lookup stands in for the work. An answer that is an object is shared by every caller that
 * asks for it: only read, never changed.
 * A string of at most MAPPED_CHARS (every typed question, every piece of one) is remembered in a map for the
 * turn, up to MAX_MAPPED of them (then afresh): a ring of the last few alone was too short for the readers of
 * one text, which ask in turn about its pieces (round 37: of a slow dev text's ~45 different strings, NFKC
 * folded 215 times for 244 asks with 16 kept, and the reading table's `canonical` 113 for 131). A longer
 * string (a paste, its pieces) only in a ring of the last `size`: a map of such strings and their answers
 * could hold megabytes until the turn ends.
 */
export function recentMemo<T>(size: number, compute: (text: string) => T): (text: string) => T;
export function recentMemo<T, W>(
  size: number,
  compute: (text: string, with_: W) => T,
): (text: string, with_: W) => T;
export function recentMemo<T, W>(
  size: number,
  compute: (text: string, with_: W | undefined) => T,
): (text: string, with_?: W) => T {
  const from: (string | undefined)[] = new Array(size).fill(undefined);
  const withs: (W | undefined)[] = new Array(size).fill(undefined);
  const to: (T | undefined)[] = new Array(size).fill(undefined);
  let next = 0;
  // The short strings' answers, per second key (a memo sees one or two: a table, an option): those of the
  // first key asked in the turn (`firstWith`) in `firstAnswers`, any other key's in `others`. Made when first
  // needed in a turn (a new Map costs ~120 bytes, and a memo may go unasked), and forgotten by dropping them,
  // never by clear(): see FRESH_MAPS below.
  let firstWith: W | undefined;
  let firstAnswers: Map<string, T> | undefined;
  let others: Map<W | undefined, Map<string, T>> | undefined;
  let mappedCount = 0;
  forgetAfterEachTurn(() => {
    from.fill(undefined);
    withs.fill(undefined);
    to.fill(undefined);
    firstWith = undefined;
    firstAnswers = undefined;
    others = undefined;
    mappedCount = 0;
  });
  /** The map of answers for the second key, made if there is none yet. */
  const answersFor = (with_: W | undefined): Map<string, T> => {
    if (firstAnswers === undefined) {
      firstWith = with_;
      firstAnswers = new Map();
      return firstAnswers;
    }
    if (with_ === firstWith) return firstAnswers;
    others ??= new Map();
    let answers = others.get(with_);
    if (answers === undefined) {
      answers = new Map();
      others.set(with_, answers);
    }
    return answers;
  };
  return (text, with_) => {
    if (text.length <= MAPPED_CHARS) {
      let answers = answersFor(with_);
      const known = answers.get(text);
      if (known !== undefined || answers.has(text)) return known as T;
      const answer = compute(text, with_);
      if (mappedCount >= MAX_MAPPED) {
        others = undefined;
        firstAnswers = undefined;
        answers = answersFor(with_);
        mappedCount = 0;
      }
      answers.set(text, answer);
      mappedCount++;
      return answer;
    }
    for (let i = 0; i < size; i++) if (from[i] === text && withs[i] === with_) return to[i] as T;
    const answer = compute(text, with_);
    from[next] = text;
    withs[next] = with_;
    to[next] = answer;
    next = (next + 1) % size;
    return answer;
  };
}
/**
 * FRESH_MAPS: why the memories of a turn are forgotten with a new Map, not `clear()`. A map that has lived
 * through a garbage collection of the young generation is in the old one, and V8 then makes its tables there
 * too; `clear()` puts in a new table but leaves the old table's entries in place. That dead table is in the
 * old generation, whose pointers to young objects every young collection follows as roots: each string and
 * reading it held was copied, then moved to the old generation, where it died only at the next full
 * collection (round 39: ~3.7 KB per typed text kept so, of ~6 KB; the collections' pauses set the p99). A
 * new Map is young, and dies young with what it holds.
 */

/** Strings up to this long are remembered in recentMemo's map (a typed question is at most 300 characters). */
const MAPPED_CHARS = 1_000;
/** At most this many short strings per memo and turn: a turn that reads unusually many starts afresh. */
const MAX_MAPPED = 512;

/**
 * A map of answers for the turn, for readers that ask more strings than a ring (above) holds: emptied when the
 * turn ends, and afresh once it holds `max` (a turn that reads unusually many strings keeps it small). The
 * values are shared by every caller that gets them: only read, never changed.
 */
export function turnMap<V>(max: number): {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
} {
  // Made when first set in a turn; forgotten by dropping it (FRESH_MAPS above).
  let map: Map<string, V> | undefined;
  forgetAfterEachTurn(() => {
    map = undefined;
  });
  return {
    get: (key) => map?.get(key),
    set(key, value) {
      if (map === undefined || map.size >= max) map = new Map();
      map.set(key, value);
    },
  };
}
