import { describe, expect, it } from "vitest";
import { exclaimed } from "../dialogs/understand/feelings/exclaimed.ts";
import { deadlineIn, minutesLeft, wantsItNow } from "../dialogs/understand/feelings/hurry.ts";

describe("a deadline said is hurry, without a word of feeling", () => {
  it("finds a time and what it is for within a few letters", () => {
    expect(deadlineIn("明日の朝までに先方に届けたい")).toBe("urgent");
    expect(deadlineIn("今日の17時までに出さなきゃなのに")).toBe("urgent");
    expect(deadlineIn("朝イチで必要な資料なんです")).toBe("urgent");
    expect(deadlineIn("金曜が締め切りの書類です")).toBe("urgent");
    expect(deadlineIn("15時までに送れる？")).toBe("urgent");
    expect(deadlineIn("提出が今夜までなのに送れない")).toBe("urgent");
  });

  it("is no deadline: a time alone, a duration, 「ここまでに」 (so far), a number that is no hour", () => {
    expect(deadlineIn("今日送ったメールが戻ってきた")).toBeUndefined();
    expect(deadlineIn("明日まで待てば届く？")).toBeUndefined();
    expect(deadlineIn("とりあえず今日はここまでにします")).toBeUndefined();
    expect(deadlineIn("550 5.1.1 までに")).toBeUndefined();
    expect(deadlineIn("2024年までに")).toBeUndefined();
  });
});

describe("a sigh or an exasperated huh opening a message is frustration", () => {
  it("reads 「はぁ…」「はあ？」 first", () => {
    expect(exclaimed("はぁ…まだ届いてないの")).toBe("frustrated");
    expect(exclaimed("はあ？いつになったら届くの")).toBe("frustrated");
    expect(exclaimed("また？先週もだったじゃん")).toBe("frustrated");
  });

  it("marks beside fondness or joy are glad, not angry", () => {
    expect(exclaimed("モモちゃん好き！ところで画面の写真って送れる？")).toBeUndefined();
    expect(exclaimed("なんで！？意味わかんない！")).toBe("frustrated");
  });

  it("marks beside 'it worked, thanks to you' are joy; beside a failure, still anger", () => {
    expect(exclaimed("教えてもらった方法で、やっと届きました！！")).toBeUndefined();
    expect(exclaimed("おかげさまで直りました!!")).toBeUndefined();
    expect(exclaimed("また戻ってきた！！全然送れない！")).toBe("frustrated");
  });

  it("one mark after tries counted in vain (a count, then 「ても」) is frustration; the same asked calmly is not", () => {
    expect(exclaimed("何回ボタン押しても同じ画面！最初からやり直させて")).toBe("frustrated");
    expect(exclaimed("何度やり直しても戻ってくる！")).toBe("frustrated");
    expect(exclaimed("何度送っても断られるのはなぜですか")).toBeUndefined();
    expect(exclaimed("何回でも送れます！")).toBeUndefined();
  });

  it("not a は inside the message, nor a question mark alone", () => {
    expect(exclaimed("今日はあ？")).toBeUndefined();
    expect(exclaimed("これは何？")).toBeUndefined();
  });
});

describe("minutes left told as the reason, and a hurry said alone, are hurry", () => {
  it("reads 「あと30分なんだけど」 and 「早く！」「すぐ変えたいんだけど」", () => {
    expect(minutesLeft("会議まであと30分なんだけど、サーバーっていつ直るの")).toBe(true);
    expect(minutesLeft("あと1時間なんです、間に合いますか")).toBe(true);
    expect(wantsItNow("早く！パスワードどうやって変えるの")).toBe(true);
    expect(wantsItNow("すぐ変えたいんだけど")).toBe(true);
  });

  it("is no hurry: days left, a wait asked about, 「すぐ」 in a question of whether", () => {
    expect(minutesLeft("あと3日待てば届く？")).toBe(false);
    expect(minutesLeft("あと30分待ったら届きますか")).toBe(false);
    expect(wantsItNow("すぐ送り直したほうがいい？")).toBe(false);
    expect(wantsItNow("早く届く方法はありますか")).toBe(false);
  });
});
