import { describe, expect, it } from "vitest";
import { buildFeelingReader } from "../dialogs/interpret/feeling.ts";
import { loadUi } from "../dialogs/ui.ts";
import { withoutQuoted } from "../dialogs/understand/feelings/quoted.ts";
import { readingTable } from "../dialogs/understand/normalize.ts";
import { fixtureQuestions } from "./fixtures/knowledge.ts";

const feelings = buildFeelingReader(loadUi(), readingTable(fixtureQuestions.readings));

describe("round 39's apology decision (family39a)", () => {
  it("what is at stake told without a word of feeling is felt: a life, papers that cannot wait, what was lost or costs", () => {
    expect(feelings.feelingIn("祖父が入院してて、その連絡が届いてないみたい。どうしたらいい？")).toBe(
      "worried",
    );
    expect(feelings.feelingIn("お通夜の案内が戻ってきた。親戚にどう知らせれば")).toBe("worried");
    expect(feelings.feelingIn("願書のメールが戻ってきた。もう一回送ればいい？")).toBe("worried");
    expect(feelings.feelingIn("おかげで商談が流れてしまった。相手にはどう言えば")).toBe("worried");
    expect(feelings.feelingIn("every day this sits here costs me customers. what now?")).toBe("worried");
    expect(feelings.feelingIn("half the team might not show up at the meeting. how do I fix it?")).toBe(
      "worried",
    );
    // The same said by a writer who laughs is calm.
    expect(feelings.feelingIn("面接の日程メール、アドレス間違えてたw 直せばいい？")).toBeUndefined();
  });

  it("asking over and over told is fed up; asked again with an apology is polite", () => {
    expect(feelings.feelingIn("同じこと何度も聞いてるんですけど。担当者に代わって")).toBe("frustrated");
    expect(feelings.feelingIn("I have asked this twice now, get me a person")).toBe("frustrated");
    expect(feelings.feelingIn("何度も聞いてるのにすみません、ポートは何番でしたっけ")).toBeUndefined();
    expect(feelings.feelingIn("sorry, I know I already asked, which port was it?")).toBeUndefined();
  });

  it("a word of feeling in quotation marks is a subject's or someone else's: calm", () => {
    expect(withoutQuoted("件名に「至急」と入れた")).toBe("件名に「  」と入れた");
    expect(withoutQuoted("no quotes here")).toBe("no quotes here");
    expect(withoutQuoted("「開いたまま")).toBe("「開いたまま");
    expect(feelings.feelingIn("件名を「大至急」にしたのがいけなかったんですか？")).toBeUndefined();
    expect(feelings.feelingIn('the subject line said "URGENT", is that why it was flagged?')).toBeUndefined();
    // Said outside the quotes, it stays.
    expect(feelings.feelingIn("「至急」って書いたのに届かない、急いでるんです")).toBe("urgent");
  });

  it("complaints as the name of the work handled are no feeling; a complaint received still is", () => {
    expect(feelings.feelingIn("苦情対応の係です。返信が戻ってくるのはなぜですか")).toBeUndefined();
    expect(feelings.feelingIn("お客さんからクレーム来てる、どうしよう")).toBeDefined();
  });

  it("kept awake told politely, the answer scorned as handy for us, and the same answer flung back are felt", () => {
    expect(feelings.feelingIn("気になって夜も眠れません。調べる方法はありますか")).toBe("worried");
    expect(feelings.feelingIn("oh sure, it's the other side again. how convenient.")).toBe("frustrated");
    expect(feelings.feelingIn("「相手側の問題」ね。便利な言葉だこと")).toBe("frustrated");
    expect(feelings.feelingIn("またそれですか、相手に連絡しろって")).toBe("frustrated");
    // Convenience praised of something else, not of the answer, is no irony.
    expect(feelings.feelingIn("このチャット、夜でも使えるなら便利ですね")).toBeUndefined();
  });
});
