import type { messagingApi } from "@line/bot-sdk";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createMetrics } from "../bot/metrics.ts";
import type { Json, SessionStore } from "../dialogs/session-store.ts";
import { createStores } from "../dialogs/stores/index.ts";
import { MemorySessionStore } from "../dialogs/stores/memory.ts";
import { loadUi } from "../dialogs/ui.ts";
import { actionOf, TILES, type Tile } from "../scripts/richmenu-layout.ts";
import { fixtureKnowledge } from "./fixtures/knowledge.ts";
import { buildApp, postEvents } from "./support/bot-app.ts";
import { textsOf } from "./support/harness.ts";
import { followEvent, postbackEvent, textEvent, userId } from "./support/line-events.ts";
import { metricValue } from "./support/metrics.ts";
import { type Call, interceptLineInEachTest } from "./support/nock-line.ts";

/**
 * The production pieces as the webhook uses them (LINE intercepted by nock): the rich menu's postbacks,
 * metrics at every point, readiness and shutdown, rate limiting per user, the user lock, and the
 * "please try again" answer when the store fails.
 */

const line = interceptLineInEachTest();

const textOf = (call: Call) => textsOf(call.body.messages as unknown[]).join("\n");
const TRY_AGAIN = "少し時間をおいて、もう一度お試しください";

describe("rich menu", () => {
  /** What a tile of the registered rich menu sends when tapped (scripts/richmenu-layout.ts). */
  const tile = (target: Tile["target"]) =>
    (
      actionOf(
        TILES.find((t) => t.target === target)!,
        fixtureKnowledge,
        loadUi(),
      ) as messagingApi.PostbackAction
    ).data!;

  it("answers each tile's postback with its topic, or the second menu, whatever the conversation was doing", async () => {
    const { app } = buildApp();
    const u = userId(0x7e1);
    await postEvents(app, [
      textEvent(u, "550 5.1.1 <a@example.com>: Recipient address rejected: User unknown"),
    ]);
    await postEvents(app, [postbackEvent(u, "a=followup&topic=user-unknown&id=mobile-address")]);
    await postEvents(app, [postbackEvent(u, tile("message-too-big"))]); // while the carrier picker is open
    await postEvents(app, [postbackEvent(u, tile("backscatter"))]);
    await postEvents(app, [postbackEvent(u, tile("more"))]);
    await postEvents(app, [postbackEvent(u, "topic:delayed")]); // a menu registered before tiles used encodePostback
    const texts = line.replies().map(textOf);
    expect(texts).toHaveLength(6);
    expect(texts[2]).toContain("題:message-too-big");
    expect(texts[3]).toContain("題:backscatter");
    expect(texts[4]).toContain(loadUi().moreMenu.prompt.ja);
    expect(texts[5]).toContain("題:delayed");
  });
});

describe("metrics", () => {
  it("counts events by type, duplicates, replies, topics, feedback per topic, escalations, LINE errors and latency", async () => {
    const metrics = createMetrics({ processMetrics: false });
    const { app } = buildApp({ metrics });
    const u = userId(0x3e7);
    const paste = textEvent(u, "552 5.2.2 <a@example.com>: Mailbox full");
    await postEvents(app, [followEvent(u)]);
    await postEvents(app, [paste]);
    await postEvents(app, [{ ...paste, deliveryContext: { isRedelivery: true } }]); // redelivered: dropped
    await postEvents(app, [textEvent(u, "いいえ")]); // not helpful → escalation
    await postEvents(app, [postbackEvent(u, "a=symptom&topic=delayed")]);
    await postEvents(app, [postbackEvent(u, "a=feedback&v=yes&topic=delayed")]);
    line.failRepliesWith(400);
    await postEvents(app, [textEvent(u, "メニュー")]);

    const text = (await request(app).get("/metrics")).text;
    const value = (name: string, labels: Record<string, string> = {}) => metricValue(text, name, labels);
    expect(value("bounce_bot_webhook_events_total", { type: "message" })).toBe(4);
    expect(value("bounce_bot_webhook_events_total", { type: "follow" })).toBe(1);
    expect(value("bounce_bot_webhook_events_total", { type: "postback" })).toBe(2);
    expect(value("bounce_bot_webhook_duplicate_events_total")).toBe(1);
    expect(value("bounce_bot_replies_sent_total", { via: "reply" })).toBe(5);
    expect(value("bounce_bot_classifications_total", { topic: "mailbox-full" })).toBe(1);
    expect(value("bounce_bot_classifications_total", { topic: "delayed" })).toBe(1);
    expect(value("bounce_bot_feedback_total", { topic: "mailbox-full", answer: "no" })).toBe(1);
    expect(value("bounce_bot_feedback_total", { topic: "delayed", answer: "yes" })).toBe(1);
    expect(value("bounce_bot_escalations_total", { reason: "feedback-no" })).toBe(1);
    expect(value("bounce_bot_line_api_errors_total", { call: "reply", status: "400" })).toBe(1);
    expect(value("bounce_bot_webhook_ack_seconds_count")).toBe(7);
    // The redelivered paste was dropped on the way in: three messages were handled.
    expect(value("bounce_bot_event_processing_seconds_count", { type: "message" })).toBe(3);
    // A fresh token refused: LINE guarantees a token a minute, so it was used, not expired.
    expect(value("bounce_bot_replies_presumed_total")).toBe(1);
  });
});

