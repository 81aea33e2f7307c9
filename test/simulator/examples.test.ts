import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BUILT_IN_EXAMPLES, loadExamples } from "../../simulator/examples.ts";

describe("bounce examples for the page's picker", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "examples-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("reads the project's fixtures, sub-folders too, sorted, CRLF folded, labelled by path", () => {
    mkdirSync(join(dir, "postfix"));
    writeFileSync(
      join(dir, "postfix", "user-unknown.eml"),
      "From: MAILER-DAEMON\r\n\r\n550 5.1.1 User unknown\r\n",
    );
    writeFileSync(join(dir, "a-fragment.txt"), "452 4.2.2 Mailbox full");
    expect(loadExamples(dir)).toEqual([
      { label: "a-fragment", text: "452 4.2.2 Mailbox full" },
      { label: "postfix/user-unknown", text: "From: MAILER-DAEMON\n\n550 5.1.1 User unknown" },
    ]);
  });

  it.each([
    ["binary", Buffer.from([0x50, 0x4b, 0x00, 0x01])],
    ["raw ISO-2022-JP", Buffer.from("\u001b$B%(%i!<\u001b(B 550", "latin1")],
    ["not UTF-8 (Shift_JIS)", Buffer.from([0x83, 0x47, 0x83, 0x89, 0x81, 0x5b])],
    ["empty", Buffer.from("  \n")],
    ["longer than a chat message", Buffer.from("x".repeat(10_001))],
  ])("skips a %s file; with nothing left, offers the built-in examples", (_case, bytes) => {
    writeFileSync(join(dir, "bounce.txt"), bytes);
    expect(loadExamples(dir)).toEqual(BUILT_IN_EXAMPLES);
  });

  it("ignores data files that are not bounces (labels, expectations)", () => {
    writeFileSync(join(dir, "labels.tsv"), "file\treason\n");
    writeFileSync(join(dir, "expected.json"), "{}");
    expect(loadExamples(dir)).toEqual(BUILT_IN_EXAMPLES);
  });

  it("a missing folder → the built-in examples, one of them the classic 550 5.1.1", () => {
    expect(loadExamples(join(dir, "nope"))).toEqual(BUILT_IN_EXAMPLES);
    expect(BUILT_IN_EXAMPLES.some((e) => e.text.includes("550 5.1.1") && /User unknown/.test(e.text))).toBe(
      true,
    );
  });
});
