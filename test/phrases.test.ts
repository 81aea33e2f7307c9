import { describe, expect, it } from "vitest";
import { readingTable } from "../dialogs/understand/normalize.ts";
import { phraseMatcher } from "../dialogs/understand/phrases.ts";

const table = readingTable(new Map([["困", "こま"]]));
const feelings = phraseMatcher(
  [
    ["frustrated", ["困っている", "困ってる", "最悪", "😭"]],
    ["urgent", ["急いで"]],
  ] as const,
  table,
);

describe("a list of phrases taken out of a message (the words of feeling before reading a question)", () => {
  it("leaves what else the message says as it was written: its question mark and its katakana", () => {
    const rest = feelings.strip("最悪。スパムが多いのはなぜですか？");
    expect(rest).not.toContain("最悪");
    expect(rest).toContain("スパムが多いのはなぜですか?"); // NFKC: the full-width ？ as ?
  });

  it("finds a phrase in katakana, in its reading and with another ending", () => {
    // The ending a phrase leaves open (る of 困ってる) may stay: it asks nothing.
    expect(feelings.strip("コマッテル、どうすれば")).not.toContain("コマッテ");
    expect(feelings.strip("こまってます、どうすれば")).toContain("どうすれば");
    expect(feelings.strip("こまってます、どうすれば")).not.toContain("こまって");
    expect(feelings.strip("急いでます！再送していい？")).toContain("再送していい?");
  });

  it("takes emoji out too, with or without their variation selector", () => {
    expect(feelings.strip("届かない😭").trim()).toBe("届かない");
    expect(feelings.strip("届かない\u{1F62D}\uFE0F").trim()).toBe("届かない");
  });
});
