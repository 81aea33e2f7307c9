import request from "supertest";
import { type BotApp, createApp } from "../../bot/app.ts";
import { LINE_API_BASE_URL } from "../../bot/config.ts";
import { createBotDeps } from "../../bot/wiring.ts";
import type { SessionStore } from "../../dialogs/session-store.ts";
import { MemorySessionStore } from "../../dialogs/stores/memory.ts";
import { classify } from "../../knowledge/classify.ts";
import type { Classification } from "../../knowledge/types.ts";
import { fixtureCarrierOf, fixtureKnowledge, fixtureMatchSymptom } from "../fixtures/knowledge.ts";
import { captureLogger, SECRET, sign, TOKEN, webhookBody } from "./line-events.ts";

/** The full app with test doubles for the classifier and knowledge, a captured logger and a given store. */
export function buildApp(
  options: { classify?: (t: string) => Promise<Classification>; store?: SessionStore } = {},
) {
  const log = captureLogger();
  const store = options.store ?? new MemorySessionStore();
  const app = createApp(
    createBotDeps(
      {
        channelSecret: SECRET,
        channelAccessToken: TOKEN,
        lineApiBaseUrl: LINE_API_BASE_URL,
        qaCommunityUrl: undefined,
      },
      {
        classify: options.classify ?? ((t) => classify(t)),
        knowledge: fixtureKnowledge,
        matchSymptom: fixtureMatchSymptom,
        carrierOf: fixtureCarrierOf,
        store,
        logger: log.logger,
      },
    ),
  );
  return { app, logs: log.lines, store };
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
