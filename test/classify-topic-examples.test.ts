import { describe, expect, it } from "vitest";
import { classify } from "../knowledge/classify.ts";
import { loadKnowledge } from "../knowledge/knowledge.ts";

/**
 * Every example in the knowledge data (knowledge/data/topics) pasted on its own should land on its
 * topic. Known disagreements are listed with the reason, so a data change shows up here.
 */
const KNOWN_DISAGREEMENTS: Record<string, string> = {
  // Outlook/Exchange "550 5.5.0 Requested action not taken: mailbox unavailable" means the address
  // does not exist (Sisimai: userunknown); alone, the phrase is too vague for account-suspended.
  "mailbox unavailable": "account-suspended",
};

const examples = [...loadKnowledge().topics].flatMap(([id, topic]) =>
  topic.examples.map((example) => ({ id, example })),
);

describe("knowledge topic examples map to their topic", () => {
  it.each(examples.filter((e) => !(e.example in KNOWN_DISAGREEMENTS)))(
    "$id ← $example",
    async ({ id, example }) => {
      const result = await classify(example);
      expect(result.records.map((r) => r.topic)).toEqual([id]);
    },
  );
});
