import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../bot/config.ts";
import { checkMessages } from "../bot/line-limits.ts";
import { type Running, start } from "../bot/start.ts";
import { fakeClassify } from "./fixtures/classifier.ts";
import { fixtureCarrierOf, fixtureKnowledge, fixtureMatchSymptom } from "./fixtures/knowledge.ts";
import { startFakeLineApi } from "./support/fake-line-api.ts";
import { textsOf } from "./support/harness.ts";
import {
  captureLogger,
  followEvent,
  postbackEvent,
  SECRET,
  sign,
  TOKEN,
  textEvent,
  userId,
  webhookBody,
} from "./support/line-events.ts";

/**
 * The real server on a real port, configured from environment variables, replying through the SDK to a
 * local fake of LINE's API reached via LINE_API_BASE_URL. No mocks in between. (No nock in this file:
 * nock breaks fetch POSTs to loopback.)
 */

let fake: Awaited<ReturnType<typeof startFakeLineApi>>;
let bot: Running;

beforeAll(async () => {
  fake = await startFakeLineApi(TOKEN);
  const config = readConfig({
    PORT: "0",
    LINE_CHANNEL_SECRET: SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
    LINE_API_BASE_URL: fake.baseUrl,
    QA_COMMUNITY_URL: "https://community.example.org/qa",
  });
  bot = await start({
    config,
    services: {
      classify: fakeClassify,
      knowledge: fixtureKnowledge,
      matchSymptom: fixtureMatchSymptom,
      carrierOf: fixtureCarrierOf,
      logger: captureLogger().logger,
    },
  });
});
afterAll(async () => {
  await bot.close();
  await fake.close();
});

async function send(events: unknown[]) {
  const body = webhookBody(events);
  return fetch(`${bot.url}/webhook`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-line-signature": sign(body) },
    body,
  });
}

describe("end to end through LINE_API_BASE_URL", () => {
  it("follows, diagnoses a paste, picks a carrier and escalates with the configured community link", async () => {
    const u = userId(0xe2e);
    const script = [
      followEvent(u),
      textEvent(u, "550 5.1.1 <yuki@example.com>: Recipient address rejected: User unknown"),
      postbackEvent(u, "a=followup&topic=user-unknown&id=mobile-address"),
      postbackEvent(u, "a=carrier&id=softbank"),
      textEvent(u, "いいえ"),
    ];
    for (const [i, event] of script.entries()) {
      const res = await send([event]);
      expect(res.status).toBe(200);
      await fake.waitForReplies(i + 1); // one turn at a time, as a person would chat
    }
    const replies = await fake.waitForReplies(script.length);
    expect(replies.map((r) => r.status)).toEqual(script.map(() => 200)); // the fake accepted every reply
    expect(replies.map((r) => r.body.replyToken)).toEqual(script.map((e) => e.replyToken));
    for (const r of replies) expect(checkMessages(r.body.messages)).toEqual([]);
    const texts = replies.map((r) => textsOf(r.body.messages as unknown[]).join("\n"));
    expect(texts[1]).toContain("題:user-unknown");
    expect(texts[3]).toContain("ソフトバンク");
    expect(texts[4]).toContain("https://community.example.org/qa");
    expect(texts[4]).not.toContain("yuki@");
  });

  it("answers a bad signature with 401 and calls nothing", async () => {
    const before = fake.requests.length;
    const body = webhookBody([textEvent(userId(1), "Mailbox full")]);
    const res = await fetch(`${bot.url}/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-line-signature": sign(body, "wrong") },
      body,
    });
    expect(res.status).toBe(401);
    await bot.app.drain();
    expect(fake.requests.length).toBe(before);
  });

  it("serves /healthz", async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(await res.json()).toEqual({ status: "ok" });
  });
});
