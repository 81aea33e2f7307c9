import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { messagingApi } from "@line/bot-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { UNSUPPORTED_KINDS } from "../dialogs/events.ts";
import type { UserInput } from "../dialogs/interpret.ts";
import { decodePostback, type Postback } from "../dialogs/postback.ts";
import { carrierOf, loadKnowledge, matchSymptom } from "../knowledge/knowledge.ts";
import { TOPIC_IDS } from "../knowledge/types.ts";
import { checkMessages } from "../platform/line-limits.ts";
import { TransitionCoverage } from "./support/coverage.ts";
import { createHarness, quickRepliesOf, textsOf } from "./support/harness.ts";

/**
 * The one runner for test/conversations/*.yaml: each step is something the user does (follow, user,
 * tap, send, screenshot, file, postback, wait) and what must follow (intents, says, offers, topic, state, lang). Quick
 * replies are named by what they do ("followup:mobile-address", "feedback:no"), not by their label, so
 * the scripts survive text edits. Every reply is checked against LINE's limits. At the end the runner
 * prints the machine's transition coverage and fails below 100%.
 */

const stepSchema = z
  .object({
    follow: z.literal(true).optional(),
    user: z.string().optional(),
    tap: z.string().optional(),
    send: z.enum(UNSUPPORTED_KINDS).optional(),
    screenshot: z.string().optional(), // the text OCR read off an image ("" = nothing readable)
    file: z.string().optional(), // the content of a .eml / .txt file
    postback: z.string().optional(),
    wait: z.number().positive().optional(), // minutes; nothing is sent
    intents: z.array(z.string()).optional(),
    says: z.array(z.string()).optional(),
    saysNot: z.array(z.string()).optional(),
    offers: z.array(z.string()).optional(),
    offersNot: z.array(z.string()).optional(),
    topic: z.enum(TOPIC_IDS).optional(),
    state: z.string().optional(),
    lang: z.enum(["ja", "en"]).optional(),
    /** Every word of the reply, its buttons' labels too, is English: no kana or kanji (an English speaker reads it). */
    inEnglish: z.literal(true).optional(),
  })
  .strict()
  .refine(
    (s) =>
      ["follow", "user", "tap", "send", "screenshot", "file", "postback", "wait"].filter((k) => k in s)
        .length === 1,
    "each step needs exactly one of follow, user, tap, send, screenshot, file, postback, wait",
  );
const scriptSchema = z.array(
  z
    .object({
      name: z.string(),
      /** "shipped": the knowledge data of knowledge/data instead of the placeholder fixture. */
      data: z.literal("shipped").optional(),
      /** The language of the user's LINE profile ("error": the lookup fails). */
      lineLanguage: z.enum(["ja", "en", "error"]).optional(),
      steps: z.array(stepSchema).min(1),
    })
    .strict(),
);
const shipped = loadKnowledge();
// One of each for every "shipped" script, so that their harnesses share one interpreter (harness.ts).
const shippedSymptom = (t: string) => matchSymptom(shipped, t);
const shippedCarrier = (d: string) => carrierOf(shipped, d);
type Step = z.infer<typeof stepSchema>;

function keyOf(p: Postback | undefined): string {
  switch (p?.a) {
    case "symptom":
      return `symptom:${p.topic}`;
    case "followup":
      return `followup:${p.id}`;
    case "carrier":
      return `carrier:${p.id}`;
    case "feedback":
      return `feedback:${p.helpful ? "yes" : "no"}`;
    case "cmd":
      return `cmd:${p.cmd}`;
    case "ask":
      return `ask:${p.id}`;
    default:
      return "(unknown)";
  }
}

/** Kana and kanji: what an English speaker cannot read. */
const JAPANESE_SCRIPT = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

function offered(messages: messagingApi.Message[]): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const item of quickRepliesOf(messages)) {
    const action = item.action as messagingApi.PostbackAction;
    byKey.set(keyOf(decodePostback(action.data ?? "")), action.data ?? "");
  }
  return byKey;
}

