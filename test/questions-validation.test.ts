import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { DataFileError } from "../knowledge/data-file.ts";
import { loadKnowledge } from "../knowledge/knowledge.ts";
import { answerable, loadQuestions } from "../knowledge/questions.ts";
import { TOPIC_IDS } from "../knowledge/types.ts";

/**
 * knowledge/data/questions/*.yaml and readings.yaml as support staff edit them: each row breaks one thing
 * in a copy of the shipped data and expects the error they would see (file, field path, what is wrong).
 */

const SHIPPED = fileURLToPath(new URL("../knowledge/data/", import.meta.url));
const knowledge = loadKnowledge();

// biome-ignore lint/suspicious/noExplicitAny: test mutations reach into arbitrary YAML
type Yaml = any;

function brokenCopy(file: string, change: (data: Yaml) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "questions-"));
  cpSync(SHIPPED, dir, { recursive: true });
  const path = join(dir, file);
  const data = parse(readFileSync(path, "utf8"));
  change(data);
  writeFileSync(path, stringify(data));
  return dir;
}

function loadError(dir: string): DataFileError {
  try {
    loadQuestions(knowledge, dir);
  } catch (error) {
    if (error instanceof DataFileError) return error;
    throw error;
  }
  throw new Error("loadQuestions accepted broken data");
}

const byId = (data: Yaml[], id: string) => data.find((q) => q.id === id);
const A = "questions/after-advice.yaml";
const G = "questions/general.yaml";

describe("the shipped questions", () => {
  const { questions } = loadQuestions(knowledge);
  it("load, with at least 8 phrasings each and a plain-words answer for every topic", () => {
    for (const q of questions.values()) expect(q.examples.length, q.id).toBeGreaterThanOrEqual(8);
    const plain = questions.get("plain-words")!;
    for (const topic of TOPIC_IDS) expect(plain.topics[topic], topic).toBeDefined();
  });

  it("never give a phone number or opening hours: the phone question says what exists instead", () => {
    const phone = questions.get("phone")!;
    const answer = phone.answer as { ja: string; en: string };
    for (const text of [answer.ja, answer.en])
      expect(text).not.toMatch(
        /\d{2,4}-\d{2,4}-\d{3,4}|\d{1,2}[:：]\d{2}|\d{1,2}時(?:から|まで)|\d\s?(?:am|pm)\b/i,
      );
    expect(answer.ja).toContain("ご案内できません");
    expect(phone.links).toContain("qa-community");
  });

  it("agree with the facts: 20 MB per message; a still-trying notice needs no resend", () => {
    const size = questions.get("size-limit")!.answer as { ja: string };
    expect(size.ja).toContain("20MB");
    expect(questions.get("resend")!.topics.delayed).toEqual({
      followUp: { topic: "delayed", id: "resend-anyway" },
    });
  });
});

describe("every follow-up button can be asked in words", () => {
  const { questions } = loadQuestions(knowledge);
  it("some question answers as each button does (the 'unknown' topic's button is the Q&A community, which asking for a person gives)", () => {
    const reached = new Set<string>();
    for (const q of questions.values())
      for (const a of [q.answer, ...Object.values(q.topics)])
        if (a && "followUp" in a) reached.add(`${a.followUp.topic}/${a.followUp.id}`);
    const missing = [...knowledge.topics]
      .filter(([topic]) => topic !== "unknown")
      .flatMap(([topic, t]) => t.followUps.map((f) => `${topic}/${f.id}`))
      .filter((f) => !reached.has(f));
    expect(missing).toEqual([]);
  });

  it("a question with answers for some diagnoses only is refused no longer, and is answerable only with them", () => {
    const still = questions.get("still-coming")!;
    expect(still.answer).toBeUndefined();
    expect(answerable(still, "backscatter")).toBe(true);
    expect(answerable(still, null)).toBe(false);
    expect(answerable(still, "delayed")).toBe(false);
  });
});

