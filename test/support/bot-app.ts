import request from "supertest";
import { type BotApp, createApp } from "../../bot/app.ts";
import { LINE_API_BASE_URL } from "../../bot/config.ts";
import type { Metrics } from "../../bot/metrics.ts";
import { createBotDeps, type Services } from "../../bot/wiring.ts";
import type { SessionStore } from "../../dialogs/session-store.ts";
import type { Stores } from "../../dialogs/stores/index.ts";
import { classify } from "../../knowledge/classify.ts";
import type { Classification } from "../../knowledge/types.ts";
import {
  fixtureCarrierOf,
  fixtureKnowledge,
  fixtureMatchSymptom,
  fixtureQuestions,
} from "../fixtures/knowledge.ts";
import { captureLogger } from "./capture-logger.ts";
import { SECRET, sign, TOKEN, webhookBody } from "./line-events.ts";

export interface BuildOptions {
  classify?: (t: string) => Promise<Classification>;
  store?: SessionStore;
  stores?: Stores;
  metrics?: Metrics;
  lineApiBaseUrl?: string;
  lineTuning?: Services["lineTuning"];
  rateLimit?: Services["rateLimit"];
  pushFallback?: boolean;
  /** How long a failing reply is retried (default 10 s here; tests of LINE failing for good shorten it). */
  replyWindowMs?: number;
  maxConcurrentEvents?: number;
  screenshots?: Services["screenshots"];
  mediaLimits?: Services["mediaLimits"];
}

/** The full app with test doubles for the classifier and knowledge, a captured logger and a given store. */
export function buildApp(options: BuildOptions = {}) {
  const log = captureLogger();
  const deps = createBotDeps(
    {
      channelSecret: SECRET,
      channelAccessToken: TOKEN,
      lineApiBaseUrl: options.lineApiBaseUrl ?? LINE_API_BASE_URL,
      qaCommunityUrl: undefined,
      pushFallback: options.pushFallback ?? false,
      replyWindowMs: options.replyWindowMs ?? 10_000,
      ...(options.maxConcurrentEvents && { maxConcurrentEvents: options.maxConcurrentEvents }),
    },
    {
      classify: options.classify ?? ((t) => classify(t)),
      knowledge: fixtureKnowledge,
      matchSymptom: fixtureMatchSymptom,
      carrierOf: fixtureCarrierOf,
      questions: fixtureQuestions,
      logger: log.logger,
      ...(options.store && { store: options.store }),
      ...(options.stores && { stores: options.stores }),
      ...(options.metrics && { metrics: options.metrics }),
      // Short LINE timeouts and backoff keep fault tests quick; the logic is the production one.
      lineTuning: options.lineTuning ?? { timeoutMs: 1_000, baseDelayMs: 5, maxDelayMs: 20 },
      ...(options.rateLimit && { rateLimit: options.rateLimit }),
      ...(options.screenshots !== undefined && { screenshots: options.screenshots }),
      ...(options.mediaLimits && { mediaLimits: options.mediaLimits }),
    },
  );
  const app = createApp(deps);
  return { app, logs: log.lines, store: deps.store, deps };
}

/** POSTs a signed webhook and waits until the app has handled its events. */
export async function postEvents(
  app: BotApp,
  events: unknown[],
  options: { secret?: string; signature?: string | null } = {},
) {
  const body = webhookBody(events);
  const req = request(app).post("/webhook").set("content-type", "application/json; charset=utf-8");
  if (options.signature !== null)
    req.set("x-line-signature", options.signature ?? sign(body, options.secret));
  const res = await req.send(body);
  await app.drain();
  return res;
}
