import { describe, expect, it } from "vitest";
import { loadUi } from "../dialogs/ui.ts";
import { againAsked } from "../dialogs/understand/feelings/anger.ts";
import { feltByShape as feltByShapeWith } from "../dialogs/understand/feelings/by-shape.ts";
import {
  negatedFeelings,
  withoutDeniedBlame,
  withoutDeniedFeelings as withoutDeniedFeelingsWith,
} from "../dialogs/understand/feelings/denied.ts";
import {
  withoutLaughedAt,
  withoutLaughedOff,
  withoutPlayedDown,
  withoutPrecaution,
} from "../dialogs/understand/feelings/played-down.ts";
import { relievedAtEnd, splitAtPastContrast } from "../dialogs/understand/feelings/relief.ts";

/** The shape readers with the shipped word lists (ui.yaml typedWords). */
const typedWords = loadUi().typedWords;
const feltByShape = (text: string) => feltByShapeWith(text, typedWords);
/** The denial readers with the shipped word lists (ui.yaml feelings.words.denied). */
const denied = loadUi().feelings.words.denied;
const NEGATED_FEELINGS = negatedFeelings(denied);
const withoutDeniedFeelings = (text: string, words?: readonly string[]) =>
  withoutDeniedFeelingsWith(text, denied.words, words);

describe("a feeling told by the shape of a message, without a word of feeling", () => {
  it("a crying, despairing or angry face drawn in characters", () => {
    expect(feltByShape("メール届かない(´；ω；｀)")).toBe("frustrated");
    expect(feltByShape("ちゃんと届いてるのかな(>_<)")).toBe("frustrated");
    expect(feltByShape("また戻ってきた（T_T）")).toBe("frustrated");
    expect(feltByShape("まだ来ない(´・ω・｀)")).toBe("frustrated");
    expect(feltByShape("送れない(泣)")).toBe("frustrated");
    expect(feltByShape("送れない T_T")).toBe("frustrated");
    expect(feltByShape("戻ってきた;_;")).toBe("frustrated");
  });

  it("not a happy face, a word in brackets, nor letters that happen to look like one", () => {
    expect(feltByShape("届きました(^^)")).toBeUndefined();
    expect(feltByShape("ありがとう(*´∀`*)")).toBeUndefined();
    expect(feltByShape("相手(会社のアドレス)に送れない")).toBeUndefined();
    expect(feltByShape("HTTPのリンクって何？")).toBeUndefined();
    expect(feltByShape("容量(20MB)を超えたの？")).toBeUndefined();
  });

  it("the body reacting, each part with its own reactions; a part named for something else is no feeling", () => {
    expect(feltByShape("胃が痛い…届いたか確かめる方法ある？")).toBe("worried");
    expect(feltByShape("涙出てきた、人に相談できないの")).toBe("worried");
    expect(feltByShape("専門用語ばっかりで頭がパンクしそう")).toBe("worried");
    expect(feltByShape("寿命が縮んだわ。届いてるのね？")).toBe("worried");
    expect(feltByShape("メールの頭に英語が出てくる")).toBeUndefined();
    expect(feltByShape("相手が震災で連絡が取れない")).toBeUndefined();
  });

  it("an age told past which most feel behind with computers, their own, not someone else's", () => {
    expect(feltByShape("80歳です。電話で相談はできませんか")).toBe("ashamed");
    expect(feltByShape("70代の私にもわかるように教えて")).toBe("ashamed");
    expect(feltByShape("70代の母に代わって聞きます")).toBeUndefined();
    expect(feltByShape("40歳です。エラーメールって何？")).toBeUndefined();
    expect(feltByShape("1080歳")).toBeUndefined();
  });

  it("an age in kanji, or an age passed (「七十を過ぎて」), is told as well; a smaller one or a count is not", () => {
    expect(feltByShape("七十を過ぎて機械のことはわかりません")).toBe("ashamed");
    expect(feltByShape("八十五歳の私でも送れますか")).toBe("ashamed");
    expect(feltByShape("75過ぎの私には難しくて")).toBe("ashamed");
    expect(feltByShape("四十歳です。エラーメールって何？")).toBeUndefined();
    expect(feltByShape("百七十歳")).toBeUndefined();
    expect(feltByShape("七十通のメールを送った")).toBeUndefined();
  });

  it("minutes or an hour left, said against them; days left to wait are no deadline", () => {
    expect(feltByShape("会議まであと10分なのに送れない")).toBe("urgent");
    expect(feltByShape("あと1時間しかないんです")).toBe("urgent");
    expect(feltByShape("あと3日待てば届く？")).toBeUndefined();
    expect(feltByShape("あと10分待てばいい？")).toBeUndefined();
  });

  it("an exasperated 「もう」 closing the message, not 「もう」 asking 'already?'", () => {
    expect(feltByShape("何なのもう")).toBe("frustrated");
    expect(feltByShape("いい加減にしてよもー！")).toBe("frustrated");
    expect(feltByShape("あーもう、じゃあ相手のアドレスどうやって確認すんの")).toBe("frustrated");
    expect(feltByShape("もう？")).toBeUndefined();
    expect(feltByShape("もう、届きましたか")).toBeUndefined();
    expect(feltByShape("もう一回送ってもいい？")).toBeUndefined();
  });

  it("an intensifier before a failure", () => {
    expect(feltByShape("ちっとも送れません")).toBe("frustrated");
    expect(feltByShape("いつまでたっても届かない")).toBe("frustrated");
    expect(feltByShape("どうやってもダメ")).toBe("frustrated");
    expect(feltByShape("動画を送りたいのに毎回はじかれる")).toBe("frustrated");
    expect(feltByShape("送るたびに戻ってくるんだけど")).toBe("frustrated");
    expect(feltByShape("全然大丈夫です、届きました")).toBeUndefined();
  });
});

