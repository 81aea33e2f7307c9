import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import request from "supertest";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createStores, type Stores } from "../dialogs/stores/index.ts";
import { describeWithOwnRedis } from "./helpers/describe-redis.ts";
import { type RedisServer, startRedisServer } from "./helpers/redis-server.ts";
import { buildApp, postEvents } from "./support/bot-app.ts";
import { textsOf } from "./support/harness.ts";
import {
  followEvent,
  postbackEvent,
  sign,
  TOKEN,
  textEvent,
  userId,
  webhookBody,
} from "./support/line-events.ts";
import { type LineStandin, type Recorded, startLineStandin } from "./support/line-standin.ts";

/**
 * Redis stops and comes back while webhooks keep arriving, against the full app with Redis stores and a
 * the simulator's LINE stand-in on loopback: no crash, every event gets exactly one answer (a real one, or "please try
 * again" while Redis is away), and conversations go on once it is back.
 */

const TRY_AGAIN = "もう一度お試しください";

// This file runs its own redis-server, because it stops it.
describeWithOwnRedis("Redis outage under load", () => {
  let redis: RedisServer;
  let stores: Stores;
  let line: LineStandin;

  beforeAll(async () => {
    redis = await startRedisServer();
    line = await startLineStandin(TOKEN);
    stores = createStores({
      redisUrl: redis.url,
      keyPrefix: `app-outage-${randomUUID()}:`,
      commandTimeoutMs: 300,
    });
  });
  afterAll(async () => {
    await stores.close();
    await line.close();
    await redis.dispose();
  });

  const textTo = (event: Record<string, unknown>): string => {
    const reply = line.delivered().find((r: Recorded) => r.body.replyToken === event.replyToken);
    return reply ? textsOf(reply.body.messages as unknown[]).join("\n") : "(no reply)";
  };

  it("answers every event once, asks to try again while Redis is down, and goes on when it is back", async () => {
    const { app, logs } = buildApp({
      stores,
      lineApiBaseUrl: line.baseUrl,
      lineTuning: { timeoutMs: 1_000, baseDelayMs: 5, maxDelayMs: 20 },
      // Events wait in the stream while Redis comes back: give their replies the real token lifetime.
      replyWindowMs: 60_000,
    });
    const before = userId(0xbef0);
    await postEvents(
      app,
      line.issue([textEvent(before, "550 5.1.1 <a@example.com>: Recipient address rejected: User unknown")]),
    );

    // Traffic: one webhook every 20 ms from eight users, through the whole outage.
    const sent: Record<string, unknown>[] = [];
    let flowing = true;
    const traffic = (async () => {
      const says = [
        "Mailbox full",
        "メニュー",
        "いいえ",
        "552 5.3.4 Message size exceeds fixed maximum message size",
      ];
      for (let i = 0; flowing; i++) {
        const [event] = line.issue([textEvent(userId(0xa000 + (i % 8)), says[i % says.length]!)]);
        sent.push(event!);
        const body = webhookBody([event]);
        void request(app)
          .post("/webhook")
          .set("x-line-signature", sign(body))
          .send(body)
          .then((res) => expect(res.status).toBe(200));
        await sleep(20);
      }
    })();

    await sleep(200);
    await redis.stop();
    await sleep(800);
    expect((await request(app).get("/readyz")).status).toBe(503);
    await redis.start();
    for (let tries = 0; (await request(app).get("/readyz")).status !== 200; tries++) {
      expect(tries).toBeLessThan(200);
      await sleep(50);
    }
    await sleep(300);
    flowing = false;
    await traffic;
    await sleep(50);
    await app.drain();

    // Exactly one answer per event, and both kinds happened.
    const perEvent = sent.map(
      (e) => line.delivered().filter((r) => r.body.replyToken === e.replyToken).length,
    );
    if (!perEvent.every((n) => n === 1)) {
      const bad = sent
        .filter((_, i) => perEvent[i] !== 1)
        .map((e) => [
          e.replyToken,
          line
            .replies()
            .filter((r) => r.body.replyToken === e.replyToken)
            .map((r) => r.status),
        ]);
      console.log(
        "PEREVENT",
        JSON.stringify(perEvent),
        JSON.stringify(bad),
        logs
          .filter((l) => !l.includes('"turn"'))
          .map((l) => l.slice(0, 250))
          .join(""),
      );
    }
    expect(perEvent.every((n) => n === 1)).toBe(true);
    const texts = sent.map(textTo);
    expect(texts.filter((t) => t.includes(TRY_AGAIN)).length).toBeGreaterThan(0);
    expect(texts.at(-1)).not.toContain(TRY_AGAIN);

    // After: a new conversation is kept in Redis across turns (the escalation echoes the diagnosis) ...
    const after = userId(0xaf7e);
    const script = [
      followEvent(after),
      textEvent(after, "552 5.3.4 Message size exceeds fixed maximum message size"),
      textEvent(after, "いいえ"),
    ];
    for (const event of line.issue(script)) await postEvents(app, [event]);
    expect(textTo(script[2]!)).toContain("エラーコード: 552 5.3.4：");
    // ... and a button shown before the outage still works: its postback names the topic.
    const tap = postbackEvent(before, "a=followup&topic=user-unknown&id=mobile-address");
    await postEvents(app, line.issue([tap]));
    expect(textTo(tap)).toContain("指定受信かも");
  });
});
