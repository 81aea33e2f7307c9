import { describe, expect, it } from "vitest";
import {
  RecentResults,
  rememberingIndex,
  rememberingInterpreter,
  rememberingRenderer,
} from "../bot/recent-results.ts";
import { createRenderer, type Renderer } from "../bot/render/render.ts";
import { knowledgeServices } from "../bot/wiring.ts";
import type { ReplyIntent } from "../dialogs/intents.ts";
import { createInterpreter, type SessionView } from "../dialogs/interpret.ts";
import { loadUi } from "../dialogs/ui.ts";
import type { QuestionIndex } from "../dialogs/understand/understand.ts";
import { loadKnowledge } from "../knowledge/knowledge.ts";
import { PASTE_TO_DOCOMO } from "./fixtures/diagnosis.ts";

/**
 * The meaning of a typed text and the messages of a list of intents are kept for a while (bot/
 * recent-results.ts): a kept result must be exactly what the work returns, for every view of the session,
 * and must never hold what the user sent.
 */

const knowledge = loadKnowledge();
const services = knowledgeServices(knowledge);
const ui = loadUi();
const interpret = createInterpreter({ ...services, ui });
const render = createRenderer({ knowledge, ui, questions: services.questions });

/** Counts the calls that reach the real step (a result kept answers without one). */
function counting<F extends (...args: never[]) => unknown>(f: F): { f: F; calls: () => number } {
  let calls = 0;
  const wrapped = ((...args: Parameters<F>) => {
    calls++;
    return f(...args);
  }) as F;
  return { f: wrapped, calls: () => calls };
}

const TEXTS = [
  "550 5.1.1 <taro@example.com>: Recipient address rejected: User unknown in virtual mailbox table",
  "はい",
  "いいえ",
  "メニュー",
  "宛先不明って返ってきました",
  "相手の容量オーバーと言われた",
  "This is a warning message only.\nWill keep trying until message is 5 days old",
  "急いでるんだけど すぐ送り直してもいい？",
  "Who is MAILER-DAEMON?",
  "携帯の番号は090-1234-5678です",
];
const VIEWS: SessionView[] = [
  { lang: "ja", topic: null, pickingCarrier: false },
  { lang: "en", topic: null, pickingCarrier: false },
  { lang: "ja", topic: "mailbox-full", pickingCarrier: false },
  { lang: "ja", topic: "user-unknown", pickingCarrier: true },
  // 「はい」 right after a diagnosis acknowledges it; later it rates the advice: the same text, two meanings.
  { lang: "ja", topic: "user-unknown", pickingCarrier: false, justDiagnosed: true },
  { lang: "ja", topic: "user-unknown", pickingCarrier: false, justDiagnosed: false },
];