describe("an intensifier before what is no failure of the mail", () => {
  it("is being lost or finding the assistant no help, each answered on its own", () => {
    expect(feltByShape("何をすればいいのか全然わからない")).toBeUndefined();
    expect(feltByShape("全然役に立たないんだけど")).toBeUndefined();
    expect(feltByShape("何回送っても同じエラーなんだけど")).toBeUndefined(); // tells what happened
    expect(feltByShape("ずっと気になってたんですが、容量って何MBまで？")).toBeUndefined();
  });
  it('「一度に」 is "at once", not 「度に」 "every time"; every time still is', () => {
    expect(feltByShape("一度に何人まで送れますか")).toBeUndefined();
    expect(feltByShape("いちどにおくれる？")).toBeUndefined();
    expect(feltByShape("送る度に戻ってくる")).toBe("frustrated");
  });
});

describe("a feeling told by its class, whatever words carry it", () => {
  it("a face emoji by the class of its code point; tears of relief and smiles are none", () => {
    expect(feltByShape("😰")).toBe("worried");
    expect(feltByShape("🫨")).toBe("worried");
    expect(feltByShape("😭😭😭")).toBe("sad");
    expect(feltByShape("💢💢")).toBe("frustrated");
    expect(feltByShape("🤦‍♀️ また迷惑メール扱い")).toBe("frustrated");
    expect(feltByShape("😳")).toBe("ashamed");
    expect(feltByShape("🙏🙏 メール戻ってきちゃう")).toBe("urgent");
    expect(feltByShape("よろしくお願いします🙏")).toBeUndefined();
    expect(feltByShape("届きました😭ありがとう")).toBeUndefined();
    expect(feltByShape("わかりました😊")).toBeUndefined();
  });

  it("blaming themselves or their skill is shame; the same words about something else are not", () => {
    expect(feltByShape("私がバカでした。どこを直せばいい？")).toBe("ashamed");
    expect(feltByShape("設定をいじった私がいけないんですよね")).toBe("ashamed");
    expect(feltByShape("こんなことも分からない自分が嫌になります")).toBe("ashamed");
    expect(feltByShape("機械に弱くて、どうすればいいの")).toBe("ashamed");
    expect(feltByShape("自分で直せますか")).toBeUndefined();
    expect(feltByShape("私は悪くないよね？")).toBeUndefined();
  });

  it("no one else to ask is lonely; someone to ask is not", () => {
    expect(feltByShape("他に聞ける人がいなくて")).toBe("sad");
    expect(feltByShape("相談できる相手もいないし")).toBe("sad");
    expect(feltByShape("誰にも聞けなくて")).toBe("sad");
    expect(feltByShape("詳しい人に聞いてみます")).toBeUndefined();
  });

  it("someone at stake at work who waits or presses is hurry", () => {
    expect(feltByShape("会議が始まっちゃう、どう送ればいい")).toBe("urgent");
    expect(feltByShape("お客様が目の前で待ってます")).toBe("urgent");
    expect(feltByShape("納品が遅れちゃう")).toBe("urgent");
    expect(feltByShape("取引先のアドレスって合ってる？")).toBeUndefined();
  });

  it("a state past bearing, a late-night apology for a worry, a scornful opening, a failure trailing off, a yes-or-no demanded", () => {
    expect(feltByShape("気になってたまらない")).toBe("worried");
    expect(feltByShape("夜分にすみません、どうしても気になって")).toBe("worried");
    expect(feltByShape("夜分にすみません、質問です")).toBeUndefined();
    expect(feltByShape("チッ、また待てってこと？")).toBe("frustrated");
    expect(feltByShape("ちっとも困ってません")).toBeUndefined();
    expect(feltByShape("はいはい、また待てってことね")).toBe("frustrated");
    expect(feltByShape("はいはい、わかりましたよ")).toBe("frustrated");
    // A friendly "sure, sure": a plain OK alone, or an OK and what they will do.
    expect(feltByShape("はいはい、わかりました")).toBeUndefined();
    expect(feltByShape("はいはい、了解です。明日もう一回送ってみますね")).toBeUndefined();
    expect(feltByShape("まだ届かない……")).toBe("frustrated");
    expect(feltByShape("届かないのですが…")).toBeUndefined();
    expect(feltByShape("はっきりして。届くの届かないの？")).toBe("frustrated");
    expect(feltByShape("メールが届いてないの？")).toBeUndefined();
  });
});

