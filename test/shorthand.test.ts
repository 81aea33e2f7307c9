import { describe, expect, it } from "vitest";
import { loadUi } from "../dialogs/ui.ts";
import { plainEnglish } from "../dialogs/understand/shorthand.ts";

describe("English typed in a hurry is read in the spellings the examples use", () => {
  it("spells out text-speak", () => {
    expect(plainEnglish("r u a bot")).toBe("are you a bot");
    expect(plainEnglish("wat is mailer daemon")).toBe("what is mailer daemon");
    expect(plainEnglish("Thx!")).toBe("thanks!");
    expect(plainEnglish("pls, can i talk to a human")).toBe("please, can i talk to a human");
  });

  it("puts back the apostrophe of a contraction and mends common misspellings", () => {
    expect(plainEnglish("i didnt recieve it")).toBe("i didn't receive it");
    expect(plainEnglish("did i type the adress wrong")).toBe("did i type the address wrong");
    expect(plainEnglish("can i tell if theyve read it.")).toBe("can i tell if they've read it.");
  });

  it("respells only whole words standing alone, and nothing in a text a server wrote", () => {
    expect(plainEnglish("u@example.com bounced")).toBeUndefined();
    expect(plainEnglish("550 5.1.1 r u")).toBeUndefined();
    expect(plainEnglish("<u> r")).toBeUndefined();
    expect(plainEnglish("user unknown")).toBeUndefined();
    expect(plainEnglish("it says u.s. only")).toBeUndefined();
  });

  it("reads a formal request as a please, and what is asked to be explained as the what", () => {
    expect(plainEnglish("I would be most grateful if you could explain what is meant by SPF.")).toBe(
      "what is SPF.",
    );
    expect(plainEnglish("could you explain me what a domain is?")).toBe("what a domain is?");
  });

  it('reads a Japanese writer\'s "desu ka" as a question mark and spells run-together words apart', () => {
    expect(plainEnglish("mailaddress is mistake desu ka")).toBe("mail address is mistake ?");
  });

  it('reads "y" as "why" where a question goes on after it or it closes one after "but"; alone or in "y/n" it stays', () => {
    expect(plainEnglish("y tho")).toBe("why tho");
    expect(plainEnglish("y did it fail")).toBe("why did it fail");
    expect(plainEnglish("but y?")).toBe("but why?");
    expect(plainEnglish("y")).toBeUndefined();
    expect(plainEnglish("resend y/n?")).toBeUndefined();
    expect(plainEnglish("y yes")).toBeUndefined();
  });

  it('keeps "or not" after a word of getting (whether it got there), reads it away elsewhere', () => {
    expect(plainEnglish("so she got it or not?")).toBeUndefined();
    expect(plainEnglish("did my boss receive it or not")).toBeUndefined();
    expect(plainEnglish("can send 25MB or not?")).toBe("can send 25MB ?");
  });

  it("reads spoken Englishes as their standard words (ui.yaml spokenEnglish), phrases before single words", () => {
    const spoken = loadUi().typedWords.spokenEnglish;
    expect(plainEnglish("e go reach dem?", spoken)).toBe("will it reach them?");
    expect(plainEnglish("abeg wetin be dis error", spoken)).toBe("please what be this error");
    expect(plainEnglish("can lah, understood", spoken)).toBe("ok, understood");
    expect(plainEnglish("sharp sharp, I get am", spoken)).toBe("sharp sharp, I get it");
    // Whole words only: "them" and "the" stay, and "dem" inside a word is no word of its own.
    expect(plainEnglish("did the demo reach them", spoken)).toBeUndefined();
  });

  it("reads being unable to understand as a denial", () => {
    expect(plainEnglish("I am not able to understand this mail")).toBe("I am can't understand this mail");
  });

  it("answers undefined for a text with nothing to respell, whatever its words", () => {
    expect(plainEnglish("what does this mean?")).toBeUndefined();
    expect(plainEnglish("constructor toString")).toBeUndefined();
    expect(plainEnglish("メールが届かない")).toBeUndefined();
  });
});
