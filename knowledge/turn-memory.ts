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
 * option) remembering its last `size` answers, in a ring, for the turn: forgotten when it ends (above). The
 * readers of one typed text ask the same few strings again and again (the whole text, its last sentence, the
 * text without its words of feeling), so a few string comparisons stand in for the work. An answer that is
 * an object is shared by every caller that asks for it: only read, never changed.
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
  forgetAfterEachTurn(() => {
    from.fill(undefined);
    withs.fill(undefined);
    to.fill(undefined);
  });
  return (text, with_) => {
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
 * A map of answers for the turn, for readers that ask more strings than a ring (above) holds: emptied when the
 * turn ends, and afresh once it holds `max` (a turn that reads unusually many strings keeps it small). The
 * values are shared by every caller that gets them: only read, never changed.
 */
export function turnMap<V>(max: number): {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
} {
  const map = new Map<string, V>();
  forgetAfterEachTurn(() => map.clear());
  return {
    get: (key) => map.get(key),
    set(key, value) {
      if (map.size >= max) map.clear();
      map.set(key, value);
    },
  };
}
