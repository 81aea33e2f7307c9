import { describe, expect, it } from "vitest";
import { buildFeelingReader } from "../dialogs/interpret/feeling.ts";
import { loadUi } from "../dialogs/ui.ts";
import { withoutQuoted } from "../dialogs/understand/feelings/quoted.ts";
import { readingTable } from "../dialogs/understand/normalize.ts";
import { fixtureQuestions } from "./fixtures/knowledge.ts";

const feelings = buildFeelingReader(loadUi(), readingTable(fixtureQuestions.readings));
/** Whether the text reads as a feeling the assistant should apologise for (as read-text.ts decides). */
const upset = (text: string) => {
  const felt = feelings.feelingIn(text);
  return felt !== undefined && !feelings.feelingOver(text, felt);
};

describe("round 40 (family40a): calm texts that only look emotional (family40a)", () => {
  it("the feeling or urgency of the mail's own business is the mail's: calm", () => {
    expect(withoutQuoted("【至急】の見積もり")).toBe("【  】の見積もり");
    expect(upset("件名に【至急】って付けたメールが戻ってきました。どこを貼ればいいですか")).toBe(false);
    expect(upset("クレームへの返信メールが戻ってきてしまいました。待てばいいですか")).toBe(false);
    expect(upset("緊急のお知らせメールが一部の会員に届きません。アドレスを確認する方法は？")).toBe(false);
    expect(upset("The reply to a customer complaint bounced. Should I just send it again?")).toBe(false);
    expect(upset("My email with URGENT in the subject bounced. Why?")).toBe(false);
    // The writer's own hurry stays.
    expect(upset("至急なんです！お客様に送った見積もりが戻ってきました、どこを貼ればいいですか")).toBe(true);
  });

  it("someone else's feeling, told by a writer whose own words are calm, is calm; a family member's worry is shared", () => {
    expect(upset("お客様がかなりお怒りなのですが、戻ってきたエラーメールのどこを貼ればいいですか")).toBe(
      false,
    );
    expect(upset("部員たちが届かないと不安がっています。待つしかないですか")).toBe(false);
    expect(upset("上司が心配しているので聞きますが、アドレスの確認はどうやればいいですか")).toBe(false);
    expect(upset("Replying to an angry customer and it bounced. How do I check the address?")).toBe(false);
    expect(upset("うちのおかん、メール戻ってきたって怒っとるんやけど、どこ貼ったらええん？")).toBe(false);
    // The writer's own feeling beside it, a family member's worry, a superior's anger: still comforted.
    expect(upset("お客様に怒られてしまって泣きたいです。アドレスの確認ってどうすればいいですか")).toBe(true);
    expect(upset("母が心配してる。いつごろ届きますか")).toBe(true);
    expect(upset("課長がキレてるんだけど、問い合わせるとき何を書けばいい？")).toBe(true);
  });

  it("a feeling named and then taken back is calm; the same feeling after the word is not", () => {
    expect(upset("えっショック！…と思ったけど、まあ大したことないか。待てばいいの？")).toBe(false);
    expect(upset("Scary! Well, not really. Who is MAILER-DAEMON anyway?")).toBe(false);
    expect(upset("Panic! Oh wait, it's just an auto-reply. So it arrived?")).toBe(false);
    expect(upset("届いたと思ったけど、また戻ってきた。最悪")).toBe(true);
    expect(upset("へえ、アドレスが存在しないんだ。面白い冗談ですね。で、確かめる方法は？")).toBe(true);
  });

  it("tears beside thanks or kindness received are tears of being moved; tears beside being lost are not", () => {
    expect(upset("こんなに丁寧に教えてもらえて泣きそうです。ありがとうございます")).toBe(false);
    expect(upset("I could cry, you explained it so kindly")).toBe(false);
    expect(upset("英語ばっかりで泣きたい。わかりやすく言うと何なの")).toBe(true);
  });
});
