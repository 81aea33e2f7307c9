import { describe, expect, it } from "vitest";
import {
  asksLaterArrival,
  asksNoLongerArrives,
  asksOneMoreTry,
  asksOutcome,
  asksWhetherGot,
  rulesOutFileKind,
  toldSentOnly,
} from "../dialogs/understand/outcome.ts";

/** 「直したら届く？」: a question about what comes of something done, or of waiting. */
describe("what comes of a condition (outcome.ts)", () => {
  it("asks what comes of something done, whatever it names", () => {
    expect(asksOutcome("アドレスを打ち直して送れば今度は届く？")).toBe("after-fixing");
    expect(asksOutcome("リンクを消したら受け取ってもらえますか")).toBe("after-fixing");
    expect(asksOutcome("半角で入れ直したら送れるかな")).toBe("after-fixing");
    expect(asksOutcome("if I change the settings will it go through?")).toBe("after-fixing");
  });

  it("asks, of sending after something done, whether it is all right or allowed; of anything else that is safety", () => {
    expect(asksOutcome("半角で打ち直して送れば大丈夫？")).toBe("after-fixing");
    expect(asksOutcome("打ち間違いを直したらもう一回送っていいの？")).toBe("after-fixing");
    expect(asksOutcome("パスワードを変えれば大丈夫？")).toBeUndefined();
  });

  it("asks what comes of waiting, unless the mail is sent again", () => {
    expect(asksOutcome("しばらく待てば届く？")).toBe("after-waiting");
    expect(asksOutcome("相手のサーバーが復旧したら勝手に届くの？")).toBe("after-waiting");
    expect(asksOutcome("時間をおいてもう一回送ればいけますか")).toBe("after-fixing");
  });

  it("is no such question when the condition asks how or when, or the outcome is told as done", () => {
    expect(asksOutcome("どうしたら届く？")).toBeUndefined();
    expect(asksOutcome("いつになったら届くの")).toBeUndefined();
    expect(asksOutcome("設定を直したら送れました！")).toBeUndefined();
    expect(asksOutcome("アドレス直したら届きました！感謝です")).toBeUndefined();
    expect(asksOutcome("届かなかったらまた来ます")).toBeUndefined();
    expect(asksOutcome("相手に届いてる？")).toBeUndefined();
  });

  it("reads the sentence that asks: thanks before it tell nothing", () => {
    expect(asksOutcome("ありがとう。ファイルを小さくしたら届く？")).toBe("after-fixing");
  });

  it("a big mail sent in parts asks whether that way works (large-files), not whether to send again", () => {
    expect(asksOutcome("PDFを1通に1つずつ分けて送ったら通る？")).toBeUndefined();
    expect(asksOutcome("if I send each file in its own email will it go through?")).toBeUndefined();
    expect(asksOutcome("zipにまとめたら通る？")).toBe("after-fixing");
  });

  it("a long run of condition marks alone asks nothing", () => {
    expect(asksOutcome("たら".repeat(5_000))).toBeUndefined();
  });
});

/** 「同じメールを送ったほかの人は大丈夫？」: a sending told as done is the story, not a question whether to resend. */
describe("every sending told as done (outcome.ts toldSentOnly)", () => {
  it("holds for sending told in the past or as going on, and only then", () => {
    expect(toldSentOnly("同じメールをCCで3人に送ってたけど、そっちは届いてる？")).toBe(true);
    expect(toldSentOnly("同じメールを送ったほかの人は大丈夫？")).toBe(true);
    expect(toldSentOnly("一斉に送信したけど全員だめ？")).toBe(true);
  });

  it("does not hold for sending asked about or to come, once more, after a condition or as advice", () => {
    expect(toldSentOnly("さっき送ったけど、また送っていい？")).toBe(false);
    expect(toldSentOnly("送ったけど、もう一度送るべき？")).toBe(false);
    expect(toldSentOnly("直して送ったら届く？")).toBe(false);
    expect(toldSentOnly("送ったほうがいい？")).toBe(false);
    expect(toldSentOnly("送り直していい？")).toBe(false);
    expect(toldSentOnly("相手に届いてる？")).toBe(false);
    expect(toldSentOnly("送".repeat(5_000))).toBe(false);
  });
});