describe("a request that ends as a demand", () => {
  it("「…てよ」 is a reproach; 「…てください」 and 「…てね」 are calm", () => {
    expect(feltByShape("何MBまでなのか最初から書いといてよ")).toBe("frustrated");
    expect(feltByShape("ちゃんと説明してくださいよ！")).toBe("frustrated");
    expect(feltByShape("何MBまでか教えてください")).toBeUndefined();
    expect(feltByShape("また教えてね")).toBeUndefined();
  });
});

describe("an order barked in the plain imperative", () => {
  it("「…しろ」「直せ」「答えろ」 closing a clause are orders; 「うしろ」, a quoted order, 「…てけろ」 and a polite request are not", () => {
    expect(feltByShape("さっさと対応しろよ、客なんだけど")).toBe("frustrated");
    expect(feltByShape("いいから早く直せ！")).toBe("frustrated");
    expect(feltByShape("質問に答えろ")).toBe("frustrated");
    expect(feltByShape("届かなかった分の責任取れや")).toBe("frustrated");
    expect(feltByShape("@のうしろ")).toBeUndefined();
    expect(feltByShape("相手に連絡しろってことですか")).toBeUndefined();
    expect(feltByShape("アドレスの確かめ方おしえてけろ")).toBeUndefined();
    expect(feltByShape("設定を直してください")).toBeUndefined();
    expect(feltByShape("どこを直せばいいですか")).toBeUndefined();
  });
});

describe("a sentence that ends in reproach", () => {
  it("「…のに」「…でしょ」「…のよ」 closing a sentence blame someone; the same words inside one, or asking politely, do not", () => {
    expect(feltByShape("なんで戻ってくるの、たった15MBなのに")).toBe("frustrated");
    expect(feltByShape("相手のアドレスなんだから仕方ないでしょ")).toBe("frustrated");
    expect(feltByShape("じゃあどうやって連絡すればいいのよ")).toBe("frustrated");
    expect(feltByShape("勝手に保存してないでしょうね？")).toBe("frustrated");
    expect(feltByShape("届くのに何日かかりますか")).toBeUndefined();
    expect(feltByShape("再送したほうがいいでしょうか")).toBeUndefined();
    expect(feltByShape("相手の設定の問題でしょう。確認してみます")).toBeUndefined();
    expect(feltByShape("添付の上限を教えてほしいのよね")).toBeUndefined();
  });
});

