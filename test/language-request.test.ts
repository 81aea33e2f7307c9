import { describe, expect, it } from "vitest";
import { languageRequest } from "../dialogs/understand/language-request.ts";

describe("a language asked for in words", () => {
  it("is read in the first or last piece of a message, and the rest is kept", () => {
    expect(languageRequest("In English please: should I resend it?")).toEqual({
      lang: "en",
      rest: "should I resend it?",
    });
    expect(languageRequest("is this chat saved? english please")).toEqual({
      lang: "en",
      rest: "is this chat saved?",
    });
    expect(languageRequest("can you speak english?")).toEqual({ lang: "en", rest: "" });
    expect(languageRequest("英語でお願いします。再送したほうがいい？")).toEqual({
      lang: "en",
      rest: "再送したほうがいい？",
    });
    expect(languageRequest("日本語でお願いします")).toEqual({ lang: "ja", rest: "" });
  });

  it("reads a language the user says they cannot use as a request for the other one", () => {
    expect(languageRequest("sorry, i don't speak japanese. is this chat saved?")?.lang).toBe("en");
    expect(languageRequest("my japanese is not good")?.lang).toBe("en");
    expect(languageRequest("I don't speak english")?.lang).toBe("ja");
  });

  it("reads an apology for one's own English as English kept, not as a request for Japanese", () => {
    expect(languageRequest("sorry my english is bad")).toEqual({ lang: "en", rest: "" });
    expect(languageRequest("sorry for my bad english. what should i do")).toEqual({
      lang: "en",
      rest: "what should i do",
    });
    expect(languageRequest("my mail came back. excuse my poor english")).toEqual({
      lang: "en",
      rest: "my mail came back.",
    });
  });

  it("is no request when the language is told about or plain words are asked for", () => {
    expect(languageRequest("I got a mail in English that I can't read")).toBeUndefined();
    expect(languageRequest("in plain english please")).toBeUndefined();
    expect(languageRequest("what does that mean in plain english")).toBeUndefined();
    expect(languageRequest("英語でわからない")).toBeUndefined();
    expect(languageRequest("英語で来ました。これは何？")).toBeUndefined();
    expect(languageRequest("please help, what do I do")).toBeUndefined();
    expect(languageRequest("")).toBeUndefined();
    for (const word of ["constructor", "toString", "__proto__", "hasOwnProperty english"])
      expect(languageRequest(word), word).toBeUndefined();
  });
});
