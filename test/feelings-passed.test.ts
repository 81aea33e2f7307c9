import { describe, expect, it } from "vitest";
import { exclaimed } from "../dialogs/understand/feelings/exclaimed.ts";
import {
  gladTears,
  gotThrough,
  startleOver,
  supposedNotSo,
  withoutPraisingAlarm,
  withoutRealisingSigh,
} from "../dialogs/understand/feelings/passed.ts";

// A stand-in for the reader of feelings: a word of fear or disgust is felt.
const feltIn = (t: string) => (/怖|気持ち悪|不気味|scared/.test(t) ? "worried" : undefined);

describe("a start that passed, and what it turned out to be", () => {
  it("a start told in the past, then only that, a relief or calm again, is over whatever is asked", () => {
    expect(startleOver("ドキッとした〜、相手の受信箱がいっぱいなだけね。知らせたほうがいい？", feltIn)).toBe(
      true,
    );
    expect(startleOver("はー、びっくりした。綴りが違ってただけか", feltIn)).toBe(true);
    expect(startleOver("焦ったー、こっちの問題じゃなかったのね", feltIn)).toBe(true);
    expect(startleOver("さっきは焦ってすみません、もう落ち着きました。再送すればいい？", feltIn)).toBe(true);
  });

  it("what it turned out to be first, then the start told in the past, is over too", () => {
    expect(startleOver("なんだ自動返信か、びっくりした〜", feltIn)).toBe(true);
    expect(startleOver("なーんだ、ただの不在の自動応答だったのか。焦ったわ", feltIn)).toBe(true);
    expect(startleOver("あー、自動返信だったのね。びっくりした。じゃあ届いてる？", feltIn)).toBe(true);
    // Wondering why is no relief; a start told in the present is no start that passed.
    expect(startleOver("なんで戻ってきたのか、焦った", feltIn)).toBe(false);
    expect(startleOver("自動返信だったのね、でも怖い", feltIn)).toBe(false);
  });

  it("a start conceded, then patience chosen in the same piece (「…けど気長に待ちます」), is over", () => {
    expect(startleOver("ハラハラするけど気長に待ちます。何時間くらいで届く？", feltIn)).toBe(true);
    expect(startleOver("ハラハラする。いつ届くの？", feltIn)).toBe(false);
  });

  it("a feeling told in the present, a start then the trouble, or fear after it, is not", () => {
    expect(startleOver("怖い、相手に知らせるだけでいいの？", feltIn)).toBe(false);
    expect(startleOver("びっくりした！メールが全部戻ってくる", feltIn)).toBe(false);
    expect(startleOver("びっくりした、送ってないメールだけ戻ってくる、怖い", feltIn)).toBe(false);
    expect(startleOver("困った、相手に知らせるだけでいいの？", feltIn)).toBe(false);
  });
});

describe("the mail through after all", () => {
  it("got through, told with nothing asked and no returned mail named", () => {
    expect(gotThrough("ドキドキしながら待ってたら届いたみたい！", feltIn)).toBe(true);
    expect(gotThrough("心配してたメール、ちゃんと届いてました", feltIn)).toBe(true);
    expect(gotThrough("Phew, it just showed up in their inbox!", feltIn)).toBe(true);
  });

  it("not denied, turned, asked, the bounce itself, or felt after", () => {
    expect(gotThrough("3日も届いてないって言われた、不安", feltIn)).toBe(false);
    expect(gotThrough("届いたけど文字化けしてて心配", feltIn)).toBe(false);
    expect(gotThrough("届いたのかな？心配", feltIn)).toBe(false);
    expect(gotThrough("怖い、エラーメールが届いた", feltIn)).toBe(false);
    expect(gotThrough("出してもいないメールの返事が来るとか、不気味すぎて無理", feltIn)).toBe(false);
  });
});

describe("tears of joy, and a sigh at a cause realised", () => {
  it("joy told makes the tears glad ones; joy denied does not", () => {
    expect(gladTears("泣けるほどうれしい、返事が来ました")).toBe(true);
    expect(gladTears("I was so happy I cried")).toBe(true);
    expect(gladTears("うれしくない、泣きたい")).toBe(false);
    expect(gladTears("not happy at all, I could cry")).toBe(false);
  });

  it("a sigh before a cause realised is taken out; before the trouble it stays", () => {
    expect(withoutRealisingSigh("あーもう、全角のせいだったのか!半角に直せばok?")).toBe(
      "全角のせいだったのか!半角に直せばok?",
    );
    expect(withoutRealisingSigh("うわー、打ち間違えてたのか!")).toBe("打ち間違えてたのか!");
    expect(withoutRealisingSigh("あーもう、また戻ってきた!")).toBe("あーもう、また戻ってきた!");
    expect(withoutRealisingSigh("あーもう、また送れないのか!")).toBe("あーもう、また送れないのか!");
  });

  it("an exclamation mark after a cause realised is no outburst", () => {
    expect(exclaimed("全角のせいだったのか！半角に直せばOK？")).toBeUndefined();
    expect(exclaimed("アドレス合ってる！なのに届かない！")).toBe("frustrated");
  });
});

describe("alarm said as praise, and marks beside a laugh", () => {
  it("やばい beside praise of what was told is wonder; beside trouble or denied praise it stays", () => {
    expect(withoutPraisingAlarm("やばい、めっちゃ分かりやすい!")).toBe("   、めっちゃ分かりやすい!");
    expect(withoutPraisingAlarm("やばい、まだ届かない")).toBe("やばい、まだ届かない");
    expect(withoutPraisingAlarm("やばい、分かりやすくない")).toBe("やばい、分かりやすくない");
  });

  it("exclamation marks beside a laugh at oneself, or praise, are no outburst", () => {
    expect(exclaimed("もー！またやっちゃった笑")).toBeUndefined();
    expect(exclaimed("めっちゃ分かりやすい！じゃあ再送していいの？")).toBeUndefined();
    expect(exclaimed("ふざけんな！！笑えない")).toBe("frustrated");
  });
});

describe("a feeling inside what was supposed, then what it turned out to be", () => {
  // The stand-in above, with the worst feared and a scolding supposed.
  const felt = (t: string) => (/怖|最悪|怒/.test(t) ? "frustrated" : undefined);

  it("is over when what it turned out to be follows, with nothing felt there", () => {
    expect(supposedNotSo("最悪の事態かと思ったけど一時的なものなのね。待てばいい？", felt)).toBe(true);
    expect(supposedNotSo("怒られるのかと思ったら、設定の問題だけなのか", felt)).toBe(true);
    expect(supposedNotSo("怖い話かと思いきや、ほっとしました", felt)).toBe(true);
  });

  it("is not when the supposition felt nothing, nothing turned out, or a feeling follows", () => {
    expect(supposedNotSo("直ったかと思ったけど、やっぱりダメなのね", felt)).toBe(false);
    expect(supposedNotSo("最悪の事態かと思ったら本当にそうだった", felt)).toBe(false);
    expect(supposedNotSo("最悪かと思ったけど、やっぱり怖いのね", felt)).toBe(false);
  });
});

describe("good spirits exclaimed", () => {
  it("「ご機嫌です！」 before a question is no outburst", () => {
    expect(exclaimed("試合に勝ってご機嫌です！迷惑メールって減らせる？")).toBeUndefined();
    expect(exclaimed("機嫌悪いです！なんで届かないの？")).toBe("frustrated");
  });
});
