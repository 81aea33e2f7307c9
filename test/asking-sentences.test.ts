import { describe, expect, it } from "vitest";
import {
  askedBeforeNotKnowing,
  asksSomething,
  clausesOf,
  conditionOf,
  guessesAloud,
  isQuestion,
  realises,
  reportsBounce,
  sentenceAsks,
  sentencesOf,
} from "../dialogs/understand/asking.ts";
import {
  asksOnlyWhy,
  asksWhyOfThis,
  causeInCondition,
  retellsAdvice,
  termAskedAbout,
} from "../dialogs/understand/frames.ts";
import { closingWant, wantsItThrough } from "../dialogs/understand/wants.ts";

describe("a message cut into its sentences (the story and the question in it)", () => {
  it("cuts after 。！？ and line ends, not at commas, and drops sentences of punctuation only", () => {
    expect(sentencesOf("朝から届き続けています、30通くらい。これいつまで続くの？。。仕事にならない")).toEqual(
      ["朝から届き続けています、30通くらい。", "これいつまで続くの？", "仕事にならない"],
    );
    expect(sentencesOf("How long will it take?\nI'm in a hurry!")).toEqual([
      "How long will it take?",
      "I'm in a hurry!",
    ]);
    expect(sentencesOf("再送していい")).toEqual(["再送していい"]);
  });

  it("gives the sentences bare when asked to drop their end marks, keeping any piece that is not blank", () => {
    expect(sentencesOf("了解です。 また来ます！\n", "dropped")).toEqual(["了解です", "また来ます"]);
    expect(sentencesOf("ありがとう！…。。", "dropped")).toEqual(["ありがとう", "…"]);
    expect(sentencesOf("ありがとう！…。。")).toEqual(["ありがとう！"]);
  });
});

describe("which sentences of a story ask", () => {
  it("asks with a question mark, a question word or a wish; 'it seems' and 'it is' only tell", () => {
    expect(sentenceAsks("件名を変えたら届く？")).toBe(true);
    expect(sentenceAsks("どのくらい待てばいいですか")).toBe(true);
    expect(sentenceAsks("大きいファイルを送りたい")).toBe(true);
    expect(sentenceAsks("ほかの人も送れてないみたい")).toBe(false);
    expect(sentenceAsks("今月もう3回目なんです")).toBe(false);
    expect(sentenceAsks("仕事のメールが埋もれちゃう")).toBe(false);
  });
});

describe("something realised, said aloud (「…か。」)", () => {
  it("ends in か before a full stop or comma and asks nothing without it; a question mark or a question word asks", () => {
    expect(realises("ただのお知らせか。")).toBe(true);
    expect(realises("ドメインの打ち間違いか、")).toBe(true);
    expect(realises("そういうことか…")).toBe(true);
    expect(realises("ただのお知らせか？")).toBe(false);
    expect(realises("ただのお知らせか")).toBe(false);
    expect(realises("何が原因なのか。")).toBe(false);
    expect(realises("届くのか。")).toBe(false);
    // What was understood told back before more is said (「…なんですね。」), not asked: no mark after it, it asks.
    expect(realises("受信箱がいっぱいなんですね。")).toBe(true);
    expect(realises("待てばいいのね、")).toBe(true);
    expect(realises("受信箱がいっぱいなんですね")).toBe(false);
    expect(realises("受信箱がいっぱいなんですね？")).toBe(false);
  });
});

describe("the word a short question asks the meaning of", () => {
  it("is the word before 「ってなに」「とは」「って何のこと」", () => {
    expect(termAskedAbout("DKIMってなに？")).toBe("dkim");
    expect(termAskedAbout("リレーって何のことですか")).toBe("リレー");
    expect(termAskedAbout("ＳＰＦとは")).toBe("spf");
  });
  it("is the word before a frame that says the word is not understood, out of its quotes", () => {
    expect(termAskedAbout("そもそもドメインって言葉がわからない")).toBe("ドメイン");
    expect(termAskedAbout("ドメインの意味がいまいちピンとこない")).toBe("ドメイン");
    expect(termAskedAbout("「ドメイン」ってそもそも何を指してるの")).toBe("ドメイン");
  });
  it("is no word before 「ことは」, which is no 「とは」", () => {
    expect(termAskedAbout("私にできることはゼロってこと？")).toBeUndefined();
  });
  it("is nothing when the text asks more than one word's meaning, or no word is named", () => {
    expect(termAskedAbout("ってなに")).toBeUndefined();
    expect(termAskedAbout("相手のメールボックスがいっぱいで入らないってなにが起きてるの")).toBeUndefined();
    expect(termAskedAbout("what is spf")).toBeUndefined();
  });
});

