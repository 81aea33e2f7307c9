import type { messagingApi } from "@line/bot-sdk";
import { createRenderer } from "../../bot/render/render.ts";
import { Conversations, type Observer, type Turn } from "../../dialogs/conversation.ts";
import { createInterpreter, type UserInput } from "../../dialogs/interpret.ts";
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

export function createHarness(options: HarnessOptions = {}) {
  let clock = Date.UTC(2026, 10, 1, 9, 0, 0);
  const now = () => clock;
  const ui = loadUi();
  const knowledge = options.knowledge ?? fixtureKnowledge;
  const store = new MemorySessionStore({ now });
  const conversations = new Conversations({
    store,
    now,
    interpret: createInterpreter({
      classify: options.classify ?? ((t: string) => classify(t)),
      knowledge,
      matchSymptom: options.matchSymptom ?? fixtureMatchSymptom,
      carrierOf: options.carrierOf ?? fixtureCarrierOf,
      ui,
      questions: fixtureQuestions,
    }),
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
