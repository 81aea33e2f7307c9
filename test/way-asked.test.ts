import { describe, expect, it } from "vitest";
import { asksBareWay } from "../dialogs/interpret/way-asked.ts";

describe("a bare ask for a way (「何か手ある？」「どうにかならん？」)", () => {
  it("is a way or a 'somehow' with nothing named before it, asked whether there is one", () => {
    for (const clause of [
      "何か手ある?",
      "方法ある?",
      "手はない?",
      "いい方法ってないかな",
      "どうにかならん?",
      "なんとかならないですか",
      "打つ手はありますか",
    ])
      expect(asksBareWay(clause), clause).toBe(true);
  });

  it("is not a way named by what it is for, another question, or a way told", () => {
    for (const clause of [
      "止める方法ある?",
      "それ以外に方法は?",
      "手伝って",
      "方法がわかった",
      "どうにかしたい",
      "手".repeat(3000),
    ])
      expect(asksBareWay(clause), clause.slice(0, 20)).toBe(false);
  });
});
