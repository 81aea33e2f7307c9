import { describe, expect, it } from "vitest";
import { knowledgeServices } from "../bot/wiring.ts";
import { createInterpreter, type SessionView } from "../dialogs/interpret.ts";
import { loadUi } from "../dialogs/ui.ts";
import { loadKnowledge } from "../knowledge/knowledge.ts";
import type { TopicId } from "../knowledge/types.ts";

/**
 * A situation told, then "what now" (dialogs/interpret/what-now.ts): with a diagnosis on screen, the steps, whatever
 * question the story's words alone come near.
 */
const interpret = createInterpreter({ ...knowledgeServices(loadKnowledge()), ui: loadUi() });
const on = (topic: TopicId): SessionView => ({ lang: "en", topic, pickingCarrier: false });
const kinds = async (text: string, topic: TopicId) =>
  (await interpret({ kind: "text", text }, on(topic))).map((e) =>
    e.type === "ANSWER" || e.type === "FOLLOW_UP" ? `${e.type}:${e.id}` : e.type,
  );

describe("a situation told, then what to do now", () => {
  it("gives the steps, not a question the story's words come near", async () => {
    expect(await kinds("my application is due tonight, what now", "expired")).toContain("NEXT_STEPS");
    expect(await kinds("seriously?? i waited days for this. now what", "expired")).toContain("NEXT_STEPS");
  });

  it("leaves a question the story asks for, without 'now', and tries in vain to their own answers", async () => {
    expect(
      await kinds("I need to send a 200MB video to a client, how do I do that", "message-too-big"),
    ).not.toContain("NEXT_STEPS");
    expect(await kinds("rejected every single time, what now", "spam-blocked")).toContain(
      "FOLLOW_UP:keeps-failing",
    );
  });
});
