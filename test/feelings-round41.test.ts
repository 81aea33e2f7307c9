import { describe, expect, it } from "vitest";
import { buildFeelingReader } from "../dialogs/interpret/feeling.ts";
import { loadUi } from "../dialogs/ui.ts";
import { exclaimed } from "../dialogs/understand/feelings/exclaimed.ts";
import { readingTable } from "../dialogs/understand/normalize.ts";
import { fixtureQuestions } from "./fixtures/knowledge.ts";

const ui = loadUi();
const feelings = buildFeelingReader(ui, readingTable(fixtureQuestions.readings));
/** Whether the text reads a feeling still felt (an apology before the answer). */
const upset = (text: string) => {
  const felt = feelings.feelingIn(text);
  return felt !== undefined && !feelings.feelingOver(text, felt);
};

describe("round 41: good news, discovery or relief exclaimed, then a question (family41a)", () => {
  it("delight, success, discovery or relief opening the message makes its marks glad", () => {
    const glad = ui.typedWords;
    expect(
      exclaimed("やったー！新しいパソコン買った！メールの設定って何入れればいいの？", glad),
    ).toBeUndefined();
    expect(exclaimed("よっしゃ、原因わかった！相手に連絡したほうがいい？", glad)).toBeUndefined();
    expect(exclaimed("勉強になります！ちなみにウイルスチェックってどうやるんですか？", glad)).toBeUndefined();
    expect(exclaimed("Phew, glad it's not a virus thing! Is this chat free to use?", glad)).toBeUndefined();
    expect(
      exclaimed("So excited, I just set up my first email! What's the max attachment size?", glad),
    ).toBeUndefined();
  });

  it('an "I see" right after the exclamation makes it a realisation', () => {
    expect(
      exclaimed(
        "Oops, the file was too big! I see. So I just send it again with fewer pictures?",
        ui.typedWords,
      ),
    ).toBeUndefined();
    expect(
      exclaimed("あちゃー、添付が大きすぎた！そっか。小さくして送ればいい？", ui.typedWords),
    ).toBeUndefined();
  });

  it("not where the failure is told back again or the joy turned, nor with a complaint exclaimed after it", () => {
    const glad = ui.typedWords;
    expect(exclaimed("wow, bounced again!! what is wrong with you people?", glad)).toBe("frustrated");
    expect(exclaimed("やったと思ったらまた戻ってきた！なんで？", glad)).toBe("frustrated");
    expect(exclaimed("すごい！また戻ってきた！どうなってんの？", glad)).toBe("frustrated");
    expect(exclaimed("Wow! Every single email bounced! What is going on?", glad)).toBe("frustrated");
    expect(exclaimed("Got it! But it keeps failing! What now?", glad)).toBe("frustrated");
    expect(exclaimed("なんと！全部エラー！どういうこと？", glad)).toBe("frustrated");
    expect(exclaimed("Good news! ...not. everything bounced! why?", glad)).toBe("frustrated");
    // The question after the last mark may name a failure or "still".
    expect(
      exclaimed(
        "What a relief, none of those were sent from my account! Should I still change my password?",
        glad,
      ),
    ).toBeUndefined();
    expect(exclaimed("また戻ってきた！なるほどね！どうすればいいの？", glad)).toBe("frustrated");
    expect(exclaimed("やった！と思ったのに届かない！なんで？", glad)).toBe("frustrated");
    expect(exclaimed("アドレスは絶対合ってる！前は届いてたのに！", glad)).toBe("frustrated");
  });

  it("a surprise beside something learned or a laugh is discovery; a surprise alone is still felt", () => {
    expect(upset("驚きました！エラーメールって自動で返ってくるものなんですね。そもそも何なんですか？")).toBe(
      false,
    );
    expect(
      upset("なるほど〜相手の受信箱がいっぱいだったんですね！びっくり。しばらくしたら届きますか？"),
    ).toBe(false);
    expect(upset("驚きすぎて心臓が止まるかと思いました。MAILER-DAEMONって誰なんですか？")).toBe(true);
    expect(upset("びっくりして眠れませんでした。ウイルスに感染してますか？")).toBe(true);
    // Something else felt besides the surprise stays.
    expect(upset("びっくりした、なるほどって感じだけど最悪。どうすればいい？")).toBe(true);
  });

  it("a worrier by nature named as who asks owns the worry", () => {
    expect(upset("心配性の祖母から聞かれたんですけど、エラーメールってそもそも何ですか？")).toBe(false);
    expect(upset("My anxious aunt keeps asking me this: who is MAILER-DAEMON?")).toBe(false);
    // The writer's own worry, or a family member's worry now, is still comforted.
    expect(upset("心配性なので不安です。エラーメールって何ですか？")).toBe(true);
    expect(upset("What a shock, it bounced AGAIN. When will it arrive?")).toBe(true);
  });
});