describe("readiness and shutdown", () => {
  it("keeps GET /healthz, is ready with memory stores, and turns /readyz to 503 once shutdown began", async () => {
    const { app } = buildApp();
    expect((await request(app).get("/healthz")).body).toEqual({ status: "ok" });
    expect((await request(app).get("/readyz")).status).toBe(200);
    app.stopAccepting();
    const ready = await request(app).get("/readyz");
    expect(ready.status).toBe(503);
    expect(ready.headers.connection).toBe("close");
    // a webhook already on its way is still handled
    expect((await postEvents(app, [textEvent(userId(0x5d), "メニュー")])).status).toBe(200);
    expect(line.replies()).toHaveLength(1);
  });
});

describe("rate limit per user", () => {
  it("says 'slow down' once to a flooding user, drops the rest, and still answers everyone else", async () => {
    const { app } = buildApp({ rateLimit: { burst: 5, perSecond: 0.001 } });
    const flooder = userId(0xf100d);
    const calm = userId(0xca1);
    const flood = Array.from({ length: 30 }, () => textEvent(flooder, "メニュー"));
    const other = textEvent(calm, "Mailbox full");
    await postEvents(app, [...flood.slice(0, 15), other, ...flood.slice(15)]);

    const toFlooder = line.replies().filter((c) => flood.some((e) => e.replyToken === c.body.replyToken));
    expect(toFlooder).toHaveLength(6); // 5 answers and one "slow down"
    expect(toFlooder.filter((c) => textOf(c).includes("少し間をあけて"))).toHaveLength(1);
    const toCalm = line.replies().filter((c) => c.body.replyToken === other.replyToken);
    expect(toCalm.map(textOf)).toEqual([expect.stringContaining("題:mailbox-full")]);
  });
});

/** A session store that fails while `down` is set, like a Redis that stopped. */
class FlakyStore implements SessionStore {
  down = false;
  private readonly inner = new MemorySessionStore();
  private check() {
    if (this.down) return Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:6379"));
    return Promise.resolve();
  }
  get = async (key: string) => this.check().then(() => this.inner.get(key));
  set = async (key: string, value: Json, ttlMs: number) =>
    this.check().then(() => this.inner.set(key, value, ttlMs));
  delete = async (key: string) => this.check().then(() => this.inner.delete(key));
  close = () => this.inner.close();
}

describe("when the event cannot be handled", () => {
  it("asks the user to try again while the store is down, and goes on when it is back", async () => {
    const store = new FlakyStore();
    const { app, logs } = buildApp({ store });
    const u = userId(0xdead);
    await postEvents(app, [textEvent(u, "Mailbox full")]);
    store.down = true;
    await postEvents(app, [textEvent(u, "いいえ")]);
    store.down = false;
    await postEvents(app, [textEvent(u, "いいえ")]);
    const texts = line.replies().map(textOf);
    expect(texts[1]).toContain(TRY_AGAIN);
    expect(texts[2]).toContain("Q&Aコミュニティ"); // the diagnosis from before the outage is still there
    expect(logs.join("")).toContain("event failed");
  });

  it("asks the user to try again when the user's previous event holds the lock too long", async () => {
    const metrics = createMetrics({ processMetrics: false });
    const stores = createStores({ lockWaitMs: 50 });
    const { app } = buildApp({ stores, metrics });
    const u = userId(0x10c);
    let release!: () => void;
    const held = stores.lock.withUserLock(u, () => new Promise<void>((r) => (release = r)));
    await postEvents(app, [textEvent(u, "Mailbox full")]);
    release();
    await held;
    await postEvents(app, [textEvent(u, "Mailbox full")]);
    const texts = line.replies().map(textOf);
    expect(texts[0]).toContain(TRY_AGAIN); // a pasted bounce is no English: the chat's Japanese
    expect(texts[1]).toContain("題:mailbox-full");
    const text = (await request(app).get("/metrics")).text;
    expect(metricValue(text, "bounce_bot_user_lock_timeouts_total")).toBe(1);
    await stores.close();
  });

  it("does not answer twice when the reply itself failed", async () => {
    const metrics = createMetrics({ processMetrics: false });
    const { app } = buildApp({ metrics, replyWindowMs: 300 });
    line.failRepliesWith(500);
    await postEvents(app, [textEvent(userId(0x500), "Mailbox full")]);
    // the answer was retried while the (shortened) window lasted; no apology on a token LINE may yet accept
    expect(line.replies().length).toBeGreaterThan(2);
    expect(line.replies().every((c) => !textOf(c).includes(TRY_AGAIN))).toBe(true);
    const text = (await request(app).get("/metrics")).text;
    expect(metricValue(text, "bounce_bot_events_given_up_total", { reason: "line-failing" })).toBe(1);
  });
});
