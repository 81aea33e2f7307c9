import { describe, expect, it } from "vitest";
import { buildFeelingReader } from "../dialogs/interpret/feeling.ts";
import { countsPiling } from "../dialogs/interpret/scans.ts";
import { loadUi } from "../dialogs/ui.ts";
import { readingTable } from "../dialogs/understand/normalize.ts";
import { fold } from "../knowledge/fold.ts";
import { fixtureQuestions } from "./fixtures/knowledge.ts";

const ui = loadUi();
const feelings = buildFeelingReader(ui, readingTable(fixtureQuestions.readings));
const piling = (text: string) => countsPiling(fold(text), ui.typedWords.pilingCounts);

describe("round 37's apology decision (calm37)", () => {
  it("a feeling about asking itself, in a lead-in to a question, is the way in; hurry or own anger in it stays", () => {
    expect(feelings.feelingIn("怒らずに聞いてほしいんですけど、S-SAFEって何ですか")).toBeUndefined();
    expect(feelings.feelingIn("部長に怒られる前に確かめたいんですが、添付は何MBまで？")).toBeUndefined();
    expect(feelings.feelingIn("叱られそうで聞けなかったんですけど、ドメインって何ですか")).toBeUndefined();
    expect(feelings.feelingIn("I was nervous to ask you this, but is the chat stored?")).toBeUndefined();
    expect(feelings.feelingIn("たびたびごめんなさい、送信サーバーは何でしたっけ")).toBeUndefined();
    // Not about asking, nothing asked after it, or a hurry / the writer's own anger in the lead-in.
    expect(feelings.feelingIn("先生に怒られる前になんとかしたい、どうすればいい")).toBe("frustrated");
    expect(feelings.feelingIn("急いでるので聞きますが、いつ届きますか")).toBe("urgent");
    expect(feelings.feelingIn("ムカついてるから聞くけど、なんで戻ってくるの")).toBe("frustrated");
  });

  it("the skill played down after who the writer is, and said casually (「なもんで」), is modest", () => {
    expect(feelings.feelingIn("酒屋です。不慣れで申し訳ないのですが、SPFって何ですか")).toBeUndefined();
    expect(feelings.feelingIn("パソコン音痴なもんで…このチャットは無料ですか")).toBeUndefined();
    // A story ending in 「んです」 is no introduction, and shame at a slip stays.
    expect(feelings.feelingIn("宛先を間違えたんです。恥ずかしい…どこを直せば？")).toBe("ashamed");
  });

  it("the worst case supposed is a plan; 「最悪」 told of what happened stays", () => {
    expect(feelings.feelingIn("最悪のケース、電話で問い合わせできますか")).toBeUndefined();
    expect(feelings.feelingIn("最悪、また戻ってきた")).toBe("frustrated");
  });

  it("mail piling up or time waited, counted, is felt without a feeling word; a wait planned is not", () => {
    expect(piling("一晩で80通も届いてる")).toBe(true);
    expect(piling("エラーが200通超えました")).toBe(true);
    expect(piling("もう5時間待ってるのに来ない")).toBe(true);
    expect(piling("it's been 6 hours and nothing")).toBe(true);
    expect(piling("2時間待ってから送り直せばいい？")).toBe(false);
    expect(piling("一日も早く届けたい")).toBe(false);
    expect(piling("24時間使えますか")).toBe(false);
    // 「何十通も」 is how much comes, said calmly too; a notice's hours retold are the server's.
    expect(piling("毎日何十通も届きます")).toBe(false);
    expect(piling("4時間たっても配達できていませんって通知が来た")).toBe(false);
    expect(feelings.feelingIn("毎晩40通もこれが来る、止め方は？")).toBe("frustrated");
  });

  it("opening pieces that each end in an apology are the polite way in; a feeling beside them stays", () => {
    expect(
      feelings.feelingIn("夜遅くにすみません、寝ぼけてたらごめんなさい。添付は何MBまで？"),
    ).toBeUndefined();
    expect(feelings.feelingIn("本当にごめんなさい、何度もエラーが来るんです。どうすれば")).toBe("ashamed");
    expect(feelings.feelingIn("こんな時間にごめんなさい、誰にも聞けなくて。乗っ取りですか")).toBeDefined();
  });

  it("distress in idioms: worry that stops work, desperation, our not knowing thrown back", () => {
    expect(feelings.feelingIn("届いたか気になって家事が手につかない。確認できますか")).toBe("worried");
    expect(feelings.feelingIn("気が気じゃありません、相手に届いてますか")).toBe("worried");
    expect(feelings.feelingIn("原因がわからないってどういうこと？誰に聞けばいいの")).toBe("frustrated");
    // Asked calmly whether that is what it means.
    expect(feelings.feelingIn("原因がわからないってこと？")).toBeUndefined();
  });

  it("the chat dismissed before a person or the phone is asked for is impatience", () => {
    expect(feelings.feelingIn("機械はもういいです、担当者と話したい")).toBe("frustrated");
    expect(feelings.feelingIn("enough with the bot, I want a real person")).toBe("frustrated");
  });
});
