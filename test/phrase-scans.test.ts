import { describe, expect, it } from "vitest";
import { afterLastMark, folded, includesAny, mentionsAny, occursNotBefore } from "../dialogs/text.ts";

/** The phrase scans every reader of typed words shares (dialogs/text.ts): plain string search, no pattern. */
describe("phrase scans", () => {
  it("fold a text once: width and case, and only its start when asked", () => {
    expect(folded("ＳＰＦって何？")).toBe("spfって何?");
    expect(folded("ABCDEF", 3)).toBe("abc");
    expect(mentionsAny("Ｌｅａｖｅ ｉｔ alone", ["leave it"])).toBe(true);
    expect(includesAny("Leave it", ["leave it"])).toBe(false); // not folded again
  });

  it("find a word not right before one of others, at any of its places", () => {
    expect(occursNotBefore("うちの取引先", "うちの", ["取引先", "相手"])).toBe(false);
    expect(occursNotBefore("うちの取引先とうちのサーバー", "うちの", ["取引先"])).toBe(true);
    expect(occursNotBefore("届きました", "届き", ["ました"])).toBe(false);
    expect(occursNotBefore("届きますか", "届き", ["ました"])).toBe(true);
    expect(occursNotBefore("届いた", "届き", [])).toBe(false);
  });

  it("take what follows the last mark that has something after it", () => {
    expect(afterLastMark("ありがとう。直したら届く?", "。!?")).toBe("直したら届く?");
    expect(afterLastMark("直したら届く?", "。!?")).toBe("直したら届く?");
    expect(afterLastMark("相手のアドレス、それのせい。", "、,。")).toBe("それのせい。");
    expect(afterLastMark("", "。")).toBe("");
  });
});
