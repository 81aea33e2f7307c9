import type { messagingApi } from "@line/bot-sdk";
import { createRenderer } from "../../bot/render/render.ts";
import { Conversations, type Observer, type Turn } from "../../dialogs/conversation.ts";
import { createInterpreter, type Interpreter, type UserInput } from "../../dialogs/interpret.ts";
import type { Carrier, Knowledge } from "../../dialogs/knowledge-contract.ts";
import { MemorySessionStore } from "../../dialogs/stores/memory.ts";
import { loadUi } from "../../dialogs/ui.ts";
import { classify } from "../../knowledge/classify.ts";
import type { Classification, TopicId } from "../../knowledge/types.ts";
import {
  fixtureCarrierOf,
  fixtureKnowledge,
  fixtureMatchSymptom,
  fixtureQuestions,
} from "../fixtures/knowledge.ts";

/** The whole conversation pipeline without HTTP: interpreter → machine → store → renderer, on a fake clock. */
export interface HarnessOptions {
  observe?: Observer;
  classify?: (text: string) => Promise<Classification>;
  qaCommunityUrl?: string;
  /** The shipped knowledge instead of the fixture (with its matchSymptom and carrierOf). */
  knowledge?: Knowledge;
  matchSymptom?: (text: string) => TopicId | undefined;
  carrierOf?: (domain: string) => Carrier | undefined;
  /** The LINE profile's language lookup (Conversations' profileLanguage). */
  profileLanguage?: (userId: string) => Promise<"ja" | "en" | undefined>;
}

/** ui.yaml, loaded once for every harness of a test file (nothing changes it). */
const ui = loadUi();
const classifyText = (t: string) => classify(t);

/**
 * Interpreters already built, by the dependencies they were built from. Building one (the question index,
 * the readings and phrase matchers) takes most of a harness's set-up, and the dialog scripts create a harness
 * per script; an interpreter keeps nothing between turns (the session store does), so harnesses share it.
 */
const built: { deps: readonly unknown[]; interpret: Interpreter }[] = [];
function interpreterFor(
  classifyWith: (text: string) => Promise<Classification>,
  knowledge: Knowledge,
  matchSymptom: (text: string) => TopicId | undefined,
  carrierOf: (domain: string) => Carrier | undefined,
): Interpreter {
  const deps = [classifyWith, knowledge, matchSymptom, carrierOf] as const;
  const found = built.find((b) => b.deps.every((d, i) => d === deps[i]));
  if (found) return found.interpret;
  const interpret = createInterpreter({
    classify: classifyWith,
    knowledge,
    matchSymptom,
    carrierOf,
    ui,
    questions: fixtureQuestions,
  });
  built.push({ deps, interpret });
  return interpret;
}

export function createHarness(options: HarnessOptions = {}) {
  let clock = Date.UTC(2026, 10, 1, 9, 0, 0);
  const now = () => clock;
  const knowledge = options.knowledge ?? fixtureKnowledge;
  const store = new MemorySessionStore({ now });
  const conversations = new Conversations({
    store,
    now,
    interpret: interpreterFor(
      options.classify ?? classifyText,
      knowledge,
      options.matchSymptom ?? fixtureMatchSymptom,
      options.carrierOf ?? fixtureCarrierOf,
    ),
    ...(options.observe && { observe: options.observe }),
    ...(options.profileLanguage && { profileLanguage: options.profileLanguage }),
  });
  const render = createRenderer({
    knowledge,
    ui,
    questions: fixtureQuestions,
    qaCommunityUrl: options.qaCommunityUrl,
  });

  return {
    ui,
    store,
    conversations,
    advance(ms: number) {
      clock += ms;
    },
    async send(userId: string, input: UserInput): Promise<{ turn: Turn; messages: messagingApi.Message[] }> {
      const turn = await conversations.turn(userId, input);
      return { turn, messages: render(turn.intents, turn.lang) };
    },
  };
}

/** Every text the user would read in these messages (texts, Flex texts, alt texts), quick-reply labels excluded. */
export function textsOf(messages: readonly unknown[]): string[] {
  const out: string[] = [];
  const walk = (value: unknown, key = ""): void => {
    if (key === "quickReply") return;
    if (typeof value === "string") {
      if (key === "text" || key === "altText") out.push(value);
      return;
    }
    if (Array.isArray(value)) for (const v of value) walk(v);
    else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, k);
  };
  walk(messages);
  return out;
}

export function quickRepliesOf(messages: readonly messagingApi.Message[]): messagingApi.QuickReplyItem[] {
  return messages.at(-1)?.quickReply?.items ?? [];
}
