import { describe, expect, it } from "vitest";
import { classify } from "../knowledge/classify.ts";
import type { TopicId } from "../knowledge/types.ts";

/**
 * Every example message on the ISP's returned-mail page (domain-knowledge.md §0) maps to its topic,
 * pasted on its own. "*" on the page stands for a number or word: both the literal "*" and a number
 * are tried.
 */
const EXAMPLES: readonly [message: string, topic: TopicId][] = [
  ["Host unknown", "host-unknown"],
  ["User unknown", "user-unknown"],
  ["Temporarily over quota", "mailbox-full"],
  ["The user(s) account is temporarily over quota", "mailbox-full"],
  ["Mailbox full", "mailbox-full"],
  ["Exceeded storage allocation", "mailbox-full"],
  ["Message size exceeds fixed maximum message size", "message-too-big"],
  ["Message size exceeds maximum message size", "message-too-big"],
  ["This is a warning message only you do not need to resend your message", "delayed"],
  ["Will keep trying until message is * days old", "delayed"],
  ["Will keep trying until message is 5 days old", "delayed"],
  ["Message still undelivered after * hour", "delayed"],
  ["Message still undelivered after 4 hours", "delayed"],
  ["Cannot send message for * days", "expired"],
  ["Cannot send message for 5 days", "expired"],
  ["Cannot send message for zero seconds", "expired"],
  ["Cannot send message within * day", "expired"],
  ["Cannot send message within 1 day", "expired"],
  ["Could not send message for past * hours", "expired"],
  ["Could not send message for past 4 hours", "expired"],
  ["Your message was not delivered within * days", "expired"],
  ["Your message was not delivered within 5 days", "expired"],
];

describe("the ISP page's example messages", () => {
  it.each(EXAMPLES)("%j → %s", async (message, topic) => {
    const { records } = await classify(message);
    expect(records.map((r) => r.topic)).toEqual([topic]);
  });

  it.each(EXAMPLES)(
    "%j → %s, also with Japanese words around it and a line break",
    async (message, topic) => {
      const words = message.split(" ");
      const wrapped = `エラーメールが返ってきました。\n${words.slice(0, 3).join(" ")}\n${words.slice(3).join(" ")}\nどうすればいいですか？`;
      const { records } = await classify(wrapped);
      expect(records.map((r) => r.topic)).toEqual([topic]);
    },
  );
});
