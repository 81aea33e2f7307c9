import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HTTPFetchError } from "@line/bot-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyFailure } from "../bot/line-call.ts";
import { LineHttpClient, LineNetworkError } from "../bot/line-http.ts";

/**
 * The bot's own LINE client over real loopback sockets: the same requests, answers and errors as the
 * SDK's MessagingApiClient, so line-call.ts treats both alike.
 */

interface Seen {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: unknown;
}
let server: Server;
let baseURL: string;
const seen: Seen[] = [];
let respond: (res: ServerResponse) => void = (res) => res.writeHead(200).end("{}");
let closedSockets = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = "";
    req.on("data", (c) => (text += c));
    req.on("end", () => {
      seen.push({ method: req.method!, path: req.url!, headers: req.headers, body: JSON.parse(text) });
      respond(res);
    });
  });
  server.on("connection", (socket) => socket.on("close", () => closedSockets++));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const messages = [{ type: "text" as const, text: "こんにちは" }];

describe("LineHttpClient", () => {
  it("replies like the SDK: POST /v2/bot/message/reply, bearer token, JSON, LINE's answer back", async () => {
    respond = (res) =>
      res
        .writeHead(200, { "content-type": "application/json" })
        .end('{"sentMessages":[{"id":"1","quoteToken":"q"}]}');
    const client = new LineHttpClient({ channelAccessToken: "tok", baseURL });
    const answer = await client.replyMessage({ replyToken: "rt", messages });
    expect(answer).toEqual({ sentMessages: [{ id: "1", quoteToken: "q" }] });
    const request = seen.at(-1)!;
    expect(request).toMatchObject({
      method: "POST",
      path: "/v2/bot/message/reply",
      body: { replyToken: "rt", messages },
    });
    expect(request.headers.authorization).toBe("Bearer tok");
    expect(request.headers["content-type"]).toBe("application/json");
    client.close();
  });

  it("sends the push retry key and the loading animation to their endpoints", async () => {
    respond = (res) => res.writeHead(200).end("{}");
    const client = new LineHttpClient({ channelAccessToken: "tok", baseURL });
    await client.pushMessage({ to: "U1", messages }, "123e4567-e89b-12d3-a456-426614174000");
    expect(seen.at(-1)!.headers["x-line-retry-key"]).toBe("123e4567-e89b-12d3-a456-426614174000");
    respond = (res) => res.writeHead(202).end("{}");
    expect(await client.showLoadingAnimation({ chatId: "U1", loadingSeconds: 5 })).toEqual({});
    expect(seen.at(-1)!.path).toBe("/v2/bot/chat/loading/start");
    client.close();
  });

  it("fails with the SDK's HTTPFetchError: status, LINE's body and headers (Retry-After)", async () => {
    respond = (res) =>
      res
        .writeHead(429, "Too Many Requests", { "retry-after": "2" })
        .end('{"message":"The API rate limit has been exceeded."}');
    const client = new LineHttpClient({ channelAccessToken: "tok", baseURL });
    const error = await client.replyMessage({ replyToken: "rt", messages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTTPFetchError);
    expect(error).toMatchObject({
      status: 429,
      statusText: "Too Many Requests",
      body: '{"message":"The API rate limit has been exceeded."}',
    });
    expect((error as HTTPFetchError).headers.get("retry-after")).toBe("2");
    expect(classifyFailure(error)).toEqual({ failure: 429, retryable: true });
    client.close();
  });

  it("fails as a network error when nobody listens, which line-call.ts retries", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const closed = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const client = new LineHttpClient({ channelAccessToken: "tok", baseURL: closed });
    const error = await client.replyMessage({ replyToken: "rt", messages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LineNetworkError);
    expect(error).toMatchObject({ code: "ECONNREFUSED" });
    expect(classifyFailure(error)).toEqual({ failure: "network", retryable: true });
    client.close();
  });

  it("destroys a socket that LINE leaves hanging, instead of holding it for minutes", async () => {
    respond = () => {}; // read the request, never answer
    const client = new LineHttpClient({ channelAccessToken: "tok", baseURL, socketTimeoutMs: 100 });
    const before = closedSockets;
    const error = await client.replyMessage({ replyToken: "rt", messages }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "LineNetworkError", code: "ETIMEDOUT" });
    await new Promise((r) => setTimeout(r, 50));
    expect(closedSockets).toBeGreaterThan(before);
    client.close();
  });
});
