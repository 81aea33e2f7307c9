import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildQuestionIndex } from "../dialogs/understand/understand.ts";
import { DataFileError } from "../knowledge/data-file.ts";
import { loadBackground, type QuestionBank } from "../knowledge/questions.ts";
import { fixtureQuestions } from "./fixtures/knowledge.ts";

/**
 * The question index weighs features against a fixed background (understand.ts says why): examples added to
 * one question change the scores of that question only, for texts whose words the examples had already.
 */
const ADDED = ["送信の上限は何通ですか", "一日に何回まで送っていい？", "相手に確認したほうがいい？"];

/** The bank with examples added to `id`. */
function withAdded(bank: QuestionBank, id: string): QuestionBank {
  const questions = new Map(bank.questions);
  const q = questions.get(id)!;
  questions.set(id, { ...q, examples: [...q.examples, ...ADDED] });
  return { ...bank, questions };
}

/** Every other question's score for the first examples of each question (as typed with nothing on screen). */
function otherScores(bank: QuestionBank, id: string): Map<string, number> {
  const index = buildQuestionIndex(bank);
  const scores = new Map<string, number>();
  for (const q of bank.questions.values())
    for (const text of q.examples.slice(0, 3))
      for (const c of index.understand(text, null).candidates)
        if (c.id !== id) scores.set(`${text} → ${c.id}`, c.score);
  return scores;
}

/** The scores present in both. */
function common(a: Map<string, number>, b: Map<string, number>): [number[], number[]] {
  const keys = [...a.keys()].filter((k) => b.has(k));
  return [keys.map((k) => a.get(k)!), keys.map((k) => b.get(k)!)];
}

describe("the question index's fixed background", () => {
  it("is there for the questions of knowledge/data", () => {
    expect(fixtureQuestions.background?.questions).toBeGreaterThan(40);
    expect(fixtureQuestions.background?.frequencies.size).toBeGreaterThan(1000);
  });

  it("keeps every other question's score as it was when examples are added to one", () => {
    const [before, after] = common(
      otherScores(fixtureQuestions, "size-limit"),
      otherScores(withAdded(fixtureQuestions, "size-limit"), "size-limit"),
    );
    expect(before.length).toBeGreaterThan(100);
    expect(after).toEqual(before);
  });

  it("is what keeps them: weighed by the examples of the day, the same addition moves other scores", () => {
    const { background: _, ...live } = fixtureQuestions;
    const [before, after] = common(
      otherScores(live, "size-limit"),
      otherScores(withAdded(live, "size-limit"), "size-limit"),
    );
    expect(after).not.toEqual(before);
  });

  it("is read from its file, and a broken line is reported with its number", () => {
    const dir = mkdtempSync(join(tmpdir(), "background-"));
    const file = join(dir, "b.tsv");
    writeFileSync(file, "# comment\nquestions\t3\nw:ですか\t2\nほう\t3\n");
    expect(loadBackground(file)).toEqual({
      questions: 3,
      frequencies: new Map([
        ["w:ですか", 2],
        ["ほう", 3],
      ]),
    });
    writeFileSync(file, "questions\t3\nほう\tmany\n");
    expect(() => loadBackground(file)).toThrow(DataFileError);
    expect(() => loadBackground(file)).toThrow(/line 2/);
    writeFileSync(file, "ほう\t3\n");
    expect(() => loadBackground(file)).toThrow(/questions/);
  });
});