describe("a guess told aloud", () => {
  it("「…かもしれない」「…気がする」 at the end guess; 「かも」 inside a sentence, or a plain report, does not", () => {
    expect(guessesAloud("パソコンがウイルスに感染したかもしれない")).toBe(true);
    expect(guessesAloud("スマホがやられたかもしれません。")).toBe(true);
    expect(guessesAloud("乗っ取られた気がする…")).toBe(true);
    expect(guessesAloud("ウイルスかもー")).toBe(true);
    expect(guessesAloud("かもしれないけど送れない")).toBe(false);
    expect(guessesAloud("ウイルスが見つかったって返ってきた")).toBe(false);
  });
});

describe("a person asking, though the text names a bounce word", () => {
  it('reads a question word after a greeting or an opener as asking ("hi, who is MAILER-DAEMON")', () => {
    expect(asksSomething("hi, who is MAILER-DAEMON")).toBe(true);
    expect(asksSomething("who is MAILER-DAEMON")).toBe(true);
    expect(asksSomething("Mail delivery failed, returning message to sender")).toBe(false);
  });
});

describe("question words that ask nothing", () => {
  it("「…がどうとか」 retells what a mail said ('something about'); 「どう」 alone asks", () => {
    expect(isQuestion("quotaがどうとかいう英語のメールが戻ってきた")).toBe(false);
    expect(isQuestion("容量がどうとか書いてある")).toBe(false);
    expect(isQuestion("容量はどうすれば増やせる")).toBe(true);
  });

  it('「何も」 is "nothing": 「私は何も送ってない」 tells; 「何を」 and a question beside it still ask', () => {
    expect(isQuestion("MAILER-DAEMONから毎日届くけど、私は何も送ってない")).toBe(false);
    expect(isQuestion("なんにもしてないのに戻ってくる")).toBe(false);
    expect(isQuestion("何もしてないのに戻ってくるのはなぜ")).toBe(true);
    expect(isQuestion("何を貼ればいい")).toBe(true);
  });

  it("a word typed in kana that holds a question word (あどれす: どれ, どうが: どう) asks nothing by it", () => {
    expect(isQuestion("あどれすがないっていわれた")).toBe(false);
    expect(isQuestion("どうがおくったらもどってきた")).toBe(false);
    expect(isQuestion("どのあどれすにおくった")).toBe(true);
    expect(isQuestion("どうがはどうやっておくる")).toBe(true);
  });

  it("whether, said to be unknown (「…かわからない」「…かどうか」), is an indirect question", () => {
    expect(isQuestion("相手が受け取ったかわからなくて不安")).toBe(true);
    expect(isQuestion("届いたかどうか確かめたい")).toBe(true);
    expect(isQuestion("届かない")).toBe(false);
  });
});

describe("the clauses of a message (what each piece tells or asks)", () => {
  it('cuts at commas and sentence ends, and at 「…」 and "..." too', () => {
    expect(clausesOf("相手のアカウントが止まってるって、もう連絡手段ないの？")).toEqual([
      "相手のアカウントが止まってるって、",
      "もう連絡手段ないの？",
    ]);
    expect(clausesOf("相手のアカウントが止まってるって…大事な連絡なのに")).toEqual([
      "相手のアカウントが止まってるって。",
      "大事な連絡なのに",
    ]);
    expect(clausesOf("設定が違うのかも...どう直せば")).toEqual(["設定が違うのかも。", "どう直せば"]);
  });
  it("reads 「！？」 as asking, and keeps a condition with what it is the condition of", () => {
    expect(clausesOf("ウイルス！？私のファイルに")).toEqual(["ウイルス？", "私のファイルに"]);
    expect(clausesOf("明日また送れば、届くかな。それとも連絡すべき？")).toEqual([
      "明日また送れば、届くかな。",
      "それとも連絡すべき？",
    ]);
    expect(clausesOf("直したら、また送っていい？")).toEqual(["直したら、また送っていい？"]);
    // A condition at the very end stays a clause of its own.
    expect(clausesOf("困った、送れば")).toEqual(["困った、", "送れば"]);
  });
});

describe("a clause that opens with a condition", () => {
  it("is cut into the condition and what follows it; a clause without one is not cut", () => {
    expect(conditionOf("相手の受信箱がいっぱいなら、いつ送れるの？")).toEqual([
      "相手の受信箱がいっぱいなら",
      "いつ送れるの？",
    ]);
    expect(conditionOf("直したら、また送っていい？")).toEqual(["直したら", "また送っていい？"]);
    expect(conditionOf("相手のアカウントが止まってるって、もう連絡手段ないの？")).toBeUndefined();
  });
  it("a command to tell asks, as 「教えて」 does", () => {
    expect(isQuestion("確認の仕方を教えなさいよ")).toBe(true);
  });
});

