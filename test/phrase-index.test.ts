import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PhraseIndex } from "../knowledge/bounce/phrase-index.ts";
import { phraseMatcher } from "../knowledge/reasons/check.ts";
import { CHECKS } from "../knowledge/reasons/order.ts";

/**
 * What the index must answer, the slow way: every pattern's first match, ordered by where it ends, then
 * longest first (the automaton reports a state's own patterns before its suffixes'), then by id.
 */
function naive(patterns: readonly string[], text: string): [number, number][] {
  const found: [number, number][] = [];
  patterns.forEach((p, id) => {
    const at = p === "" ? -1 : text.indexOf(p);
    if (at !== -1) found.push([id, at + p.length]);
  });
  return found.sort((a, b) => a[1] - b[1] || patterns[b[0]]!.length - patterns[a[0]]!.length || a[0] - b[0]);
}

/** The reason checks' phrase search before it shared one index: each phrase's parts, in order. */
function naiveMatch(phrases: readonly string[], text: string): string | undefined {
  if (!text) return undefined;
  return phrases.find((phrase) => {
    let at = 0;
    for (const part of phrase.split("…")) {
      const found = text.indexOf(part, at);
      if (found === -1) return false;
      at = found + part.length;
    }
    return true;
  });
}

// Few letters, so that patterns overlap, nest and repeat (the fail links' cases); one non-ASCII letter.
const letters = fc.constantFrom("a", "b", "c", " ", "é", "ー");
const word = fc.string({ unit: letters, minLength: 1, maxLength: 6 });
const text = fc.string({ unit: letters, maxLength: 60 });

describe("PhraseIndex", () => {
  it("finds the same patterns at the same places as a search per pattern", () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), text, (patterns, t) => {
        const index = new PhraseIndex(patterns);
        expect([...index.find(t)]).toEqual(naive(patterns, t));
        const seen = new Int32Array(patterns.length);
        const end = new Int32Array(patterns.length);
        const found = new Int32Array(patterns.length);
        const count = index.mark(t, seen, end, 7, found);
        const marked = patterns.flatMap((_, id) => (seen[id] === 7 ? [[id, end[id]!]] : []));
        expect(marked).toEqual([...naive(patterns, t)].sort((a, b) => a[0]! - b[0]!));
        expect([...found.subarray(0, count)]).toEqual(naive(patterns, t).map(([id]) => id));
      }),
      { numRuns: 500 },
    );
  });

  it("finds patterns that start with many different non-ASCII letters (the root's table of wide moves)", () => {
    // Kana and kanji as a typed Japanese text has them: many first letters share slots of the table and
    // are told apart by looking further; letters no pattern starts with are looked up and not found.
    const wide = fc.constantFrom(..."あいうえおかきくけこさしすせそがぎ送届戻容量メールエラー", "a", " ");
    const wideWord = fc.string({ unit: wide, minLength: 1, maxLength: 4 });
    const wideText = fc.string({ unit: wide, maxLength: 40 });
    fc.assert(
      fc.property(fc.array(wideWord, { maxLength: 40 }), wideText, (patterns, t) => {
        const index = new PhraseIndex(patterns);
        expect([...index.find(t)]).toEqual(naive(patterns, t));
      }),
      { numRuns: 500 },
    );
  });

  it("tells a pattern found inside a longer one that failed (the fail link) and one repeated", () => {
    const index = new PhraseIndex(["user unknown", "unknown", "er un", "unknown"]);
    expect([...index.find("no such user unknow, unknown")]).toEqual([
      [2, 15],
      [1, 28],
      [3, 28],
    ]);
  });
});

describe("phraseMatcher", () => {
  it("gives the first phrase of the list whose parts appear in order, as a search per phrase did", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 3 }), { maxLength: 10 }),
        fc.array(text, { minLength: 1, maxLength: 4 }),
        (phraseParts, texts) => {
          const phrases = phraseParts.map((parts) => parts.join("…"));
          const match = phraseMatcher(phrases);
          for (const t of texts) expect(match(t)).toBe(naiveMatch(phrases, t));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("answers every reason's check on real diagnoses as a search per phrase did", () => {
    const texts = [
      "550 5.1.1 <k@example.jp>... user unknown",
      "552 5.2.2 mailbox full: quota exceeded for this recipient",
      "554 5.7.1 message rejected: spam detected by content filter, see policy",
      "421 4.7.0 too many connections from your ip, try again later",
      "550 mailbox unavailable; the account has been suspended or disabled",
    ];
    for (const check of Object.values(CHECKS))
      for (const t of texts) expect(check!.match(t)).toBe(naiveMatch(check!.phrases, t));
  });
});
