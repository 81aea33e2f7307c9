import { describe, expect, it } from "vitest";
import { loadUi } from "../dialogs/ui.ts";
import { afterOwnStateAside } from "../dialogs/understand/feelings/aside.ts";
import { withoutDeniedFeelings as withoutDeniedFeelingsWith } from "../dialogs/understand/feelings/denied.ts";
import { exclaimed } from "../dialogs/understand/feelings/exclaimed.ts";
import { withoutModestOpening } from "../dialogs/understand/feelings/modest.ts";
import { withoutPraisingAlarm } from "../dialogs/understand/feelings/passed.ts";
import { fold } from "../knowledge/fold.ts";

/** The denial reader with the shipped words (ui.yaml feelings.words.denied). */
const deniable = loadUi().feelings.words.denied.words;
const withoutDeniedFeelings = (text: string, words?: readonly string[]) =>
  withoutDeniedFeelingsWith(text, deniable, words);

describe("an aside about oneself before a plain question", () => {
  it("hunger, sleep, a tiredness with its cause, nerves at asking: the question after the contrast is read alone", () => {
    expect(afterOwnStateAside("お腹すいたけど、このチャットって無料？")).toBe("このチャットって無料？");
    expect(afterOwnStateAside("眠くてたまらないけど、画面の写真でもいい？")).toBe("画面の写真でもいい？");
    expect(afterOwnStateAside("一日歩き疲れましたが、夜でも使えますか")).toBe("夜でも使えますか");
    expect(afterOwnStateAside("緊張しながら質問しますけど、MAILER-DAEMONって誰？")).toBe(
      "MAILER-DAEMONって誰？",
    );
  });

  it("a good mood told of the day is an aside too (round 34)", () => {
    expect(afterOwnStateAside("朝市で完売して気分がいい!ここってスクショでもいい?")).toBe(
      "ここってスクショでもいい?",
    );
    // The mood is the mail's doing: no aside.
    expect(afterOwnStateAside("相手に届いてご機嫌!次もこの設定で送ればいい?")).toBeUndefined();
  });

  it("not when the clause is about the mail, tells distress or a reproach, or nothing is asked after it", () => {
    expect(afterOwnStateAside("眠いのにまたメールが戻ってきたけど、どうすれば？")).toBeUndefined();
    expect(afterOwnStateAside("もう眠いけど、いつ届くの？")).toBeUndefined();
    expect(afterOwnStateAside("寝不足で不安だけど、届いてますか")).toBeUndefined();
    expect(afterOwnStateAside("お腹すいたけど、まだ終わらない")).toBeUndefined();
    // Tiredness alone may be the mail's doing: no aside.
    expect(afterOwnStateAside("へとへとですが、ここに貼ったメールは消えますか")).toBeUndefined();
    expect(afterOwnStateAside("何度も送り直してクタクタ。どうすればいい？")).toBeUndefined();
  });

  it("a sentence of its own closes the aside too; a tiredness counts with its cause joined before it", () => {
    expect(afterOwnStateAside("手術の助手を終えてクタクタです。このチャットは無料ですか")).toBe(
      "このチャットは無料ですか",
    );
    expect(afterOwnStateAside("仕込みで汗だくだけど、夜遅くても使えます？")).toBe("夜遅くても使えます？");
    expect(afterOwnStateAside("夜勤明けの朝5時なんですけど、この時間でも使えますか")).toBe(
      "この時間でも使えますか",
    );
    expect(afterOwnStateAside("へとへとです。どうすればいい？")).toBeUndefined();
  });
});

describe("a feeling taken back, or said in passing", () => {
  it("a hedge after the dots of a pause, or 「なんてことはない」, denies the feeling", () => {
    expect(withoutDeniedFeelings(fold("不安…ってわけじゃないけど、電話はある？"), ["不安"])).not.toContain(
      "不安",
    );
    expect(withoutDeniedFeelings(fold("落ち込んでる…なんてことはないです"), ["落ち込"])).not.toContain(
      "落ち込",
    );
    expect(withoutDeniedFeelings(fold("不安でたまらない"), ["不安"])).toContain("不安");
  });

  it("a skill played down and set aside by a contrast asks leave to ask; shame told stays", () => {
    expect(withoutModestOpening(fold("ど素人なんですけど、ドメインって何？")).trim()).toBe("ドメインって何?");
    expect(withoutModestOpening(fold("初心者でお恥ずかしいんですが、SPFって何？")).trim()).toBe("spfって何?");
    const shame = fold("パソコンは不慣れでお恥ずかしい限りです。貼り付けはどうやるの？");
    expect(withoutModestOpening(shame)).toBe(shame);
    const lost = fold("パソコン苦手で何が何だか。何MBまで？");
    expect(withoutModestOpening(lost)).toBe(lost);
    // The question played down as trivial, or the skill given as the reason for asking, is the polite way in too.
    expect(withoutModestOpening(fold("死ぬほどどうでもいい質問なんだけど、深夜でもやってる？")).trim()).toBe(
      "深夜でもやってる?",
    );
    expect(withoutModestOpening(fold("実はパソコン苦手で。MAILER-DAEMONって何者？")).trim()).toBe(
      "mailer-daemonって何者?",
    );
  });

  it("marks beside praise of the chat, relief or a good mood are glad ones", () => {
    expect(exclaimed("このチャット便利！ちなみに無料？")).toBeUndefined();
    expect(exclaimed("ほっとした！じゃあ待てばいい？")).toBeUndefined();
    expect(exclaimed("返事が早い！人間じゃないよね？")).toBeUndefined();
    expect(exclaimed("朗報！孫が生まれました。で、迷惑メールって止められる？")).toBeUndefined();
    expect(exclaimed("最高の一日でした！ついでに、Q&Aコミュニティってなに？")).toBeUndefined();
    expect(exclaimed("また戻ってきた！どうなってるの？")).toBe("frustrated");
  });

  it("a start that only measures praise is no alarm", () => {
    expect(withoutPraisingAlarm("びっくりするほど親切!")).not.toContain("びっくり");
    expect(withoutPraisingAlarm("びっくりするほど届かない")).toContain("びっくり");
  });
});
