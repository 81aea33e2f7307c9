import type { AddressInfo } from "node:net";
import { HTTPFetchError, messagingApi } from "@line/bot-sdk";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ChatHub, type SimUser } from "../../simulator/chat-hub.ts";
import { createStandinApp } from "../../simulator/standin/app.ts";
import { Contents } from "../../simulator/standin/contents.ts";
import { REPLY_TOKEN_TTL_MS, ReplyTokens } from "../../simulator/standin/reply-tokens.ts";
import { RichMenus } from "../../simulator/standin/rich-menus.ts";

const TOKEN = "local-access-token";
const auth = { authorization: `Bearer ${TOKEN}` };
const hello = [{ type: "text", text: "hello" }];

let now: number;
let hub: ChatHub;
let tokens: ReplyTokens;
let app: ReturnType<typeof createStandinApp>;
let user: SimUser;
let contents: Contents;

beforeEach(() => {
  now = 1_800_000_000_000;
  hub = new ChatHub(() => now);
  tokens = new ReplyTokens(() => now);
  contents = new Contents();
  app = createStandinApp({
    channelAccessToken: TOKEN,
    hub,
    replyTokens: tokens,
    richMenus: new RichMenus(),
    contents,
  });
  user = hub.users()[0]!;
});

const reply = (body: object, headers: Record<string, string> = auth) =>
  request(app).post("/v2/bot/message/reply").set(headers).send(body);

const botEntries = () => hub.history(user.userId).filter((e) => e.kind === "bot");

describe("bearer token", () => {
  it.each([
    ["no header", {}, /Authorization header required/],
    ["wrong token", { authorization: "Bearer nope" }, /^Authentication failed/],
    ["wrong scheme", { authorization: `Basic ${TOKEN}` }, /Authorization header required/],
  ])("%s → 401 with LINE's message, nothing delivered", async (_case, headers, message) => {
    const res = await reply({ replyToken: tokens.issue(user.userId), messages: hello }, headers);
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(message);
    expect(botEntries()).toEqual([]);
  });
});

describe("reply tokens", () => {
  it("are accepted once; the second use → 400 Invalid reply token", async () => {
    const replyToken = tokens.issue(user.userId);
    const first = await reply({ replyToken, messages: hello });
    expect(first.status).toBe(200);
    expect(first.body.sentMessages).toHaveLength(1);
    expect(first.body.sentMessages[0].id).toMatch(/^\d+$/);

    const second = await reply({ replyToken, messages: [{ type: "text", text: "again" }] });
    expect(second.status).toBe(400);
    expect(second.body).toEqual({ message: "Invalid reply token" });
    expect(botEntries().map((e) => e.kind === "bot" && e.messages)).toEqual([hello]);
  });

  it("expire one minute after the event", async () => {
    const fresh = tokens.issue(user.userId);
    const stale = tokens.issue(user.userId);
    now += REPLY_TOKEN_TTL_MS - 1;
    expect((await reply({ replyToken: fresh, messages: hello })).status).toBe(200);
    now += 2;
    const late = await reply({ replyToken: stale, messages: hello });
    expect(late.status).toBe(400);
    expect(late.body).toEqual({ message: "Invalid reply token" });
  });

  it("never issued → 400, and the rejection is not shown in anyone's chat", async () => {
    const res = await reply({ replyToken: "0".repeat(32), messages: hello });
    expect(res.status).toBe(400);
    expect(hub.users().flatMap((u) => hub.history(u.userId))).toEqual([]);
  });

  it("a token the caller brings (tests build their own events) is issued as it is; re-issuing does not renew it", async () => {
    const replyToken = "a".repeat(32);
    expect(tokens.issue(user.userId, replyToken)).toBe(replyToken);
    expect((await reply({ replyToken, messages: hello })).status).toBe(200);
    tokens.issue(user.userId, replyToken); // a redelivered event carries the same token
    expect((await reply({ replyToken, messages: hello })).status).toBe(400);
  });

  it("a rejected reply shows as an error notice in the chat it was meant for", async () => {
    const replyToken = tokens.issue(user.userId);
    await reply({ replyToken, messages: hello });
    await reply({ replyToken, messages: hello });
    const notice = hub.history(user.userId).find((e) => e.kind === "notice");
    expect(notice).toMatchObject({ level: "error", text: expect.stringContaining("Invalid reply token") });
  });
});

const chip = (i: number) => ({ type: "action", action: { type: "message", label: `c${i}`, text: `t${i}` } });
const items = (n: number) => Array.from({ length: n }, (_, i) => chip(i));

