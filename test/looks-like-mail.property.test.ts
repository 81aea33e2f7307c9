import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { looksLikeMail, MAIL_HEADERS } from "../knowledge/bounce/input.ts";

/** looksLikeMail as it was written before it walked the block by index: the reference. */
function splitAndMatch(head: string): boolean {
  const end = head.search(/\r?\n\r?\n|\r\r/);
  const block = end === -1 ? head.slice(0, 16 * 1024) : head.slice(0, end);
  const lines = block.split(/\r\n|\r|\n/);
  let i = 0;
  if (lines[0]?.startsWith("From ")) i = 1;
  let known = 0;
  let fields = 0;
  for (; i < lines.length && i < 400; i++) {
    const line = lines[i]!;
    if (line === "") break;
    if (/^[ \t]/.test(line)) {
      if (fields === 0) return false;
      continue;
    }
    const m = /^([!-9;-~]{1,76}):/.exec(line);
    if (!m) return false;
    fields++;
    if (MAIL_HEADERS.has(m[1]!.toLowerCase())) known++;
  }
  return known >= 2;
}

const line = fc.oneof(
  fc.constantFrom("From: a@example.jp", "To: b@example.jp", "Subject: x", "DATE: today", "Received: by mx"),
  fc.constantFrom("Final-Recipient: rfc822; a@example.jp", "Status: 5.1.1", "X-Foo:", ":", "Subject : x"),
  fc.constantFrom(
    "From sender@example.jp Mon Jan 1",
    " folded",
    "\tfolded",
    "",
    "no colon here",
    "日本語: です",
  ),
  fc.constantFrom(`${"x".repeat(76)}: v`, `${"x".repeat(77)}: v`, "Content-Type:text/plain"),
  fc.string({ unit: fc.constantFrom("a", ":", " ", "\t", "-", "~", "\x7f", "é", "1") }),
);
const ending = fc.constantFrom("\n", "\r\n", "\r");

describe("looksLikeMail reads a header block as the split-and-match reading did", () => {
  it("on any mix of field, folded, blank, mbox and junk lines, with any line ends", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(line, ending), { maxLength: 30 }), (lines) => {
        const head = lines.map(([l, e]) => l + e).join("");
        expect(looksLikeMail(head)).toBe(splitAndMatch(head));
        const lf = lines.map(([l]) => `${l}\n`).join("");
        expect(looksLikeMail(lf)).toBe(splitAndMatch(lf));
      }),
      { numRuns: 3000 },
    );
  });

  it("a block of more than 400 lines is judged on its first 400", () => {
    const beyond = `${"X-A: 1\n".repeat(399)}From: a@example.jp\nTo: b@example.jp\n`; // To: is line 401
    expect(looksLikeMail(beyond)).toBe(false);
    expect(splitAndMatch(beyond)).toBe(false);
    const within = `To: b@example.jp\n${"X-A: 1\n".repeat(398)}From: a@example.jp\n`; // From: is line 400
    expect(looksLikeMail(within)).toBe(true);
    expect(splitAndMatch(within)).toBe(true);
  });
});
