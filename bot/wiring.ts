import { messagingApi } from "@line/bot-sdk";
import type { Logger } from "pino";
import { Conversations } from "../dialogs/conversation.ts";
import { createInterpreter, type InterpreterDeps } from "../dialogs/interpret.ts";
import type { EventDeduper, SessionStore } from "../dialogs/session-store.ts";
import { MemoryEventDeduper, MemorySessionStore } from "../dialogs/stores/memory.ts";
import { loadUi } from "../dialogs/ui.ts";
import type { AppDeps } from "./app.ts";
import type { Config } from "./config.ts";
import type { LineClient } from "./line-client.ts";
import { logger as defaultLogger } from "./logger.ts";
import { createRenderer } from "./render/render.ts";

/**
 * Puts the pieces together from the configuration. Everything with state or I/O can be replaced
 * (store, deduper, client, logger), which is how tests and the simulator build the same app.
 */
export interface Services extends Omit<InterpreterDeps, "ui"> {
  ui?: InterpreterDeps["ui"];
  store?: SessionStore;
  deduper?: EventDeduper;
  client?: LineClient;
  logger?: Logger;
  now?: () => number;
}

export type BotConfig = Pick<
  Config,
  "channelSecret" | "channelAccessToken" | "lineApiBaseUrl" | "qaCommunityUrl"
>;

export function createBotDeps(config: BotConfig, services: Services): AppDeps {
  const ui = services.ui ?? loadUi();
  const store = services.store ?? new MemorySessionStore();
  const client =
    services.client ??
    new messagingApi.MessagingApiClient({
      channelAccessToken: config.channelAccessToken,
      baseURL: config.lineApiBaseUrl,
    });
  const interpret = createInterpreter({
    classify: services.classify,
    knowledge: services.knowledge,
    matchSymptom: services.matchSymptom,
    carrierOf: services.carrierOf,
    ui,
  });
  return {
    channelSecret: config.channelSecret,
    client,
    store,
    deduper: services.deduper ?? new MemoryEventDeduper(),
    logger: services.logger ?? defaultLogger,
    conversations: new Conversations({ store, interpret, ...(services.now && { now: services.now }) }),
    render: createRenderer({ knowledge: services.knowledge, ui, qaCommunityUrl: config.qaCommunityUrl }),
  };
}