describe("the intercept hook (where tests record calls and plan faults)", () => {
  it("sees authorised requests with their parsed body, before LINE's checks, and may answer itself", async () => {
    const seen: unknown[] = [];
    const hooked = createStandinApp({
      channelAccessToken: TOKEN,
      hub,
      replyTokens: tokens,
      richMenus: new RichMenus(),
      intercept: (req, res, next) => {
        seen.push(req.body);
        if (req.body.replyToken === "refuse") res.status(503).json({ message: "Service unavailable" });
        else next();
      },
    });
    const send = (body: object, headers = auth) =>
      request(hooked).post("/v2/bot/message/reply").set(headers).send(body);
    expect((await send({ replyToken: "x", messages: hello }, { authorization: "Bearer nope" })).status).toBe(
      401,
    );
    expect((await send({ replyToken: "refuse", messages: hello })).status).toBe(503);
    expect((await send({ replyToken: tokens.issue(user.userId), messages: [] })).status).toBe(400);
    expect(seen).toEqual([
      { replyToken: "refuse", messages: hello },
      { replyToken: expect.any(String), messages: [] },
    ]);
  });
});

describe("message limits → 400 with LINE's error shape; the token stays usable", () => {
  it.each([
    [
      "14 quick-reply items",
      [{ type: "text", text: "pick", quickReply: { items: items(14) } }],
      "messages[0].quickReply.items",
    ],
    ["6 messages", Array.from({ length: 6 }, () => hello[0]), "messages"],
    ["no messages", [], "messages"],
    ["text of 5001 UTF-16 units", [{ type: "text", text: "あ".repeat(5001) }], "messages[0].text"],
    [
      "quick-reply label of 21 graphemes",
      [
        {
          type: "text",
          text: "x",
          quickReply: {
            items: [{ type: "action", action: { type: "message", label: "ラ".repeat(21), text: "x" } }],
          },
        },
      ],
      "messages[0].quickReply.items[0].action.label",
    ],
    [
      "postback data of 301 chars",
      [
        {
          type: "text",
          text: "x",
          quickReply: {
            items: [{ type: "action", action: { type: "postback", label: "p", data: "d".repeat(301) } }],
          },
        },
      ],
      "messages[0].quickReply.items[0].action.data",
    ],
    [
      "altText of 1501 chars",
      [
        {
          type: "flex",
          altText: "a".repeat(1501),
          contents: { type: "bubble", body: { type: "box", layout: "vertical", contents: [] } },
        },
      ],
      "messages[0].altText",
    ],
    [
      "flex bubble over 30 KB",
      [
        {
          type: "flex",
          altText: "big",
          contents: {
            type: "bubble",
            body: {
              type: "box",
              layout: "vertical",
              contents: [{ type: "text", text: "x".repeat(31 * 1024) }],
            },
          },
        },
      ],
      "messages[0].contents",
    ],
  ])("%s", async (_case, messages, property) => {
    const replyToken = tokens.issue(user.userId);
    const res = await reply({ replyToken, messages });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(`The request body has ${res.body.details.length} error(s)`);
    expect(res.body.details).toContainEqual({ property, message: expect.any(String) });
    expect(botEntries()).toEqual([]);
    expect((await reply({ replyToken, messages: hello })).status).toBe(200);
  });

  it("13 quick-reply items and 20-grapheme labels (emoji with modifiers count once) pass", async () => {
    const label = `${"ラ".repeat(19)}👍🏽`;
    const messages = [
      {
        type: "text",
        text: "pick",
        quickReply: {
          items: [...items(12), { type: "action", action: { type: "message", label, text: "x" } }],
        },
      },
    ];
    expect((await reply({ replyToken: tokens.issue(user.userId), messages })).status).toBe(200);
  });

  it("missing replyToken is a body error, not a token error", async () => {
    const res = await reply({ messages: hello });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ property: "replyToken", message: "Must be specified" }]);
  });
});

