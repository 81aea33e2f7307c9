import { setTimeout as sleep } from "node:timers/promises";
import request from "supertest";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMetrics, type Metrics } from "../bot/metrics.ts";
import { buildApp, postEvents } from "./support/bot-app.ts";
import { textsOf } from "./support/harness.ts";
import { TOKEN, textEvent, userId } from "./support/line-events.ts";
import { type LineStandin, startLineStandin } from "./support/line-standin.ts";
import { metricValue } from "./support/metrics.ts";

/**
 * LINE misbehaving, against the full app over real sockets (the simulator's LINE stand-in on loopback
 * with planned faults, no nock): rate limited (429, Retry-After), failing (500), hanging, answers lost
 * after LINE applied the call. A reply is retried while its token is valid (shortened here with
 * replyWindowMs), so users get their answer when LINE recovers, once; the app never crashes and every
 * event ends within its window.
 */

let line: LineStandin;
let metrics: Metrics;
beforeAll(async () => {
  line = await startLineStandin(TOKEN);
});
afterAll(() => line.close());
beforeEach(() => {
  metrics = createMetrics({ processMetrics: false });
});
afterEach(() => line.resetFaults());

// 200 ms per attempt, 2 retries, tiny backoff: the worst case of one call is about 0.7 s.
const TUNING = { timeoutMs: 200, retries: 2, baseDelayMs: 5, maxDelayMs: 20, loadingTimeoutMs: 100 };
const BOUND_MS = 3_000; // generous sanity bound on one event, far below what a hang would take

function build(options: { pushFallback?: boolean; replyWindowMs?: number } = {}) {
  return buildApp({ lineApiBaseUrl: line.baseUrl, lineTuning: TUNING, metrics, ...options });
}

/** Posts the events (as LINE: reply tokens issued) and measures how long until the app has handled all of them. */
async function timed(app: ReturnType<typeof build>["app"], events: Record<string, unknown>[]) {
  const started = Date.now();
  const res = await postEvents(app, line.issue(events));
  return { status: res.status, ms: Date.now() - started };
}

const deliveredTo = (event: Record<string, unknown>) =>
  line.delivered().filter((r) => r.body.replyToken === event.replyToken);
const errors = async (app: ReturnType<typeof build>["app"], call: string, status: string) =>
  metricValue((await request(app).get("/metrics")).text, "bounce_bot_line_api_errors_total", {
    call,
    status,
  });

