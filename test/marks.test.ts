import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { endsWithQuestionMark, hasQuestionMark, QUESTION_MARK_SET } from "../dialogs/marks.ts";

describe("the question marks, in one place (marks.ts)", () => {
  it("are found half- and full-width, anywhere or closing the text", () => {
    expect(hasQuestionMark("届く？まだ？")).toBe(true);
    expect(hasQuestionMark("is it back?")).toBe(true);
    expect(hasQuestionMark("ありがとうございました")).toBe(false);
    expect(endsWithQuestionMark("送り直せばいい？　")).toBe(true);
    expect(endsWithQuestionMark("why? I never sent it")).toBe(false);
    expect([...QUESTION_MARK_SET]).toEqual(["?", "？"]);
  });

  it("are tested by no reader of typed text by hand", () => {
    const dirs = ["dialogs/interpret", "dialogs/understand", "dialogs/understand/feelings"];
    const byHand = /includes\("[?？]"\)|\/\[[?？]{2}\]\/\.test|endsWith\("[?？]"\)/;
    for (const dir of dirs)
      for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts")))
        expect(byHand.test(readFileSync(join(dir, file), "utf8")), `${dir}/${file}`).toBe(false);
  });
});
