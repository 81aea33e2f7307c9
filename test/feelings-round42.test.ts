import { describe, expect, it } from "vitest";
import { buildFeelingReader } from "../dialogs/interpret/feeling.ts";
import { loadUi } from "../dialogs/ui.ts";
import { standardSpelling as standardSpellingWith } from "../dialogs/understand/dialect.ts";
import { exclaimed } from "../dialogs/understand/feelings/exclaimed.ts";
import { consequenceTrailsOff, reassuredTwice } from "../dialogs/understand/feelings/worry.ts";
import { readingTable } from "../dialogs/understand/normalize.ts";
import { fixtureQuestions } from "./fixtures/knowledge.ts";

/** Dialect read with the shipped list of one-kanji verbs (ui.yaml typedWords). */
const { oneKanjiVerbs } = loadUi().typedWords;
const standardSpelling = (text: string) => standardSpellingWith(text, oneKanjiVerbs);

/** The consequences feared that worry.ts looks for before an ellipsis (ui.yaml typedWords). */
const { consequences } = loadUi().typedWords;

const ui = loadUi();
const feelings = buildFeelingReader(ui, readingTable(fixtureQuestions.readings));

describe("round 42: upset not seen, stakes, urgency and indignation without a word of feeling (family42a)", () => {
  it("ちゃう after a verb whose stem is one kanji is standard, not Kansai じゃない: the consequence feared stays", () => {
    expect(standardSpelling("明日になったら先方が来ちゃう…")).toBeUndefined();
    expect(standardSpelling("先に見ちゃう")).toBeUndefined();
    expect(standardSpelling("障害ちゃうん？")).toBe("障害じゃないの？");
    expect(standardSpelling("到着ちゃう？")).toBe("到着じゃないの？");
    expect(feelings.feelingIn("届いてなかったら支払い期日が来ちゃう…もう一回送ったほうがいい？")).toBe(
      "worried",
    );
  });

  it("a reproach trailing off after what the mail was is felt; told without the dots it is not by that", () => {
    expect(consequenceTrailsOff("ただの請求書なのに...何が悪かったんですか", consequences)).toBe(true);
    expect(consequenceTrailsOff("ただの請求書なのに何が悪かったんですか", consequences)).toBe(false);
  });

  it("right now or only this wanted, with one exclamation mark, is a hurry; asked without it, or glad, is not", () => {
    expect(exclaimed("今すぐ知りたいんです！相手にもう届いてますか", ui.typedWords)).toBe("urgent");
    expect(exclaimed("I just need to know if my client got it!", ui.typedWords)).toBe("urgent");
    expect(exclaimed("今すぐ送り直したほうがいいですか？", ui.typedWords)).toBeUndefined();
    expect(exclaimed("やった！今すぐ送れる", ui.typedWords)).toBeUndefined();
  });

  it("stakes told as a condition are felt; asked whether it would be bad, they are not", () => {
    expect(feelings.feelingIn("遅れたらまずいんですよ、いつ届きますか")).toBe("worried");
    expect(feelings.feelingIn("届かなかったらシャレにならないんですけど")).toBe("worried");
    expect(feelings.feelingIn("遅れたらまずいんですか？")).toBeUndefined();
    expect(feelings.feelingIn("知らないメールの返事、開いたらまずいですか？")).toBeUndefined();
  });

  it("why us cut off, the advice reproached with a sulky し, and a reassurance asked twice are felt", () => {
    expect(feelings.feelingIn("スパムなんて送った覚えはない。なんで私が？")).toBe("frustrated");
    expect(feelings.feelingIn("確かめられなかったって、誰に？私が？")).toBeUndefined();
    expect(feelings.feelingIn("確認しろって言うけど、どこを見ればいいのかわかんないし")).toBe("frustrated");
    expect(feelings.feelingIn("そんなメール送ってないし")).toBeUndefined();
    expect(reassuredTwice("ウイルス送ってないですよね?向こうは大丈夫ですよね?")).toBe(true);
    expect(reassuredTwice("念のため聞きますが、届いてないですよね?")).toBe(false);
  });

  it("a curse beside a laugh is not laughed off; feelings in slang are read", () => {
    expect(feelings.feelingIn("i never sent any of that lol wtf")).toBe("frustrated");
    expect(feelings.feelingIn("lol got a bounce for a mail i never sent, is that normal?")).toBeUndefined();
    expect(feelings.feelingIn("激おこなんですけど。なんで迷惑メールにされるわけ")).toBe("frustrated");
    expect(feelings.feelingIn("テンパってます、送ったメールが全部戻ってくる")).toBe("urgent");
    expect(feelings.feelingIn("慌ててないので大丈夫です")).toBeUndefined();
  });
});