/** 「これ結局届くの？」: whether it will arrive (non-past, a time to come), not whether it has (「届いた？」). */
describe("a later arrival asked (outcome.ts asksLaterArrival)", () => {
  it("reads arriving in the non-past, or with a time still to come, as what is yet to come", () => {
    expect(asksLaterArrival("これ結局届くの？")).toBe(true);
    expect(asksLaterArrival("最終的にはちゃんと相手に行くんですか？")).toBe(true);
    expect(asksLaterArrival("相手に届きますか")).toBe(true);
    expect(asksLaterArrival("明日には向こうに届いてるかな")).toBe(true);
    expect(asksLaterArrival("will it get there in the end?")).toBe(true);
  });

  it("reads arriving told in the past or as done so far as what has happened", () => {
    expect(asksLaterArrival("結局、相手に届いたんですか？")).toBe(false);
    expect(asksLaterArrival("相手に届いてる？")).toBe(false);
    expect(asksLaterArrival("ちゃんと届きましたか")).toBe(false);
    expect(asksLaterArrival("did it arrive?")).toBe(false);
  });

  it("reads the last sentence: a later arrival told before a question of the past is the story", () => {
    expect(asksLaterArrival("明日届くって言ってたけど。昨日のは届いた？")).toBe(false);
    expect(asksLaterArrival("届く".repeat(2_500))).toBe(true);
  });
});

/** 「もう届かないってこと？」 after "gave up retrying": whether it will ever arrive, not the diagnosis again. */
describe("no longer arriving asked (outcome.ts asksNoLongerArrives)", () => {
  it("reads an arrival denied after 「もう」「二度と」, or said as never to come, as asked of what is to come", () => {
    expect(asksNoLongerArrives("もう届かないってこと？")).toBe(true);
    expect(asksNoLongerArrives("じゃあ二度と相手には届かないの？")).toBe(true);
    expect(asksNoLongerArrives("相手に届くことはないんですか")).toBe(true);
    expect(asksNoLongerArrives("so it will never arrive?")).toBe(true);
  });

  it("reads what has not arrived yet, or an arrival denied with no 「もう」, as no such question", () => {
    expect(asksNoLongerArrives("もう3日も届いてないんだけど")).toBe(false);
    expect(asksNoLongerArrives("相手には届かないってこと？")).toBe(false);
    expect(asksNoLongerArrives("届かないのはもう仕方ない。送り直していい？")).toBe(false);
    expect(asksNoLongerArrives("もう".repeat(2_500))).toBe(false);
  });

  it('reads English told in the past ("it never reached him") as asking whether it got there, not what is to come', () => {
    expect(asksNoLongerArrives("So the mail never reached to him?")).toBe(false);
    expect(asksNoLongerArrives("so it never arrived?")).toBe(false);
    expect(asksNoLongerArrives("so it will never reach him?")).toBe(true);
  });
});

/** 「動画は送れないってこと？」 after "too big": how to send that kind of file, not the diagnosis again. */
describe("a kind of file ruled out (outcome.ts rulesOutFileKind)", () => {
  it("reads a kind of file named with sending ruled out as asked about that file", () => {
    expect(rulesOutFileKind("動画は送れないってこと？")).toBe(true);
    expect(rulesOutFileKind("じゃあ写真は無理なの？")).toBe(true);
    expect(rulesOutFileKind("so I can't send videos?")).toBe(true);
  });

  it("reads the diagnosis said again, or a file named without sending ruled out, as no such question", () => {
    expect(rulesOutFileKind("送れないってこと？")).toBe(false);
    expect(rulesOutFileKind("写真が大きすぎて送れなかったってこと？")).toBe(false);
    expect(rulesOutFileKind("動画".repeat(2_500))).toBe(false);
  });

  it('reads "or not" after a word of getting as whether the mail got there', () => {
    expect(asksWhetherGot("so she got it or not?")).toBe(true);
    expect(asksWhetherGot("did my boss receive my mail or not")).toBe(true);
    expect(asksWhetherGot("can I resend it or not")).toBe(false);
    expect(asksWhetherGot("did she get it?")).toBe(false);
    // Read up to 300 characters, as the other scans here: a text longer is no question typed.
    expect(asksWhetherGot(`${"got ".repeat(2_000)}or not`)).toBe(false);
  });
});

describe("asksOneMoreTry", () => {
  it("is what one more try brings, asked before it, with no count of tries and nothing told as done", () => {
    expect(asksOneMoreTry("もう一度送っても同じことになる？")).toBe(true);
    expect(asksOneMoreTry("もっかいおくってもおなじかな")).toBe(true);
    expect(asksOneMoreTry("if I just send it again will it bounce the same way?")).toBe(true);
    expect(asksOneMoreTry("何回送っても同じエラーになる")).toBe(false);
    expect(asksOneMoreTry("もう一度送っても同じでした")).toBe(false);
    expect(asksOneMoreTry("what if it gets flagged again and again")).toBe(false);
    expect(asksOneMoreTry("tried again and it still bounced")).toBe(false);
  });
});
