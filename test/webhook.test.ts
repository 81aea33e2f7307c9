import { randomUUID } from "node:crypto";
import request from "supertest";
import { describe, expect, inject, it } from "vitest";
import { DEFAULT_BODY_LIMIT, MAX_EVENTS_PER_BODY } from "../bot/app.ts";
import { MAX_TEXT_CHARS } from "../dialogs/interpret.ts";
import { createStores } from "../dialogs/stores/index.ts";
import { MemorySessionStore } from "../dialogs/stores/memory.ts";
import { classify } from "../knowledge/classify.ts";
import { checkMessages } from "../platform/line-limits.ts";
import { buildApp, postEvents } from "./support/bot-app.ts";
import { textsOf } from "./support/harness.ts";
import {
  followEvent,
  groupId,
  groupTextEvent,
  joinEvent,
  messageEvent,
  postbackEvent,
  sign,
  TOKEN,
  textEvent,
  unfollowEvent,
  userId,
  webhookBody,
} from "./support/line-events.ts";
import { type Call, interceptLineInEachTest } from "./support/nock-line.ts";

/**
 * The webhook over HTTP (supertest) with LINE's API intercepted by nock: signatures, acknowledgement,
 * routing, de-duplication, order per user, and bad input. Every reply is checked against LINE's limits.
 */

const line = interceptLineInEachTest();
const redisUrl = inject("redisUrl");

const build = buildApp;
const post = postEvents;
const calls = () => line.calls;
const replies = () => line.replies();
const repliedTexts = (call: Call) => textsOf(call.body.messages as unknown[]).join("\n");

describe("webhook: signature and body", () => {
  it("answers 401 and sends nothing when the signature is wrong or missing", async () => {
    const { app } = build();
    const wrong = await post(app, [textEvent(userId(1), "Mailbox full")], { secret: "not-the-secret" });
    const missing = await post(app, [textEvent(userId(1), "Mailbox full")], { signature: null });
    const garbage = await post(app, [textEvent(userId(1), "Mailbox full")], { signature: "%%%not base64" });
    expect([wrong.status, missing.status, garbage.status]).toEqual([401, 401, 401]);
    expect(calls()).toEqual([]);
  });

  it("verifies the exact bytes received, so LINE's escaped emoji still verify", async () => {
    const { app } = build();
    const body = `{"destination":"U0","events":[${JSON.stringify(textEvent(userId(2), "x")).replace('"x"', '"\\uD83E\\uDD28 help"')}]}`;
    const res = await request(app)
      .post("/webhook")
      .set("content-type", "application/json")
      .set("x-line-signature", sign(body))
      .send(body);
    await app.drain();
    expect(res.status).toBe(200);
    expect(replies()).toHaveLength(1);
  });

  it("answers 400 to malformed JSON and to JSON that is not a webhook, 200 to LINE's Verify ping", async () => {
    const { app } = build();
    for (const body of [
      '{"events": [',
      '"just a string"',
      '{"destination":"U0"}',
      "\u0000\u00ff\u0001binary",
    ]) {
      const res = await request(app).post("/webhook").set("x-line-signature", sign(body)).send(body);
      expect(res.status, body).toBe(400);
    }
    expect((await post(app, [])).status).toBe(200);
    expect(calls()).toEqual([]);
  });

  it("refuses a body over 1 MB with 413, and answers a text far over LINE's limit kindly", async () => {
    const { app } = build();
    const huge = `{"events":[],"pad":"${"x".repeat(DEFAULT_BODY_LIMIT)}"}`;
    const res = await request(app).post("/webhook").set("x-line-signature", sign(huge)).send(huge);
    expect(res.status).toBe(413);

    // Over 100,000 characters of Japanese (20 × LINE's limit), escaped the way LINE escapes (6 bytes a
    // character), next to another user's event
    const long = textEvent(userId(3), "X");
    const other = textEvent(userId(30), "Mailbox full");
    const escaped = webhookBody([long, other]).replace(
      '"text":"X"',
      `"text":"${"\\u3042".repeat(MAX_TEXT_CHARS + 1)}"`,
    );
    const big = await request(app).post("/webhook").set("x-line-signature", sign(escaped)).send(escaped);
    await app.drain();
    expect(big.status).toBe(200);
    const replyTo = (event: Record<string, unknown>) =>
      repliedTexts(replies().find((c) => c.body.replyToken === event.replyToken)!);
    expect(replies()).toHaveLength(2);
    expect(replyTo(long)).toContain("長すぎて読み取れませんでした");
    expect(replyTo(other)).toContain("題:mailbox-full");
  });

  it("takes 25 of LINE's largest texts in one body", async () => {
    const { app } = build();
    const events = Array.from({ length: 25 }, (_, i) => textEvent(userId(100 + i), "X"));
    const body = webhookBody(events).replaceAll('"text":"X"', `"text":"${"\\uD83E\\uDD28".repeat(2_500)}"`);
    expect(Buffer.byteLength(body)).toBeGreaterThan(750_000);
    const res = await request(app).post("/webhook").set("x-line-signature", sign(body)).send(body);
    await app.drain();
    expect(res.status).toBe(200);
    expect(replies()).toHaveLength(25);
  });

  it(`handles ${MAX_EVENTS_PER_BODY} events, refuses ${MAX_EVENTS_PER_BODY + 1} with 413 and handles none of them`, async () => {
    const { app } = build({ rateLimit: { burst: 1_000, perSecond: 1_000 } });
    const events = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => textEvent(userId(from + i), "メニュー"));
    const over = webhookBody(events(MAX_EVENTS_PER_BODY + 1, 1_000));
    const refused = await request(app).post("/webhook").set("x-line-signature", sign(over)).send(over);
    await app.drain();
    expect(refused.status).toBe(413);
    expect(replies()).toHaveLength(0);

    const full = webhookBody(events(MAX_EVENTS_PER_BODY, 2_000));
    const taken = await request(app).post("/webhook").set("x-line-signature", sign(full)).send(full);
    await app.drain();
    expect(taken.status).toBe(200);
    expect(replies()).toHaveLength(MAX_EVENTS_PER_BODY);
  });

  it("serves /healthz", async () => {
    const { app } = build();
    const res = await request(app).get("/healthz");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok" });
  });
});