describe("a voice raised in English", () => {
  it("a small word of the sentence written in capitals among small letters; a notice all in capitals and acronyms are not", () => {
    expect(feltByShape("I checked the address and it STILL bounces")).toBe("frustrated");
    expect(feltByShape("I did NOT change any settings, why is this happening")).toBe("frustrated");
    expect(
      feltByShape("THIS IS A WARNING MESSAGE ONLY. YOU DO NOT NEED TO RESEND YOUR MESSAGE."),
    ).toBeUndefined();
    expect(feltByShape("What are the SMTP settings for my account?")).toBeUndefined();
    expect(feltByShape("It says MAILER-DAEMON, what is that?")).toBeUndefined();
  });
});

describe("something wanted at once", () => {
  it("a request or a want with 「今すぐ」「早く」 is hurry; asking whether it may be done at once is not", () => {
    expect(feltByShape("SMTPの正しい設定を今すぐ教えて")).toBe("urgent");
    expect(feltByShape("今すぐ変えたい、やり方は")).toBe("urgent");
    expect(feltByShape("早く直してほしい")).toBe("urgent");
    expect(feltByShape("今すぐ送ったらだめ？")).toBeUndefined();
    expect(feltByShape("すぐに届きますか")).toBeUndefined();
  });
});

describe("alarm and fear told by the shape of a message", () => {
  it("「ちょっと待って、」 opening a message is alarm; a request to wait is not", () => {
    expect(feltByShape("ちょっと待って、私のアドレスが間違ってたってこと？")).toBe("worried");
    expect(feltByShape("待って待って！戻ってきた")).toBe("worried");
    expect(feltByShape("ちょっと待ってくださいね、今探します")).toBeUndefined();
    expect(feltByShape("ちょっと待ってて")).toBeUndefined();
  });

  it("something done that cannot be undone, then whether it is all right, is worry", () => {
    expect(feltByShape("開いちゃった…大丈夫？")).toBe("worried");
    expect(feltByShape("添付ファイルを開いてしまったけど大丈夫かな")).toBe("worried");
    expect(feltByShape("このメールは開いても大丈夫？")).toBeUndefined();
    expect(feltByShape("送っちゃった。明日また聞きます")).toBeUndefined();
  });

  it("a 'what if I' cut off by an ellipsis is worry; a pause after a telling sentence is not", () => {
    expect(feltByShape("上司になんて報告すれば…相手に連絡したほうがいい？")).toBe("worried");
    expect(feltByShape("どう説明すれば...")).toBe("worried");
    expect(feltByShape("届かないのですが…")).toBeUndefined();
    expect(feltByShape("もう一度送ればいいですか")).toBeUndefined();
  });

  it("the anger of someone at work they answer to is pressure; the same letters in another word are none", () => {
    expect(feltByShape("部長がキレてる、何を伝えればいい？")).toBe("urgent");
    expect(feltByShape("社長がカンカンなんです")).toBe("urgent");
    expect(feltByShape("上司にできれば今週中と言われた")).toBeUndefined();
    expect(feltByShape("先方のアドレスはキレイに書いてあります")).toBeUndefined();
  });
});

