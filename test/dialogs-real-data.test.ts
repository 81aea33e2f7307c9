import type { messagingApi } from "@line/bot-sdk";
import { describe, expect, it } from "vitest";
import { createRenderer } from "../bot/render/render.ts";
import { knowledgeServices } from "../bot/wiring.ts";
import type { Diagnosis } from "../dialogs/events.ts";
import type { ReplyIntent } from "../dialogs/intents.ts";
import { MAX_SHOWN_LINE_CHARS } from "../dialogs/interpret/thresholds.ts";
import { createInterpreter, type UserInput } from "../dialogs/interpret.ts";
import { symptomDiagnosis } from "../dialogs/machine.ts";
import { EXCERPT_CHARS, EXCERPT_LINES } from "../dialogs/paste-excerpt.ts";
import { loadUi } from "../dialogs/ui.ts";
import { carrierOf, loadKnowledge, matchSymptom } from "../knowledge/knowledge.ts";
import { loadQuestions } from "../knowledge/questions.ts";
import { TOPIC_IDS } from "../knowledge/types.ts";
import { checkMessages } from "../platform/line-limits.ts";
import { actionOf, TILES } from "../scripts/richmenu-layout.ts";
import { PASTE_TO_DOCOMO } from "./fixtures/diagnosis.ts";
import { createHarness, quickRepliesOf, textsOf } from "./support/harness.ts";

/**
 * The shipped texts (knowledge/data/*.yaml, ui.yaml) in every reply the dialogs can produce: each must fit
 * LINE's limits in both languages, and every button label typed back must mean what the button means.
 * Support staff edit these files; this is what tells them an edit broke a reply.
 */

const knowledge = loadKnowledge();
const ui = loadUi();
const questions = loadQuestions(knowledge);
const render = createRenderer({ knowledge, ui, questions });

/** A pasted bounce of this topic, with the longest server text a session keeps. */
const pasted = (topic: Diagnosis["topic"]): Diagnosis => ({
  ...PASTE_TO_DOCOMO.diagnosis,
  topic,
  detail: "x".repeat(200),
});

