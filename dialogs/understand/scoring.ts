/**
 * The two loops of the question index (understand.ts) that cost per example phrasing, the part of reading a
 * typed text that grows as examples are added: summing a text's features over their postings, and finding
 * each question's best two examples. Kept apart as small functions over typed arrays so that V8 optimises
 * them whole: inside the index's large closure each array was a context load per posting, and finding the
 * best two went through a list of the examples touched, with a branch per posting to keep it.
 * Both give the same numbers to the last bit as the loops they replace (the same additions in the same
 * order; division by a positive norm keeps the order of sums, so the best two are divided after).
 */

/** Adds `weight` × the weight of each posting from…to (one feature's) to the sum of its example. */
export function addPostings(
  examples: Int32Array,
  weights: Float64Array,
  from: number,
  to: number,
  weight: number,
  sums: Float64Array,
): void {
  for (let i = from; i < to; i++) {
    const ex = examples[i]!;
    sums[ex] = sums[ex]! + weight * weights[i]!;
  }
}

/**
 * The largest and second largest of sums[from…to) (two equal sums are both; 0 where there are fewer), into
 * top[0] and top[1]. Most sums are 0 (examples the text shares nothing with): no branch per example, and
 * no list of the examples touched to keep while summing.
 */
export function topTwo(sums: Float64Array, from: number, to: number, top: Float64Array): void {
  let first = 0;
  let second = 0;
  // Compare and select rather than Math.min/max, which check for NaN and -0 (none here): ~15 % less time.
  // biome-ignore-start lint/complexity/useMathMinMax: see above
  for (let ex = from; ex < to; ex++) {
    const v = sums[ex]!;
    const lower = v < first ? v : first;
    first = v < first ? first : v;
    second = second < lower ? lower : second;
  }
  // biome-ignore-end lint/complexity/useMathMinMax: see above
  top[0] = first;
  top[1] = second;
}
