import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { describeWithOwnRedis } from "./helpers/describe-redis.ts";
import { type RedisServer, startRedisServer } from "./helpers/redis-server.ts";
import { type BotProcess, spawnBot } from "./support/bot-process.ts";
import { CANARIES, canaryPaste } from "./support/canaries.ts";
import { textsOf } from "./support/harness.ts";
import { followEvent, postWebhook, SECRET, TOKEN, textEvent, userId } from "./support/line-events.ts";
import { type LineStandin, type Recorded, startLineStandin } from "./support/line-standin.ts";

/**
 * Two real processes of bot/main.ts behind a pretend load balancer, sharing one Redis (REDIS_URL) and one
 * LINE stand-in (LINE_API_BASE_URL), with the default delivery settings (claim idle time, reply retry
 * window) unless a test says otherwise. Acknowledged events go through the shared Redis stream, so:
 *   - conversations go on across instances, and an event delivered to both is answered once;
 *   - LINE failing (500) for 30 s while 150 users write: every event is answered once LINE recovers;
 *   - LINE slow (1.5 s a reply), 200 users writing to A, A killed (SIGKILL): B answers every event A had
 *     acknowledged, none twice;
 *   - A stopped (SIGTERM) while LINE hangs: A exits in bounded time, B answers A's events when LINE is back.
 * "Answered" is what users see: a reply LINE accepted (200), at most one per reply token, and no push.
 */

type Event = Record<string, unknown>;
interface Sent {
  event: Event;
  /** Which instance acknowledged it with 200, if any. */
  ackedBy?: "A" | "B";
}

/** Each user's conversation: friend added, a paste (with personal data around it), "not helpful". */
const PASTES: [bounce: string, code: string][] = [
  ["552 5.2.2 <k@example.com>: Mailbox full", "552 5.2.2"],
  ["550 5.1.1 <k@example.com>: Recipient address rejected: User unknown", "550 5.1.1"],
  ["552 5.3.4 Message size exceeds fixed maximum message size", "552 5.3.4"],
  ["550 5.1.2 <k@nowhere.example>: Host or domain name not found", "550 5.1.2"],
];
const USERS = 24;