function everyReply(): [string, ReplyIntent[]][] {
  const replies: [string, ReplyIntent[]][] = [];
  const simple = [
    "greet",
    "showPrivacyNotice",
    "warnPersonalData",
    "noticeSessionExpired",
    "showMenu",
    "showMoreTopics",
    "thankForFeedback",
    "askToRetry",
    "explainHelp",
    "confirmCancel",
    "confirmRestart",
    "explainGroupChat",
    "apologize",
  ] as const;
  for (const type of simple) replies.push([type, [{ type }]]);
  for (const variant of ui.smallTalk.keys())
    replies.push([`answerSmallTalk ${variant}`, [{ type: "answerSmallTalk", variant }]]);
  for (const about of ["returned", "not-sent", "asked"] as const)
    replies.push([
      `explainPasting ${about}`,
      [{ type: "warnPersonalData" }, { type: "explainPasting", about }],
    ]);
  for (const kind of Object.keys(ui.unsupported) as (keyof typeof ui.unsupported)[])
    replies.push([`unsupported ${kind}`, [{ type: "answerUnsupported", kind }]]);
  for (const topic of TOPIC_IDS) {
    for (const diagnosis of [symptomDiagnosis(topic), pasted(topic)]) {
      replies.push([
        `diagnosis ${topic} (${diagnosis.source})`,
        [
          { type: "noticeSessionExpired" },
          { type: "warnPersonalData" },
          { type: "showDiagnosis", diagnosis },
          { type: "askFeedback", topic },
        ],
      ]);
      for (const reason of ["asked", "not-helpful", "unreadable"] as const)
        replies.push([`escalate ${topic} ${reason}`, [{ type: "escalate", reason, diagnosis }]]);
    }
    // Unsure what was asked after this diagnosis: its title and first step, then three candidates.
    replies.push([
      `clarify after ${topic}`,
      [{ type: "offerCandidates", ids: [...questions.questions.keys()].slice(0, 3), topic }],
    ]);
    for (const followUp of knowledge.topics.get(topic)!.followUps)
      replies.push([
        `follow-up ${topic}/${followUp.id}`,
        [
          { type: "warnPersonalData" },
          { type: "answerFollowUp", topic, id: followUp.id },
          { type: "offerCarriers", topic },
        ],
      ]);
  }
  // The longest summary of pastes that could not be read: every excerpt line at its longest.
  const excerpt = Array.from({ length: EXCERPT_LINES }, () => "x".repeat(EXCERPT_CHARS));
  for (const reason of ["asked", "unreadable"] as const)
    replies.push([
      `escalate unreadable paste (${reason})`,
      [{ type: "escalate", reason, diagnosis: null, unread: { pastes: 1000, lines: 100_000, excerpt } }],
    ]);
  // Part of a bounce read: the line shown back at its longest, each way it is asked for.
  const line = "x".repeat(MAX_SHOWN_LINE_CHARS);
  for (const from of ["screenshot", "paste"] as const) {
    replies.push([
      `partly read (${from})`,
      [{ type: "warnPersonalData" }, { type: "showPartlyRead", line, from }],
    ]);
    for (const wordsAfter of [false, true]) {
      replies.push([
        `policy code only (${from}${wordsAfter ? ", words after it" : ""})`,
        [
          { type: "warnPersonalData" },
          {
            type: "askForWordsAfterCode",
            line,
            status: "5.7.1",
            replyCode: "550",
            from,
            wordsAfter,
            codeClass: "",
          },
        ],
      ]);
      // Every class answer of codes.yaml, with the longest codes it is shown with.
      for (const codeClass of Object.keys(knowledge.codes.classes))
        replies.push([
          `class ${codeClass} only (${from}${wordsAfter ? ", words after it" : ""})`,
          [
            { type: "warnPersonalData" },
            {
              type: "askForWordsAfterCode",
              line,
              status: "5.4.0",
              replyCode: "550",
              from,
              wordsAfter,
              codeClass,
            },
          ],
        ]);
    }
  }
  for (const carrier of knowledge.carriers)
    replies.push([
      `carrier ${carrier.id}`,
      [
        { type: "noticeSessionExpired" },
        { type: "answerFollowUp", topic: "user-unknown", id: "mobile-address" },
        { type: "showCarrierSteps", topic: "user-unknown", carrier: carrier.id, detected: true },
        { type: "askFeedback", topic: "user-unknown" },
      ],
    ]);
  return replies;
}

describe.each(["ja", "en"] as const)("shipped texts in %s", (lang) => {
  it.each(everyReply())("%s fits LINE's limits", (_name, intents) => {
    const messages = render(intents, lang);
    expect(messages.length).toBeGreaterThanOrEqual(1);
    expect(checkMessages(messages)).toEqual([]);
  });
});

describe("button labels typed instead of tapped", () => {
  const interpret = createInterpreter({ ...knowledgeServices(knowledge), ui });

  it.each(
    [...ui.menu.topics, ...ui.moreMenu.topics].flatMap((id) =>
      (["ja", "en"] as const).map((lang) => [id, lang] as const),
    ),
  )("the %s menu label (%s) picks that symptom", async (id, lang) => {
    const label = knowledge.topics.get(id)!.menuLabel[lang];
    const events = await interpret(
      { kind: "text", text: label },
      { lang, topic: null, pickingCarrier: false },
    );
    expect(events.at(-1)).toEqual({ type: "SYMPTOM", topic: id });
  });

  it.each(
    TOPIC_IDS.flatMap((topic) =>
      knowledge.topics.get(topic)!.followUps.map((f) => [topic, f.id, f.label.ja] as const),
    ),
  )("in %s, the follow-up %s label 「%s」 asks that follow-up", async (topic, id, label) => {
    const events = await interpret(
      { kind: "text", text: label },
      { lang: "ja", topic, pickingCarrier: false },
    );
    expect(events.at(-1)).toMatchObject({ type: "FOLLOW_UP", topic, id });
  });

  it.each(knowledge.carriers.map((c) => [c.id, c.name.ja] as const))(
    "while picking a carrier, %s's name 「%s」 picks it",
    async (id, name) => {
      const events = await interpret(
        { kind: "text", text: name },
        { lang: "ja", topic: "user-unknown", pickingCarrier: true },
      );
      expect(events.at(-1)).toEqual({ type: "CARRIER", id });
    },
  );

  it.each(TILES.map((tile) => [tile.target, tile] as const))(
    "the rich menu tile %s does what it says",
    async (target, tile) => {
      const action = actionOf(tile, knowledge, ui);
      const input: UserInput =
        action.type === "postback"
          ? { kind: "postback", data: action.data ?? "" }
          : { kind: "text", text: action.type === "message" ? (action.text ?? "") : "" };
      const events = await interpret(input, { lang: "ja", topic: null, pickingCarrier: false });
      expect(events.at(-1)).toEqual(
        target === "more" ? { type: "MORE_TOPICS" } : { type: "SYMPTOM", topic: target },
      );
    },
  );
});

