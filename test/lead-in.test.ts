import { describe, expect, it } from "vitest";
import { questionAfterLeadIn, questionAfterQuote } from "../dialogs/interpret/lead-in.ts";

describe("the question after what the user took from the advice or the matter named", () => {
  it("is the text after the last 「ってことは」「…件、」, its commas left out", () => {
    expect(questionAfterLeadIn("あいてのめーるばこいっぱいってことはまたあとでおくればいいの")).toBe(
      "またあとでおくればいいの",
    );
    expect(questionAfterLeadIn("身に覚えのないメールが戻ってきた件、念のためパスワードは変えるべき？")).toBe(
      "念のためパスワードは変えるべき?",
    );
    expect(questionAfterLeadIn("ってことは、全部の宛先に送れてないの？")).toBe("全部の宛先に送れてないの?");
  });

  it("is nothing where only an ending follows, or no lead-in is there: 「3件」 is a count", () => {
    expect(questionAfterLeadIn("相手のメールボックスがいっぱいってことは？")).toBeUndefined();
    // "Could it be that…": an existence verb after 「ことは」 ends the guess, no question follows.
    expect(questionAfterLeadIn("相手側のフィルターで止められてるってことはありますか")).toBeUndefined();
    expect(questionAfterLeadIn("設定が原因ってことはないですよね？")).toBeUndefined();
    expect(questionAfterLeadIn("…ってことはない？")).toBeUndefined();
    expect(questionAfterLeadIn("エラーメールが3件来た")).toBeUndefined();
    expect(questionAfterLeadIn("ってことは".repeat(2000))).toBeUndefined();
  });

  it("is the text after a connective that opens a sentence after the story (「じゃあ」「で、」), not one inside a sentence", () => {
    expect(questionAfterLeadIn("悲報、相手のアカウント止まってたw じゃあこっから何すれば？")).toBe(
      "こっから何すれば?",
    );
    expect(questionAfterLeadIn("受信箱パンパンで返ってきた。で、ここから何すればいい？")).toBe(
      "ここから何すればいい?",
    );
    expect(questionAfterLeadIn("スマホで、写真を送ったら戻ってきた")).toBeUndefined();
    expect(questionAfterLeadIn("じゃあ送り直せばいい？")).toBeUndefined();
    expect(questionAfterLeadIn("。じゃあ".repeat(2000))).toBeUndefined();
  });

  it("is the text after a quote closed by a contrast (「…って書いてあるけど、」「…とありますが」)", () => {
    expect(questionAfterQuote("存在しないって書いてあるけど、ドメインって何のことですか")).toBe(
      "ドメインって何のことですか",
    );
    expect(questionAfterQuote("「配送を再試行しています」と出てますが、何？")).toBeUndefined();
    expect(questionAfterQuote("再試行中と表示されていますが、こちらで何かすることはありますか")).toBe(
      "こちらで何かすることはありますか",
    );
    expect(questionAfterQuote("ドメインってなに？")).toBeUndefined();
    expect(questionAfterQuote("って書いてあるけど".repeat(2000))).toBeUndefined();
  });
});
