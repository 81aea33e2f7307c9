import { messagingApi } from "@line/bot-sdk";
import type { Logger } from "pino";
import { Conversations } from "../dialogs/conversation.ts";
import { createInterpreter, type InterpreterDeps } from "../dialogs/interpret.ts";
import type { SessionStore } from "../dialogs/session-store.ts";
import { createStores, type Stores } from "../dialogs/stores/index.ts";
import { loadUi } from "../dialogs/ui.ts";
import { classify } from "../knowledge/classify.ts";
import { carrierOf, type Knowledge, matchSymptom } from "../knowledge/knowledge.ts";
import type { AppDeps } from "./app.ts";
import type { Config } from "./config.ts";
import { createLineOut, type LineClient, type LineTuning } from "./line-client.ts";
import { logger as defaultLogger } from "./logger.ts";
import { createMetrics, type Metrics } from "./metrics.ts";
import { createRateLimiter, type RateLimitOptions } from "./rate-limit.ts";
import { createRenderer } from "./render/render.ts";
import { feedbackObserver } from "./turn-metrics.ts";

/**
 * Puts the pieces together from the configuration. Everything with state or I/O can be replaced
 * (stores, client, logger, metrics), which is how tests, benchmarks and the simulator build the same app.
 */
export interface Services extends Omit<InterpreterDeps, "ui"> {
  ui?: InterpreterDeps["ui"];
  /** Sessions, de-duplication and user locks; default: createStores() from REDIS_URL (memory when unset). */
  stores?: Stores;
  /** Replaces the stores' session store (tests that record what is kept). */
  store?: SessionStore;
  client?: LineClient;
  logger?: Logger;
  /** Default: a registry without process metrics (main.ts passes one with them). */
  metrics?: Metrics;
  /** Timeouts and retries of LINE calls (tests shorten them). */
  lineTuning?: LineTuning;
  rateLimit?: RateLimitOptions;
  now?: () => number;
}

/** The real classifier and knowledge data, as the interpreter asks for them (main, benchmark, tests). */
export function knowledgeServices(knowledge: Knowledge): Omit<InterpreterDeps, "ui"> {
  return {
    classify: (text) => classify(text),
    knowledge,
    matchSymptom: (text) => matchSymptom(knowledge, text),
    carrierOf: (domain) => carrierOf(knowledge, domain),
  };
}

export type BotConfig = Pick<
  Config,
  "channelSecret" | "channelAccessToken" | "lineApiBaseUrl" | "qaCommunityUrl"
> &
  Partial<Pick<Config, "redisUrl" | "pushFallback" | "maxConcurrentEvents">>;

export interface BotDeps extends AppDeps {
  stores: Stores;
  /** Releases the stores and timers (after the app has drained). */
  close(): Promise<void>;
}

export function createBotDeps(config: BotConfig, services: Services): BotDeps {
  const ui = services.ui ?? loadUi();
  const logger = services.logger ?? defaultLogger;
  const metrics = services.metrics ?? createMetrics({ processMetrics: false });
  const stores =
    services.stores ?? createStores({ ...(config.redisUrl && { redisUrl: config.redisUrl }), log: logger });
  const store = services.store ?? stores.sessions;
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
  const limiter = createRateLimiter(services.rateLimit);
  return {
    channelSecret: config.channelSecret,
    ...(config.maxConcurrentEvents && { maxConcurrentEvents: config.maxConcurrentEvents }),
    line: createLineOut({
      client,
      metrics,
      logger,
      pushFallback: config.pushFallback ?? false,
      ...(services.lineTuning && { tuning: services.lineTuning }),
    }),
    stores,
    store,
    deduper: stores.dedupe,
    lock: stores.lock,
    limiter,
    metrics,
    logger,
    readiness: stores.kind === "redis" ? { redis: () => stores.ping() } : {},
    conversations: new Conversations({
      store,
      interpret,
      observe: feedbackObserver(metrics),
      ...(services.now && { now: services.now }),
    }),
    render: createRenderer({ knowledge: services.knowledge, ui, qaCommunityUrl: config.qaCommunityUrl }),
    async close() {
      limiter.close();
      await stores.close();
      if (services.store) await services.store.close();
    },
  };
}