describe("a feeling that is over or denied is none", () => {
  const blames = ["私のせい", "自分のせい", "自分が悪い"];
  it("self-blame denied with relief is taken out; asked, or denied in indignation or doubt, it stays", () => {
    expect(withoutDeniedBlame("私のせいじゃないならよかった", blames)).not.toContain("私のせい");
    expect(withoutDeniedBlame("自分が悪いわけじゃないんですね、安心しました", blames)).not.toContain("悪い");
    expect(withoutDeniedBlame("私のせいじゃないよね?", blames)).toContain("私のせい");
    expect(withoutDeniedBlame("私のせいじゃないのに!", blames)).toContain("私のせい");
    expect(withoutDeniedBlame("自分のせいじゃないと思うけど", blames)).toContain("自分のせい");
    expect(withoutDeniedBlame("私のせいじゃないなら何が原因?", blames)).toContain("私のせい");
  });

  it("a feeling denied by わけ…ない or とか…ない after a few letters of its ending is blanked out; kept otherwise", () => {
    expect(withoutDeniedFeelings("心配していたわけではないのですが")).not.toContain("心配");
    expect(withoutDeniedFeelings("焦ってるわけじゃないけど")).not.toContain("焦");
    expect(withoutDeniedFeelings("怖いとかではなくて、単純に")).not.toContain("怖");
    expect(withoutDeniedFeelings("不安なわけでもない")).not.toContain("不安");
    // In the polite negative.
    expect(withoutDeniedFeelings("心配しているわけではありませんが")).not.toContain("心配");
    expect(withoutDeniedFeelings("急ぎとかではありません")).not.toContain("急ぎ");
    expect(withoutDeniedFeelings("不安でたまらない")).toContain("不安");
    expect(withoutDeniedFeelings("急いでるのに届かないわけじゃないよね")).toContain("急いで");
    expect(withoutDeniedFeelings("心配していたのですが、届いていないわけではない")).toContain("心配");
  });

  it("any word of feeling given, played down by ほど…ない or くらいの感じ across a comma, is blanked out too", () => {
    const words = ["やばい", "困った", "最悪"];
    expect(withoutDeniedFeelings("やばい、って程じゃないけど", words)).not.toContain("やば");
    expect(withoutDeniedFeelings("困ったなぁ、くらいの感じですが", words)).not.toContain("困");
    expect(withoutDeniedFeelings("最悪ってほどではないです", words)).not.toContain("最悪");
    expect(withoutDeniedFeelings("最悪、ほんとに困った", words)).toContain("最悪");
    expect(withoutDeniedFeelings("やばい、どうしよう", words)).toContain("やばい");
  });

  it("a word of feeling used as the measure of something else (くらい) or laughed off (笑) is blanked out", () => {
    const words = ["やばい", "困って", "失礼な", "泣き"];
    expect(withoutDeniedFeelings("やばいくらい大きいファイル", words)).not.toContain("やば");
    expect(withoutDeniedFeelings("泣きそうなくらい眠い", words)).not.toContain("泣");
    expect(withoutDeniedFeelings("失礼な笑 どうしたら届く？", words)).not.toContain("失礼");
    // Another feeling after the measure is still felt.
    expect(withoutDeniedFeelings("泣きたいくらい困ってます", words)).toContain("困って");
  });

  it("a worry closed by relief or thanks, nothing asked, is over; asked or still felt at the end, it is not", () => {
    expect(relievedAtEnd("びっくりしたけど、普通のお知らせだったんですね。ありがとう")).toBe(true);
    expect(relievedAtEnd("焦りました…でも届いてたので安心です")).toBe(true);
    expect(relievedAtEnd("ありがとう、でもまだ不安です")).toBe(false);
    expect(relievedAtEnd("安心していいのかな？")).toBe(false);
  });

  it("thanks that open a message, then what it now makes possible, is relief: the deadline is met", () => {
    expect(relievedAtEnd("ありがとう！これで今日中に請求書出せる")).toBe(true);
    expect(relievedAtEnd("助かりました、おかげで締め切りに間に合います")).toBe(true);
    expect(relievedAtEnd("ありがとう、でも今日中に届かないと困る")).toBe(false);
    expect(relievedAtEnd("ありがとう！これで今日中に送れる？")).toBe(false);
  });

  it("hurry, a deadline and English feelings denied are among the words taken out", () => {
    for (const w of [
      "急いでない",
      "焦らなく",
      "今日中じゃなく",
      "締め切りはまだ先",
      "not panicking",
      "no rush",
      "心配しすぎでした",
      "than worried",
    ])
      expect(NEGATED_FEELINGS).toContain(w);
  });
});

