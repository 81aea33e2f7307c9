import { describe, expect, it } from "vitest";
import { courtesyWordsOf, openingCourtesy } from "../dialogs/interpret/courtesy.ts";

const questions = new Map([
  ["greeting", { examples: ["bula", "hola", "hello", "selam new", "こんにちは"] }],
  ["thanks", { examples: ["takk", "thanks"] }],
]);
const words = courtesyWordsOf(questions);

describe("a greeting or thanks of one word in another language opening a question", () => {
  it("is known by the one-word examples in Latin letters, English ones left to the whole text's reading", () => {
    expect([...words]).toEqual([
      ["bula", "greeting"],
      ["hola", "greeting"],
      ["takk", "thanks"],
    ]);
  });

  it("is taken off the question after it", () => {
    expect(openingCourtesy(words, "bula! why is it back?")).toEqual({
      act: "greeting",
      rest: "why is it back?",
    });
    expect(openingCourtesy(words, "Hola, why is my mail back?")).toEqual({
      act: "greeting",
      rest: "why is my mail back?",
    });
  });

  it("is none before a statement, beside raised marks, or as a word of the question", () => {
    expect(openingCourtesy(words, "takk for the help")).toBeUndefined();
    expect(openingCourtesy(words, "bula! my mail came back")).toBeUndefined();
    expect(openingCourtesy(words, "bula! why is it always back??")).toBeUndefined();
    expect(openingCourtesy(words, "hello, can I talk to a person?")).toBeUndefined();
    expect(openingCourtesy(words, "bulang, why?")).toBeUndefined();
    expect(openingCourtesy(words, "a".repeat(5_000))).toBeUndefined();
  });
});
