import { describe, expect, it } from "vitest";
import { negates, readingTable } from "../dialogs/understand/normalize.ts";
import { buildQuestionIndex } from "../dialogs/understand/understand.ts";
import type { QuestionBank } from "../knowledge/questions.ts";
import { fixtureQuestions } from "./fixtures/knowledge.ts";

/**
 * The question index reads whether a text negates (dialogs/understand/negation.ts), on its examples and on
 * typed text alike, and weighs it for the acts told by their polarity (`polar` in acts.yaml).
 */
const table = readingTable(fixtureQuestions.readings);

describe("whether a text negates", () => {
  it("finds Japanese negations, polite, casual, past and dialect", () => {
    for (const text of [
      "役に立たない",
      "役に立ちませんでした",
      "やくにたたなかった",
      "届いてない",
      "とどいてへん",
      "送れず困ってます",
      "送れない",
      "おくれません",
      "役立たずじゃん",
      "わかりにくかったです",
      "わかりづらい",
      "わからん",
      "つかえねー",
      "問題なし",
      "エラーが来なければ大丈夫？",
    ])
      expect(negates(text, table), text).toBe(true);
  });

  it("finds English negations, with or without the apostrophe", () => {
    for (const text of [
      "that didn't help",
      "didn’t help",
      "didnt work",
      "not helpful",
      "I never got it",
      "no error",
    ])
      expect(negates(text, table), text).toBe(true);
  });

  it("finds none in look-alikes and requests", () => {
    for (const text of [
      "役に立ちました",
      "なかなか届く",
      "ずっと待ってます",
      "アドレスは合ってるはず",
      "大変でした",
      "パスワード変更",
      "ねえ、これ何",
      "内容を変えて送った",
      "教えてくれない？",
      "もっとやさしく教えてもらえませんか",
      "I know, thanks",
      "now it works",
    ])
      expect(negates(text, table), text).toBe(false);
  });
});

/** The shipped bank with no act marked `polar`. */
function withoutPolar(bank: QuestionBank): QuestionBank {
  const questions = new Map([...bank.questions].map(([id, q]) => [id, { ...q, polar: undefined }]));
  return { ...bank, questions };
}

describe("the acts told by their polarity", () => {
  const index = buildQuestionIndex(fixtureQuestions);
  const unweighed = buildQuestionIndex(withoutPolar(fixtureQuestions));
  const read = (i: typeof index, text: string, topic: Parameters<typeof index.understand>[1]) => {
    const u = i.understand(text, topic);
    return u.kind === "confident" ? u.id : u.kind;
  };

  it("tell understanding from its negation, which share every other word", () => {
    expect(read(index, "ok I understand now", null)).toBe("ok");
    expect(read(index, "I still don't understand", null)).toBe("confused");
    expect(read(index, "うーん、理解できない", "host-unknown")).toBe("confused");
    expect(read(index, "理解できました", "host-unknown")).toBe("ok");
    expect(read(index, "なるほど、でもわからない", "host-unknown")).toBe("confused");
    // The -te form denied (「わかってない」): lost, though 「わかって」 is in OK's 「わかってます」 too.
    expect(read(index, "うーん、わかってない", "host-unknown")).toBe("confused");
    expect(read(index, "わかってます", "host-unknown")).toBe("ok");
  });

  it("do so because polarity is weighed: unweighed, the negated example wins", () => {
    // ("ok I understand now" no longer: the OK holds "I understand now" undenied since round 37.)
    expect(read(index, "ok I follow", null)).toBe("ok");
    expect(read(unweighed, "ok I follow", null)).toBe("confused");
    // (「理解できない」 no longer: "being lost" holds examples of 理解 denied since round 22.)
    expect(read(unweighed, "なるほど、でもわからない", "host-unknown")).toBe("ok");
  });
});
