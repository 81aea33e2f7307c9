import { loadKnowledge } from "../../knowledge/knowledge.ts";

/**
 * The conversation the browser tests of the real assistant walk through: a pasted "550 5.1.1 User
 * unknown" bounce, its diagnosis and its "it used to work" follow-up. Expected words come from the
 * shipped knowledge data, so editing a text does not break the tests.
 */
export const BOUNCE = [
  "This is the mail system at host mail.example.net.",
  "I'm sorry to have to inform you that your message could not be delivered.",
  "",
  "<friend@example.com>: host mx.example.com[192.0.2.25] said: 550 5.1.1 User unknown",
].join("\n");

const knowledge = loadKnowledge();
export const userUnknown = knowledge.topics.get("user-unknown")!;
export const usedToWork = userUnknown.followUps.find((f) => f.id === "used-to-work")!;
export const backscatter = knowledge.topics.get("backscatter")!;
