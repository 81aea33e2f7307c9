import { PhraseIndex } from "../../../knowledge/bounce/phrase-index.ts";
import { fold } from "../../../knowledge/fold.ts";

/**
 * 「クレームへの返信メールが戻ってきた」「件名に至急って付けたメール」「上司が心配しているので聞きますが」 "my boss is furious that
 * his email came back", "replying to an angry customer": a word of feeling that names whose it is, the mail's own business
 * or someone else's, is no feeling of the writer's (round 40: the blind writers of rounds 39 and 40 label these calm when
 * the rest is calm; round 39's quoted-feeling rule read 「」 only). The phrases are the shapes of ui.yaml
 * `feelings.words.owned`, each head + joiner + tail; read only of a text that reads a feeling (FeelingReader.feelingOver),
 * so no typed text without one pays for it.
 */
export interface OwnedShape {
  heads: readonly string[];
  joiners: readonly string[];
  tails: readonly string[];
}

/**
 * The text (folded) without the words of feeling owned by the mail or by someone else, or the text itself when it has
 * none. Blanked with an ideographic space, which no phrase holds (folded, it is a plain space), so taking one phrase out
 * never makes another.
 *
 * The phrases are found in sequence, not listed: a head found by one small index (~250 heads), then a joiner right
 * after it, then a tail right after that (round 41: every head × joiner × tail, ~10,000 phrases in one index, held ~4 MB
 * for one reading). The same answer as taking each phrase of that product list out in the list's order (text.ts
 * wordsRemover): the phrases that occur are the same, numbered by their place in the list, and taken out in that order
 * (test/feelings-owned41.test.ts compares the two over every phrase of the list).
 */
export function ownedRemover(shapes: readonly OwnedShape[]): (folded: string) => string {
  // Folded part by part: the same as the whole phrase folded, for parts that start with no combining mark (the test
  // checks every phrase of ui.yaml's list).
  const parts = shapes.map((s) => ({
    heads: s.heads.map((w) => fold(w)),
    joiners: s.joiners.map((w) => fold(w)),
    tails: s.tails.map((w) => fold(w)),
  }));
  // Where each shape's phrases start in the product list's order (head, then joiner, then tail).
  const bases: number[] = [];
  let total = 0;
  for (const s of parts) {
    bases.push(total);
    total += s.heads.length * s.joiners.length * s.tails.length;
  }
  if (total === 0) return (t) => t;
  // Each distinct head once, with the shapes (and its place in each) where it heads phrases: pairs in `uses`.
  const heads: string[] = [];
  const uses: number[][] = [];
  const idOf = new Map<string, number>();
  parts.forEach((s, shape) => {
    if (s.joiners.length === 0 || s.tails.length === 0) return;
    s.heads.forEach((h, place) => {
      let id = idOf.get(h);
      if (id === undefined) {
        id = heads.length;
        idOf.set(h, id);
        heads.push(h);
        uses.push([]);
      }
      uses[id]!.push(shape, place);
    });
  });
  const index = new PhraseIndex(heads);
  // PhraseIndex.mark's arrays, reused from text to text.
  const seen = new Int32Array(heads.length);
  const ends = new Int32Array(heads.length);
  const found = new Int32Array(heads.length);
  let mark = 0;
  /** The phrase numbered `n` in the product list. */
  const phrase = (n: number): string => {
    let shape = bases.length - 1;
    while (bases[shape]! > n) shape--;
    const s = parts[shape]!;
    let rest = n - bases[shape]!;
    const tail = rest % s.tails.length;
    rest = (rest - tail) / s.tails.length;
    const joiner = rest % s.joiners.length;
    const head = (rest - joiner) / s.joiners.length;
    return s.heads[head]! + s.joiners[joiner]! + s.tails[tail]!;
  };
  return (text) => {
    if (++mark === 0x7fffffff) {
      mark = 1;
      seen.fill(0);
    }
    const count = index.mark(text, seen, ends, mark, found);
    let numbers: number[] | undefined;
    for (let k = 0; k < count; k++) {
      const id = found[k]!;
      const head = heads[id]!;
      const use = uses[id]!;
      // Every place the head occurs, from its first.
      for (let at = ends[id]! - head.length; at >= 0; at = text.indexOf(head, at + 1)) {
        const afterHead = at + head.length;
        for (let u = 0; u < use.length; u += 2) {
          const shape = use[u]!;
          const s = parts[shape]!;
          const { joiners, tails } = s;
          for (let j = 0; j < joiners.length; j++) {
            if (!text.startsWith(joiners[j]!, afterHead)) continue;
            const afterJoiner = afterHead + joiners[j]!.length;
            for (let t = 0; t < tails.length; t++) {
              if (!text.startsWith(tails[t]!, afterJoiner)) continue;
              numbers ??= [];
              numbers.push(bases[shape]! + (use[u + 1]! * joiners.length + j) * tails.length + t);
            }
          }
        }
      }
    }
    if (numbers === undefined) return text;
    // In the list's order, as taking each phrase out in turn; a phrase found twice (at two places, or spelt by two
    // heads) is taken out once, all its places at once.
    numbers.sort((a, b) => a - b);
    let out = text;
    for (let i = 0; i < numbers.length; i++) {
      if (i > 0 && numbers[i] === numbers[i - 1]) continue;
      const w = phrase(numbers[i]!);
      if (out.includes(w)) out = out.split(w).join("\u3000");
    }
    return out;
  };
}
