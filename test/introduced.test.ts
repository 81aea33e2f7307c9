import { describe, expect, it } from "vitest";
import {
  afterIntroduction as after,
  greetingPiecesOf,
  opensWithGreeting,
} from "../dialogs/interpret/introduced.ts";
import { loadKnowledge } from "../knowledge/knowledge.ts";
import { loadQuestions } from "../knowledge/questions.ts";

/** The greetings passed over are the greeting question's examples (acts.yaml), read from the shipped data. */
const greetings = greetingPiecesOf(loadQuestions(loadKnowledge()).questions);
const afterIntroduction = (text: string) => after(greetings, text);

describe("who the writer is, told before the question", () => {
  it("leaves the question after the introduction (and a greeting) to be read alone", () => {
    expect(
      afterIntroduction("はじめまして、山あいで民宿をやっている者です。エラーのメールって何ですか"),
    ).toBe("エラーのメールって何ですか");
    expect(afterIntroduction("市場で魚を売っている者ですが、スクショを送ってもいいですか")).toBe(
      "スクショを送ってもいいですか",
    );
    expect(afterIntroduction("Hi, I'm a coach from Kobe. is this chat free?")).toBe("is this chat free?");
    expect(afterIntroduction("hi i'm a nurse from Sendai, what is a bounce?")).toBe("what is a bounce?");
  });

  it("passes over any greeting of the greeting question's examples, before or after who the writer is", () => {
    expect(greetings.has("お世話になっております")).toBe(true);
    expect(afterIntroduction("どうもはじめまして。駅前の美容室の者です。チャットの記録って残りますか")).toBe(
      "チャットの記録って残りますか",
    );
    expect(afterIntroduction("町役場で窓口をしている者です。夜分にすみません。スクショでも読めますか")).toBe(
      "スクショでも読めますか",
    );
    expect(afterIntroduction("hello there, I'm a zookeeper. what is MAILER-DAEMON?")).toBe(
      "what is MAILER-DAEMON?",
    );
    expect(afterIntroduction("hi there i'm a teacher at a cram school, is this free?")).toBe("is this free?");
  });

  it("reads nothing when no question follows, or the opening tells the mail, a feeling or a state", () => {
    expect(afterIntroduction("はじめまして。港の食堂の者です。よろしくお願いします")).toBeUndefined();
    expect(afterIntroduction("エラーメールが来た者です。どうすればいい？")).toBeUndefined();
    expect(afterIntroduction("心配性の者です。これってウイルス？")).toBeUndefined();
    expect(afterIntroduction("I'm a bit lost, what is a bounce?")).toBeUndefined();
    expect(afterIntroduction("エラーのメールって何ですか")).toBeUndefined();
  });
});

describe("a greeting opening a message (main-event.ts: before small talk)", () => {
  it("is a greeting of the examples as the message's first piece, with more after it", () => {
    expect(opensWithGreeting(greetings, "안녕하세요. 한국에서 왔어요")).toBe(true);
    expect(opensWithGreeting(greetings, "hola! soy de Perú y estudio en Kioto")).toBe(true);
    expect(opensWithGreeting(greetings, "こんにちは")).toBe(false);
    expect(opensWithGreeting(greetings, "今日は寒いですね。こんにちは")).toBe(false);
  });
});
