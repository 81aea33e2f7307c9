import { describe, expect, it } from "vitest";
import { buildFeelingReader } from "../dialogs/interpret/feeling.ts";
import { loadUi } from "../dialogs/ui.ts";
import { exclaimed } from "../dialogs/understand/feelings/exclaimed.ts";
import { consequenceTrailsOff, opensAlarmed } from "../dialogs/understand/feelings/worry.ts";
import { readingTable } from "../dialogs/understand/normalize.ts";
import { fixtureQuestions } from "./fixtures/knowledge.ts";

/** The consequences feared that worry.ts looks for before an ellipsis (ui.yaml typedWords). */
const { consequences } = loadUi().typedWords;

const feelings = buildFeelingReader(loadUi(), readingTable(fixtureQuestions.readings));

describe("round 41: upset without a word of feeling (family41b)", () => {
  it("a sigh opening a message is read in any spelling, 「…」 too (NFKC writes it as three dots)", () => {
    expect(exclaimed("はあ…結局何MBまでなの")).toBe("frustrated");
    expect(exclaimed("はぁ 結局何めがまでいけんの")).toBe("frustrated");
    expect(exclaimed("はーあ、いつ届くわけ")).toBe("frustrated");
    expect(exclaimed("ハア…アドレスは合ってるはずなんですけど")).toBe("frustrated");
    expect(exclaimed("はぁ…")).toBe("frustrated");
    // A yes, a bare "huh", "huh…?" and the vague "I see" are no sigh.
    expect(exclaimed("はーい了解です")).toBeUndefined();
    expect(exclaimed("はあ")).toBeUndefined();
    expect(exclaimed("はあ…？")).toBeUndefined();
    expect(exclaimed("はあ、なるほど。ちなみに添付は何MBまでですか")).toBeUndefined();
  });

  it("indignation asked back as a tag, and innocence protested, are felt", () => {
    expect(feelings.feelingIn("迷惑メール扱いってちょっと失礼じゃない？誰が決めてるの")).toBe("frustrated");
    expect(feelings.feelingIn("ブロックリストって何ですか。うちは何も悪いことしてませんよ")).toBe(
      "frustrated",
    );
    expect(feelings.feelingIn("we have done nothing wrong. why would anyone blacklist us?")).toBe(
      "frustrated",
    );
    expect(feelings.feelingIn("理由が思い当たらない。なんでうちなの？")).toBe("frustrated");
    // Asking whether they are at fault, and mail never sent told plainly, stay calm.
    expect(feelings.feelingIn("相手の箱がいっぱいなら、こっちは何も悪くない？")).toBeUndefined();
    expect(feelings.feelingIn("こんなメール一通も送ってません")).toBeUndefined();
    expect(feelings.feelingIn("失礼ですが、質問してもいいですか")).toBeUndefined();
  });

  it("made to ask again, or getting nowhere, is felt; asking again with an apology is not", () => {
    expect(feelings.feelingIn("同じことを何度聞けば気が済むんですか")).toBe("frustrated");
    expect(feelings.feelingIn("らちあかんわ 人出して")).toBe("frustrated");
    expect(feelings.feelingIn("this is going nowhere put a person on")).toBe("frustrated");
    expect(feelings.feelingIn("同じ質問を何回もしてすみません、人と話すことはできますか")).toBeUndefined();
  });

  it("alarm: 「え、まって」 in kana, English 'wait' only with a doubled question mark", () => {
    expect(opensAlarmed("え、まって 乗っ取られてる??")).toBe(true);
    expect(opensAlarmed("wait am i hacked??")).toBe(true);
    expect(opensAlarmed("hold on, did someone hack me??")).toBe(true);
    expect(opensAlarmed("wait, are you a bot?")).toBe(false);
    expect(opensAlarmed("waiting for it?? when")).toBe(false);
  });

  it("a deed regretted, left unfinished by an ellipsis, is worry", () => {
    expect(consequenceTrailsOff("生徒全員に送っちゃった...他の人にはもう届いてる?", consequences)).toBe(true);
    expect(consequenceTrailsOff("送ってしまった...取り消せる?", consequences)).toBe(true);
    expect(consequenceTrailsOff("届かないのですが...", consequences)).toBe(false);
  });
});