describe("LINE API faults", () => {
  it("429 twice, then accepted: the user gets the answer on the third attempt", async () => {
    const { app } = build();
    const event = textEvent(userId(0x429), "Mailbox full");
    line.plan("reply", [429, 429], event.replyToken as string);
    const { status, ms } = await timed(app, [event]);
    expect(status).toBe(200);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(deliveredTo(event)).toHaveLength(1);
    expect(await errors(app, "reply", "429")).toBe(2);
  });

  it("500 for longer than a few retries: every event is answered once LINE recovers, exactly once", async () => {
    const { app } = build({ replyWindowMs: 60_000 });
    const events = Array.from({ length: 30 }, (_, i) => textEvent(userId(0x5000 + i), "Mailbox full"));
    line.always("reply", 500);
    const posted = postEvents(app, line.issue(events));
    await sleep(1_500); // with 2 retries, every event would have been given up by now
    expect(events.every((e) => deliveredTo(e).length === 0)).toBe(true);
    line.always("reply", undefined);
    await posted;
    for (const event of events) expect(deliveredTo(event)).toHaveLength(1);
    expect(await errors(app, "reply", "500")).toBeGreaterThanOrEqual(events.length * 2);
  });

  it("500 on every attempt past the retry window: bounded, counted as given up; the next message is answered once LINE is back", async () => {
    const { app } = build({ replyWindowMs: 300 });
    const u = userId(0x500);
    const first = textEvent(u, "Mailbox full");
    line.always("reply", 500);
    const { ms } = await timed(app, [first]);
    line.always("reply", undefined);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(deliveredTo(first)).toHaveLength(0); // LINE never took it: nothing more can be sent
    expect(await errors(app, "reply", "500")).toBeGreaterThanOrEqual(3);
    const text = (await request(app).get("/metrics")).text;
    expect(metricValue(text, "bounce_bot_events_given_up_total", { reason: "line-failing" })).toBe(1);

    const next = textEvent(u, "いいえ");
    await timed(app, [next]);
    expect(textsOf(deliveredTo(next)[0]!.body.messages as unknown[]).join("\n")).toContain("Q&Aコミュニティ");
  });

  it("429 with Retry-After: waits as long as LINE asks, then answers", async () => {
    const { app } = build({ replyWindowMs: 10_000 });
    const event = textEvent(userId(0x4291), "Mailbox full");
    line.plan("reply", [{ status: 429, retryAfterS: 1 }], event.replyToken as string);
    const { ms } = await timed(app, [event]);
    expect(ms).toBeGreaterThanOrEqual(950); // not the 5–20 ms backoff of the tuning
    const attempts = line.replies().filter((r) => r.body.replyToken === event.replyToken);
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
  });

  it("a hanging attempt is abandoned after the timeout and the retry delivers the answer", async () => {
    const { app } = build();
    const event = textEvent(userId(0x4a6), "Mailbox full");
    line.plan("reply", ["hang"], event.replyToken as string);
    const { ms } = await timed(app, [event]);
    expect(ms).toBeGreaterThanOrEqual(TUNING.timeoutMs);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(deliveredTo(event)).toHaveLength(1);
    expect(await errors(app, "reply", "timeout")).toBe(1);
  });

  it("a reply LINE applied but whose answer was lost is not sent twice: the retry's 'Invalid reply token' means it went through", async () => {
    const metrics = createMetrics({ processMetrics: false });
    const { app } = buildApp({
      lineApiBaseUrl: line.baseUrl,
      lineTuning: TUNING,
      metrics,
      pushFallback: true,
    });
    const event = textEvent(userId(0x105e), "Mailbox full");
    const pushesBefore = line.pushes().length;
    line.plan("reply", ["lose-answer"], event.replyToken as string);
    await timed(app, [event]);
    const attempts = line.replies().filter((r) => r.body.replyToken === event.replyToken);
    expect(attempts.map((r) => r.status)).toEqual([200, 400]); // delivered, then refused as used
    expect(line.pushes()).toHaveLength(pushesBefore); // and no push, although the fallback is on
    const text = (await request(app).get("/metrics")).text;
    expect(metricValue(text, "bounce_bot_replies_presumed_total")).toBe(1);
  });

  it("LINE hanging for a while: each attempt is abandoned, the answer arrives when LINE answers again, and one user's hang does not hold up another", async () => {
    const { app } = build({ replyWindowMs: 10_000 });
    const stuck = textEvent(userId(0x57c), "Mailbox full");
    const other = textEvent(userId(0x07e), "メニュー");
    line.plan("reply", ["hang", "hang", "hang", "hang"], stuck.replyToken as string);
    const posted = timed(app, [stuck, other]);
    for (let i = 0; deliveredTo(other).length === 0; i++) {
      expect(i).toBeLessThan(200);
      await sleep(10);
    }
    expect(deliveredTo(stuck)).toHaveLength(0);
    await posted;
    expect(deliveredTo(stuck)).toHaveLength(1);
    expect(await errors(app, "reply", "timeout")).toBe(4);
  });

  it("a hanging loading animation costs only its short timeout", async () => {
    const { app } = build();
    const paste = textEvent(userId(0x10d), `${"Received: from mx.example.net\n".repeat(15)}Mailbox full`);
    line.plan("loading", ["hang"]);
    const { ms } = await timed(app, [paste]);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(deliveredTo(paste)).toHaveLength(1);
  });
});

describe("expired reply token", () => {
  // LINE guarantees a token one minute: these events happened two minutes ago (an outage, a slow lock).
  const stale = (u: string) => textEvent(u, "Mailbox full", { timestamp: Date.now() - 120_000 });

  it("with LINE_PUSH_FALLBACK the answer is pushed with one X-Line-Retry-Key kept across retries", async () => {
    const { app } = build({ pushFallback: true, replyWindowMs: 600_000 });
    const u = userId(0xe4b);
    const event = stale(u);
    line.plan("reply", [400], event.replyToken as string); // "Invalid reply token": it waited too long
    line.plan("push", [500]);
    await timed(app, [event]);
    const pushes = line.pushes().slice(-2);
    expect(pushes.map((p) => p.status)).toEqual([500, 200]);
    expect(pushes[0]!.retryKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(pushes[1]!.retryKey).toBe(pushes[0]!.retryKey);
    expect(pushes[1]!.body.to).toBe(u);
    expect(textsOf(pushes[1]!.body.messages as unknown[]).join("\n")).toContain("題:mailbox-full");
    const text = (await request(app).get("/metrics")).text;
    expect(metricValue(text, "bounce_bot_replies_sent_total", { via: "push" })).toBe(1);
  });

  it("without it nothing is pushed (pushes count toward the monthly quota)", async () => {
    const { app } = build({ replyWindowMs: 600_000 });
    const before = line.pushes().length;
    const event = stale(userId(0xe4c));
    line.plan("reply", [400], event.replyToken as string);
    await timed(app, [event]);
    expect(line.pushes()).toHaveLength(before);
  });

  it("a token refused within its first minute was used, not expired: no push even with the fallback", async () => {
    const { app } = build({ pushFallback: true, replyWindowMs: 600_000 });
    const before = line.pushes().length;
    const event = textEvent(userId(0xe4d), "Mailbox full");
    line.plan("reply", [400], event.replyToken as string);
    await timed(app, [event]);
    expect(line.pushes()).toHaveLength(before);
  });
});