describe("the meaning of recent texts, kept", () => {
  it("is what the interpreter says, for each view of the session, once kept as when worked out", async () => {
    const real = counting(interpret);
    const remembering = rememberingInterpreter(real.f);
    for (const pass of [1, 2, 3])
      for (const view of VIEWS)
        for (const text of TEXTS) {
          const expected = await interpret({ kind: "text", text }, view);
          expect(await remembering({ kind: "text", text }, view), `${pass}: ${text}`).toEqual(expected);
        }
    // A meaning is kept the second time its text is seen in a view: the third pass came from what was kept.
    expect(real.calls()).toBe(2 * TEXTS.length * VIEWS.length);
  });

  it("takes a view for its fields, whatever their order, and tells a missing field from false or null", async () => {
    const real = counting(interpret);
    const remembering = rememberingInterpreter(real.f);
    const text = "はい";
    const same: SessionView[] = [
      { lang: "ja", topic: "user-unknown", pickingCarrier: false, justDiagnosed: true },
      { justDiagnosed: true, pickingCarrier: false, topic: "user-unknown", lang: "ja" },
      { topic: "user-unknown", lang: "ja", justDiagnosed: true, pickingCarrier: false },
    ];
    for (const view of same)
      expect(await remembering({ kind: "text", text }, view)).toEqual(
        await interpret({ kind: "text", text }, view),
      );
    expect(real.calls()).toBe(2); // kept at the second sight, answered from it at the third
    const others: SessionView[] = [
      { lang: "ja", topic: "user-unknown", pickingCarrier: false },
      { lang: "ja", topic: "user-unknown", pickingCarrier: false, justDiagnosed: false },
      { lang: "ja", topic: null, pickingCarrier: false, justDiagnosed: true },
    ];
    for (const view of others) {
      const before = real.calls();
      await remembering({ kind: "text", text }, view);
      expect(real.calls(), JSON.stringify(view)).toBe(before + 1);
    }
  });

  it("keeps nothing of a text seen once: a paste naming its sender's recipient takes no room", async () => {
    const real = counting(interpret);
    const remembering = rememberingInterpreter(real.f, 4);
    const view = VIEWS[0]!;
    // Four texts seen twice fill the room; a stream of texts seen once each does not push them out.
    for (const _ of [1, 2])
      for (const text of TEXTS.slice(1, 5)) await remembering({ kind: "text", text }, view);
    for (let n = 0; n < 20; n++)
      await remembering({ kind: "text", text: TEXTS[0]!.replace("taro@", `taro.${n}@`) }, view);
    const before = real.calls();
    for (const text of TEXTS.slice(1, 5)) await remembering({ kind: "text", text }, view);
    expect(real.calls()).toBe(before);
  });

  it("gives every turn objects of its own: changing one answer changes no later one", async () => {
    const remembering = rememberingInterpreter(interpret);
    const view = VIEWS[0]!;
    await remembering({ kind: "text", text: TEXTS[0]! }, view);
    const first = await remembering({ kind: "text", text: TEXTS[0]! }, view);
    const paste = first.find((e) => e.type === "PASTE");
    if (paste?.type !== "PASTE") throw new Error("the paste was not read");
    paste.diagnosis.detail = "changed";
    const again = await remembering({ kind: "text", text: TEXTS[0]! }, view);
    expect(again).toEqual(await interpret({ kind: "text", text: TEXTS[0]! }, view));
  });

  it("keeps nothing of a paste it could not read (its masked lines go to the summary only)", async () => {
    const real = counting(interpret);
    const remembering = rememberingInterpreter(real.f);
    const unreadable =
      "Diagnostic-Code: smtp; 599 9.9.9 something odd happened\nReporting-MTA: dns; mx.example.net";
    const view = VIEWS[0]!;
    const first = await remembering({ kind: "text", text: unreadable }, view);
    expect(first.map((e) => e.type)).toContain("UNREADABLE");
    for (const _ of [2, 3]) await remembering({ kind: "text", text: unreadable }, view);
    expect(real.calls()).toBe(3);
  });

  it("works out taps, follows and long texts every time", async () => {
    const real = counting(interpret);
    const remembering = rememberingInterpreter(real.f);
    const view = VIEWS[0]!;
    const long = `${TEXTS[0]!}\n`.repeat(30);
    for (const input of [{ kind: "follow" } as const, { kind: "text", text: long } as const])
      for (const _ of [1, 2]) expect(await remembering(input, view)).toEqual(await interpret(input, view));
    expect(real.calls()).toBe(4);
  });
});

