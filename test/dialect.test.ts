import { describe, expect, it } from "vitest";
import { loadUi } from "../dialogs/ui.ts";
import { standardSpelling as standardSpellingWith } from "../dialogs/understand/dialect.ts";

/** Dialect read with the shipped list of one-kanji verbs (ui.yaml typedWords). */
const { oneKanjiVerbs } = loadUi().typedWords;
const standardSpelling = (text: string) => standardSpellingWith(text, oneKanjiVerbs);

describe("Kansai speech is read in the standard forms the questions are written in", () => {
  it("spells a verb's negative in へん as ない", () => {
    expect(standardSpelling("写真が送れへん")).toBe("写真が送れない");
    expect(standardSpelling("なんでか届かへんねん")).toBe("なんでか届かないんだ");
    expect(standardSpelling("意味わからへん")).toBe("意味わからない");
    expect(standardSpelling("設定できひん")).toBe("設定できない");
  });

  it("spells ええ after a condition as いい, どない as どう, あかん as だめ", () => {
    expect(standardSpelling("どないしたらええの")).toBe("どうしたらいいの");
    expect(standardSpelling("ほっといてええ？")).toBe("ほっといていい？");
    expect(standardSpelling("添付が大きいとあかんの？")).toBe("添付が大きいとだめなの？");
    expect(standardSpelling("それはあかん")).toBe("それはだめ");
    // 「埒があかん」 is "getting nowhere" (a word of feeling), not "no good".
    expect(standardSpelling("機械じゃ埒があかん")).toBe("機械じゃ埒があかない");
    expect(standardSpelling("らちあかんわ")).toBe("らちがあかないわ");
  });

  it("spells the endings やろ, やん and なん at a sentence's end", () => {
    expect(standardSpelling("いつ届くんやろ")).toBe("いつ届くんでしょ");
    expect(standardSpelling("全然あかんやん！")).toBe("全然だめじゃん！");
    expect(standardSpelling("これって迷惑メールなん？")).toBe("これって迷惑メールなの？");
  });

  it("spells Western endings and words: 〜とる, ちゃう after a noun, ほな, わい, a question in ん", () => {
    expect(standardSpelling("もう届いとるん？")).toBe("もう届いてるの？");
    expect(standardSpelling("向こうのサーバーちゃうん？")).toBe("向こうのサーバーじゃないの？");
    expect(standardSpelling("ほな待ってたらええんか")).toBe("じゃあ、待ってたらいいのか");
    expect(standardSpelling("いっぱいなんか、ほな、連絡したらええんやな")).toBe(
      "いっぱいなのか、じゃあ連絡したらいいんやな",
    );
    expect(standardSpelling("まっとったらええん？")).toBe("まってたらいいの？");
    expect(standardSpelling("これわいが直せるん？")).toBe("これ私が直せるの？");
  });

  it("spells spoken short forms out: 〜てんの, 〜てんだ", () => {
    expect(standardSpelling("ういるすはいってんの")).toBe("ういるすはいってるの");
    expect(standardSpelling("何してんだよ")).toBe("何してるんだよ");
    expect(standardSpelling("でんわしたい")).toBeUndefined();
    // Rakuten's name is no 〜てんの: 「らくてんのけいたい」 stays as it is.
    expect(standardSpelling("らくてんのけいたい")).toBeUndefined();
  });

  it("spells Western negatives in ん, Eastern ones in ねえ, 〜だけんど, けえって and Kyushu's question in と", () => {
    expect(standardSpelling("しらんえらーめーるがずっとくる")).toBe("しらないえらーめーるがずっとくる");
    expect(standardSpelling("えらーがとまらん😭")).toBe("えらーがとまらない😭");
    expect(standardSpelling("エラーメールが減らんかった")).toBe("エラーメールが減らなかった");
    expect(standardSpelling("写真だけ送れんかった")).toBe("写真だけ送れなかった");
    expect(standardSpelling("メール届かねえんだけど")).toBe("メール届かないんだけど");
    expect(standardSpelling("さっきのめーるがけえってきたんだけんど")).toBe(
      "さっきのめーるがかえってきたんだけど",
    );
    expect(standardSpelling("いつ届くと？")).toBe("いつ届くの？");
    // Kyushu's past of what went on (〜よった): it used to arrive, it could be sent.
    expect(standardSpelling("先月までは届きよったとよ")).toBe("先月までは届いてたとよ");
    expect(standardSpelling("前はおくれよったのに")).toBe("前はおくれてたのに");
    // Its negative 〜とらん, のに typed とに, ばっかい and 「くっと？」 (来るの？).
    expect(standardSpelling("送っとらんとにエラーばっかい来る")).toBe("送ってないのにエラーばっかり来る");
    expect(standardSpelling("届いとらんかった")).toBe("届いてなかった");
    expect(standardSpelling("なしてくっと？")).toBe("なんでくるの？");
  });

  it("leaves the look-alikes of those alone: できんの (できるの), ちゃんと, わからん (a word of feeling)", () => {
    expect(standardSpelling("これで送信できんの？")).toBeUndefined();
    expect(standardSpelling("ちゃんと？")).toBeUndefined();
    expect(standardSpelling("意味わからん")).toBeUndefined();
    expect(standardSpelling("どうかねえ")).toBeUndefined();
    expect(standardSpelling("じかんかかる？")).toBeUndefined();
  });

  it("spells the blunt 〜んだが as 〜んだけど", () => {
    expect(standardSpelling("エラーメール来たんだが何これ")).toBe("エラーメール来たんだけど何これ");
  });

  it("reads Chugoku's 〜じゃけど as 〜だけど (a want told, then what to do)", () => {
    expect(standardSpelling("写真送りたいんじゃけど、どうしたらええん")).toBe(
      "写真送りたいんだけど、どうしたらいいの",
    );
    expect(standardSpelling("エラーが来たんじゃけど")).toBe("エラーが来たんだけど");
  });

  it("reads Hiroshima's ほいじゃけど (でも) and its question in かいね (のかな, かな)", () => {
    expect(standardSpelling("ほいじゃけど、なんで戻ってくるんかいね")).toBe("でも、なんで戻ってくるのかな");
    expect(standardSpelling("もう一回送ってもええかいね？")).toBe("もう一回送ってもいいかな？");
    // not inside a word (「書いね」 is no ending here)
    expect(standardSpelling("かいねこ")).toBeUndefined();
  });

  it("reads eastern Japan's べ and っぺ (Tohoku, Hokkaido, Kanto) as でしょう, and なして as なんで", () => {
    expect(standardSpelling("アドレスもダメなんだっぺか")).toBe("アドレスもダメなんでしょうか");
    expect(standardSpelling("まってればとどくんだべ？")).toBe("まってればとどくんでしょう？");
    expect(standardSpelling("おくりなおしたほうがいいんだんべか")).toBe(
      "おくりなおしたほうがいいんでしょうか",
    );
    expect(standardSpelling("もっかいおくってもいいべ")).toBe("もっかいおくってもいいでしょう");
    expect(standardSpelling("なしてもどってくるの")).toBe("なんでもどってくるの");
    expect(standardSpelling("わがんねえ")).toBe("わかんない");
    expect(standardSpelling("まちがえて書いちまった")).toBe("まちがえて書いちゃった");
    expect(standardSpelling("何したらえいが？")).toBe("何したらいいが？");
  });

  it("reads Kyushu's and San'in's how (どがん, どげ), Kyushu's よか, Chugoku's おおけえ and Chubu's ずら", () => {
    expect(standardSpelling("どがんしたらよかと")).toBe("どうしたらいいの");
    expect(standardSpelling("しゃしんがおおけえときはどげしておくったらええだ")).toBe(
      "しゃしんがおおきいときはどうやっておくったらいいだ",
    );
    expect(standardSpelling("もういっかいおくってよかと？")).toBe("もういっかいおくっていいの？");
    expect(standardSpelling("まだとどかないずら？")).toBe("まだとどかないの？");
    expect(standardSpelling("障害ずら？")).toBe("障害でしょう？");
  });

  it("reads Chubu's question in ずら, だら, だに, だい and けぇ after a verb as a plain question in の (round 42)", () => {
    expect(standardSpelling("あしたにはつくずら？")).toBe("あしたにはつくの？");
    expect(standardSpelling("なんでとどかないずら")).toBe("なんでとどかないの");
    expect(standardSpelling("なんでずら")).toBe("なんで");
    expect(standardSpelling("何書けばいいだい？")).toBe("何書けばいいの？");
    expect(standardSpelling("待ってりゃ届くけぇ？")).toBe("待ってりゃ届くの？");
    // Not ちょうだい, a typed くだい, nor けぇ that closes a told sentence (Chugoku's から)
    expect(standardSpelling("数字だけちょうだい")).toBeUndefined();
    expect(standardSpelling("おしえてくだい")).toBeUndefined();
    expect(standardSpelling("たすかったけぇ")).toBeUndefined();
  });

  it("reads shitamachi's ってぇのは and 了見, dialect thanks and greetings, Sendai's ねっちゃ (round 42)", () => {
    expect(standardSpelling("戻るってぇのはどういう了見だい")).toBe("戻るっていうのはどういうことなの");
    expect(standardSpelling("おおきんな、たすかった")).toBe("ありがとう、たすかった");
    expect(standardSpelling("おばんです、聞きたいことある")).toBe("こんばんは、聞きたいことある");
    expect(standardSpelling("なんもわっかんねっちゃ")).toBe("なにもわかんない");
    expect(standardSpelling("送ってねぇのに")).toBe("送ってないのに");
    expect(standardSpelling("なんだがわがんねぇ")).toBe("なんだかわかんない");
    expect(standardSpelling("なにいれりゃいい")).toBe("なにいれればいい");
  });

  it("reads Fukui's やざ closing a sentence as だよね, and nowhere else", () => {
    expect(standardSpelling("あいてのはこがいっぱいってことやざ？")).toBe(
      "あいてのはこがいっぱいってことだよね？",
    );
    expect(standardSpelling("ほうやざ")).toBe("ほうだよね");
    expect(standardSpelling("やざとらしい")).toBeUndefined();
  });

  it("reads the north's こねぇ and なんも, Kyushu's ばい, Morioka's なはん and an opening したら / したっけ (round 45)", () => {
    expect(standardSpelling("なんもメールこねぇんだ")).toBe("なにもメールこないんだ");
    expect(standardSpelling("ずっと来ねえ")).toBe("ずっと来ない");
    expect(standardSpelling("メールが届かんばい")).toBe("メールが届かない");
    expect(standardSpelling("またなはん")).toBe("またね");
    expect(standardSpelling("したらまたね")).toBe("じゃあまたね");
    expect(standardSpelling("そしたら、どうすればいい")).toBe("じゃあ、どうすればいい");
    expect(standardSpelling("したっけね")).toBe("じゃあね");
  });

  it("leaves ばいばい, どこねえ, したら inside a sentence and したら before a verb alone", () => {
    expect(standardSpelling("ばいばい")).toBeUndefined();
    expect(standardSpelling("どこねえ")).toBeUndefined();
    expect(standardSpelling("送信したら戻ってきた")).toBeUndefined();
    expect(standardSpelling("したら戻ってきた")).toBeUndefined();
  });

  it("leaves よかった, 土下座 and ずらす alone", () => {
    expect(standardSpelling("とどいてよかった")).toBeUndefined();
    expect(standardSpelling("どげざしたい気分")).toBeUndefined();
    expect(standardSpelling("日付をずらす")).toBeUndefined();
  });

  it("leaves words that end in べ or hold っぺ, まった or なして alone (調べ, 比べ, ごじゃっぺな, 始まった)", () => {
    expect(standardSpelling("ウイルスを調べ")).toBeUndefined();
    expect(standardSpelling("ほかのと比べ？")).toBeUndefined();
    expect(standardSpelling("ごじゃっぺなアドレス")).toBeUndefined();
    expect(standardSpelling("メンテナンスが始まった")).toBeUndefined();
    expect(standardSpelling("すべてのメール")).toBeUndefined();
  });

  it("restores a condition's ば typed as は (its dakuten dropped) before what the condition leads to", () => {
    expect(standardSpelling("まてはとどくの？")).toBe("まてばとどくの？");
    expect(standardSpelling("あどれすなおせはとどく？")).toBe("あどれすなおせばとどく？");
    expect(standardSpelling("もういっかいおくれはいいの？")).toBe("もういっかいおくればいいの？");
  });

  it("leaves a topic's は and a te form's は alone (これは, だけは, 送ってはいけない, してはだめ)", () => {
    expect(standardSpelling("これはいいの？")).toBeUndefined();
    expect(standardSpelling("それはとどくの？")).toBeUndefined();
    expect(standardSpelling("ひとりだけはとどいた")).toBeUndefined();
    expect(standardSpelling("おくってはいけない？")).toBeUndefined();
    expect(standardSpelling("してはいけないの？")).toBeUndefined();
  });

  it("reads a western negative quoted in one kana, and する's spoken ておく (見つからんて, しときます)", () => {
    expect(standardSpelling("サーバーが見つからんて書いとる")).toBe("サーバーが見つからないって書いてる");
    expect(standardSpelling("今日はこのへんにしときます")).toBe("今日はこのへんにしておきます");
    expect(standardSpelling("返信しといたほうがいい？")).toBeUndefined();
  });

  it("reads laughter typed as w's after Japanese as the 笑 it stands for, and leaves English words alone", () => {
    expect(standardSpelling("エラー来たｗｗｗ何これｗｗ")).toBe("エラー来た笑何これ笑");
    expect(standardSpelling("なんだよー、全角だっただけかｗ")).toBe("なんだよー、全角だっただけか笑");
    expect(standardSpelling("wwwで始まるアドレス")).toBeUndefined();
    expect(standardSpelling("メールのwebページ")).toBeUndefined();
  });

  it("leaves standard words that hold the same kana alone (変な, 返信, 大変, ええと, なんでやねん)", () => {
    expect(standardSpelling("へんなメールが来た")).toBeUndefined();
    expect(standardSpelling("なんかへん")).toBeUndefined();
    expect(standardSpelling("あいてからへんしんがない")).toBeUndefined();
    expect(standardSpelling("たいへんです")).toBeUndefined();
    expect(standardSpelling("ええと、再送していいですか")).toBeUndefined();
    expect(standardSpelling("なんでやねん")).toBeUndefined();
    expect(standardSpelling("相手のアドレスが間違っている？")).toBeUndefined();
    expect(standardSpelling("消しちゃうとまずい？")).toBeUndefined();
    expect(standardSpelling("なんか変なの？")).toBeUndefined();
    expect(standardSpelling("メールが戻る")).toBeUndefined();
  });

  it("spells Awa's, Shizuoka's and Tohoku's endings around a plain question", () => {
    // Awa: じょ after ん or の dropped; どないして before a verb is how it is done
    expect(standardSpelling("どないして送ったらええんじょ")).toBe("どうやって送ったらいいの");
    expect(standardSpelling("だいじょ？")).toBeUndefined();
    expect(standardSpelling("どないしてん？")).toBe("どうしてん？");
    // Shizuoka, Mikawa: だら and だに asked after a verb, もんで, くりょ
    expect(standardSpelling("待っとったら届くだら？")).toBe("待ってたら届くの？");
    expect(standardSpelling("送り直せばいいだに？")).toBe("送り直せばいいの？");
    expect(standardSpelling("しらべたらだめ？")).toBeUndefined();
    expect(standardSpelling("ようわからんもんで人にかわってくりょ")).toBe("ようわからんので人にかわってくれ");
    expect(standardSpelling("届くもんですか")).toBeUndefined();
    // Tohoku: けろ, だども, 〜てぇんだ
    expect(standardSpelling("おしえてけろ")).toBe("おしえてくれ");
    expect(standardSpelling("人と話してぇんだども")).toBe("人と話したいんだけど");
  });

  it("spells Tohoku's and Hokkaido's why, no good, spontaneous potential, question in だが and you (round 40)", () => {
    expect(standardSpelling("なしてもどってくるんだべ")).toBe("なんでもどってくるんでしょう");
    expect(standardSpelling("なしていっつもはねられるんだべ")).toBe("なんでいっつもはねられるんでしょう");
    expect(standardSpelling("意味をなしていない")).toBeUndefined();
    expect(standardSpelling("なんぼやってもわがね")).toBe("何回やってもだめ");
    expect(standardSpelling("なんぼおくりなおしてもわがねんだ")).toBe("何回おくりなおしてもだめなんだ");
    expect(standardSpelling("なんぼまでならおくれるの")).toBeUndefined();
    expect(standardSpelling("わがねこがキーボードにのった")).toBeUndefined();
    expect(standardSpelling("なんかいやってもおくらさらない")).toBe("なんかいやってもおくれない");
    expect(standardSpelling("送らさね")).toBe("送れない");
    expect(standardSpelling("おめ、人だが？")).toBe("あなた、人なの？");
    expect(standardSpelling("おめ きかいだか？")).toBe("あなた きかいなの？");
    expect(standardSpelling("なんだか？")).toBeUndefined();
    expect(standardSpelling("おめでとう")).toBeUndefined();
    expect(standardSpelling("ひとさつないでけれ")).toBe("ひとさつないでくれ");
    expect(standardSpelling("してけれど")).toBeUndefined();
  });

  it("spells northern Kanto's question in け, a condition in りゃ, じゃろ, ゆう and Iyo's thanks (round 40)", () => {
    expect(standardSpelling("いっぱいってことけ？")).toBe("いっぱいってこと？");
    expect(standardSpelling("間違ってるっちゅうことけ")).toBe("間違ってるっちゅうこと？");
    expect(standardSpelling("まってればとどくんけ？")).toBe("まってればとどくの？");
    expect(standardSpelling("なんだっけ？")).toBeUndefined();
    expect(standardSpelling("まってりゃいいの")).toBe("まってればいいの");
    expect(standardSpelling("どうすりゃええの")).toBe("どうすればいいの");
    expect(standardSpelling("そりゃいいね")).toBeUndefined();
    expect(standardSpelling("どう伝えたらええんじゃろか")).toBe("どう伝えたらいいんだろうか");
    expect(standardSpelling("なんてゆうたらいい？")).toBe("なんて言ったらいい？");
    expect(standardSpelling("ゆったりしたい")).toBeUndefined();
    expect(standardSpelling("ようわかったけん、だんだん")).toBe("ようわかったけん、ありがとう");
    expect(standardSpelling("だんだんな")).toBe("ありがとうな");
    expect(standardSpelling("だんだんおそくなる")).toBeUndefined();
    expect(standardSpelling("だんだん、おそくなってきた")).toBeUndefined();
    expect(standardSpelling("わいもばのともだち")).toBeUndefined();
  });
});
