import { describe, expect, it } from "vitest";
import { tellsLost, tellsNoHelp } from "../dialogs/understand/lost-told.ts";

/**
 * Being lost told in English with nothing else named (dialogs/understand/lost-told.ts): read as that act
 * before the question index, whose examples share "don't" and "anything" with other questions.
 */
describe("being lost, told in so many English words", () => {
  it.each([
    "I dont understand anything you said",
    "sorry, I didn't understand a word of that",
    "im not following at all",
    "I do not understand your answer",
    "honestly I don’t get what you mean", // a typographic apostrophe
    "i still dont get it",
    "I understood nothing of that",
  ])("%s", (text) => {
    expect(tellsLost(text)).toBe(true);
  });

  it.each([
    "I understand now", // no negation
    "no, I get it", // "no" answers; it denies no understanding
    "I didn't get it", // "get" in the past: as often "it never arrived"
    "I don't understand why it bounced", // asks why
    "I don't understand what to do", // asks what to do
    "I didn't get any error back", // something else named
    "so I don't have to do anything?", // no word of understanding
    "わからない", // Japanese is read by the examples
  ])("not %s", (text) => {
    expect(tellsLost(text)).toBe(false);
  });
});

describe("the answer that did not help, told in so many English words", () => {
  it.each(["that didn't fix anything", "nope, didnt help at all", "not helpful", "this did not help me"])(
    "%s",
    (text) => {
      expect(tellsNoHelp(text)).toBe(true);
    },
  );

  it.each([
    "that helped, thanks", // no negation
    "will it fix itself?", // asks
    "I fixed the address, should I resend?", // something else named
    "I dont understand anything you said", // being lost, not unhelped
  ])("not %s", (text) => {
    expect(tellsNoHelp(text)).toBe(false);
  });
});
