import { describe, expect, it } from "vitest";
import { countsSends } from "../dialogs/interpret/scans.ts";

const VERBS = ["送", "おく", "再送", "試", "ため", "やっ", "やり", "出し", "だし", "トライ"];

/**
 * Two or more tries counted before a verb of sending or trying, or 「とも」 (dialogs/interpret/scans.ts countsSends):
 * tries told in vain, as 「何度送っても」 is. A count of one asks to do it again; a count of something else tells nothing.
 */
describe("tries counted before a verb of trying", () => {
  it.each([
    "もう4回送ったけど全部戻ってくる",
    "三回やってもダメ",
    "2度試したけど",
    "3回とも戻ってきた",
    "10回再送した",
  ])("%s", (text) => {
    expect(countsSends(text, VERBS)).toBe(true);
  });
  it.each([
    "もう一回送っていい？",
    "1回送ったけど戻ってきた",
    "3回読んだけどわからない",
    "20MBまで送れる？",
    "3日前に送った",
  ])("not: %s", (text) => {
    expect(countsSends(text, VERBS)).toBe(false);
  });
});