describe("a failure not once, work at a stop, and a worry turned past", () => {
  it("not once before a failure is worn down; not once before anything else is not", () => {
    expect(feltByShape("朝から一通も届かない")).toBe("frustrated");
    expect(feltByShape("一度も送れたことがない")).toBe("frustrated");
    expect(feltByShape("一度もエラーが出たことはないです")).toBeUndefined();
  });

  it("work brought to a stop presses; work mentioned is not", () => {
    expect(feltByShape("仕事の連絡が全部止まってる")).toBe("urgent");
    expect(feltByShape("業務が進まない")).toBe("urgent");
    expect(feltByShape("仕事のメールを送りたい")).toBeUndefined();
  });

  it("a turn from the past is cut with the few letters before it, where a feeling now over is told", () => {
    expect(splitAtPastContrast("不安だったけど、説明を読んで落ち着きました")).toEqual([
      "不安だったけど",
      "、説明を読んで落ち着きました",
    ]);
    expect(splitAtPastContrast("おそるおそる開いてみたけど、危なくない？")?.[0]).not.toContain(
      "おそるおそる",
    );
    expect(splitAtPastContrast("不安です。届きますか")).toBeUndefined();
  });
});

describe("a feeling played down or laughed off is none", () => {
  const words = ["ドキッ", "ショック", "焦", "困って", "不安", "怒", "びっくり", "心配", "最悪"];
  const blank = (t: string) => t.trim() === "" || !words.some((w) => t.includes(w));

  it("「一瞬」「ちょっと」 before a feeling set aside by a contrast: a moment's shock, or a feeling past", () => {
    expect(blank(withoutPlayedDown("一瞬ドキッとしましたが、", words))).toBe(true);
    expect(blank(withoutPlayedDown("ちょっとショックだけど、", words))).toBe(true);
    expect(blank(withoutPlayedDown("ちょっと焦ったけど、", words))).toBe(true);
    expect(withoutPlayedDown("一瞬焦ったけど、どこを確かめればいい？", words)).toContain(
      "どこを確かめればいい？",
    );
  });

  it("played down, then the polite way in to a question (「…のですが、」), in any tense: set aside", () => {
    expect(blank(withoutPlayedDown("少し不安なのですが、", words))).toBe(true);
    expect(blank(withoutPlayedDown("少し心配になってきたのですが、", words))).toBe(true);
    expect(withoutPlayedDown("ちょっと困ってるんですけど、至急", words)).toContain("困って");
    expect(withoutPlayedDown("少し不安なのですがどうしよう", words)).toContain("不安");
  });

  it("a feeling understated but still felt (present, no contrast) stays", () => {
    expect(withoutPlayedDown("ちょっと困ってるんですけど、至急", words)).toContain("困って");
    expect(withoutPlayedDown("ちょっと心配になってきました", words)).toContain("心配");
    expect(withoutPlayedDown("ちょっと不安ですが、大丈夫？", words)).toContain("不安");
    expect(withoutPlayedDown("すごくショックだけど、", words)).toContain("ショック");
  });

  it("a sentence closed by a laugh (笑, ｗ, lol) loses its feelings; a laugh alone laughs at the sentence before", () => {
    expect(withoutLaughedOff("詰め込みすぎて怒られちゃいました笑 上限は？", words)).not.toContain("怒");
    expect(withoutLaughedOff("びっくりするほど多いですね笑", words)).not.toContain("びっくり");
    expect(withoutLaughedOff("ちょっと焦ったw", words)).not.toContain("焦");
    expect(withoutLaughedOff("lol ok no panic. 心配?", words)).toContain("心配");
    expect(withoutLaughedOff("最悪。笑", words)).not.toContain("最悪");
  });

  it("a failure laughed at (「…くるw 」) has no shape of feeling; other sentences keep theirs", () => {
    const laughed = withoutLaughedAt("ウケる、毎回同じところで戻ってくるw これ何か理由あるの?");
    expect(laughed).not.toContain("毎回");
    expect(laughed).toContain("理由");
    expect(feltByShape(laughed)).toBeUndefined();
    expect(withoutLaughedAt("毎回戻ってくる。理由は?")).toBe("毎回戻ってくる。理由は?");
    expect(withoutLaughedAt("how to fix it")).toBe("how to fix it");
  });

  it("笑 as a verb or a wry smile is no laugh, and other sentences keep their feelings", () => {
    expect(withoutLaughedOff("笑えない。最悪", words)).toContain("最悪");
    expect(withoutLaughedOff("最悪で笑うしかない", words)).toContain("最悪");
    expect(withoutLaughedOff("何度やってもダメで困ってる(苦笑)", words)).toContain("困って");
    expect(withoutLaughedOff("不安です。でも面白いね笑", words)).toContain("不安");
    expect(withoutLaughedOff("swift won't help, 心配", words)).toContain("心配");
  });
});

