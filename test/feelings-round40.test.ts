import { describe, expect, it } from "vitest";
import { buildFeelingReader } from "../dialogs/interpret/feeling.ts";
import { loadUi } from "../dialogs/ui.ts";
import { consequenceTrailsOff } from "../dialogs/understand/feelings/worry.ts";
import { readingTable } from "../dialogs/understand/normalize.ts";
import { fixtureQuestions } from "./fixtures/knowledge.ts";

/** The consequences feared that worry.ts looks for before an ellipsis (ui.yaml typedWords). */
const { consequences } = loadUi().typedWords;

const feelings = buildFeelingReader(loadUi(), readingTable(fixtureQuestions.readings));

describe("round 40's apology decision (family40b)", () => {
  it("blamed or shown up in front of others, without a word of feeling, is felt", () => {
    expect(
      feelings.feelingIn("同窓会の案内が届いてないって幹事から文句を言われた。他の人には届いてる？"),
    ).toBe("worried");
    expect(feelings.feelingIn("お客様からお叱りを受けました。どうお伝えすれば")).toBe("worried");
    expect(
      feelings.feelingIn(
        "the choir says I never sent the rota and they're blaming me. did the others get it?",
      ),
    ).toBe("worried");
    expect(
      feelings.feelingIn("a guest rang to complain the booking reply never came. should I call her?"),
    ).toBe("worried");
    // Complaints as the work handled stay calm.
    expect(
      feelings.feelingIn("クレーム対応のメールを送ったら戻ってきました。アドレスを確認したほうがいい？"),
    ).toBeUndefined();
  });

  it("a consequence still to come, left unfinished by an ellipsis, is worry", () => {
    expect(consequenceTrailsOff("お客さんが前の会場に行っちゃう...他の宛先は大丈夫?", consequences)).toBe(
      true,
    );
    expect(consequenceTrailsOff("当日来ないかも...。本人に電話したほうがいい?", consequences)).toBe(true);
    expect(consequenceTrailsOff("先方に失礼なやつだと思われてたら...", consequences)).toBe(true);
    // A たら that goes on telling, and dots after a plain statement, are no fear told.
    expect(consequenceTrailsOff("送ったら...戻ってきた。どうすれば", consequences)).toBe(false);
    expect(consequenceTrailsOff("届かないのですが...", consequences)).toBe(false);
    expect(consequenceTrailsOff("no dots at all", consequences)).toBe(false);
    expect(feelings.feelingIn("案内が届いてなかったら、みんな前の時間に来ちゃう…他の人は大丈夫？")).toBe(
      "worried",
    );
  });

  it("trouble is read by its forms, not by a reading found inside 「どこまで」", () => {
    const rest = feelings.withoutFeelingWords("締め切り直前なのに送れない…容量ってどこまでなら通るの");
    expect(rest).toContain("どこまで");
    expect(feelings.feelingIn("困らなきゃいいけど、どうなってるの")).toBe("frustrated");
    expect(feelings.feelingIn("こまってます")).toBe("frustrated");
  });
});
