import { describe, expect, it } from "vitest";
import { buildFeelingReader } from "../dialogs/interpret/feeling.ts";
import { asksBeyondLament } from "../dialogs/interpret/key-answer.ts";
import { loadUi } from "../dialogs/ui.ts";
import { minutesLeft } from "../dialogs/understand/feelings/hurry.ts";
import { praisesWhatWasTold } from "../dialogs/understand/feelings/praise.ts";
import { typedInKana } from "../dialogs/understand/feelings/says.ts";
import { readingTable } from "../dialogs/understand/normalize.ts";
import { fixtureQuestions } from "./fixtures/knowledge.ts";

const feelings = buildFeelingReader(loadUi(), readingTable(fixtureQuestions.readings));

describe("round 34's readings of feeling (emo24)", () => {
  it("sarcastic thanks: praise that stays sarcasm beside thanks; sincere thanks stay thanks", () => {
    expect(feelings.feelingIn("Wow, super helpful. Thanks a lot.")).toBe("frustrated");
    expect(feelings.feelingIn("ご丁寧にどうも。で、迷惑メール扱いされない方法は？")).toBe("frustrated");
    expect(feelings.feelingIn("ご丁寧にどうも、で？")).toBe("frustrated");
    expect(feelings.feelingIn("ご丁寧にどうも")).toBeUndefined();
    expect(feelings.feelingIn("ご丁寧にどうも。では失礼いたします")).toBeUndefined();
    expect(feelings.feelingIn("ご丁寧にどうもありがとうございます")).toBeUndefined();
    // Ironic praise beside thanks, without the sarcastic words, gives way to the thanks as before.
    expect(feelings.feelingIn("素晴らしい、ありがとう")).toBeUndefined();
  });

  it("lost altogether is one list of feeling, ashamed, whose words stay in what is read", () => {
    expect(feelings.feelingIn("孫がいないと何もわからん。誰か人間に代わってくれんか")).toBe("ashamed");
    expect(feelings.feelingIn("全然わからない、人と話したい")).toBe("ashamed");
    expect(feelings.feelingIn("専門用語ばかりでちんぷんかんぷんです")).toBe("ashamed");
    expect(feelings.withoutFeelingWords("全然わからない、人と話したい")).toContain("全然わからない");
    expect(feelings.feelingIn("申し訳ないんですが、人と話せますか")).toBeUndefined();
  });

  it("minutes told as all there is, without 「あと」; days or a short wait are no lack", () => {
    expect(minutesLeft("次の配達先まで5分しかないのに")).toBe(true);
    expect(minutesLeft("会議まで1時間しかありません")).toBe(true);
    expect(minutesLeft("まだ3日しかたってない")).toBe(false);
    expect(minutesLeft("10分しかかからない")).toBe(false);
  });

  it("a message typed in hiragana alone is told apart from one with kanji, katakana or English", () => {
    expect(typedInKana("ういるすかな こわい")).toBe(true);
    expect(typedInKana("ウイルスかな こわい")).toBe(false);
    expect(typedInKana("困ってます、助けてください")).toBe(false);
    expect(typedInKana("virus?")).toBe(false);
  });

  it("a lament whose only asking clause is 「どうしよう」, a feeling told after it, asks nobody", () => {
    expect(asksBeyondLament("お客様が来られなかったらどうしよう、不安です")).toBe(false);
    expect(asksBeyondLament("どうしよう…")).toBe(false);
    expect(asksBeyondLament("全角とか知らないよ、どこ直せばいいの")).toBe(true);
    expect(asksBeyondLament("どうしよう、もう一回送ればいいの？")).toBe(true);
  });

  it("the reply's speed praised in either kanji", () => {
    expect(praisesWhatWasTold("返事が速すぎる!")).toBe(true);
    expect(praisesWhatWasTold("返事が早い!")).toBe(true);
  });
});