// The two interpreters the scripts share (the fixture's and the shipped data's, harness.ts interpreterFor) are
// built here, once, before any script: building one (the question index, its readings and phrase matchers) takes
// ~10 s alone and ~45 s under load 13, which the first script of each kind paid inside its own 20 s before.
beforeAll(() => {
  createHarness();
  createHarness({ knowledge: shipped, matchSymptom: shippedSymptom, carrierOf: shippedCarrier });
}, 300_000);

const dir = join(import.meta.dirname, "conversations");
const files = readdirSync(dir).filter((f) => f.endsWith(".yaml"));
const coverage = new TransitionCoverage();

describe.each(files)("%s", (file) => {
  const scripts = scriptSchema.parse(parse(readFileSync(join(dir, file), "utf8")));

  it.each(scripts.map((s) => [s.name, s] as const))("%s", async (_name, script) => {
    const harness = createHarness({
      observe: coverage.observe,
      ...(script.data === "shipped" && {
        knowledge: shipped,
        matchSymptom: shippedSymptom,
        carrierOf: shippedCarrier,
      }),
      ...(script.lineLanguage && {
        // As bot/profile-language.ts does: a failed lookup is no language (Japanese stays).
        profileLanguage: async () => (script.lineLanguage === "error" ? undefined : script.lineLanguage),
      }),
    });
    const user = "U".padEnd(33, "a");
    let last: messagingApi.Message[] = [];
    coverage.visit("menu");

    for (const [i, step] of script.steps.entries()) {
      const where = `${file} › ${script.name} › step ${i + 1}`;
      if (step.wait) {
        harness.advance(step.wait * 60_000);
        continue;
      }
      const { turn, messages } = await harness.send(user, inputOf(step, last, where));
      coverage.visit(turn.state);
      const texts = textsOf(messages).join("\n");

      expect(messages.length, `${where}: one to five messages`).toBeGreaterThanOrEqual(1);
      expect(checkMessages(messages), `${where}: LINE limits`).toEqual([]);
      if (step.intents)
        expect(
          turn.intents.map((x) => x.type),
          `${where}: intents`,
        ).toEqual(step.intents);
      for (const s of step.says ?? []) expect(texts, `${where}: says "${s}"`).toContain(s);
      for (const s of step.saysNot ?? []) expect(texts, `${where}: does not say "${s}"`).not.toContain(s);
      const offers = offered(messages);
      for (const k of step.offers ?? []) expect([...offers.keys()], `${where}: offers ${k}`).toContain(k);
      for (const k of step.offersNot ?? []) expect([...offers.keys()], `${where}: no ${k}`).not.toContain(k);
      if (step.topic) {
        const shown = turn.intents.find((x) => x.type === "showDiagnosis");
        expect(shown && shown.type === "showDiagnosis" && shown.diagnosis.topic, `${where}: topic`).toBe(
          step.topic,
        );
      }
      if (step.state) expect(turn.state, `${where}: state`).toBe(step.state);
      if (step.lang) expect(turn.lang, `${where}: lang`).toBe(step.lang);
      if (step.inEnglish) {
        const labels = quickRepliesOf(messages).map((q) => q.action?.label ?? "");
        expect([texts, ...labels].join("\n"), `${where}: in English`).not.toMatch(JAPANESE_SCRIPT);
      }
      last = messages;
    }
  });
});

function inputOf(step: Step, last: messagingApi.Message[], where: string): UserInput {
  if (step.follow) return { kind: "follow" };
  if (step.user !== undefined) return { kind: "text", text: step.user };
  if (step.send) return { kind: "unsupported", what: step.send };
  if (step.screenshot !== undefined) return { kind: "screenshot", text: step.screenshot };
  if (step.file !== undefined) return { kind: "file", text: step.file };
  if (step.postback !== undefined) return { kind: "postback", data: step.postback };
  const data = offered(last).get(step.tap!);
  if (data === undefined)
    throw new Error(
      `${where}: "${step.tap}" was not offered; offered: ${[...offered(last).keys()].join(", ")}`,
    );
  return { kind: "postback", data };
}

describe("coverage of the dialog machine", () => {
  afterAll(() => {
    console.log(coverage.report());
  });

  it("the scripts take every transition and visit every state", () => {
    expect(coverage.missed).toEqual([]);
    expect(coverage.missedStates).toEqual([]);
  });
});
