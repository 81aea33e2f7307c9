import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { messagingApi } from "@line/bot-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callLine, LineCallError } from "../bot/line-call.ts";

// Real sockets on loopback (no nock in this file): what undici really does when LINE is unreachable or hangs.
const quiet = { baseDelayMs: 1, maxDelayMs: 5, logger: { warn: () => {} } };
const reply = { replyToken: "rt", messages: [{ type: "text" as const, text: "hi" }] };

let hanging: Server;
let hangingUrl: string;
let closedUrl: string;
let requests = 0;

beforeAll(async () => {
  hanging = createServer(() => {
    requests++; // read the request, never answer
  });
  await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
  hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
  // A port that was free a moment ago: connecting to it is refused.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  closedUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});
afterAll(async () => {
  hanging.closeAllConnections();
  await new Promise<void>((resolve) => hanging.close(() => resolve()));
});

describe("callLine over real sockets", () => {
  it("retries a refused connection and fails as 'network' when it stays refused", async () => {
    const client = new messagingApi.MessagingApiClient({ channelAccessToken: "t", baseURL: closedUrl });
    const error = await callLine(() => client.replyMessage(reply), {
      call: "reply",
      retries: 2,
      ...quiet,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LineCallError);
    expect(error).toMatchObject({ failure: "network", attempts: 3, maybeApplied: true });
  });

  it("abandons a server that never answers after the timeout, on every attempt", async () => {
    const client = new messagingApi.MessagingApiClient({ channelAccessToken: "t", baseURL: hangingUrl });
    requests = 0;
    const error = await callLine(() => client.replyMessage(reply), {
      call: "reply",
      retries: 1,
      timeoutMs: 100,
      ...quiet,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ failure: "timeout", attempts: 2 });
    expect(requests).toBe(2);
  });
});
