import { describe, expect, it } from "vitest";
import { readingTable } from "../dialogs/understand/normalize.ts";
import { reasonTextReader, retells } from "../dialogs/understand/reason-texts.ts";
import { symptomClassMatcher } from "../dialogs/understand/symptom-classes.ts";
import { loadKnowledge } from "../knowledge/knowledge.ts";
import { loadQuestions } from "../knowledge/questions.ts";

const knowledge = loadKnowledge();
const table = readingTable(loadQuestions(knowledge).readings);

describe("a symptom told in words nobody listed (symptoms.yaml classes)", () => {
  const told = symptomClassMatcher(
    [
      {
        topic: "message-too-big",
        phrases: [],
        classes: [
          {
            all: [
              ["写真", "動画"],
              ["戻ってくる", "はじかれる"],
            ],
            unless: ["開いた"],
          },
        ],
      },
      { topic: "expired", phrases: [], classes: [{ all: [["日後"], ["届かなかった"]] }] },
    ],
    table,
  );

  it("is read from a word of every list, in any order and with any ending", () => {
    expect(told("旅行の写真を送ったら戻ってきました")).toBe("message-too-big");
    expect(told("はじかれるのは動画のときです")).toBe("message-too-big");
    expect(told("3日後に、届かなかったってメールが来た")).toBe("expired");
  });

  it("is read in kana too, through the readings", () => {
    expect(told("しゃしんおくるともどってくる")).toBe("message-too-big");
  });

  it("is not read from one list alone, nor with a word of `unless`", () => {
    expect(told("写真を送りたい")).toBeUndefined();
    expect(told("メールが戻ってきた")).toBeUndefined();
    expect(told("戻ってきたメールの写真を開いた")).toBeUndefined();
  });

  it("reads the shipped classes: photos only, days later, the outgoing server", () => {
    const shipped = symptomClassMatcher(knowledge.symptoms, table);
    expect(shipped("画像つきのメールだけはじかれる")).toBe("message-too-big");
    expect(shipped("一週間後に配達できなかったと連絡が来た")).toBe("expired");
    expect(shipped("送信サーバーに断られます")).toBe("relay-denied");
    expect(shipped("エラーメールの添付を開いてしまった")).toBeUndefined();
  });
});

describe("what a returned mail said, retold (reason-texts.ts)", () => {
  const reasonOf = reasonTextReader(knowledge, loadQuestions(knowledge));

  it("is the reason whose own texts it is close to, when one leads clearly", () => {
    expect(reasonOf("アドレスの書き方が正しくない")).toBe("address-syntax");
    expect(reasonOf("相手の容量がいっぱいで送れない")).toBe("mailbox-full");
  });

  it("is nothing when no reason leads", () => {
    expect(reasonOf("今日はいい天気")).toBeUndefined();
  });

  it("is read only from words that retell what a mail said", () => {
    expect(retells("最大サイズを超えてるって英語で来ました")).toBe(true);
    expect(retells("メールの容量を増やしたい")).toBe(false);
  });
});
