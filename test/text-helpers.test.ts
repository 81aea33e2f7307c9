import { describe, expect, it } from "vitest";
import { endOfLast } from "../dialogs/text.ts";
import { joinReplyLines } from "../knowledge/bounce/pipeline.ts";
import { statusInText } from "../knowledge/bounce/smtp.ts";
import { followedWithin, trimRuns, upTo } from "../knowledge/bounce/text.ts";

/** The hand scans and fixed patterns that replaced backtracking regexes (issue #12) read the same. */
describe("joinReplyLines", () => {
  it.each([
    [
      "550-5.7.1 This message was not sent 550-5.7.1 because of policy 550 5.7.1 reasons",
      "550 5.7.1 This message was not sent because of policy reasons",
    ],
    ["Remote said: 421-4.7.0 Try 421-4.7.0 again later", "Remote said: 421 4.7.0 Try again later"],
    ["550-Mailbox 550 unavailable", "550 Mailbox unavailable"],
    // another code, or the same code with another status, stays
    ["550-5.1.1 No such user 451 4.3.0 later", "550 5.1.1 No such user 451 4.3.0 later"],
    ["550-5.1.1 a 550-5.2.1 b", "550 5.1.1 a 5.2.1 b"],
    ["no reply code here", "no reply code here"],
  ])("%s", (text, joined) => {
    expect(joinReplyLines(text)).toBe(joined);
  });
});

describe("statusInText", () => {
  it.each([
    ["550 5.1.0 Unknown address error 550 '5.7.1 Access denied'", "5.7.1"],
    // Only vague codes: one naming a subject (5.2.0, the mailbox) says more than 5.0.0.
    ["<<< 550 Unknown user > 554 5.0.0 Service unavailable > Status: 5.2.0", "5.2.0"],
    ["554 5.0.0 Service unavailable 554 5.3.0 Other", "5.3.0"],
    ["Status: 5.2.0 and later 554 5.0.0", "5.2.0"],
    ["554 5.0.0 Service unavailable", "5.0.0"],
  ])("%s", (text, status) => {
    expect(statusInText(text)).toBe(status);
  });
});

describe("followedWithin", () => {
  it("finds one phrase after another within the gap, not beyond it", () => {
    const text = `google groups ${"x".repeat(590)} permission to post`;
    expect(followedWithin(text, ["google groups"], ["permission to post"], 600)).toBe(true);
    expect(followedWithin(text, ["google groups"], ["permission to post"], 500)).toBe(false);
    expect(followedWithin(text, ["permission to post"], ["google groups"], 600)).toBe(false);
    expect(followedWithin("does not exist. google groups", ["google groups"], ["does not exist"], 600)).toBe(
      false,
    );
  });

  it("tries every occurrence of the first phrase", () => {
    const text = `google groups ${"y".repeat(700)} google groups: does not exist`;
    expect(followedWithin(text, ["google groups"], ["permission to post", "does not exist"], 600)).toBe(true);
  });
});

describe("trimRuns and upTo", () => {
  it("trims runs of one character", () => {
    expect(trimRuns("## 550 5.1.1 #unknown ##", "#")).toBe(" 550 5.1.1 #unknown ");
    expect(trimRuns("example.jp...", ".", "end")).toBe("example.jp");
    expect(trimRuns("..a@example.jp", ".", "start")).toBe("a@example.jp");
    expect(trimRuns("####", "#")).toBe("");
  });

  it("cuts before the first stop character", () => {
    expect(upTo("utf-8*ja", (c) => c === "*")).toBe("utf-8");
    expect(upTo("iso-2022-jp", (c) => c === "*")).toBe("iso-2022-jp");
  });
});

describe("endOfLast (dialogs/text.ts)", () => {
  it("gives where the last of any word ends, the furthest on when several occur", () => {
    expect(endOfLast("相手に言われた、早く何とかしたい", ["言われ", "連絡があ"])).toBe(6);
    expect(endOfLast("言われてて、連絡があった。どうしよう", ["言われ", "連絡があ"])).toBe(10);
    expect(endOfLast("ってことは件、また", ["ってことは", "件、"])).toBe(7);
  });

  it("is -1 when no word occurs", () => {
    expect(endOfLast("何も言ってない", ["連絡があ"])).toBe(-1);
    expect(endOfLast("", ["a"])).toBe(-1);
  });
});
