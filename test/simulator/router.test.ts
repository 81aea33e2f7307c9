import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ChatEvent, SimUser, StampedEntry } from "../../simulator/chat-hub.ts";
import { USER_ID } from "../../simulator/ids.ts";
import { createEchoBot } from "./echo-bot.ts";
import { type Running, startBotWithSimulator } from "./harness.ts";

const config = { channelSecret: "local-secret", channelAccessToken: "local-token" };

let running: Running;
let bot: ReturnType<typeof createEchoBot>;
let user: SimUser;

const state = async (): Promise<{ users: SimUser[] }> =>
  (await fetch(`${running.baseUrl}/simulator/state`)).json() as Promise<{ users: SimUser[] }>;

async function start(botSecret = config.channelSecret) {
  running = await startBotWithSimulator((apiBaseUrl) => {
    bot = createEchoBot({ ...config, channelSecret: botSecret, apiBaseUrl });
    return bot.app;
  }, config);
  user = (await state()).users[0]!;
}

afterEach(() => running.close());

const send = (body: object, userId = user.userId) =>
  fetch(`${running.baseUrl}/simulator/users/${userId}/events`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  }).then(async (res) => ({ status: res.status, body: await res.json() }));

/** Reads the user's event stream (as the page does) until `done` holds for the entries seen so far. */
async function streamUntil(done: (entries: StampedEntry[]) => boolean, userId = user.userId) {
  const controller = new AbortController();
  const res = await fetch(`${running.baseUrl}/simulator/users/${userId}/stream`, {
    signal: controller.signal,
  });
  const entries: StampedEntry[] = [];
  const decoder = new TextDecoder();
  let buffer = "";
  const timeout = setTimeout(() => controller.abort(), 5_000);
  try {
    for await (const chunk of res.body!) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        const data = buffer
          .slice(0, end)
          .split("\n")
          .find((l) => l.startsWith("data: "));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf("\n\n");
        if (!data) continue;
        const event = JSON.parse(data.slice(6)) as ChatEvent;
        if (event.type === "entry") entries.push(event.entry);
        if (done(entries)) return entries;
      }
    }
  } catch (err) {
    if (!controller.signal.aborted) throw err;
  } finally {
    clearTimeout(timeout);
    controller.abort();
  }
  throw new Error(`stream ended before the expected entries arrived: ${JSON.stringify(entries)}`);
}

const botReplies = (entries: StampedEntry[]) => entries.filter((e) => e.kind === "bot");

describe("page → webhook → bot → stand-in → page", () => {
  beforeEach(() => start());

  it("offers three users with LINE-shaped ids", async () => {
    const { users } = await state();
    expect(users).toHaveLength(3);
    for (const u of users) expect(u.userId).toMatch(USER_ID);
  });

  it("a typed text arrives as a signed LINE message event and the reply shows in the chat", async () => {
    expect(await send({ type: "message", text: "550 5.1.1 User unknown" })).toEqual({
      status: 200,
      body: { webhookStatus: 200 },
    });
    const entries = await streamUntil((e) => botReplies(e).length === 1);
    expect(entries[0]).toMatchObject({ kind: "user", text: "550 5.1.1 User unknown" });
    expect(entries).toContainEqual(expect.objectContaining({ kind: "loading", seconds: 5 }));
    expect(botReplies(entries)[0]).toMatchObject({
      via: "reply",
      messages: [{ type: "text", text: "echo: 550 5.1.1 User unknown" }, { type: "flex" }],
    });
    expect(bot.received[0]).toMatchObject({
      type: "message",
      mode: "active",
      source: { type: "user", userId: user.userId },
      deliveryContext: { isRedelivery: false },
      replyToken: expect.stringMatching(/^[0-9a-f]{32}$/),
      webhookEventId: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/),
      message: { type: "text", text: "550 5.1.1 User unknown", id: expect.stringMatching(/^\d+$/) },
    });
  });

  it("follow makes the user a friend; a postback shows only its displayText", async () => {
    await send({ type: "follow" });
    await send({ type: "postback", data: "pb=1", displayText: "押しました" });
    const entries = await streamUntil((e) => botReplies(e).length === 2);
    expect(entries.filter((e) => e.kind === "user")).toEqual([
      expect.objectContaining({ text: "押しました" }),
    ]);
    expect(bot.received.map((e) => e.type)).toEqual(["follow", "postback"]);
    expect(bot.received[0]).toMatchObject({ follow: { isUnblocked: false } });
    expect(bot.received[1]).toMatchObject({ postback: { data: "pb=1" } });
    const { users } = await state();
    expect(users[0]!.friend).toBe(true);
  });

  it("a reply LINE would reject (14 quick replies) shows as an error notice with LINE's details", async () => {
    await send({ type: "message", text: "too many chips" });
    const entries = await streamUntil((e) => e.some((x) => x.kind === "notice"));
    expect(entries.find((e) => e.kind === "notice")).toMatchObject({
      level: "error",
      text: expect.stringContaining("The request body has 1 error(s)"),
      details: [{ property: "messages[0].quickReply.items" }],
    });
    expect(botReplies(entries)).toEqual([]);
  });

  it("reset blocks the bot (unfollow, no reply token) and clears the chat", async () => {
    await send({ type: "follow" });
    await streamUntil((e) => botReplies(e).length === 1);
    await fetch(`${running.baseUrl}/simulator/users/${user.userId}/reset`, { method: "POST" });
    expect(bot.received.map((e) => e.type)).toEqual(["follow", "unfollow"]);
    expect(bot.received[1]).not.toHaveProperty("replyToken");
    await send({ type: "message", text: "hello again" });
    const entries = await streamUntil((e) => botReplies(e).length === 1);
    expect(entries[0]).toMatchObject({ kind: "user", text: "hello again" });
    await send({ type: "follow" });
    expect(bot.received.at(-1)).toMatchObject({ type: "follow", follow: { isUnblocked: true } });
  });

  it("chats of different users stay apart", async () => {
    const other = (await state()).users[1]!;
    await send({ type: "message", text: "mine" });
    await send({ type: "message", text: "theirs" }, other.userId);
    const theirs = await streamUntil((e) => botReplies(e).length === 1, other.userId);
    expect(theirs.filter((e) => e.kind === "user").map((e) => e.kind === "user" && e.text)).toEqual([
      "theirs",
    ]);
  });

  it("rejects malformed page requests", async () => {
    expect((await send({ type: "message", text: "" })).status).toBe(400);
    expect((await send({ type: "sticker" })).status).toBe(400);
    expect((await send({ type: "follow" }, `U${"0".repeat(32)}`)).status).toBe(404);
  });

  it("serves the chat page", async () => {
    const html = await (await fetch(`${running.baseUrl}/`)).text();
    expect(html).toContain("/simulator/assets/app.js");
    expect((await fetch(`${running.baseUrl}/simulator/assets/flex.js`)).status).toBe(200);
  });
});

it("a bot with another channel secret answers 401, and the chat says so", async () => {
  await start("not-the-simulator-secret");
  expect((await send({ type: "message", text: "hi" })).body).toEqual({ webhookStatus: 401 });
  const entries = await streamUntil((e) => e.some((x) => x.kind === "notice"));
  expect(entries.find((e) => e.kind === "notice")).toMatchObject({
    level: "error",
    text: expect.stringContaining("401"),
  });
  expect(bot.received).toEqual([]);
});
