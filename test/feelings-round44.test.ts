import { describe, expect, it } from "vitest";
import { buildFeelingReader } from "../dialogs/interpret/feeling.ts";
import { triesBeyondCount } from "../dialogs/interpret/scans.ts";
import { loadUi } from "../dialogs/ui.ts";
import { readingTable } from "../dialogs/understand/normalize.ts";
import { fold } from "../knowledge/fold.ts";
import { fixtureQuestions } from "./fixtures/knowledge.ts";

const ui = loadUi();
const feelings = buildFeelingReader(ui, readingTable(fixtureQuestions.readings));
/** What the interpreter does: a feeling read, unless it is over (told calmly, taken back, someone else's). */
const felt = (text: string) => {
  const f = feelings.feelingIn(text);
  return f !== undefined && feelings.feelingOver(text, f) ? undefined : f;
};

describe("round 44: anger told without a word of anger (family44a)", () => {
  it("tries past counting or said twice are fed up; counted and apologised for, they are polite", () => {
    expect(felt("何度アドレスを入れ直したか覚えてない。どこが違うの")).toBe("frustrated");
    expect(felt("やり直してもやり直しても同じエラーになる")).toBe("frustrated");
    expect(felt("今日これで何回目？もう一回送れってこと？")).toBe("frustrated");
    expect(felt("I've reset the password like twenty times, what else is there")).toBe("frustrated");
    expect(felt("何回も問い合わせてすみません、まだ届いていませんか")).toBeUndefined();
    expect(felt("2回送り直しました。まだ待ったほうがいいですか")).toBeUndefined();
  });

  it("the count, then 「か」 and 'cannot tell', within a verb's reach; 'like' before a count of times", () => {
    const words = ui.typedWords;
    expect(triesBeyondCount(fold("何回送ったかわからない"), words)).toBe(true);
    expect(triesBeyondCount(fold("送っても送っても"), words)).toBe(true);
    expect(triesBeyondCount(fold("何回送ればいいかわからない人もいる"), words)).toBe(true);
    expect(triesBeyondCount(fold("でもでも、まだ大丈夫？"), words)).toBe(false);
    expect(triesBeyondCount(fold("i would like to know how many times"), words)).toBe(false);
    expect(triesBeyondCount(fold("how many times can i resend"), words)).toBe(false);
  });

  it("thanks cut short to 「どうも」, then an impatient 「で、」, is sarcasm; thanks in full, or goodbye, is not", () => {
    expect(felt("わかりやすい説明をどうも。で、結局どうすれば？")).toBe("frustrated");
    expect(felt("親切な案内どうも。それで、いつ届くんですか")).toBe("frustrated");
    expect(felt("ありがとう！で、何MBまで送れるの？")).toBeUndefined();
    expect(felt("ご丁寧にどうも。では失礼します")).toBeUndefined();
  });

  it("slighted, mild oaths, and the answer reproached as the same again are fed up", () => {
    expect(felt("まるで犯人扱いで感じが悪い。こっちのせいなの？")).toBe("frustrated");
    expect(felt("dang it, the darn thing came back once more")).toBe("frustrated");
    expect(felt("毎回同じ答えしか返ってこない、ちゃんと読んでますか")).toBe("frustrated");
    expect(felt("is this dangerous to open?")).toBeUndefined();
  });
});

describe("round 44: calm cheer read as calm (family44a)", () => {
  it("a puzzle solved, exclaimed, is glad; a failure exclaimed after it is not", () => {
    expect(felt("なるほど、理由がわかった！ちなみに返信って来るの？")).toBeUndefined();
    expect(felt("謎が解けた！じゃあ送り直せばいい？")).toBeUndefined();
    expect(felt("原因がわかった！けどまた戻ってきた！")).toBe("frustrated");
  });

  it("a laughing face closes a slip told as a laugh does; 「さすがに」 is no praise", () => {
    expect(felt("宛先の綴りを盛大に間違えてた🤣 直して送ればいい？")).toBeUndefined();
    expect(felt("アドレス打ち間違えてたかも😂 恥ずかしい")).toBeUndefined();
    expect(felt("さすがにもう一度確認したほうがいいですよね？宛先はどこで見るの")).toBeUndefined();
    expect(felt("さすがSo-netさん、素晴らしいサービスですね")).toBe("frustrated");
  });
});