describe("push", () => {
  const push = (body: object, headers: Record<string, string> = auth) =>
    request(app).post("/v2/bot/message/push").set(headers).send(body);

  it("reaches a friend; a non-friend gets nothing but LINE still answers 200", async () => {
    expect((await push({ to: user.userId, messages: hello })).status).toBe(200);
    expect(botEntries()).toEqual([]);
    hub.setFriend(user.userId, true);
    expect((await push({ to: user.userId, messages: hello })).status).toBe(200);
    expect(botEntries()).toMatchObject([{ via: "push", messages: hello }]);
  });

  it("a replayed retry key → 409 with the accepted request id, delivered once", async () => {
    hub.setFriend(user.userId, true);
    const headers = { ...auth, "x-line-retry-key": "123e4567-e89b-42d3-a456-426614174000" };
    const first = await push({ to: user.userId, messages: hello }, headers);
    const again = await push({ to: user.userId, messages: hello }, headers);
    expect(first.status).toBe(200);
    expect(again.status).toBe(409);
    expect(again.headers["x-line-accepted-request-id"]).toBe(first.headers["x-line-request-id"]);
    expect(botEntries()).toHaveLength(1);
  });

  it("an invalid `to` → 400 naming the property", async () => {
    const res = await push({ to: "someone", messages: hello });
    expect(res.status).toBe(400);
    expect(res.body.details[0].property).toBe("to");
  });
});

describe("loading animation, profile, content", () => {
  it("loading start → 202 {} and the chat shows it", async () => {
    const res = await request(app)
      .post("/v2/bot/chat/loading/start")
      .set(auth)
      .send({ chatId: user.userId, loadingSeconds: 10 });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({});
    expect(hub.history(user.userId)).toMatchObject([{ kind: "loading", seconds: 10 }]);
  });

  it.each([
    ["a group id", { chatId: `C${"0".repeat(32)}` }, "chatId"],
    ["7 seconds", { chatId: `U${"0".repeat(32)}`, loadingSeconds: 7 }, "loadingSeconds"],
  ])("loading start with %s → 400", async (_case, body, property) => {
    const res = await request(app).post("/v2/bot/chat/loading/start").set(auth).send(body);
    expect(res.status).toBe(400);
    expect(res.body.details[0].property).toBe(property);
  });

  it("profile of a simulated user; 404 for anyone else; content 404", async () => {
    const profile = await request(app).get(`/v2/bot/profile/${user.userId}`).set(auth);
    expect(profile.body).toEqual({ userId: user.userId, displayName: user.displayName, language: "ja" });
    expect(
      (
        await request(app)
          .get(`/v2/bot/profile/U${"0".repeat(32)}`)
          .set(auth)
      ).status,
    ).toBe(404);
    expect((await request(app).get("/v2/bot/message/1234/content").set(auth)).status).toBe(404);
  });
});

describe("the real SDK client against the stand-in", () => {
  let server: ReturnType<typeof app.listen>;
  let client: messagingApi.MessagingApiClient;
  beforeEach(async () => {
    server = await new Promise((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    const { port } = server.address() as AddressInfo;
    client = new messagingApi.MessagingApiClient({
      channelAccessToken: TOKEN,
      baseURL: `http://127.0.0.1:${port}`,
    });
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("reply works once; the reuse surfaces as HTTPFetchError 400 with LINE's body", async () => {
    const replyToken = tokens.issue(user.userId);
    await client.showLoadingAnimation({ chatId: user.userId, loadingSeconds: 5 });
    const sent = await client.replyMessage({ replyToken, messages: [{ type: "text", text: "hi" }] });
    expect(sent.sentMessages).toHaveLength(1);
    const reuse = await client
      .replyMessage({ replyToken, messages: [{ type: "text", text: "hi" }] })
      .catch((e) => e);
    expect(reuse).toBeInstanceOf(HTTPFetchError);
    expect(reuse.status).toBe(400);
    expect(JSON.parse(reuse.body)).toEqual({ message: "Invalid reply token" });
    expect((await client.getProfile(user.userId)).displayName).toBe(user.displayName);
  });

  it("the blob client fetches what a user sent from the data API, as from LINE; 404 for other ids", async () => {
    const { port } = server.address() as AddressInfo;
    const blob = new messagingApi.MessagingApiBlobClient({
      channelAccessToken: TOKEN,
      baseURL: `http://127.0.0.1:${port}`,
    });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const id = contents.put(png, "image/png");
    expect(id).toMatch(/^\d+$/);
    const { httpResponse, body } = await blob.getMessageContentWithHttpInfo(id);
    expect(httpResponse.status).toBe(200);
    expect(httpResponse.headers.get("content-type")).toBe("image/png");
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(png);
    const missing = await blob.getMessageContentWithHttpInfo("1234").catch((e) => e);
    expect(missing).toBeInstanceOf(HTTPFetchError);
    expect(missing.status).toBe(404);
  });

  it("keeps at most 30 contents: the oldest expire, as LINE's do", () => {
    const first = contents.put(Buffer.from("a"), "text/plain");
    for (let i = 0; i < 30; i++) contents.put(Buffer.from("b"), "text/plain");
    expect(contents.get(first)).toBeUndefined();
  });
});
