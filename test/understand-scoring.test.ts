import { describe, expect, it } from "vitest";
import { addPostings, topTwo } from "../dialogs/understand/scoring.ts";

/**
 * The question index's loops per example (dialogs/understand/scoring.ts) give what the plain definitions
 * give: sums in posting order, and a question's best two examples with ties and untouched (0) examples.
 */

/** A small deterministic generator, so that a failure can be replayed. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe("the question index's scoring loops", () => {
  it("topTwo finds the largest and second largest sum of a range, two equal ones both", () => {
    const top = new Float64Array(2);
    const cases: number[][] = [[], [0, 0, 0], [0.5], [0.2, 0.7, 0.7, 0.1], [0.3, 0, 0.9, 0.3], [0.4, 0.4]];
    const random = generator(7);
    for (let k = 0; k < 200; k++)
      cases.push(
        Array.from({ length: 1 + Math.floor(random() * 40) }, () =>
          random() < 0.6 ? 0 : Math.round(random() * 8) / 8,
        ),
      );
    for (const values of cases) {
      const sums = Float64Array.from([0.99, ...values, 0.98]); // neighbours outside the range
      topTwo(sums, 1, 1 + values.length, top);
      const sorted = [...values, 0, 0].sort((a, b) => b - a);
      expect([top[0], top[1]]).toEqual([sorted[0], sorted[1]]);
    }
  });

  it("addPostings adds a feature's weight times each posting's weight to its example's sum, in order", () => {
    const examples = Int32Array.from([0, 2, 3, 1, 2]);
    const weights = Float64Array.from([0.5, 0.25, 0.1, 0.3, 0.2]);
    const sums = new Float64Array(4);
    addPostings(examples, weights, 0, 3, 2, sums); // the first feature's postings: examples 0, 2, 3
    addPostings(examples, weights, 3, 5, 0.1, sums); // the second's: examples 1, 2
    expect([...sums]).toEqual([2 * 0.5, 0.1 * 0.3, 2 * 0.25 + 0.1 * 0.2, 2 * 0.1]);
  });
});
