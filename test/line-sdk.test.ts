import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as sdk from "@line/bot-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyFailure } from "../bot/line-call.ts";
import {
  createMessagingApiClient,
  HTTPFetchError,
  MessagingApiBlobClient,
  MessagingApiClient,
  validateSignature,
} from "../bot/line-sdk.ts";

// bot/line-sdk.ts loads three of the SDK's modules by file instead of its entry (memory): they must be
// the very classes the entry exports, or `instanceof HTTPFetchError` and the SDK's contract would break.
describe("bot/line-sdk.ts", () => {
  it("gives the SDK's own classes, as its entry point exports them", () => {
    expect(MessagingApiClient).toBe(sdk.messagingApi.MessagingApiClient);
    expect(MessagingApiBlobClient).toBe(sdk.messagingApi.MessagingApiBlobClient);
    expect(HTTPFetchError).toBe(sdk.HTTPFetchError);
    expect(validateSignature).toBe(sdk.validateSignature); // the webhook's signature check (issue 3)
  });

  it("an HTTPFetchError made by either is an instance of the other", () => {
    const error = new sdk.HTTPFetchError("429 - Too Many Requests", {
      status: 429,
      statusText: "Too Many Requests",
      headers: new Headers(),
      body: "{}",
    });
    expect(error).toBeInstanceOf(HTTPFetchError);
  });
});

// bot/line-sdk.ts createMessagingApiClient: the SDK's client with its requests sent as they are (no copy
// per request). Real sockets on loopback: what LINE would receive from each client, side by side.
describe("the Messaging API client the bot replies with", () => {
  interface Seen {
    method: string | undefined;
    url: string | undefined;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }
  let server: Server;
  let baseURL: string;
  let seen: Seen[] = [];
  /** What the stand-in answers each path with (LINE's answers as documented). */
  const answers: Record<string, { status: number; body: string; headers?: Record<string, string> }> = {
    "/v2/bot/message/reply": { status: 200, body: '{"sentMessages":[{"id":"1","quoteToken":"q"}]}' },
    "/v2/bot/message/push": { status: 200, body: '{"sentMessages":[{"id":"2","quoteToken":"q"}]}' },
    "/v2/bot/chat/loading/start": { status: 202, body: "{}" },
    "/v2/bot/profile/U0123456789abcdef0123456789abcdef": {
      status: 200,
      body: '{"userId":"U0123456789abcdef0123456789abcdef","displayName":"x","language":"en"}',
    },
    "/v2/bot/profile/Ublocked": { status: 404, body: '{"message":"Not found"}' },
    "/v2/bot/moved/reply": { status: 200, body: '{"sentMessages":[{"id":"3","quoteToken":"q"}]}' },
  };
  /** While true, the reply endpoint answers with a redirect to /v2/bot/moved/reply. */
  let redirecting = false;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (chunk: string) => {
        body += chunk;
      });
      req.on("end", () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body });
        const answer =
          redirecting && req.url === "/v2/bot/message/reply"
            ? { status: 307, body: "", headers: { location: "/v2/bot/moved/reply" } }
            : (answers[req.url ?? ""] ?? { status: 500, body: "{}" });
        res
          .writeHead(answer.status, { "content-type": "application/json", ...answer.headers })
          .end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const user = "U0123456789abcdef0123456789abcdef";
  const reply = {
    replyToken: "0f3779fba3b349968c5d07db31eab56f",
    messages: [{ type: "text" as const, text: "宛先のアドレスが見つかりません 🙏" }],
  };
  /** Each call the bot makes, through a client; what LINE received, and what the client returned. */
  async function calls(client: MessagingApiClient) {
    seen = [];
    const returned = [
      await client.replyMessage(reply),
      await client.pushMessage(
        { to: user, messages: reply.messages },
        "123e4567-e89b-12d3-a456-426614174000",
      ),
      await client.showLoadingAnimation({ chatId: user, loadingSeconds: 5 }),
      await client.getProfile(user),
    ];
    return { received: seen, returned };
  }

  it("sends LINE the very requests the SDK's own client sends, and returns what it returns", async () => {
    const ours = await calls(createMessagingApiClient({ channelAccessToken: "token-1", baseURL }));
    const sdks = await calls(new MessagingApiClient({ channelAccessToken: "token-1", baseURL }));
    expect(ours.received).toHaveLength(4);
    expect(ours.received).toEqual(sdks.received); // method, path, every header, body
    expect(ours.returned).toEqual(sdks.returned);
    expect(ours.received[0]).toMatchObject({
      method: "POST",
      headers: { authorization: "Bearer token-1", "content-type": "application/json" },
    });
    expect(JSON.parse(ours.received[0]!.body)).toEqual(reply);
    expect(ours.received[1]!.headers["x-line-retry-key"]).toBe("123e4567-e89b-12d3-a456-426614174000");
    expect(ours.returned[3]).toMatchObject({ language: "en" });
  });

  it("fails as the SDK's does when LINE refuses: an HTTPFetchError with LINE's status and body", async () => {
    const ours = createMessagingApiClient({ channelAccessToken: "t", baseURL });
    const error = await ours.getProfile("Ublocked").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTTPFetchError);
    expect(error).toMatchObject({ status: 404, body: '{"message":"Not found"}' });
  });

  it("does not follow a redirect: the attempt fails as unreachable (retried as a network failure)", async () => {
    // The SDK's own client follows it (fetch's default); LINE's API does not redirect.
    redirecting = true;
    try {
      seen = [];
      const sdk = await new MessagingApiClient({ channelAccessToken: "t", baseURL }).replyMessage(reply);
      expect(seen.map((s) => s.url)).toEqual(["/v2/bot/message/reply", "/v2/bot/moved/reply"]);
      expect(sdk).toMatchObject({ sentMessages: [{ id: "3" }] });
      seen = [];
      const error = await createMessagingApiClient({ channelAccessToken: "t", baseURL })
        .replyMessage(reply)
        .catch((e: unknown) => e);
      expect(seen.map((s) => s.url)).toEqual(["/v2/bot/message/reply"]);
      expect(classifyFailure(error)).toEqual({ failure: "network", retryable: true });
    } finally {
      redirecting = false;
    }
  });
});
