import { describe, expect, it } from "vitest";
import { classify } from "../knowledge/classify.ts";
import { familyOf, matchingFamilies } from "../scripts/family-readers.ts";

const recordsOf = async (answer: string) =>
  (await classify(`<aya@example.jp>: host mx.example.jp[192.0.2.7] said: ${answer}`, { kind: "fragment" }))
    .records;

/** The families a phrase is "own" to, for eval:families --strict and eval:fragment-seeds. */
describe("matchingFamilies", () => {
  it("names the families whose records each phrase matches, variants of a file counted as its family", async () => {
    const full = new Map([
      ["lhost-x-01.eml", await recordsOf("550 5.1.1 User unknown")],
      ["dos__lhost-x-02.eml", await recordsOf("552 5.2.2 Mailbox full")],
      ["rhost-y-01.eml", await recordsOf("550 5.1.1 User unknown")],
    ]);
    expect(familyOf("dos__lhost-x-02.eml")).toBe("lhost-x");
    const families = matchingFamilies(full);
    const shared = [...families].filter(([, f]) => f.size === 2).map(([p]) => p);
    const own = [...families].filter(([, f]) => f.size === 1);
    expect(shared).toContain("user unknown");
    expect(own.length).toBeGreaterThan(0);
    // Only lhost-x's second mail speaks of a full mailbox.
    expect(own.every(([, f]) => f.has("lhost-x"))).toBe(true);
  });
});
