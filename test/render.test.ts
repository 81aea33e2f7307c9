import type { messagingApi } from "@line/bot-sdk";
import { describe, expect, it } from "vitest";
import { createRenderer } from "../bot/render/render.ts";
import { symptomDiagnosis } from "../dialogs/machine.ts";
import { loadUi } from "../dialogs/ui.ts";
import { checkMessages } from "../platform/line-limits.ts";
import { fixtureKnowledge, fixtureQuestions } from "./fixtures/knowledge.ts";
import { textsOf } from "./support/harness.ts";

const ui = loadUi();
const render = createRenderer({
  knowledge: fixtureKnowledge,
  ui,
  questions: fixtureQuestions,
  qaCommunityUrl: "https://qa.example.com/ask",
});

describe("rendering reply intents", () => {
  it("never sends more than five messages: neighbouring texts merge, nothing is lost", () => {
    const messages = render(
      [
        { type: "noticeSessionExpired" },
        { type: "warnPersonalData" },
        { type: "confirmRestart" },
        { type: "greet" },
        { type: "showPrivacyNotice" },
        { type: "showMenu" },
      ],
      "ja",
    );
    expect(messages).toHaveLength(5);
    expect(checkMessages(messages)).toEqual([]);
    const all = textsOf(messages).join("\n");
    for (const text of [
      ui.sessionExpired.ja,
      ui.personalDataNotKept.ja,
      ui.restarted.ja,
      ui.greeting.ja,
      ui.menu.prompt.ja,
    ])
      expect(all).toContain(text);
    // the symptoms, 「わからない・その他」, 「人に相談する」
    expect(messages.at(-1)!.quickReply?.items?.length).toBe(ui.menu.topics.length + 2);
  });

  it("puts the last offered quick replies on the last message only", () => {
    const messages = render(
      [
        { type: "showMenu" },
        { type: "showDiagnosis", diagnosis: symptomDiagnosis("delayed") },
        { type: "askFeedback", topic: "delayed" },
      ],
      "en",
    );
    expect(messages.map((m) => m.type)).toEqual(["text", "flex", "text"]);
    expect(messages.slice(0, -1).every((m) => m.quickReply === undefined)).toBe(true);
    const items = messages.at(-1)?.quickReply?.items ?? [];
    const labels = items.map((i) => (i.action as messagingApi.PostbackAction).label);
    expect(labels).toEqual(["Yes", "No", "Menu"]);
  });

  it("uses QA_COMMUNITY_URL for the community link", () => {
    const messages = render([{ type: "escalate", reason: "asked", diagnosis: null }], "ja");
    expect(textsOf(messages).join("\n")).toContain("https://qa.example.com/ask");
    expect(textsOf(messages).join("\n")).not.toContain("https://qa.example.net/");
  });

  it("refuses, at start-up, a ui.yaml menu naming a topic the knowledge lacks", () => {
    const topics = new Map(fixtureKnowledge.topics);
    topics.delete("delayed");
    expect(() =>
      createRenderer({ knowledge: { ...fixtureKnowledge, topics }, ui, questions: fixtureQuestions }),
    ).toThrow(/delayed/);
  });
});
