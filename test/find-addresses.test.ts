import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findAddresses, firstAddress, LOCAL_PART_CHARS } from "../knowledge/bounce/text.ts";

/**
 * findAddresses scans by hand from each "@" (issue #12: the pattern it replaces is linear only thanks to
 * its bounds, and cost ~0.4 µs per character of any text). It must find exactly what that pattern found.
 */
const PATTERN = new RegExp(
  `[${LOCAL_PART_CHARS}]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\\.){1,8}[A-Za-z]{2,24}`,
  "g",
);

function byPattern(text: string): string[] {
  const found: string[] = [];
  PATTERN.lastIndex = 0;
  for (let m = PATTERN.exec(text); m; m = PATTERN.exec(text)) {
    found.push(m[0].replace(/^\.+/, ""));
    if (found.length > 200) break;
  }
  return found;
}

describe("findAddresses", () => {
  it.each([
    ["550 5.1.1 <taro@example.co.jp>: User unknown", ["taro@example.co.jp"]],
    [
      "…です。taro.yamada+jp@mail.example.com と hanako@example.jp",
      ["taro.yamada+jp@mail.example.com", "hanako@example.jp"],
    ],
    ["..dots@example.com", ["dots@example.com"]],
    ["a@b.co1x@c.org", ["a@b.co", "1x@c.org"]],
    ["x@localhost, y@example..com, z@-bad.com", ["y@example..com"]],
    [`${"a".repeat(70)}@example.com`, [`${"a".repeat(64)}@example.com`]],
    [`x@${"a".repeat(64)}.com x@${"a".repeat(63)}.com`, [`x@${"a".repeat(63)}.com`]], // a label ≤ 63
    ["x@a.b.c.d.e.f.g.h.i.jp", []], // nine labels, and no two-letter one among the first eight
    ["x@ab.c.d.e.f.g.h.i.jp", ["x@ab.c.d.e.f.g.h.i.jp"]], // eight labels
    ["x@mail.example.c0m", ["x@mail.example"]],
  ])("%s", (text, expected) => {
    expect(findAddresses(text)).toEqual(expected);
    expect(byPattern(text)).toEqual(expected);
  });

  it("finds what the pattern finds, on any mix of address characters", () => {
    const piece = fc.oneof(
      fc.constantFrom("@", ".", "-", "a", "Z", "7", "x", " ", "<", ">", "'", "+", "é", "。", "com", ".jp"),
      fc.stringMatching(/^[a-z0-9.-]{0,70}$/),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join("");
        expect(findAddresses(text)).toEqual(byPattern(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("stops after 201 addresses and gives the first one alone", () => {
    const many = Array.from({ length: 300 }, (_, i) => `u${i}@example.jp`).join(" ");
    expect(findAddresses(many)).toHaveLength(201);
    expect(firstAddress("To: <a@example.jp>, <b@example.jp>")).toBe("a@example.jp");
    expect(firstAddress("no address here")).toBe("");
  });
});
