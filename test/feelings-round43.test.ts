import { describe, expect, it } from "vitest";
import { buildFeelingReader } from "../dialogs/interpret/feeling.ts";
import { loadUi } from "../dialogs/ui.ts";
import { standardSpelling } from "../dialogs/understand/dialect.ts";
import { readingTable } from "../dialogs/understand/normalize.ts";
import { fixtureQuestions } from "./fixtures/knowledge.ts";

const ui = loadUi();
const feelings = buildFeelingReader(ui, readingTable(fixtureQuestions.readings));

describe("round 43: upset not seen in Kansai, in impatience with the explanation, in the charge read back (family43a)", () => {
  it("a Kansai word of anger is still anger once the dialect reader has spelt the text in standard forms", () => {
    const kansai = "そっちの話なんか知らんがな、ほんでどうしたらええの";
    const standard = standardSpelling(kansai, ui.typedWords.oneKanjiVerbs);
    expect(standard).toBeDefined();
    expect(standard).not.toContain("知らんがな");
    expect(feelings.feelingIn(standard!)).toBe("frustrated");
    // Read as blame is: the words stay in what is read for the question.
    expect(feelings.withoutFeelingWords(standard!)).toContain("知らないがな");
  });

  it("impatience with the explanation itself is felt, and taken out of what is asked", () => {
    expect(feelings.feelingIn("説明が長いよ。で、結局どうするの")).toBe("frustrated");
    expect(feelings.feelingIn("too much text, just what do I click")).toBe("frustrated");
    expect(feelings.withoutFeelingWords("説明が長いよ。で、結局どうするの")).not.toContain("説明が長");
    // A long subject or mail asked about is no impatience.
    expect(feelings.feelingIn("件名が長いと届かないことはありますか")).toBeUndefined();
  });

  it("the charge read back as 'so you mean to say…' is reproach; 'so it means…?' asked is calm", () => {
    expect(feelings.feelingIn("うちが宛先を間違えたって言いたいの？")).toBe("frustrated");
    expect(feelings.feelingIn("別のサービスで送れってことですか")).toBeUndefined();
    expect(feelings.feelingIn("20MBを超えたらダメってこと？")).toBeUndefined();
  });
});
