import { messagingApi } from "@line/bot-sdk";
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  backoffDelay,
  callLine,
  LineCallError,
  type LineCallOptions,
  pushMessage,
  replyOrPush,
} from "../bot/line-call.ts";
import type { LineCall, LineFailure } from "../bot/metrics.ts";

// The real SDK client, pointed at a base URL as the bot does with LINE_API_BASE_URL; nock plays LINE.
const BASE = "https://line-api.test";
const client = new messagingApi.MessagingApiClient({ channelAccessToken: "test-token", baseURL: BASE });
const reply = { replyToken: "rt-1", messages: [{ type: "text" as const, text: "こんにちは" }] };
const push = { to: `U${"a".repeat(32)}`, messages: [{ type: "text" as const, text: "続きです" }] };

/** Records what callLine reports, in place of metrics and the logger. */
function observer() {
  const errors: [LineCall, LineFailure][] = [];
  const retries: LineCall[] = [];
  const warnings: unknown[] = [];
  const options = {
    baseDelayMs: 1,
    maxDelayMs: 5,
    metrics: {
      lineApiError: (call: LineCall, failure: LineFailure) => errors.push([call, failure]),
      lineApiRetry: (call: LineCall) => retries.push(call),
    },
    logger: { warn: (o: unknown) => warnings.push(o) },
  } satisfies Partial<LineCallOptions>;
  return { errors, retries, warnings, options };
}

/**
 * nock 15.0.0 rejects fetch with the very error given to replyWithError, so we give it the shape undici
 * (Node's fetch) really uses; test/line-call-network.test.ts checks that shape against a real socket.
 */
function connectionReset(): TypeError {
  return new TypeError("fetch failed", {
    cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
  });
}

const replyCall = (options: Partial<LineCallOptions>) =>
  callLine(() => client.replyMessage(reply), { call: "reply", ...options });

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