describe("every topic is within three taps of the greeting", () => {
  // Every distinct quick reply, breadth first from the greeting, through the shipped menus.
  it("the symptom menus reach every topic but 'unknown' (which only says we don't know)", async () => {
    const harness = createHarness({
      knowledge,
      matchSymptom: (t) => matchSymptom(knowledge, t),
      carrierOf: (d) => carrierOf(knowledge, d),
    });
    const user = "U".padEnd(33, "r");
    const reached = new Map<string, number>();
    const tapped = new Set<string>();
    let frontier = [(await harness.send(user, { kind: "follow" })).messages];
    for (let taps = 1; taps <= 3; taps++) {
      const next: messagingApi.Message[][] = [];
      for (const messages of frontier)
        for (const item of quickRepliesOf(messages)) {
          const data = (item.action as messagingApi.PostbackAction).data ?? "";
          if (tapped.has(data)) continue;
          tapped.add(data);
          const { turn, messages: reply } = await harness.send(user, { kind: "postback", data });
          for (const intent of turn.intents)
            if (intent.type === "showDiagnosis" && !reached.has(intent.diagnosis.topic))
              reached.set(intent.diagnosis.topic, taps);
          next.push(reply);
        }
      frontier = next;
    }
    expect([...reached.keys()].sort()).toEqual(TOPIC_IDS.filter((id) => id !== "unknown").sort());
    expect(Math.max(...reached.values())).toBeLessThanOrEqual(3);
  });
});

describe("the shipped answers say one consistent thing, in plain words", () => {
  const harness = () =>
    createHarness({
      knowledge,
      matchSymptom: (t) => matchSymptom(knowledge, t),
      carrierOf: (d) => carrierOf(knowledge, d),
    });
  const textOf = (messages: messagingApi.Message[]) => textsOf(messages).join("\n");

  it("Yahoo's 'mailbox is disabled': nothing to fix on your side, resend only to a new address", async () => {
    const { messages } = await harness().send("U".padEnd(33, "y"), {
      kind: "text",
      text: "554 delivery error: dd Sorry your message to taro@yahoo.com cannot be delivered. This mailbox is disabled (554.30).",
    });
    const text = textOf(messages);
    expect(text).toContain(knowledge.topics.get("account-suspended")!.title.ja);
    expect(text).toContain(ui.diagnosis.resend["new-address"].ja);
    expect(text).not.toContain(ui.diagnosis.resend["after-fix"].ja);
    expect(text).toContain("554：配達に失敗した"); // the reply code, in words
  });

  it("552 5.2.3 is shown with what it means, never as bare codes", async () => {
    const h = harness();
    const user = "U".padEnd(33, "z");
    const { messages } = await h.send(user, {
      kind: "text",
      text: "<aki@example.com>: host mx.example.com[192.0.2.9] said: 552 5.2.3 Message size exceeds fixed maximum message size",
    });
    expect(textOf(messages)).toContain("読み取った内容: 552 5.2.3：メールが大きすぎる / a***@example.com");
    expect(textOf(messages)).not.toMatch(/\d\.\d\.\d \(\d{3}\)/);
    const escalated = await h.send(user, { kind: "text", text: "人に相談する" });
    expect(textOf(escalated.messages)).toContain("エラーコード: 552 5.2.3：メールが大きすぎる");
  });
});
