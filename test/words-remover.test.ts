import { describe, expect, it } from "vitest";
import { withoutWords, wordsRemover } from "../dialogs/text.ts";

/**
 * dialogs/text.ts wordsRemover skips the words an automaton did not find in the text: it must give what
 * withoutWords gives, also where taking a word out joins letters into another word of the list (by "")
 * and for words beyond the BMP.
 */

/** A small deterministic generator, so that a failure can be replayed. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const LETTERS = ["あ", "い", "な", "く", " ", "a", "b", "😭", "ない", "くな"];

function pick(random: () => number, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += LETTERS[Math.floor(random() * LETTERS.length)];
  return out;
}

describe("wordsRemover", () => {
  it("takes out what withoutWords takes out, in the list's order", () => {
    const random = generator(11);
    for (let k = 0; k < 2_000; k++) {
      const words = Array.from({ length: 1 + Math.floor(random() * 6) }, () =>
        pick(random, 1 + Math.floor(random() * 2)),
      );
      const text = pick(random, Math.floor(random() * 12));
      for (const by of [" ", ""]) expect(wordsRemover(words, by)(text)).toBe(withoutWords(text, words, by));
    }
  });

  it("joins letters into a later word when words are taken out without a space", () => {
    // 「いあい」: 「あ」 out leaves 「いい」, which the next word takes out.
    expect(wordsRemover(["あ", "いい"], "")("いあい")).toBe("");
    expect(wordsRemover(["ない", "急いで"], " ")("急いでないです")).toBe("  です");
  });
});
