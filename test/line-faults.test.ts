import request from "supertest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMetrics, type Metrics } from "../bot/metrics.ts";
import { buildApp, postEvents } from "./support/bot-app.ts";
import { textsOf } from "./support/harness.ts";
import { TOKEN, textEvent, userId } from "./support/line-events.ts";
import { type LineStandin, startLineStandin } from "./support/line-standin.ts";
import { metricValue } from "./support/metrics.ts";

/**
 * LINE misbehaving, against the full app over real sockets (the simulator's LINE stand-in on loopback
 * with planned faults, no nock): rate limited
 * (429), failing (500), hanging. Users still get their answer when LINE recovers within the retries; the
 * app never crashes and every event ends within a bound (timeout per attempt × attempts + backoff).
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

// 200 ms per attempt, 2 retries, tiny backoff: the worst case of one call is about 0.7 s.
const TUNING = { timeoutMs: 200, retries: 2, baseDelayMs: 5, maxDelayMs: 20, loadingTimeoutMs: 100 };
const BOUND_MS = 3_000; // generous sanity bound on one event, far below what a hang would take

function build(options: { pushFallback?: boolean } = {}) {
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
    line.plan("reply", [429, 429]);
    const { status, ms } = await timed(app, [event]);
    expect(status).toBe(200);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(deliveredTo(event)).toHaveLength(1);
    expect(await errors(app, "reply", "429")).toBe(2);
  });

  it("500 on every attempt: no crash, bounded time, counted; the next message is answered once LINE is back", async () => {
    const { app } = build();
    const u = userId(0x500);
    const first = textEvent(u, "Mailbox full");
    line.always("reply", 500);
    const { ms } = await timed(app, [first]);
    line.always("reply", undefined);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(deliveredTo(first)).toHaveLength(0); // LINE never took it: nothing more can be sent
    expect(await errors(app, "reply", "500")).toBe(3);

    const next = textEvent(u, "いいえ");
    await timed(app, [next]);
    expect(textsOf(deliveredTo(next)[0]!.body.messages as unknown[]).join("\n")).toContain("Q&Aコミュニティ");
  });

  it("a hanging attempt is abandoned after the timeout and the retry delivers the answer", async () => {
    const { app } = build();
    const event = textEvent(userId(0x4a6), "Mailbox full");
    line.plan("reply", ["hang"]);
    const { ms } = await timed(app, [event]);
    expect(ms).toBeGreaterThanOrEqual(TUNING.timeoutMs);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(deliveredTo(event)).toHaveLength(1);
    expect(await errors(app, "reply", "timeout")).toBe(1);
  });

  it("LINE hanging on every call: each event ends within the bound, and one user's hang does not hold up another", async () => {
    const { app } = build();
    const stuck = textEvent(userId(0x57c), "Mailbox full");
    const other = textEvent(userId(0x07e), "メニュー");
    line.plan("reply", ["hang", "hang", "hang"], stuck.replyToken as string); // all three attempts
    const { ms } = await timed(app, [stuck, other]);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(deliveredTo(other)).toHaveLength(1);
    expect(deliveredTo(stuck)).toHaveLength(0);
    expect(await errors(app, "reply", "timeout")).toBe(3);
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
  it("with LINE_PUSH_FALLBACK the answer is pushed with one X-Line-Retry-Key kept across retries", async () => {
    const { app } = build({ pushFallback: true });
    const u = userId(0xe4b);
    const event = textEvent(u, "Mailbox full");
    line.plan("reply", [400]); // "Invalid reply token": the event waited too long
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
    const { app } = build();
    const before = line.pushes().length;
    line.plan("reply", [400]);
    await timed(app, [textEvent(userId(0xe4c), "Mailbox full")]);
    expect(line.pushes()).toHaveLength(before);
  });
});
