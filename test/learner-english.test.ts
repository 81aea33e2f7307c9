import { describe, expect, it } from "vitest";
import { learnerEnglish } from "../dialogs/understand/learner-english.ts";
import { plainEnglish } from "../dialogs/understand/shorthand.ts";

describe("learners' English is read with the helping verb it leaves out", () => {
  it("puts 'didn't' before a bare verb after 'not'", () => {
    expect(learnerEnglish("I not send this mail")).toBe("I didn't send this mail");
    expect(learnerEnglish("it is not arrive yet")).toBe("it didn't arrive yet");
    expect(learnerEnglish("my mail is not arrive to him")).toBe("my mail didn't arrive to him");
    expect(learnerEnglish("but I am not send any email")).toBe("but I didn't send any email");
  });

  it("reads the past of sending or writing after a subject's 'not' as 'didn't' and the bare verb", () => {
    expect(learnerEnglish("I not sent this email but it come back to me")).toBe(
      "I didn't send this email but it come back to me",
    );
    expect(learnerEnglish("we not wrote any of these")).toBe("we didn't write any of these");
    // no subject before "not": left as typed
    expect(learnerEnglish("the mail was not sent")).toBeUndefined();
  });

  it("puts 'don't' before a verb of knowing, said of now ('I not understand')", () => {
    expect(learnerEnglish("I not understand this mail")).toBe("I don't understand this mail");
    expect(learnerEnglish("sorry I not know what to do")).toBe("sorry I don't know what to do");
  });

  it("puts 'did' after 'why' before a subject and its bare verb", () => {
    expect(learnerEnglish("why it come back?")).toBe("why did it come back?");
    expect(learnerEnglish("Why my email bounce")).toBe("Why did my email bounce");
  });

  it("reads 'what mean' and 'what is … mean' as 'what does … mean'", () => {
    expect(learnerEnglish("what mean this error?")).toBe("what does this error mean?");
    expect(learnerEnglish("what mean domain?")).toBe("what does domain mean?");
    expect(learnerEnglish("sorry what is mean this message")).toBe("sorry what does it mean this message");
    expect(learnerEnglish("what is this error mean?")).toBe("what does this error mean?");
  });

  it("leaves whole sentences as they are", () => {
    expect(learnerEnglish("why is it bouncing?")).toBeUndefined();
    expect(learnerEnglish("why it is bouncing?")).toBeUndefined();
    expect(learnerEnglish("I did not send it")).toBeUndefined();
    expect(learnerEnglish("it is not received yet")).toBeUndefined();
    expect(learnerEnglish("what is a bounce?")).toBeUndefined();
    expect(learnerEnglish("why? it came back")).toBeUndefined();
    expect(learnerEnglish("メールが届かない")).toBeUndefined();
  });

  it("reads a closing 'or not' and a want to know as the question they ask (plainEnglish)", () => {
    expect(plainEnglish("can send 30MB or not?")).not.toContain("not");
    expect(plainEnglish("please I want to know if it arrived")).toBe("please whether it arrived");
  });

  it("is read after the hurried spellings (plainEnglish)", () => {
    expect(plainEnglish("why it come back pls")).toBe("why did it come back please");
    expect(plainEnglish("i not recieve it")).toBe("i didn't receive it");
  });
});

describe("chat forms typed alone are read as what they ask", () => {
  it("asks for the words again ('say what?', 'come again?')", () => {
    expect(plainEnglish("say what?")).toBe("say that again please");
    expect(plainEnglish("Sorry, come again?")).toBe("say that again please");
    expect(plainEnglish("what was that again?")).toBe("say that again please");
  });

  it("is puzzlement ('wait, what?') and South Africa's thanks ('shot bru')", () => {
    expect(plainEnglish("wait, what?")).toBe("huh? I don't get it");
    expect(plainEnglish("shot bru")).toBe("thanks");
  });

  it("is only the whole message", () => {
    expect(plainEnglish("should I say what happened?")).toBeUndefined();
    expect(plainEnglish("will it come again tomorrow")).toBeUndefined();
    expect(plainEnglish("I took a screen shot")).toBeUndefined();
  });
});
