import { describe, expect, it } from "vitest";
import { wordsRemover } from "../dialogs/text.ts";
import { loadUi } from "../dialogs/ui.ts";
import { type OwnedShape, ownedRemover } from "../dialogs/understand/feelings/owned.ts";
import { fold } from "../knowledge/fold.ts";

/**
 * Round 41 (mem41): owned.ts finds the phrases of ui.yaml `feelings.words.owned` in sequence (a head, a joiner right
 * after it, a tail right after that) instead of listing every head × joiner × tail in one phrase index. The answers
 * must be those of the list: every phrase it makes, taken out in the list's order (round 40's reading), compared here.
 */
const shapes: readonly OwnedShape[] = loadUi().feelings.words.owned ?? [];
const product = shapes.flatMap((s) =>
  s.heads.flatMap((h) => s.joiners.flatMap((j) => s.tails.map((t) => [h, j, t] as const))),
);
const listed = wordsRemover(
  product.map(([h, j, t]) => fold(h + j + t)),
  "\u3000",
);
const inSequence = ownedRemover(shapes);

/** A small deterministic generator (the same texts on every run). */
function generator(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

describe("owned feelings read in sequence (round 41, mem41)", () => {
  it("folding a phrase part by part is folding it whole (the data has no part that starts with a combining mark)", () => {
    expect(product.length).toBeGreaterThan(5000);
    for (const [h, j, t] of product) expect(fold(h) + fold(j) + fold(t)).toBe(fold(h + j + t));
  });

  it("every phrase of the product list is still read, alone and inside a text, as the list read it", () => {
    for (const [h, j, t] of product) {
      const p = fold(h + j + t);
      // Read (a phrase inside it may go first: 「大至急のメール」 loses 「至急のメール」 and keeps 「大」), as the list read it.
      expect(inSequence(p)).not.toBe(p);
      expect(inSequence(p)).toBe(listed(p));
      const text = `実は${p}が戻ってきて ${p}!`;
      expect(inSequence(text)).toBe(listed(text));
    }
  });

  it("near misses are not read: a part cut short, a joiner left out or swapped, a tail cut", () => {
    const rnd = generator(41);
    let misses = 0;
    for (let n = 0; n < 4000; n++) {
      const [h, j, t] = product[rnd(product.length)]!;
      const [fh, fj, ft] = [fold(h), fold(j), fold(t)];
      for (const near of [
        fh + fj + ft.slice(0, -1),
        fh.slice(0, -1) + fj + ft,
        fh + (fj === "" ? "x" : "") + ft,
        fh + (fj === "" ? "" : "・") + ft,
        `${fh + fj}、${ft}`,
      ]) {
        const want = listed(near);
        expect(inSequence(near)).toBe(want);
        if (want === near) misses++;
      }
    }
    // Most of them are read by no phrase at all.
    expect(misses).toBeGreaterThan(10000);
  });

  it("texts of phrases and parts put together at random (overlaps, repeats, several phrases) read as the list read them", () => {
    const rnd = generator(7);
    const pieces = [
      ...new Set(shapes.flatMap((s) => [...s.heads, ...s.joiners, ...s.tails]).map((w) => fold(w))),
    ];
    const fillers = ["", " ", "。", "が", "て", "メール", "の", "と", "って", "a", "s"];
    let read = 0;
    for (let n = 0; n < 20000; n++) {
      let text = "";
      const parts = 2 + rnd(8);
      for (let k = 0; k < parts; k++) {
        const kind = rnd(4);
        if (kind === 0) text += fillers[rnd(fillers.length)];
        else if (kind === 1) text += fold(product[rnd(product.length)]!.join(""));
        else text += pieces[rnd(pieces.length)];
      }
      const want = listed(text);
      expect(inSequence(text)).toBe(want);
      if (want !== text) read++;
    }
    // Most hold a phrase (a quarter of the parts are one), many two or more, next to parts of others.
    expect(read).toBeGreaterThan(8000);
  });

  it("no shapes, no phrases: the text as it is", () => {
    expect(ownedRemover([])("お客様が怒って")).toBe("お客様が怒って");
  });
});
