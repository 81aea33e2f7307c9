import { describe, expect, it } from "vitest";
import { EXCERPT_CHARS, EXCERPT_LINES, unreadPaste } from "../dialogs/paste-excerpt.ts";
import { CANARIES, CANARY_FRAGMENTS } from "./support/canaries.ts";

/** What the escalation summary may quote of a paste nothing could be read from (dialogs/paste-excerpt.ts). */
describe("unreadPaste", () => {
  it("counts the lines and keeps the first lines a server wrote, without the mail's own headers", () => {
    const paste = [
      "From: Mail Delivery System <MAILER-DAEMON@mx.example.jp>",
      "To: taro.yamada@xa2.so-net.ne.jp",
      "Subject: Undelivered Mail Returned to Sender",
      "  (folded subject line)",
      "",
      "This is the mail system at host mx.example.jp.",
      "",
      "I'm sorry to have to inform you that your message could not",
      "be delivered to one or more recipients.",
      "Nothing more here.",
    ].join("\r\n");
    expect(unreadPaste(paste)).toEqual({
      lines: 8,
      excerpt: [
        "This is the mail system at host mx.example.jp.",
        "I'm sorry to have to inform you that your message could not",
        "be delivered to one or more recipients.",
      ],
    });
  });

  it("leaves out Japanese header labels and lines that are not a server's (a name may hide there)", () => {
    const paste = [
      "宛先：山田太郎 <taro@example.jp>",
      "件名：見積もり",
      "山田さんへのメールです",
      "Status: 5.0.0",
    ];
    expect(unreadPaste(paste.join("\n")).excerpt).toEqual(["Status: 5.0.0"]);
  });

  it("stops at the copy of the user's own mail", () => {
    const paste = ["Delivery failed.", "------ This is a copy of the message ------", "Hi Ken, the photos."];
    expect(unreadPaste(paste.join("\n")).excerpt).toEqual(["Delivery failed."]);
  });

  it("masks personal data in what it keeps", () => {
    const paste = `Could not deliver to ${CANARIES.email}\nCall ${CANARIES.phone} or pay with ${CANARIES.card}`;
    const { excerpt } = unreadPaste(paste);
    expect(excerpt).toHaveLength(2);
    for (const fragment of CANARY_FRAGMENTS) expect(excerpt.join("\n")).not.toContain(fragment);
  });

  it(`keeps at most ${EXCERPT_LINES} lines of at most ${EXCERPT_CHARS} characters`, () => {
    const { lines, excerpt } = unreadPaste(Array.from({ length: 50 }, () => "x".repeat(500)).join("\n"));
    expect(lines).toBe(50);
    expect(excerpt).toHaveLength(EXCERPT_LINES);
    for (const line of excerpt) expect(line.length).toBeLessThanOrEqual(EXCERPT_CHARS);
  });

  it.each([
    ["a header-like run", `${"A".repeat(60)}-`.repeat(80)],
    ["colons and blanks", ": \t".repeat(1700)],
    ["one long line of letters", "a".repeat(5000)],
    ["many short lines", "Subject:\n".repeat(555)],
  ])("reads 5,000 characters of %s: its lines counted, at most a short excerpt of them", (_what, text) => {
    // How long this takes is measured by npm run bench:adversarial (bench/hostile-texts.ts, the same texts).
    const { lines, excerpt } = unreadPaste(text);
    expect(lines).toBeGreaterThan(0);
    expect(lines).toBeLessThanOrEqual(text.split("\n").length);
    expect(excerpt.length).toBeLessThanOrEqual(Math.min(lines, EXCERPT_LINES));
    for (const line of excerpt) {
      expect(line.length).toBeLessThanOrEqual(EXCERPT_CHARS);
      expect(text).toContain(line.slice(0, 40)); // a piece of the paste, cut short
    }
  });
});
