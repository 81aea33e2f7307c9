import { describe, expect, it } from "vitest";
import { buildFeelingReader } from "../dialogs/interpret/feeling.ts";
import { loadUi } from "../dialogs/ui.ts";
import { laughsIn } from "../dialogs/understand/feelings/played-down.ts";
import { readingTable } from "../dialogs/understand/normalize.ts";
import { fixtureQuestions } from "./fixtures/knowledge.ts";

const feelings = buildFeelingReader(loadUi(), readingTable(fixtureQuestions.readings));

describe("round 38's apology decision (family38a)", () => {
  it("worry about the recipient, dismay at a thing never told, the way out closed: felt without a word of feeling", () => {
    expect(feelings.feelingIn("いとこのアドレスが止まってるって…いとこに何かあったのかな")).toBe("worried");
    expect(feelings.feelingIn("Did something happen to my uncle? His address is gone")).toBe("worried");
    expect(feelings.feelingIn("先方にどう謝ればいいですか")).toBe("worried");
    expect(feelings.feelingIn("アドレスが消えたなんて聞いてない")).toBeDefined();
    expect(feelings.feelingIn("聞いてないよ、そんな話")).toBeDefined();
    expect(feelings.feelingIn("the shop closed that account and nobody told me")).toBeDefined();
    expect(feelings.feelingIn("無効って、じゃあどうやって連絡するのよ")).toBeDefined();
    expect(feelings.feelingIn("電話しろと？もう夜中なんですけど")).toBeDefined();
    expect(feelings.feelingIn("何回送らせるの、これ")).toBeDefined();
    expect(feelings.feelingIn("I wasn't told about any size limit")).toBeDefined();
    expect(feelings.feelingIn("so I should phone her in the middle of the night?")).toBeDefined();
    expect(feelings.feelingIn("how many times have I sent this now")).toBeDefined();
    // A goodbye that holds 何かあったら, and whether to apologise asked: calm.
    expect(feelings.feelingIn("また何かあったら来ます")).toBeUndefined();
    expect(feelings.feelingIn("相手に一言謝っておいたほうがいい？")).toBeUndefined();
  });

  it("regional words of being fed up are read as the standard ones", () => {
    for (const text of [
      "やっきりするわ、また戻ってきた",
      "いじやけるなあ、まだ届かない",
      "ごうわくわ、またエラーだ",
      "はがいかー、届かん",
      "せからしか、またエラー",
    ])
      expect(feelings.feelingIn(text), text).toBe("frustrated");
  });

  it("a laugh told in words or as 草, and shame in a message that laughs, are told calmly", () => {
    expect(laughsIn("件名が大げさすぎて笑った")).toBe(true);
    expect(laughsIn("アドレス間違えてた草")).toBe(true);
    expect(laughsIn("雑草")).toBe(false);
    expect(laughsIn("笑ってる場合じゃない")).toBe(false);
    expect(feelings.feelingIn("件名が絶望的すぎて笑った。で、どこが違うの？")).toBeUndefined();
    expect(feelings.feelingIn("ドット打ち間違えてたw はずかしー。直せば届く？")).toBeUndefined();
    // Shame with no laugh stays.
    expect(feelings.feelingIn("ドット打ち間違えてた。はずかしー。直せば届く？")).toBe("ashamed");
  });

  it("shame about how one's own address looks, the reason to change it, is no distress; shame at a slip is", () => {
    expect(feelings.feelingIn("学生時代のアドレスが恥ずかしいので変えたいです")).toBeUndefined();
    expect(feelings.feelingIn("my address is embarrassing, can I change my address?")).toBeUndefined();
    expect(feelings.feelingIn("アドレスを打ち間違えて恥ずかしい。変えたほうがいい？")).toBe("ashamed");
  });

  it("the same thing asked again, apologised for, and 「…なんだよね？」 confirmed, are no frustration", () => {
    expect(feelings.feelingIn("何度も同じこと聞いてすみません、容量の上限は？")).toBeUndefined();
    expect(feelings.feelingIn("全角がダメなんだよね？")).toBeUndefined();
    expect(feelings.feelingIn("なんだよ、これ")).toBe("frustrated");
  });
});

describe("little skill with machines told of oneself, then a plain question (family38a)", () => {
  it("is the reason to be patient, told calmly; lost, old, self-blamed or in trouble stays comforted", () => {
    expect(feelings.feelingIn("スマホは苦手で…写真を送る上限って何MBですか")).toBeUndefined();
    expect(feelings.feelingIn("機械音痴の私にもわかるように、ドメインって何か教えて")).toBeUndefined();
    expect(
      feelings.feelingIn("高齢の母の代わりに聞きます。戻ってきたメールは届いていないのですか"),
    ).toBeUndefined();
    expect(feelings.feelingIn("スマホは苦手で何が何だか。上限って何MB？")).toBeDefined();
    expect(feelings.feelingIn("機械に疎くて、さっぱりわかりません。どうすれば？")).toBeDefined();
    expect(feelings.feelingIn("年寄りで苦手なもので、すみません。上限って何MB？")).toBeDefined();
    expect(feelings.feelingIn("私がバカでした。どこを直せばいい？")).toBeDefined();
    expect(
      feelings.feelingIn("I'm hopeless with phones, so bear with me: where do I paste it?"),
    ).toBeUndefined();
  });
});