describe("loadQuestions refuses broken data and names the file and the field", () => {
  it.each<{ broken: string; file: string; change: (d: Yaml) => void; field: string; says: RegExp }>([
    {
      broken: "fewer than 8 phrasings",
      file: A,
      change: (d) => byId(d, "resend").examples.splice(7),
      field: "0.examples",
      says: /at least 8 example phrasings/,
    },
    {
      broken: "an example with an address in it",
      file: G,
      change: (d) => (byId(d, "phone").examples[0] = "taro@example.com に電話して"),
      field: "6.examples.0",
      says: /personal data/,
    },
    {
      broken: "one phrasing for two questions",
      file: G,
      change: (d) => byId(d, "phone").examples.push(byId(d, "community").examples[0]),
      field: "7.examples.0",
      says: /already an example of "phone"/,
    },
    {
      broken: "an id used twice",
      file: G,
      change: (d) => (byId(d, "phone").id = "resend"),
      field: "6.id",
      says: /already used in/,
    },
    {
      broken: "a follow-up that does not exist",
      file: A,
      change: (d) => (byId(d, "resend").topics.delayed = { followUp: "delayed/no-such-button" }),
      field: "0.topics.delayed.followUp",
      says: /not a follow-up in topics\/delayed.yaml/,
    },
    {
      broken: "a topic id that does not exist",
      file: A,
      change: (d) => (byId(d, "resend").topics["no-such-topic"] = { ja: "x", en: "x" }),
      field: "0.topics",
      says: /not a topic id/,
    },
    {
      broken: "no answer and nothing to do",
      file: G,
      change: (d) => delete byId(d, "phone").answer,
      field: "6.answer",
      says: /is missing/,
    },
    {
      broken: "a label longer than a quick reply allows",
      file: G,
      change: (d) => (byId(d, "phone").label.ja = "電話で相談できますか？窓口の番号を教えてください"),
      field: "6.label.ja",
      says: /at most 20/,
    },
    {
      broken: "a plain-words answer missing for a topic",
      file: A,
      change: (d) => delete byId(d, "plain-words").topics.expired,
      field: "4.topics",
      says: /missing: expired/,
    },
    {
      broken: "an unknown link",
      file: G,
      change: (d) => byId(d, "phone").links.push("no-such-link"),
      field: "6.links.2",
      says: /not a link id/,
    },
    {
      broken: "a misspelt field",
      file: G,
      change: (d) => (byId(d, "phone").exampels = ["x"]),
      field: "6.exampels",
      says: /not a known field/,
    },
    {
      broken: "a question answered instead that does not exist",
      file: A,
      change: (d) => (byId(d, "did-it-arrive").withoutBounce = "no-such-question"),
      field: "did-it-arrive.withoutBounce",
      says: /not a question id/,
    },
    {
      broken: "a question answered when asked why that does not exist",
      file: A,
      change: (d) => (byId(d, "did-it-arrive").ifWhyAsked = "no-such-question"),
      field: "did-it-arrive.ifWhyAsked",
      says: /not a question id/,
    },
    {
      broken: "a reading not in hiragana",
      file: "readings.yaml",
      change: (d) => (d.容量 = "ヨウリョウ"),
      field: "容量",
      says: /hiragana/,
    },
    {
      broken: "a loanword that no returned mail writes",
      file: "kana-english.yaml",
      change: (d) => (d.camera = ["カメラ"]),
      field: "camera",
      says: /not a word of any returned mail/,
    },
    {
      broken: "an English word spelt in Latin letters",
      file: "kana-english.yaml",
      change: (d) => (d.unknown = ["unknown"]),
      field: "unknown.0",
      says: /kana only/,
    },
  ])("$broken → $file: $field", ({ file, change, field, says }) => {
    const dir = brokenCopy(file, change);
    try {
      const error = loadError(dir);
      expect(error.file).toBe(join(dir, file));
      expect(error.field).toBe(field);
      expect(error.message).toMatch(says);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