describe("what to do, retold and asked whether that is it", () => {
  it("names an action to take and asks whether it is so; how or what to do, or the diagnosis retold, is not it", () => {
    expect(retellsAdvice("つまり待っとけばいいってこと？")).toBe(true);
    expect(retellsAdvice("じゃあ相手に聞くしかないの？")).toBe(true);
    expect(retellsAdvice("送り直していいってことですか")).toBe(true);
    expect(retellsAdvice("どうすればいいの？")).toBe(false);
    expect(retellsAdvice("相手のメールボックスがいっぱいってこと？")).toBe(false);
    expect(retellsAdvice("待てばいい".repeat(1000))).toBe(false);
  });
});

describe("the cause spoken of in the condition of what is asked", () => {
  it("is a word of cause before 「なら、」「たら、」, with what follows asking something else", () => {
    expect(causeInCondition("原因がわからないなら、次は何をしたらいいですか")).toBe(true);
    expect(causeInCondition("理由が分かったら、どうすれば直せる？")).toBe(true);
    expect(causeInCondition("if we can't find the reason, what then?")).toBe(false); // no Japanese condition
  });
  it("is not a cause asked after the condition, nor a why", () => {
    expect(causeInCondition("相手のせいじゃないなら、原因は何？")).toBe(false);
    expect(causeInCondition("原因がわからないなら、なんでエラーになるの？")).toBe(false);
    expect(causeInCondition("原因を教えて")).toBe(false);
  });
});

describe("what a returned mail said, reported", () => {
  it("is a quote before 「って来た」「って出た」「と書いてあった」", () => {
    expect(reportsBounce("「宛先不明」って来た")).toBe(true);
    expect(reportsBounce("ユーザーアンノウンってきた")).toBe(true);
    expect(reportsBounce("容量オーバーって出てる")).toBe(true);
  });

  it("is not a verb's own て form before 来た: the mail came back, a virus got in", () => {
    expect(reportsBounce("返ってきたメールにウイルスが入ってることってある？")).toBe(false);
    expect(reportsBounce("メールがもどってきた")).toBe(false);
    expect(reportsBounce("知らないメールが入ってきた")).toBe(false);
  });
});

describe("a why of 'this' alone, and a why and nothing more", () => {
  it("reads why this happened, with a few letters of ending at most", () => {
    expect(asksWhyOfThis("なんでこうなるん")).toBe(true);
    expect(asksWhyOfThis("どうしてこうなっちゃうの")).toBe(true);
    expect(asksWhyOfThis("なんでこんなことに…")).toBe(true);
    expect(asksWhyOfThis("なんでこうなるの、相手のせい？")).toBe(false);
    expect(asksWhyOfThis("こうなったらどうすればいい？")).toBe(false);
    expect(asksWhyOfThis("なんでこうなるの、".repeat(1000))).toBe(false);
  });
  it("reads a why alone, not a why with what it asks about", () => {
    expect(asksOnlyWhy("なんで？")).toBe(true);
    expect(asksOnlyWhy("why??")).toBe(true);
    expect(asksOnlyWhy("なんでいっぱいなの？")).toBe(false);
    expect(asksOnlyWhy("意味わかんない！")).toBe(false);
  });
});

describe("a want closing a sentence (understand/wants.ts)", () => {
  it("reads a want and its closing marks, not a want asked", () => {
    expect(closingWant("早く何とかしたい！")).toBe("早く何とかしたい");
    expect(closingWant("届けたいんですけど…")).toBe("届けたいんですけど");
    expect(closingWant("届けたい？")).toBeUndefined();
    expect(closingWant("届いた？")).toBeUndefined();
  });
  it("reads the mail wished through or the trouble wished sorted, not any want", () => {
    expect(wantsItThrough("急いでるんです、今すぐ送りたい")).toBe(true);
    expect(wantsItThrough("早く何とかしたいんだけど")).toBe(true);
    expect(wantsItThrough("原因を知りたい")).toBe(false);
    expect(wantsItThrough("早く届けたい？")).toBe(false);
  });
});

describe("askedBeforeNotKnowing", () => {
  const utterly = ["全然", "さっぱり", "よく"];
  it("reads the question embedded before a word of not knowing, how little one can tell between", () => {
    expect(askedBeforeNotKnowing("宛先のどの文字が変なのかさっぱりわからない", utterly)).toBe(
      "宛先のどの文字が変なのか",
    );
    expect(askedBeforeNotKnowing("向こうが受け取ったかどうかよく分からん", utterly)).toBe(
      "向こうが受け取ったかどうか",
    );
    expect(askedBeforeNotKnowing("どれが原因なのかわかんない", utterly)).toBe("どれが原因なのか");
  });
  it("finds none without the not knowing right after", () => {
    expect(askedBeforeNotKnowing("全然わからない", utterly)).toBeUndefined();
    expect(askedBeforeNotKnowing("どこが違うのか教えて", utterly)).toBeUndefined();
    expect(askedBeforeNotKnowing("届いたのか心配", utterly)).toBeUndefined();
  });
});
