/**
 * Finds which of many phrases occur in a text in one pass (Aho–Corasick), for the line-by-line scans
 * where trying every reason's phrase list on every line would dominate the run time, and for the reason
 * checks (reasons/check.ts), which read one pass over a diagnosis instead of a search per phrase.
 *
 * The automaton lives in typed arrays (a node's children as a list of siblings): built with a Map per
 * node, the index of every reason's phrases (~15,000 nodes) took ~20 ms and as much again of garbage
 * collection at every start of the classify command, in each of its threads.
 */
export class PhraseIndex {
  /**
   * The root's moves on ASCII characters (0: stay at the root): most of a text's characters start no
   * phrase, so most steps are taken from the root, and an array beats a list walk there.
   */
  private readonly fromRoot = new Int32Array(128);
  /** Per node: the character of the edge into it, its first child, its next sibling (0: none). */
  private readonly label: Uint16Array;
  private readonly firstChild: Int32Array;
  private readonly nextSibling: Int32Array;
  /** Per node: the longest proper suffix that is a node (0: the root). */
  private readonly fail: Int32Array;
  /** Per node: the first pattern id ending exactly here (-1: none); the others follow in `nextOut`. */
  private readonly firstOut: Int32Array;
  /** Per node: the nearest node on its fail chain where a pattern ends (-1: none). */
  private readonly dict: Int32Array;
  /** Per pattern id: the next (higher) id of a pattern ending at the same node (-1: none). */
  private readonly nextOut: Int32Array;

  /**
   * The root's moves on other characters (Japanese phrases start with hundreds of different ones), in an
   * open-addressing table: character in `wideKey` (0: an empty slot; these are all 128 or above), node in
   * `wideNode`, at most a quarter full. Nearly every character of a Japanese text is looked up here (most start
   * no phrase), once by each phrase list that reads it (symptoms, mentions, feelings, each candidate
   * question's needed words): a Map there cost more than the rest of the search (perf33, README "Speed").
   */
  private readonly wideKey: Uint16Array;
  private readonly wideNode: Int32Array;
  private readonly wideShift: number;
  private readonly wideMask: number;

  constructor(private readonly patterns: readonly string[]) {
    // Each distinct pattern once, in code-unit order (a native sort), with its ids in ascending order.
    const idsOf = new Map<string, number[]>();
    let longest = 0;
    patterns.forEach((p, id) => {
      // An empty pattern is never reported (no phrase has an empty part).
      if (p === "") return;
      const ids = idsOf.get(p);
      if (ids) ids.push(id);
      else {
        idsOf.set(p, [id]);
        if (p.length > longest) longest = p.length;
      }
    });
    const sorted = [...idsOf.keys()].sort();
    // One node per character not shared with the previous pattern's prefix: the trie's own size, which for a
    // list built as heads × joiners × tails (feelings/owned.ts) is a small part of its total length.
    let size = 1;
    for (let i = 0; i < sorted.length; i++)
      size += sorted[i]!.length - commonPrefix(sorted[i]!, sorted[i - 1] ?? "");
    // Sized before the trie is built: at most one root move per distinct first character.
    const firsts = new Set<number>();
    for (const p of sorted) if (p.charCodeAt(0) >= 128) firsts.add(p.charCodeAt(0));
    const wideBits = Math.max(1, Math.ceil(Math.log2(4 * firsts.size + 1)));
    this.wideShift = 32 - wideBits;
    this.wideMask = (1 << wideBits) - 1;
    this.wideKey = new Uint16Array(1 << wideBits);
    this.wideNode = new Int32Array(1 << wideBits);
    this.label = new Uint16Array(size);
    this.firstChild = new Int32Array(size);
    this.nextSibling = new Int32Array(size);
    this.fail = new Int32Array(size);
    this.firstOut = new Int32Array(size).fill(-1);
    this.dict = new Int32Array(size).fill(-1);
    this.nextOut = new Int32Array(patterns.length).fill(-1);
    // In sorted order a pattern shares the previous one's path up to their common prefix: the trie is
    // built without looking up a single child. path[d]: the previous pattern's node at depth d.
    const path = new Int32Array(longest + 1);
    let nodes = 1;
    let previous = "";
    for (const p of sorted) {
      const common = commonPrefix(p, previous);
      let at = path[common]!;
      for (let d = common; d < p.length; d++) {
        const c = p.charCodeAt(d);
        const to = nodes++;
        this.label[to] = c;
        this.nextSibling[to] = this.firstChild[at]!;
        this.firstChild[at] = to;
        if (at === 0) {
          if (c < 128) this.fromRoot[c] = to;
          else {
            let slot = this.wideSlot(c);
            while (this.wideKey[slot] !== 0) slot = (slot + 1) & this.wideMask;
            this.wideKey[slot] = c;
            this.wideNode[slot] = to;
          }
        }
        at = to;
        path[d + 1] = to;
      }
      const ids = idsOf.get(p)!;
      this.firstOut[at] = ids[0]!;
      for (let i = 1; i < ids.length; i++) this.nextOut[ids[i - 1]!] = ids[i]!;
      previous = p;
    }
    // Breadth-first fail and output links (a node's fail is shallower: done before it).
    const queue = new Int32Array(nodes);
    let queued = 0;
    for (let k = this.firstChild[0]!; k !== 0; k = this.nextSibling[k]!) queue[queued++] = k;
    for (let q = 0; q < queued; q++) {
      const n = queue[q]!;
      for (let k = this.firstChild[n]!; k !== 0; k = this.nextSibling[k]!) {
        const c = this.label[k]!;
        let f = this.fail[n]!;
        while (f !== 0 && this.child(f, c) === 0) f = this.fail[f]!;
        const target = this.child(f, c);
        const fail = target !== k ? target : 0;
        this.fail[k] = fail;
        this.dict[k] = this.firstOut[fail] !== -1 && fail !== 0 ? fail : this.dict[fail]!;
        queue[queued++] = k;
      }
    }
  }