describe("callLine: which failures are retried", () => {
  it.each([
    ["200 at once", [200], "ok", 1],
    ["500 then 200", [500, 200], "ok", 2],
    ["429, 429, then 200", [429, 429, 200], "ok", 3],
    ["502 three times (retries used up)", [502, 502, 502], 502, 3],
    ["400 invalid reply token (not retried)", [400], 400, 1],
    ["401 bad token (not retried)", [401], 401, 1],
    ["403 then 200 (403 is final)", [403, 200], 403, 1],
  ] as const)("%s", async (_case, statuses, outcome, attempts) => {
    const { errors, options } = observer();
    const scope = nock(BASE);
    for (const status of statuses)
      scope
        .post("/v2/bot/message/reply")
        .reply(status, status === 200 ? { sentMessages: [{ id: "1" }] } : { message: "Invalid reply token" });
    const result = await replyCall(options).catch((e: unknown) => e);
    if (outcome === "ok") {
      expect(result).toEqual({ sentMessages: [{ id: "1" }] });
    } else {
      expect(result).toBeInstanceOf(LineCallError);
      expect(result).toMatchObject({ status: outcome, attempts, lineMessage: "Invalid reply token" });
    }
    expect(errors).toHaveLength(outcome === "ok" ? attempts - 1 : attempts);
    // attempts counted by LINE's side too: exactly as many requests as intended, none left over
    expect(scope.pendingMocks()).toHaveLength(statuses.length - attempts);
  });

  it("retries a dropped connection and reports it as a network failure", async () => {
    const { errors, retries, options } = observer();
    nock(BASE)
      .post("/v2/bot/message/reply")
      .replyWithError(connectionReset())
      .post("/v2/bot/message/reply")
      .reply(200, { sentMessages: [] });
    await expect(replyCall(options)).resolves.toEqual({ sentMessages: [] });
    expect(errors).toEqual([["reply", "network"]]);
    expect(retries).toEqual(["reply"]);
  });

  it("abandons an attempt that hangs past the timeout and tries again", async () => {
    const { errors, options } = observer();
    nock(BASE)
      .post("/v2/bot/message/reply")
      .delay(10_000)
      .reply(200, { sentMessages: [{ id: "late" }] })
      .post("/v2/bot/message/reply")
      .reply(200, { sentMessages: [{ id: "2" }] });
    await expect(replyCall({ ...options, timeoutMs: 100 })).resolves.toEqual({ sentMessages: [{ id: "2" }] });
    expect(errors).toEqual([["reply", "timeout"]]);
  });

  it("gives up after the last timeout and says LINE may have applied the call", async () => {
    const { options } = observer();
    nock(BASE).post("/v2/bot/message/reply").times(2).delay(10_000).reply(200, {});
    const error = await replyCall({ ...options, timeoutMs: 50, retries: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LineCallError);
    expect(error).toMatchObject({ failure: "timeout", attempts: 2, maybeApplied: true });
    expect(String(error)).toContain("LINE reply failed after 2 attempts: timeout");
  });

  it("a plain 4xx is not 'maybe applied': LINE refused it", async () => {
    const { options } = observer();
    nock(BASE).post("/v2/bot/message/reply").reply(400, { message: "Invalid reply token" });
    await expect(replyCall(options)).rejects.toMatchObject({ maybeApplied: false, status: 400 });
  });

  it("lets errors that are not failed calls (bugs) through unchanged, without retrying", async () => {
    const { errors, options } = observer();
    let attempts = 0;
    const bug = new RangeError("bad index");
    await expect(
      callLine(
        async () => {
          attempts++;
          throw bug;
        },
        { call: "reply", ...options },
      ),
    ).rejects.toBe(bug);
    expect(attempts).toBe(1);
    expect(errors).toEqual([]);
  });

  it("logs each failed attempt with LINE's message but nothing of the request", async () => {
    const { warnings, options } = observer();
    nock(BASE).post("/v2/bot/message/reply").reply(500, { message: "Internal error" });
    nock(BASE).post("/v2/bot/message/reply").reply(200, {});
    await replyCall(options);
    expect(warnings).toEqual([
      { call: "reply", failure: 500, attempt: 1, retrying: true, lineMessage: "Internal error" },
    ]);
    expect(JSON.stringify(warnings)).not.toContain("こんにちは");
  });
});

describe("pushMessage with X-Line-Retry-Key", () => {
  it("sends the same UUID retry key on every attempt", async () => {
    const { options } = observer();
    const keys: string[] = [];
    const record = (key: string) => {
      keys.push(key);
      return true;
    };
    nock(BASE)
      .matchHeader("x-line-retry-key", record)
      .post("/v2/bot/message/push")
      .reply(503, { message: "busy" })
      .post("/v2/bot/message/push")
      .reply(500, {})
      .post("/v2/bot/message/push", (body) => body.to === push.to)
      .reply(200, { sentMessages: [{ id: "p1", quoteToken: "q" }] });
    await expect(pushMessage(client, push, options)).resolves.toEqual({
      sentMessages: [{ id: "p1", quoteToken: "q" }],
    });
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("uses a new key for each push, and the caller's key when given", async () => {
    const keys: string[] = [];
    nock(BASE)
      .matchHeader("x-line-retry-key", (key: string) => keys.push(key) > 0)
      .post("/v2/bot/message/push")
      .times(3)
      .reply(200, { sentMessages: [] });
    await pushMessage(client, push);
    await pushMessage(client, push);
    await pushMessage(client, push, { retryKey: "123e4567-e89b-42d3-a456-426614174000" });
    expect(new Set(keys).size).toBe(3);
    expect(keys[2]).toBe("123e4567-e89b-42d3-a456-426614174000");
  });

  it("treats LINE's 409 (this retry key was already accepted) as success with the original messages", async () => {
    const { options } = observer();
    nock(BASE)
      .post("/v2/bot/message/push")
      .replyWithError(connectionReset()) // LINE got it, the answer was lost
      .post("/v2/bot/message/push")
      .reply(
        409,
        { message: "The retry key is already accepted", sentMessages: [{ id: "p1", quoteToken: "q" }] },
        { "x-line-accepted-request-id": "req-1" },
      );
    await expect(pushMessage(client, push, options)).resolves.toEqual({
      sentMessages: [{ id: "p1", quoteToken: "q" }],
    });
  });

  it("does not retry a push LINE refuses (400)", async () => {
    const { options } = observer();
    const scope = nock(BASE)
      .post("/v2/bot/message/push")
      .reply(400, { message: "The request body has 1 error(s)" });
    await expect(pushMessage(client, push, options)).rejects.toMatchObject({
      call: "push",
      status: 400,
      attempts: 1,
    });
    expect(scope.isDone()).toBe(true);
  });
});

describe("replyOrPush", () => {
  const request = { ...reply, to: push.to };
  const invalidToken = { message: "Invalid reply token" };

  it("replies when the token is good, without pushing", async () => {
    const scope = nock(BASE).post("/v2/bot/message/reply").reply(200, { sentMessages: [] });
    await expect(
      replyOrPush(client, request, { ...observer().options, pushFallback: true }),
    ).resolves.toEqual({ via: "reply", attempts: 1 });
    expect(scope.isDone()).toBe(true);
  });

  it("pushes the same messages with a retry key when LINE refuses an expired reply token", async () => {
    let pushed: unknown;
    nock(BASE).post("/v2/bot/message/reply").reply(400, invalidToken);
    nock(BASE)
      .matchHeader("x-line-retry-key", /^[0-9a-f-]{36}$/)
      .post("/v2/bot/message/push", (body) => {
        pushed = body;
        return true;
      })
      .reply(200, { sentMessages: [] });
    await expect(
      replyOrPush(client, request, { ...observer().options, pushFallback: true }),
    ).resolves.toEqual({ via: "push", attempts: 1 });
    expect(pushed).toEqual({ to: push.to, messages: reply.messages });
  });

  const badBody = { message: "The request body has 1 error(s)" };
  it.each([
    // why, pushFallback, what LINE answers to each reply attempt
    ["fallback is off", false, [invalidToken]],
    ["the refusal is not about the token", true, [badBody]],
  ] as const)("does not push when %s", async (_why, pushFallback, answers) => {
    const scope = nock(BASE);
    for (const answer of answers) scope.post("/v2/bot/message/reply").reply(400, answer);
    const pushScope = nock(BASE).post("/v2/bot/message/push").reply(200, { sentMessages: [] });
    const options = { ...observer().options, timeoutMs: 50, pushFallback };
    await expect(replyOrPush(client, request, options)).rejects.toBeInstanceOf(LineCallError);
    expect(scope.isDone()).toBe(true);
    expect(pushScope.isDone()).toBe(false);
  });
});

describe("replyOrPush: retrying a reply is safe because a token works once", () => {
  const request = { ...reply, to: push.to };

  it("counts a refused token after a timed-out attempt as answered (that attempt went through), never pushes", async () => {
    const scope = nock(BASE)
      .post("/v2/bot/message/reply")
      .delay(10_000)
      .reply(200, {})
      .post("/v2/bot/message/reply")
      .reply(400, { message: "Invalid reply token" });
    const pushScope = nock(BASE).post("/v2/bot/message/push").reply(200, { sentMessages: [] });
    const options = { ...observer().options, timeoutMs: 50, pushFallback: true };
    await expect(replyOrPush(client, request, options)).resolves.toEqual({ via: "presumed", attempts: 2 });
    expect(scope.isDone()).toBe(true);
    expect(pushScope.isDone()).toBe(false);
  });

  it("counts a refused token as answered when a consumer before this one may have sent it", async () => {
    nock(BASE).post("/v2/bot/message/reply").reply(400, { message: "Invalid reply token" });
    const pushScope = nock(BASE).post("/v2/bot/message/push").reply(200, { sentMessages: [] });
    const options = { ...observer().options, pushFallback: true, maybeAttempted: true };
    await expect(replyOrPush(client, request, options)).resolves.toEqual({ via: "presumed", attempts: 1 });
    expect(pushScope.isDone()).toBe(false);
  });

  it("retries 500s until `until`, then gives up (no retry count)", async () => {
    const { errors, options } = observer();
    nock(BASE).post("/v2/bot/message/reply").times(1_000).reply(500, { message: "Internal error" });
    const started = Date.now();
    const error = await replyOrPush(client, request, { ...options, until: started + 150 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ status: 500 });
    expect(errors.length).toBeGreaterThan(3); // more than the 2 retries of a call without `until`
    expect(Date.now() - started).toBeLessThan(1_000);
    nock.cleanAll();
  });

  it("honours Retry-After in full while the window allows it", async () => {
    nock(BASE)
      .post("/v2/bot/message/reply")
      .reply(429, { message: "rate limited" }, { "retry-after": "1" })
      .post("/v2/bot/message/reply")
      .reply(200, { sentMessages: [] });
    const started = Date.now();
    const outcome = await replyOrPush(client, request, { ...observer().options, until: started + 5_000 });
    expect(outcome).toEqual({ via: "reply", attempts: 2 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(990); // not cut to maxDelayMs (5 ms here)
  });

  it("pushes, with the caller's retry key, when LINE failed with definite errors until `until`", async () => {
    const keys: string[] = [];
    nock(BASE).post("/v2/bot/message/reply").times(1_000).reply(503, { message: "busy" });
    nock(BASE)
      .matchHeader("x-line-retry-key", (key: string) => keys.push(key) > 0)
      .post("/v2/bot/message/push")
      .reply(200, { sentMessages: [] });
    const key = "123e4567-e89b-42d3-a456-426614174000";
    const options = { ...observer().options, until: Date.now() + 50, pushFallback: true, pushRetryKey: key };
    await expect(replyOrPush(client, request, options)).resolves.toMatchObject({ via: "push" });
    expect(keys).toEqual([key]);
    nock.cleanAll();
  });

  it("counts a token refused within its first minute as used (it cannot have expired yet): no push", async () => {
    nock(BASE).post("/v2/bot/message/reply").reply(400, { message: "Invalid reply token" });
    const pushScope = nock(BASE).post("/v2/bot/message/push").reply(200, { sentMessages: [] });
    const options = { ...observer().options, pushFallback: true, tokenFreshUntil: Date.now() + 50_000 };
    await expect(replyOrPush(client, request, options)).resolves.toEqual({ via: "presumed", attempts: 1 });
    expect(pushScope.isDone()).toBe(false);
  });

  it("does not push when the event was taken over by another consumer meanwhile", async () => {
    nock(BASE).post("/v2/bot/message/reply").reply(400, { message: "Invalid reply token" });
    const pushScope = nock(BASE).post("/v2/bot/message/push").reply(200, { sentMessages: [] });
    const options = { ...observer().options, pushFallback: true, mayPush: async () => false };
    await expect(replyOrPush(client, request, options)).rejects.toBeInstanceOf(LineCallError);
    expect(pushScope.isDone()).toBe(false);
  });
});

describe("backoffDelay", () => {
  const base = { baseDelayMs: 200, maxDelayMs: 2_000 };
  it.each([
    // retry, random, delay: doubles per retry, half of it jittered, capped
    [0, 0, 100],
    [0, 1, 200],
    [1, 0, 200],
    [1, 0.5, 300],
    [2, 1, 800],
    [3, 1, 1_600],
    [4, 1, 2_000],
    [10, 0, 1_000],
  ])("retry %i with random %f waits %i ms", (retry, random, delay) => {
    expect(backoffDelay(retry, { ...base, random: () => random })).toBe(delay);
  });
});
