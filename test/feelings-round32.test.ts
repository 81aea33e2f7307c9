import { describe, expect, it } from "vitest";
import { loadUi } from "../dialogs/ui.ts";
import { raisesVoice } from "../dialogs/understand/feelings/anger.ts";
import { feltByShape as feltByShapeWith } from "../dialogs/understand/feelings/by-shape.ts";
import { withoutLaughAtOwnSlip, withoutPatientTurn } from "../dialogs/understand/feelings/played-down.ts";
import { praisesWhatWasTold } from "../dialogs/understand/feelings/praise.ts";
import { countsTheWait } from "../dialogs/understand/feelings/worn-down.ts";

/** The shape readers with the shipped word lists (ui.yaml typedWords). */
const typedWords = loadUi().typedWords;
const feltByShape = (text: string) => feltByShapeWith(text, typedWords);

const felt = ["ハラハラ", "びっくり", "不安", "笑うしかない"];

describe("round 32's readings of feeling (emo22)", () => {
  it("「もう」 before a span of time counted against them is worn down; one more day planned is not", () => {
    expect(countsTheWait("もう一週間ずっと届き続けてる")).toBe(true);
    expect(countsTheWait("もう3日も待ってるのに")).toBe(true);
    expect(countsTheWait("もう三日目だよ")).toBe(true);
    expect(countsTheWait("もう一日待ってみます")).toBe(false);
    expect(countsTheWait("もう少し待ちます")).toBe(false);
    expect(feltByShape("もう一週間ずっと届き続けてる。いつまで続くのこれ")).toBe("frustrated");
  });

  it("a word that insists, in capitals, is a raised voice; a whole message shouted speaks of the writer", () => {
    expect(raisesVoice("the address is RIGHT. I copied it from their signature")).toBe(true);
    expect(raisesVoice("WHY DOES MY EMAIL KEEP BOUNCING BACK")).toBe(true);
    expect(raisesVoice("MAIL DELIVERY FAILED: RETURNING MESSAGE TO SENDER")).toBe(false);
    expect(raisesVoice("550 5.1.1 USER UNKNOWN")).toBe(false);
    expect(raisesVoice("do I need SPF and DKIM?")).toBe(false);
  });

  it("「笑うしかない」 at a slip of one's own found is a laugh at oneself; at a failure going on it stays", () => {
    expect(withoutLaughAtOwnSlip("もう笑うしかない、全角で打ってたわ")).not.toContain("笑うしかない");
    expect(withoutLaughAtOwnSlip("笑うしかない、ドメインのつづり間違えてた")).not.toContain("笑うしかない");
    expect(withoutLaughAtOwnSlip("ここまで戻ってくるともう笑うしかない")).toContain("笑うしかない");
  });

  it("a feeling set aside by a contrast, then patience chosen, is told calmly", () => {
    expect(withoutPatientTurn("ハラハラするけど気長に待ちます", felt)).not.toContain("ハラハラ");
    expect(withoutPatientTurn("びっくりしましたけど、落ち着いて対応します", felt)).not.toContain("びっくり");
    expect(withoutPatientTurn("不安だけど、どうしたらいい？", felt)).toContain("不安");
  });

  it("praise of what was told, not denied, in any occurrence", () => {
    expect(praisesWhatWasTold("めっちゃ分かりやすい")).toBe(true);
    expect(praisesWhatWasTold("返事が早い")).toBe(true);
    expect(praisesWhatWasTold("わかりやすくない")).toBe(false);
    expect(praisesWhatWasTold("わかりやすくないけど、便利")).toBe(true);
    expect(praisesWhatWasTold("便利でもない")).toBe(false);
  });
});
