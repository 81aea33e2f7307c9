/**
 * Finds which of many phrases occur in a text in one pass (Aho–Corasick), for the line-by-line scans
 * where trying every reason's phrase list on every line would dominate the run time.
 */
interface Node {
  next: Map<number, number>;
  fail: number;
  /** Ids of the patterns that end here (including those reached through fail links). */
  out: number[];
}

export class PhraseIndex {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];
  /**
   * The root's moves on ASCII characters (0: stay at the root): most of a text's characters start no
   * phrase, so most steps are taken from the root, and an array beats a Map lookup there.
   */
  private readonly fromRoot = new Int32Array(128);

  constructor(private readonly patterns: readonly string[]) {
    patterns.forEach((p, id) => {
      let at = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        let to = this.nodes[at]!.next.get(c);
        if (to === undefined) {
          to = this.nodes.length;
          this.nodes.push({ next: new Map(), fail: 0, out: [] });
          this.nodes[at]!.next.set(c, to);
        }
        at = to;
      }
      this.nodes[at]!.out.push(id);
    });
    for (const [c, to] of this.nodes[0]!.next) if (c < 128) this.fromRoot[c] = to;
    // Breadth-first fail links.
    const queue: number[] = [...this.nodes[0]!.next.values()];
    for (let q = 0; q < queue.length; q++) {
      const n = queue[q]!;
      for (const [c, child] of this.nodes[n]!.next) {
        let f = this.nodes[n]!.fail;
        while (f !== 0 && !this.nodes[f]!.next.has(c)) f = this.nodes[f]!.fail;
        const target = this.nodes[f]!.next.get(c);
        this.nodes[child]!.fail = target !== undefined && target !== child ? target : 0;
        this.nodes[child]!.out.push(...this.nodes[this.nodes[child]!.fail]!.out);
        queue.push(child);
      }
    }
  }

  /** Ids of the patterns found in the text, each with the position just after its first match. */
  find(text: string): Map<number, number> {
    const found = new Map<number, number>();
    let at = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (at === 0 && c < 128) {
        at = this.fromRoot[c]!;
      } else {
        let to = this.nodes[at]!.next.get(c);
        while (to === undefined && at !== 0) {
          at = this.nodes[at]!.fail;
          to = this.nodes[at]!.next.get(c);
        }
        at = to ?? 0;
      }
      for (const id of this.nodes[at]!.out) if (!found.has(id)) found.set(id, i + 1);
    }
    return found;
  }

  pattern(id: number): string {
    return this.patterns[id]!;
  }
}