describe("a worry given only as the reason for a precaution, a feeling of a thing denied, the same trouble again", () => {
  it('「念のため」「一応」 "just in case": the worry of its sentence is blanked; another sentence\'s and anger stay', () => {
    expect(withoutPrecaution("心配性なので念のため。待てば届く？")).not.toContain("心配");
    expect(withoutPrecaution("不安なので一応聞きますが")).not.toContain("不安");
    expect(withoutPrecaution("i'm a bit worried, just in case: will it arrive?")).not.toContain("worried");
    expect(withoutPrecaution("不安です。念のため聞きますが、届きますか")).toContain("不安");
    expect(withoutPrecaution("一応言っとくけど最悪")).toContain("最悪");
  });

  it("a feeling of a thing (a noun after it) said not to be so before going on; asked or rhetorical, it stays", () => {
    expect(withoutDeniedFeelings("怖い話じゃないんですが、迷惑メールが増えました")).not.toContain("怖い");
    expect(withoutDeniedFeelings("急ぎの用事ではないのですが、いつ届きますか")).not.toContain("急ぎ");
    expect(withoutDeniedFeelings("最悪な話じゃないですか！", ["最悪"])).toContain("最悪");
    expect(withoutDeniedFeelings("不安で仕方ないけど")).toContain("不安");
  });

  it("「また」 asking for a thing only (the same trouble again) is exasperated; asking what will happen is calm", () => {
    expect(againAsked("またサーバーの問題？先月もだったよね")).toBe(true);
    expect(againAsked("またso-netのせい？")).toBe(true);
    expect(againAsked("またエラー？")).toBe(true);
    expect(againAsked("また送ったら届く？")).toBe(false);
    expect(againAsked("また同じことにならない？")).toBe(false);
    expect(againAsked("また送っても平気？少し日にちあける？")).toBe(false);
    expect(againAsked("サーバーの問題？")).toBe(false);
  });
});

describe("anger as written, calling out, the least demanded, giving up on the assistant", () => {
  it("「頭にくる」 as written is anger; being lost (「頭に入ってこない」) is none", () => {
    expect(feltByShape("頭にくる、人間の担当者と話させて")).toBe("frustrated");
    expect(feltByShape("説明が頭に入ってこない")).toBeUndefined();
  });

  it("「ちょっと！」「おい！」 opening with an exclamation mark calls out; 「ちょっと聞きたい」 goes on calmly", () => {
    expect(feltByShape("ちょっと！いつ届くのかだけ教えて")).toBe("frustrated");
    expect(feltByShape("おい！また戻ってきたぞ")).toBe("frustrated");
    expect(feltByShape("ちょっと聞きたいんですが、いつ届きますか")).toBeUndefined();
    expect(feltByShape("ちょっと待ってくださいね")).toBeUndefined();
  });

  it("the least asked of others (「お知らせくらい出してほしい」) reproaches; an amount (「5MBくらい」) does not", () => {
    expect(feltByShape("障害ならお知らせくらい出してほしい")).toBe("frustrated");
    expect(feltByShape("一言ぐらい言ってくれてもいいのに")).toBe("frustrated");
    expect(feltByShape("5MBくらいのファイルを送りたい")).toBeUndefined();
    expect(feltByShape("どれくらい待てばいいですか")).toBeUndefined();
  });

  it("「もう人に聞きたい」 gives up on the assistant; a person asked for plainly is calm", () => {
    expect(feltByShape("わかんないの？もう人に聞きたい")).toBe("frustrated");
    expect(feltByShape("人と話せますか")).toBeUndefined();
  });
});