describe("webhook: events", () => {
  it("replies once, with the reply token, to a pasted bounce, within LINE's limits", async () => {
    const { app } = build();
    const event = textEvent(userId(4), "550 5.1.1 <t@example.com>: Recipient address rejected: User unknown");
    expect((await post(app, [event])).status).toBe(200);
    expect(replies()).toHaveLength(1);
    const call = replies()[0]!;
    expect(call.auth).toBe(`Bearer ${TOKEN}`);
    expect(call.body.replyToken).toBe(event.replyToken);
    expect(checkMessages(call.body.messages)).toEqual([]);
    expect(repliedTexts(call)).toContain("題:user-unknown");
  });

  it("shows the loading animation before classifying a long paste in a 1:1 chat", async () => {
    const { app } = build();
    await post(app, [textEvent(userId(5), `${"Received: from somewhere\n".repeat(20)}Mailbox full`)]);
    // (the user's LINE language is read first, once per session: test/profile-language.test.ts)
    const sent = calls().filter((c) => !c.path.startsWith("/v2/bot/profile/"));
    expect(sent.map((c) => c.path)).toEqual(["/v2/bot/chat/loading/start", "/v2/bot/message/reply"]);
    expect(sent[0]!.body).toEqual({ chatId: userId(5), loadingSeconds: 5 });
  });

  it("handles a redelivered event once", async () => {
    const { app } = build();
    const event = textEvent(userId(6), "Mailbox full");
    await post(app, [event]);
    await post(app, [{ ...event, deliveryContext: { isRedelivery: true } }]);
    await post(app, [event, event]);
    expect(replies()).toHaveLength(1);
  });

  it("does not let replayed copies use up the chat's rate: the user's next message is answered", async () => {
    const { app } = build({ rateLimit: { burst: 2, perSecond: 0.001 } });
    const first = textEvent(userId(60), "Mailbox full");
    await post(app, [first]);
    for (let i = 0; i < 5; i++) await post(app, [{ ...first, deliveryContext: { isRedelivery: true } }]);
    const next = textEvent(userId(60), "メニュー");
    await post(app, [next]);
    expect(replies().map((c) => c.body.replyToken)).toEqual([first.replyToken, next.replyToken]);
    expect(repliedTexts(replies()[1]!)).not.toMatch(/1通ずつ|one at a time/);
  });

  const builds: [string, () => ReturnType<typeof build>][] = [["in memory", () => build()]];
  if (redisUrl)
    builds.push([
      "through the Redis stream",
      () => build({ stores: createStores({ redisUrl, keyPrefix: `nokey-${randomUUID()}:` }) }),
    ]);
  it.each(builds)(
    "answers an event without webhookEventId once per event, not once per copy (%s)",
    async (_how, make) => {
      const { app, deps } = make();
      try {
        const { webhookEventId: _, ...bare } = textEvent(userId(61), "Mailbox full");
        const { webhookEventId: __, ...other } = textEvent(userId(61), "メニュー");
        await post(app, [bare, bare]);
        await post(app, [bare, other]);
        expect(replies().map((c) => c.body.replyToken)).toEqual([bare.replyToken, other.replyToken]);
      } finally {
        await app.drain();
        await deps.close();
      }
    },
  );

  it("sends nothing in standby mode", async () => {
    const { app } = build();
    await post(app, [{ ...textEvent(userId(7), "Mailbox full"), mode: "standby" }]);
    expect(calls()).toEqual([]);
  });

  it("keeps each user's events in order, even when one of them is slow, and serves several users per POST", async () => {
    const slowFirst = async (text: string) => {
      if (text.includes("Mailbox full")) await new Promise((r) => setTimeout(r, 50));
      return classify(text);
    };
    const { app } = build({ classify: slowFirst });
    const a = userId(8);
    const b = userId(9);
    const events = [textEvent(a, "Mailbox full"), textEvent(b, "こんにちは"), textEvent(a, "メニュー")];
    await post(app, events);
    const tokens = replies().map((c) => c.body.replyToken);
    expect(tokens).toHaveLength(3);
    // b was not held up by a's slow classification, and a's second event waited for its first
    expect(tokens.indexOf(events[1]!.replyToken)).toBeLessThan(tokens.indexOf(events[0]!.replyToken));
    expect(tokens.indexOf(events[0]!.replyToken)).toBeLessThan(tokens.indexOf(events[2]!.replyToken));
  });

  it("orders events of one POST by timestamp", async () => {
    const { app } = build();
    const first = { ...followEvent(userId(10)), timestamp: 1000 } as Record<string, unknown>;
    const second = { ...textEvent(userId(10), "Mailbox full"), timestamp: 2000 } as Record<string, unknown>;
    await post(app, [second, first]);
    expect(replies().map((c) => c.body.replyToken)).toEqual([first.replyToken, second.replyToken]);
  });

  it("answers follow, postback, sticker, image, file, location and unknown message types kindly", async () => {
    const { app } = build();
    const u = userId(11);
    await post(app, [followEvent(u)]);
    await post(app, [postbackEvent(u, "a=symptom&topic=delayed")]);
    await post(app, [messageEvent(u, { type: "sticker", packageId: "1", stickerId: "1" })]);
    await post(app, [messageEvent(u, { type: "image", contentProvider: { type: "line" } })]);
    await post(app, [messageEvent(u, { type: "file", fileName: "bounce.eml", fileSize: 100 })]);
    await post(app, [messageEvent(u, { type: "location", latitude: 35, longitude: 139 })]);
    await post(app, [messageEvent(u, { type: "hologram", future: true })]);
    const texts = replies().map(repliedTexts);
    expect(texts).toHaveLength(7);
    expect(texts[0]).toContain("こんにちは");
    expect(texts[1]).toContain("題:delayed");
    expect(texts[2]).toContain("スタンプ");
    expect(texts[3]).toContain("画像");
    expect(texts[4]).toContain("ファイル");
    expect(texts[5]).toContain("位置情報");
    expect(texts[6]).toContain("このメッセージには対応していません");
    for (const call of replies()) expect(checkMessages(call.body.messages)).toEqual([]);
  });

  it("answers message types, postbacks and texts named like Object's own properties, never throwing", async () => {
    const { app, logs } = build({ rateLimit: { burst: 1_000, perSecond: 1_000 } });
    const names = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype"];
    const u = userId(13);
    for (const name of names) {
      await post(app, [messageEvent(u, { type: name })]);
      await post(app, [postbackEvent(u, `a=${name}&topic=${name}&id=${name}&cmd=${name}&v=${name}`)]);
      await post(app, [postbackEvent(u, `a=followup&topic=delayed&id=${name}`)]);
      await post(app, [postbackEvent(u, `a=carrier&id=${name}`)]);
      await post(app, [textEvent(u, name)]);
      await post(app, [textEvent(u, `550 5.1.1 aup#${name} <${name}@example.jp>... ${name}`)]);
    }
    const texts = replies().map(repliedTexts);
    expect(texts).toHaveLength(names.length * 6);
    expect(texts.filter((t) => t.includes("少し時間をおいて"))).toEqual([]); // "please try again": it threw
    expect(logs.filter((l) => (JSON.parse(l) as { level: number }).level >= 50)).toEqual([]);
    for (let i = 0; i < names.length; i++)
      expect(texts[i * 6]).toContain("このメッセージには対応していません");
  });

  it("ignores unknown event types, unsend and events without a user, and tolerates extra fields", async () => {
    const { app } = build();
    const u = userId(12);
    const res = await post(app, [
      { ...textEvent(u, "x"), type: "somethingNew", extra: { nested: [1, 2] } },
      {
        type: "unsend",
        mode: "active",
        timestamp: 1,
        webhookEventId: "01JUNSEND",
        source: { type: "user", userId: u },
        unsend: { messageId: "1" },
      },
      { ...textEvent(u, "Mailbox full"), source: undefined },
      "not an event",
      null,
      { ...textEvent(u, "Mailbox full"), brandNewField: { a: 1 } },
    ]);
    expect(res.status).toBe(200);
    expect(replies()).toHaveLength(1);
  });

  it("forgets the session on unfollow", async () => {
    const store = new MemorySessionStore();
    const { app } = build({ store });
    const u = userId(13);
    await post(app, [textEvent(u, "Mailbox full")]);
    expect(store.size).toBe(1);
    await post(app, [unfollowEvent(u)]);
    expect(store.size).toBe(0);
    expect(replies()).toHaveLength(1);
  });

  it("tells a group once that it talks one-to-one only", async () => {
    const { app } = build();
    await post(app, [joinEvent(groupId(1))]);
    await post(app, [groupTextEvent(groupId(1), "Mailbox full")]);
    await post(app, [groupTextEvent(groupId(2), "hello everyone")]);
    const texts = replies().map(repliedTexts);
    expect(texts).toEqual([expect.stringContaining("グループ"), expect.stringContaining("group chats")]);
  });

  it("survives LINE refusing a reply, and the next event is still handled", async () => {
    const { app, logs } = build();
    line.failRepliesWith(400);
    await post(app, [textEvent(userId(14), "Mailbox full")]);
    line.failRepliesWith(200);
    await post(app, [textEvent(userId(14), "メニュー")]);
    expect(replies()).toHaveLength(2);
    expect(logs.join("")).toContain("Invalid reply token");
  });

  it("keeps other users' conversations when one user's event fails", async () => {
    const failing = async (text: string) => {
      if (text.includes("BOOM")) throw new Error("classifier exploded");
      return classify(text);
    };
    const { app, logs } = build({ classify: failing });
    await post(app, [textEvent(userId(15), "Mailbox full")]);
    await post(app, [textEvent(userId(16), "BOOM\nこれで壊れます")]);
    await post(app, [textEvent(userId(15), "いいえ")]);
    const texts = replies().map(repliedTexts);
    expect(texts[1]).toContain("もう一度お試しください");
    expect(texts[2]).toContain("Q&Aコミュニティ"); // user 15's advice survived user 16's failure
    expect(logs.join("")).toContain("event failed");
  });
});
