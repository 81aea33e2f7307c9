import { describe, expect, it } from "vitest";
import { CHECKS, REASON_ORDER } from "../knowledge/reasons/order.ts";
import { privateStatus, reasonOfStatus } from "../knowledge/status-table.ts";
import { REASONS } from "../knowledge/types.ts";

describe("reason files", () => {
  const checks = Object.values(CHECKS);

  it("keep their phrase lists sorted, lower-cased and free of duplicates (easy to review and extend)", () => {
    for (const check of checks) {
      const phrases = [...check.phrases];
      expect([...phrases].sort(), check.reason).toEqual(phrases);
      expect(new Set(phrases).size, check.reason).toBe(phrases.length);
      for (const p of phrases) expect(p, check.reason).toBe(p.toLowerCase());
    }
  });

  it("match their own phrases (a pair phrase with the parts apart)", () => {
    for (const check of checks) {
      for (const phrase of check.phrases) {
        const text = phrase.split("…").join(" something in between ");
        expect(check.match(text), `${check.reason}: ${phrase}`).toBeDefined();
      }
    }
  });

  it("are all named in the one order array, and the order names only known reasons", () => {
    const ordered = new Set(REASON_ORDER.map(([r]) => r));
    for (const [reason] of REASON_ORDER) expect(REASONS).toContain(reason);
    for (const check of checks) {
      if (check.reason === "vacation" || check.reason === "syntaxerror") continue; // fallbacks, not steps
      expect(ordered.has(check.reason), check.reason).toBe(true);
    }
  });
});

describe("status table", () => {
  it.each([
    ["5.1.1", "userunknown"],
    ["5.1.2", "hostunknown"],
    ["4.2.2", "mailboxfull"],
    ["5.3.4", "mesgtoobig"],
    ["5.7.26", "authfailure"],
    ["4.4.7", "expired"],
    ["5.0.0", ""],
    // IANA registry codes that Sisimai's table leaves out
    ["5.4.7", "expired"],
    ["4.7.13", "suspend"],
    ["4.7.30", "failedstarttls"],
  ])("%s → %s", (status, reason) => {
    expect(reasonOfStatus(status)).toBe(reason);
  });

  it("gives Sisimai-compatible private codes when a bounce has none", () => {
    expect(privateStatus("userunknown", false)).toBe("5.0.911");
    expect(privateStatus("mailboxfull", true)).toBe("4.0.922");
    expect(privateStatus("vacation", false)).toBe("");
  });
});
