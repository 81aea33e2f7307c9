import type { messagingApi } from "@line/bot-sdk";
import { describe, expect, it } from "vitest";
import { createRenderer } from "../bot/render/render.ts";
import type { Diagnosis } from "../dialogs/events.ts";
import { symptomDiagnosis } from "../dialogs/machine.ts";
import { loadUi } from "../dialogs/ui.ts";
import { checkMessages } from "../platform/line-limits.ts";
import { PASTE_TO_DOCOMO } from "./fixtures/diagnosis.ts";
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

describe("asking which question was meant", () => {
  const ids = [...fixtureQuestions.questions.keys()].slice(0, 3);

  it("with a diagnosis on screen, says its key fact and first step again before the candidates", () => {
    const topic = fixtureKnowledge.topics.get("mailbox-full")!;
    const messages = render([{ type: "offerCandidates", ids, topic: "mailbox-full" }], "ja");
    const [text] = textsOf(messages);
    expect(text).toContain(topic.title.ja);
    expect(text).toContain(topic.steps.ja[0]);
    expect(text!.indexOf(topic.title.ja)).toBeLessThan(text!.indexOf(ui.clarify.ja));
    const labels = (messages.at(-1)?.quickReply?.items ?? []).map(
      (i) => (i.action as messagingApi.PostbackAction).label,
    );
    expect(labels).toHaveLength(ids.length + 2); // the candidates, paste help, menu
  });

  it("with nothing on screen, only asks", () => {
    const messages = render([{ type: "offerCandidates", ids, topic: null }], "en");
    expect(textsOf(messages)).toEqual([ui.clarify.en]);
  });
});

describe("several failed recipients (issue #11)", () => {
  const failed = (topic: Diagnosis["topic"], recipient: string, status = "", replyCode = "") => ({
    topic,
    recipient,
    status,
    replyCode,
  });
  const paste = (recipients: Diagnosis["recipients"], moreRecipients = 0): Diagnosis => ({
    ...PASTE_TO_DOCOMO.diagnosis,
    ...recipients[0]!,
    carrier: "",
    recipients,
    moreRecipients,
  });
  const bubbles = (messages: messagingApi.Message[]) => messages.filter((m) => m.type === "flex");

  it("one bubble per topic, the diagnosis's own first, each naming its recipients", () => {
    const d = paste([
      failed("user-unknown", "k***@example.com", "5.1.1", "550"),
      failed("mailbox-full", "m***@example.jp", "5.2.2", "552"),
      failed("user-unknown", "a***@example.com", "5.1.1", "550"),
    ]);
    const messages = render(
      [
        { type: "showDiagnosis", diagnosis: d },
        { type: "askFeedback", topic: d.topic },
      ],
      "ja",
    );
    expect(checkMessages(messages)).toEqual([]);
    const [first, second] = bubbles(messages).map((b) => textsOf([b]).join("\n"));
    expect(bubbles(messages)).toHaveLength(2);
    expect(first).toContain("題:user-unknown");
    expect(first).toContain("550 5.1.1：意:5.1.1 / k***@example.com\n550 5.1.1：意:5.1.1 / a***@example.com");
    expect(second).toContain("題:mailbox-full");
    expect(second).toContain("552 5.2.2：意:5.2.2 / m***@example.jp");
    expect(second).not.toContain("k***@");
  });

  it("at most five messages: the topics beyond what is left are summarised in a line of the last bubble", () => {
    const topics = [
      "user-unknown",
      "mailbox-full",
      "message-too-big",
      "spam-blocked",
      "relay-denied",
    ] as const;
    const d = paste(
      topics.map((topic, i) => failed(topic, `u${i}***@example.com`)),
      3,
    );
    const messages = render(
      [
        { type: "warnPersonalData" },
        { type: "showDiagnosis", diagnosis: d },
        { type: "askFeedback", topic: d.topic },
      ],
      "ja",
    );
    expect(messages).toHaveLength(5);
    expect(checkMessages(messages)).toEqual([]);
    expect(bubbles(messages)).toHaveLength(3);
    const last = textsOf([bubbles(messages).at(-1)!]).join("\n");
    expect(last).toContain(
      "ほか 5 件の宛先: u3***@example.com（題:spam-blocked）、u4***@example.com（題:relay-denied）",
    );
    expect(textsOf(messages).join("\n")).toContain(ui.personalDataNotKept.ja);
    expect(render([{ type: "showDiagnosis", diagnosis: d }], "en").length).toBe(5);
  });

  it("the escalation summary lists every recipient with its topic and codes", () => {
    const d = paste([
      failed("mailbox-full", "m***@example.jp", "5.2.2", "552"),
      failed("user-unknown", "a***@example.com", "5.1.1", "550"),
    ]);
    const text = textsOf(render([{ type: "escalate", reason: "not-helpful", diagnosis: d }], "ja")).join(
      "\n",
    );
    expect(text).toContain("症状: 題:mailbox-full / 題:user-unknown");
    expect(text).toContain("宛先: m***@example.jp / 題:mailbox-full / 552 5.2.2：意:5.2.2");
    expect(text).toContain("宛先: a***@example.com / 題:user-unknown / 550 5.1.1：意:5.1.1");
    expect(text).not.toContain("エラーコード");
  });

  it("a session stored before the list existed shows its one recipient as before", () => {
    const old = { ...PASTE_TO_DOCOMO.diagnosis, recipients: [] };
    const messages = render([{ type: "showDiagnosis", diagnosis: old }], "ja");
    expect(textsOf(messages).join("\n")).toContain("550 5.1.1：意:5.1.1 / t***@docomo.ne.jp");
  });
});
