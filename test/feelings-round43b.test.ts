import { describe, expect, it } from "vitest";
import { buildFeelingReader } from "../dialogs/interpret/feeling.ts";
import { questionAfterLeadIn } from "../dialogs/interpret/lead-in.ts";
import { loadUi } from "../dialogs/ui.ts";
import { exclaimed } from "../dialogs/understand/feelings/exclaimed.ts";
import { readingTable } from "../dialogs/understand/normalize.ts";
import { fixtureQuestions } from "./fixtures/knowledge.ts";

const ui = loadUi();
const feelings = buildFeelingReader(ui, readingTable(fixtureQuestions.readings));
/** What the interpreter does: a feeling read, unless it is over (told calmly, taken back, someone else's). */
const felt = (text: string) => {
  const f = feelings.feelingIn(text);
  return f !== undefined && feelings.feelingOver(text, f) ? undefined : f;
};

describe("round 43: calm texts that only sound emotional (family43b)", () => {
  it("a feeling played down with 「だけ」 closing its clause is calm; understated without it, still felt", () => {
    expect(felt("少しドキッとしただけです。添付って何MBまで？")).toBeUndefined();
    expect(felt("ちょっとびっくりしただけ、で、相手には届いてる？")).toBeUndefined();
    expect(felt("ちょっとびっくりしました。相手には届いてる？")).toBeDefined();
    expect(felt("ちょっと焦っただけで済むと思ってたのに、まだ届かない")).toBeDefined();
  });

  it("a feeling measured against its word and found short of it is taken back; what is felt after it stays", () => {
    expect(felt("がっかり…ってほどでもないけど、相手の容量がいっぱいってこと？")).toBeUndefined();
    expect(felt("不安…というほどじゃないですが、スキャンはした方がいい？")).toBeUndefined();
    expect(felt("ショック…ってほどでもないけど、やっぱり最悪")).toBeDefined();
  });

  it("scolding or scorn feared in a casual lead-in that names the asking is about asking; one's own anger is not", () => {
    expect(felt("怒られそうな質問なんだけど、SPFって何？")).toBeUndefined();
    expect(felt("バカにされそうだけど聞きます、MAILER-DAEMONって誰？")).toBeUndefined();
    expect(felt("もう腹が立つ質問だけど、SPFって何？")).toBeDefined();
  });

  it("a complaint answered, or the desk that takes them, is the mail's business", () => {
    expect(felt("苦情に回答したメールが戻ってきました。宛先が違いますか")).toBeUndefined();
    expect(felt("クレーム受付窓口に送ったメールが戻ってきた。アドレス違う？")).toBeUndefined();
    expect(felt("クレームばかりでもう嫌だ、アドレス違う？")).toBeDefined();
  });

  it("a cause recognised as right, beside the surprise, is discovery", () => {
    expect(felt("言われてみれば、@の前に点が二つ！びっくり")).toBeUndefined();
  });

  it("「ちなみに」, or 「じゃあ」 after a comma, opens the question after what was told", () => {
    expect(questionAfterLeadIn("送ってないならよかった、ちなみにパスワードは変えるべき？")).toBe(
      "パスワードは変えるべき?",
    );
    expect(questionAfterLeadIn("自動の返事だったのか、じゃあ読んでもらえたってこと？")).toBe(
      "読んでもらえたってこと?",
    );
    expect(questionAfterLeadIn("メールで、じゃ、無理？")).toBeUndefined();
  });

  it("a realisation closed as its own sentence (「…ってことか。」) leads in to the question after it", () => {
    expect(questionAfterLeadIn("相手の箱がいっぱいってことか。何日か待てばいいの？")).toBe(
      "何日か待てばいいの?",
    );
  });

  it("relief or the cause recognised, exclaimed before a question, are glad marks", () => {
    expect(felt("ほっとしました！じゃあ待つだけでいいんですね？")).toBeUndefined();
    expect(exclaimed("ほっとしました！じゃあ待つだけでいいんですね？", ui.typedWords)).toBeUndefined();
  });
});