describeWithOwnRedis("two instances sharing Redis", () => {
  let redis: RedisServer;
  let line: LineStandin;
  const bots: Partial<Record<"A" | "B", BotProcess>> = {};

  /** A fresh Redis and a fresh pair of instances for each test (an instance may be killed in it). */
  async function startPair(extraEnv: Record<string, string> = {}): Promise<void> {
    redis = await startRedisServer();
    const env = {
      LINE_CHANNEL_SECRET: SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
      LINE_API_BASE_URL: line.baseUrl,
      REDIS_URL: redis.url,
      QA_COMMUNITY_URL: "https://community.example.org/qa", // production mode needs a real one
      ...extraEnv,
    };
    [bots.A, bots.B] = await Promise.all([spawnBot(env), spawnBot(env)]);
  }

  beforeAll(async () => {
    line = await startLineStandin(TOKEN);
  });
  afterEach(async () => {
    line.resetFaults();
    await Promise.all(Object.values(bots).map((bot) => bot?.stop("SIGKILL")));
    await redis?.dispose();
  });
  afterAll(() => line.close());

  /**
   * POSTs one event to an instance (its reply token issued by the stand-in, as LINE does; a redelivery
   * carries the same token); resolves with whether it answered 200 (false: refused or cut off).
   */
  async function deliver(to: "A" | "B", event: Event): Promise<boolean> {
    try {
      const res = await postWebhook(bots[to]!.url, line.issue([event]), {
        signal: AbortSignal.timeout(5_000),
      });
      return res.status === 200;
    } catch {
      return false; // connection refused or reset: LINE saw no 2xx
    }
  }

  /** Like LINE with redelivery on: an event that got no 2xx is sent again, to the instance still up. */
  async function send(to: "A" | "B", event: Event, options = { redeliver: true }): Promise<Sent> {
    if (await deliver(to, event)) return { event, ackedBy: to };
    if (!options.redeliver) return { event };
    const again = { ...event, deliveryContext: { isRedelivery: true } };
    return (await deliver("B", again)) ? { event, ackedBy: "B" } : { event };
  }

  const repliesTo = (event: Event): Recorded[] =>
    line.replies().filter((r) => r.body.replyToken === event.replyToken);
  /** The replies LINE accepted for this event: what the user saw. */
  const answersTo = (event: Event): Recorded[] => repliesTo(event).filter((r) => r.status === 200);
  const textOf = (r: Recorded) => textsOf(r.body.messages as unknown[]).join("\n");

  /** Waits until every acknowledged event has its answer. */
  async function settle(sent: Sent[], timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const open = sent.filter((s) => s.ackedBy && answersTo(s.event).length === 0).length;
      if (open === 0) break;
      if (Date.now() > deadline) {
        // What LINE answered each unanswered event's attempts, for the failure message.
        const tried = sent
          .filter((s) => s.ackedBy && answersTo(s.event).length === 0)
          .map((s) => repliesTo(s.event).map((r) => r.status ?? "no answer"));
        throw new Error(`${open} acknowledged events left unanswered; attempts: ${JSON.stringify(tried)}`);
      }
      await sleep(50);
    }
    await sleep(200); // a second answer, if any, would show up now
  }

  /** Every acknowledged event was answered exactly once, and nothing was pushed (the fallback is off). */
  function expectEachAnsweredOnce(sent: Sent[]): void {
    const counts = sent.filter((s) => s.ackedBy).map((s) => answersTo(s.event).length);
    expect(counts.filter((n) => n !== 1)).toEqual([]);
    expect(line.pushes()).toHaveLength(0);
  }

  it("shares conversations, handles duplicates once, and survives one instance being killed mid-load", async () => {
    await startPair();
    const users = Array.from({ length: USERS }, (_, i) => userId(0x2a000 + i));
    const turns: Sent[][] = [];

    // Turn 1 (A for even users, B for odd), and every third user's follow goes to both at once.
    const follows = users.map((u) => followEvent(u));
    const both: Sent[] = [];
    turns.push(
      await Promise.all(
        follows.map(async (event, i) => {
          if (i % 3 === 0) {
            const [a] = await Promise.all([send("A", event), send("B", event)]);
            both.push(a);
            return a;
          }
          return send(i % 2 === 0 ? "A" : "B", event);
        }),
      ),
    );
    await settle(turns[0]!);

    // Turn 2: the other instance; A is killed while the turn is being delivered.
    const pastes = users.map((u, i) => textEvent(u, canaryPaste(PASTES[i % PASTES.length]![0])));
    const second = pastes.map((event, i) =>
      (async () => {
        await sleep(i * 15);
        return send(i % 2 === 0 ? "B" : "A", event);
      })(),
    );
    await sleep((USERS / 2) * 15);
    await bots.A!.stop("SIGKILL");
    turns.push(await Promise.all(second));
    await settle(turns[1]!);

    // Turn 3: everything goes to B now.
    const noes = users.map((u) => textEvent(u, "いいえ"));
    turns.push(await Promise.all(noes.map((event) => send("B", event))));
    await settle(turns[2]!);

    // B is up and ready; every acknowledged event was answered once, by whichever instance, also
    // those A had acknowledged when it was killed (B took them over from the stream).
    const b = bots.B!;
    expect((await fetch(`${b.url}/readyz`)).status).toBe(200);
    expectEachAnsweredOnce(turns.flat());
    for (const { event } of both) expect(answersTo(event)).toHaveLength(1);

    // Every user's paste was answered, so every escalation summary on B quotes that diagnosis.
    users.forEach((_, i) => {
      const summary = textOf(answersTo(noes[i]!)[0]!);
      expect(summary).toContain(`エラーコード: ${PASTES[i % PASTES.length]![1]}：`); // then its meaning
    });
    expect(b.output()).not.toContain(CANARIES.phone);
  }, 90_000);

  it("LINE answering 500 for 30 s while 150 users write: every event is answered once LINE recovers", async () => {
    await startPair();
    line.always("reply", 500);
    const started = Date.now();
    const answeredBefore = line.delivered().length;
    // 150 users write over the first 10 s of the outage, to either instance.
    const sent = await Promise.all(
      Array.from({ length: 150 }, (_, i) =>
        (async () => {
          await sleep(i * 66);
          return send(i % 2 === 0 ? "A" : "B", textEvent(userId(0x50000 + i), "Mailbox full"));
        })(),
      ),
    );
    expect(sent.every((s) => s.ackedBy)).toBe(true);
    await sleep(30_000 - (Date.now() - started));
    expect(line.delivered().length).toBe(answeredBefore);
    // Retried all along (with backoff), not given up.
    expect(sent.filter((s) => repliesTo(s.event).length >= 3).length).toBeGreaterThan(100);
    for (const bot of [bots.A!, bots.B!]) expect(bot.output()).not.toContain("reply not delivered");
    line.always("reply", undefined);
    await settle(sent, 30_000);
    expectEachAnsweredOnce(sent);
  }, 120_000);

  it("LINE slow (1.5 s a reply), 200 users writing to A, A killed: B answers every event A acknowledged, none twice", async () => {
    await startPair();
    line.always("reply", { delayMs: 1_500 });
    const sent = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        (async () => {
          await sleep(i * 5);
          return send("A", textEvent(userId(0x60000 + i), "Mailbox full"), { redeliver: false });
        })(),
      ),
    );
    expect(sent.every((s) => s.ackedBy === "A")).toBe(true);
    await sleep(500); // A is now in the middle of its replies
    await bots.A!.stop("SIGKILL");
    await settle(sent, 60_000);
    expectEachAnsweredOnce(sent);
    expect(bots.B!.output()).toContain("took over events of a consumer that stopped answering");
  }, 120_000);

  it("A stopped (SIGTERM) while LINE hangs: A exits in bounded time, B answers its events when LINE is back", async () => {
    await startPair({ SHUTDOWN_GRACE_MS: "2000" });
    line.always("reply", "hang");
    const sent = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        send("A", textEvent(userId(0x70000 + i), "Mailbox full"), { redeliver: false }),
      ),
    );
    expect(sent.every((s) => s.ackedBy === "A")).toBe(true);
    await sleep(500);
    const stopping = Date.now();
    expect(await bots.A!.stop("SIGTERM")).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(8_000);
    expect(bots.A!.output()).toContain("left in the stream");
    line.always("reply", undefined);
    await settle(sent, 60_000);
    expectEachAnsweredOnce(sent);
  }, 120_000);
});
