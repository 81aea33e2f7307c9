import { describe, expect, it } from "vitest";
import { buildFeelingReader } from "../dialogs/interpret/feeling.ts";
import { loadUi } from "../dialogs/ui.ts";
import { afterOwnStateAside } from "../dialogs/understand/feelings/aside.ts";
import { withoutModestOpening } from "../dialogs/understand/feelings/modest.ts";
import { readingTable } from "../dialogs/understand/normalize.ts";
import { fold } from "../knowledge/fold.ts";
import { fixtureQuestions } from "./fixtures/knowledge.ts";

const feelings = buildFeelingReader(loadUi(), readingTable(fixtureQuestions.readings));

describe("round 36's calm texts that only sound emotional (calm36)", () => {
  it("shame named only to lead in to a question is the polite way in; shame at a slip or beside being lost stays", () => {
    expect(withoutModestOpening(fold("ちょっと恥ずかしいんですけど、SPFって何？")).trim()).toBe("spfって何?");
    expect(withoutModestOpening(fold("お恥ずかしい話、S-SAFEって有料ですか")).trim()).toBe(
      "s-safeって有料ですか",
    );
    expect(feelings.feelingIn("ちょっと恥ずかしいんですけど、SPFって何？")).toBeUndefined();
    // The shame is about a slip the message tells, or the writer is lost: comfort first.
    expect(feelings.feelingIn("お恥ずかしい話、宛先を打ち間違えたみたいで…どこを見ればいい？")).toBe(
      "ashamed",
    );
    expect(feelings.feelingIn("恥ずかしながら、どこを見ればいいのか分からなくて")).toBe("ashamed");
    // Told, not leading in: 「恥ずかしい…」「恥ずかしすぎる」.
    expect(feelings.feelingIn("恥ずかしすぎる…全角だったってこと？")).toBe("ashamed");
    // What else the piece says still counts (「情けない」).
    expect(
      feelings.feelingIn("また聞くのが恥ずかしくて情けないんですが、どこを貼るんでしたっけ"),
    ).toBeDefined();
  });

  it("a busy day told with what keeps them busy is an aside; time running out, or busy said twice, is a hurry", () => {
    expect(afterOwnStateAside("棚卸しで大忙し。このチャットは無料？")).toBe("このチャットは無料？");
    expect(afterOwnStateAside("会議の合間なので手短に。MAILER-DAEMONって誰？")).toBe("MAILER-DAEMONって誰？");
    expect(afterOwnStateAside("決算で頭がいっぱいですが、SPFって何ですか")).toBe("SPFって何ですか");
    expect(feelings.feelingIn("会議の合間なので手短に。MAILER-DAEMONって誰？")).toBeUndefined();
    expect(afterOwnStateAside("時間がないので手短に。上限は何MB？")).toBeUndefined();
    expect(afterOwnStateAside("急いでるので手短に。上限は何MB？")).toBeUndefined();
    expect(afterOwnStateAside("忙しいので手短に。対処法だけ教えて")).toBeUndefined();
    expect(feelings.feelingIn("忙しいので手短に。対処法だけ教えて")).toBe("urgent");
    // Busy and the mail in the same clause is no aside.
    expect(afterOwnStateAside("引っ越しでバタバタなのにメールが戻ってきた。どうすれば？")).toBeUndefined();
  });

  it("a start beside the chat praised, and disbelief that a person answers, are no fear", () => {
    expect(feelings.feelingIn("返信はやっ！びっくりしました。AIなんですか")).toBeUndefined();
    expect(feelings.feelingIn("まさか人間が答えてるんじゃないよね？")).toBeUndefined();
    expect(feelings.feelingIn("まさかウイルスじゃないよね？")).toBe("worried");
    expect(feelings.feelingIn("びっくりした、また戻ってきた")).toBe("worried");
  });

  it("a flutter told as the manner of what is done is anticipation; felt of the mail it stays a worry", () => {
    expect(feelings.feelingIn("ドキドキしながら申込書を送りました。届いたか分かりますか")).toBeUndefined();
    expect(feelings.feelingIn("ドキドキする…この添付は開いても平気？")).toBe("worried");
  });
});