  /** The node reached from `node` on character `c`, 0 when there is none. */
  private child(node: number, c: number): number {
    if (node === 0) return c < 128 ? this.fromRoot[c]! : this.fromRootWide(c);
    for (let k = this.firstChild[node]!; k !== 0; k = this.nextSibling[k]!) if (this.label[k] === c) return k;
    return 0;
  }

  /** Where the table of the root's wide moves starts looking for `c`. */
  private wideSlot(c: number): number {
    return Math.imul(c, 0x9e3779b1) >>> this.wideShift;
  }

  /** The root's move on a character of 128 or above, 0 when there is none. */
  private fromRootWide(c: number): number {
    const { wideKey, wideMask } = this;
    for (let slot = this.wideSlot(c); ; slot = (slot + 1) & wideMask) {
      const key = wideKey[slot]!;
      if (key === c) return this.wideNode[slot]!;
      if (key === 0) return 0;
    }
  }

  /** The state after reading `c` in state `at`. */
  private step(at: number, c: number): number {
    if (at === 0 && c < 128) return this.fromRoot[c]!;
    for (;;) {
      const to = this.child(at, c);
      if (to !== 0 || at === 0) return to;
      at = this.fail[at]!;
    }
  }

  /**
   * Ids of the patterns found in the text, each with the position just after its first match, in the
   * order they were first found (by end position, then longest first, then by id).
   */
  find(text: string): Map<number, number> {
    const found = new Map<number, number>();
    let at = 0;
    for (let i = 0; i < text.length; i++) {
      at = this.step(at, text.charCodeAt(i));
      for (let n = this.firstOut[at] !== -1 ? at : this.dict[at]!; n !== -1; n = this.dict[n]!)
        for (let id = this.firstOut[n]!; id !== -1; id = this.nextOut[id]!)
          if (!found.has(id)) found.set(id, i + 1);
    }
    return found;
  }

  /**
   * The same search without a Map: sets `seen[id] = mark` for every pattern found and `end[id]` to the
   * position just after its first match, and lists the ids in `found` in the order `find` gives them.
   * The arrays are the caller's, reused from text to text (a new `mark` each time; `found` as long as
   * the pattern list). Returns how many ids `found` holds.
   */
  mark(text: string, seen: Int32Array, end: Int32Array, mark: number, found: Int32Array): number {
    const { firstOut, dict, nextOut } = this;
    let count = 0;
    let at = 0;
    for (let i = 0; i < text.length; i++) {
      at = this.step(at, text.charCodeAt(i));
      for (let n = firstOut[at] !== -1 ? at : dict[at]!; n !== -1; n = dict[n]!)
        for (let id = firstOut[n]!; id !== -1; id = nextOut[id]!) {
          if (seen[id] === mark) continue;
          seen[id] = mark;
          end[id] = i + 1;
          found[count++] = id;
        }
    }
    return count;
  }

  pattern(id: number): string {
    return this.patterns[id]!;
  }

  get size(): number {
    return this.patterns.length;
  }
}

/**
 * For a fixed list searched on every message: the ids of the patterns one pass over `text` found, plus
 * `always` (ids to be tried whatever the pass says), in list order. The marking arrays are made once and
 * reused from text to text, and so is the answer: a view of them, good until the next call (the callers read
 * it at once; a fresh sorted array per call was ~4 % of what reading a typed text allocates, round 38).
 * Shared by the word removers of dialogs/text.ts and dialogs/understand/phrases.ts.
 */
export function foundInList(
  patterns: readonly string[],
  always: readonly number[],
): (text: string) => Int32Array {
  const automaton = new PhraseIndex(patterns);
  const seen = new Int32Array(patterns.length);
  const ends = new Int32Array(patterns.length);
  // The ids found, then the `always` ids not found: distinct ids of the list, so as many as it holds at most.
  const found = new Int32Array(patterns.length);
  const none = new Int32Array(0);
  let mark = 0;
  return (text) => {
    if (++mark === 0x7fffffff) {
      mark = 1;
      seen.fill(0);
    }
    let count = automaton.mark(text, seen, ends, mark, found);
    for (const i of always) if (seen[i] !== mark) found[count++] = i;
    // A typed array sorts numbers ascending, in place.
    return count === 0 ? none : found.subarray(0, count).sort();
  };
}

/** How many leading UTF-16 units `a` and `b` share. */
function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let common = 0;
  while (common < max && a.charCodeAt(common) === b.charCodeAt(common)) common++;
  return common;
}