describe("what recent texts mean to the question index, kept", () => {
  // A server's text without its marks, with a diagnosis on screen, is read by the question index (whole,
  // sentence by sentence, its last sentence twice); so are texts of several pieces.
  const READ_IN_PIECES = [
    "Host or domain name not found. Name service error for name=exmaple-1a2b3c.com type=MX: Host not found",
    "Host or domain name not found. Name service error for name=exmaple-4d5e6f.com type=MX: Host not found",
    "ありがとう、相手に確認してみます",
    "ああ、ドメインの打ち間違いか。納得",
    "夜遅くにすみません、急ぎで困ってます。もう一回送ればいいの？",
  ];

  it("changes no meaning: the interpreter says what it says without it, for each view, again and again", async () => {
    const keeping = createInterpreter({
      ...services,
      ui,
      keepUnderstood: (index) => rememberingIndex(index),
    });
    for (const pass of [1, 2])
      for (const view of VIEWS)
        for (const text of [...TEXTS, ...READ_IN_PIECES])
          expect(await keeping({ kind: "text", text }, view), `${pass}: ${text}`).toEqual(
            await interpret({ kind: "text", text }, view),
          );
  });

  /** An index that counts its readings (each text reads as itself, unsure). */
  function countingIndex(): { index: QuestionIndex; calls: () => number } {
    let calls = 0;
    const index: QuestionIndex = {
      size: { questions: 1, examples: 1, features: 1 },
      understand: (text, topic) => {
        calls++;
        return { kind: "unsure", candidates: [{ id: `${topic}:${text}`, score: 0.3 }] };
      },
    };
    return { index, calls: () => calls };
  }

  it("reads a text once per topic on screen, and hands the reading out frozen", () => {
    const counted = countingIndex();
    const remembering = rememberingIndex(counted.index);
    const first = remembering.understand("Host or domain name not found.", "user-unknown");
    expect(remembering.understand("Host or domain name not found.", "user-unknown")).toBe(first);
    expect(counted.calls()).toBe(1);
    expect(remembering.understand("Host or domain name not found.", null).candidates[0]!.id).toBe(
      "null:Host or domain name not found.",
    );
    expect(counted.calls()).toBe(2);
    expect(Object.isFrozen(first) && Object.isFrozen(first.candidates[0])).toBe(true);
  });

  it("passes on a call that asks for the text's segments, and texts too long to be kept", () => {
    const counted = countingIndex();
    const remembering = rememberingIndex(counted.index);
    const long = "迷惑メールが届く".repeat(300);
    for (const _ of [1, 2]) {
      remembering.understand("迷惑メールが届く", null, []);
      remembering.understand(long, null);
    }
    expect(counted.calls()).toBe(4);
  });
});

describe("the messages of recent answers, kept", () => {
  const diagnosis = PASTE_TO_DOCOMO.diagnosis;
  const ANSWERS: ReplyIntent[][] = [
    [
      { type: "showDiagnosis", diagnosis },
      { type: "askFeedback", topic: diagnosis.topic },
    ],
    [{ type: "showMenu" }],
    [{ type: "thankForFeedback" }, { type: "showMenu" }],
    [{ type: "escalate", reason: "asked", diagnosis }],
  ];

  it("are what the renderer makes, in each language, the second time as the first", () => {
    const real = counting<Renderer>(render);
    const remembering = rememberingRenderer(real.f);
    for (const pass of [1, 2])
      for (const lang of ["ja", "en"] as const)
        for (const intents of ANSWERS)
          expect(remembering(intents, lang), `${pass} ${lang}`).toEqual(render(intents, lang));
    expect(real.calls()).toBe(ANSWERS.length * 2);
  });

  it("are handed out read-only: nothing after the renderer can change what the next answer says", () => {
    const remembering = rememberingRenderer(render);
    const intents = ANSWERS[0]!;
    remembering(intents, "ja");
    const kept = remembering(intents, "ja");
    expect(() => {
      (kept[0] as { type: string }).type = "text";
    }).toThrow(TypeError);
    expect(remembering(intents, "ja")).toEqual(render(intents, "ja"));
  });

  it("are made again when an escalation carries lines of an unread paste", () => {
    const real = counting<Renderer>(render);
    const remembering = rememberingRenderer(real.f);
    const intents: ReplyIntent[] = [
      {
        type: "escalate",
        reason: "unreadable",
        diagnosis: null,
        unread: { pastes: 1, lines: 2, excerpt: ["599 9.9.9 something odd happened"] },
      },
    ];
    for (const _ of [1, 2]) expect(remembering(intents, "ja")).toEqual(render(intents, "ja"));
    expect(real.calls()).toBe(2);
  });
});

describe("a bounded list of recent results", () => {
  it("drops the one used least recently when full", () => {
    const recent = new RecentResults<string>(2);
    recent.set("a", "1");
    recent.set("b", "2");
    expect(recent.get("a")).toBe("1"); // a is now the most recent
    recent.set("c", "3");
    expect([recent.get("a"), recent.get("b"), recent.get("c")]).toEqual(["1", undefined, "3"]);
    expect(recent.size).toBe(2);
  });
});
