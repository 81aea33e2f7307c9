import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithOwnRedis } from "./helpers/describe-redis.ts";
import { type RedisServer, startRedisServer } from "./helpers/redis-server.ts";
import { type BotProcess, spawnBot } from "./support/bot-process.ts";
import { CANARIES, canaryPaste } from "./support/canaries.ts";
import { textsOf } from "./support/harness.ts";
import { followEvent, postWebhook, SECRET, TOKEN, textEvent, userId } from "./support/line-events.ts";
import { type LineStandin, type Recorded, startLineStandin } from "./support/line-standin.ts";

/**
 * Two real processes of bot/main.ts behind a pretend load balancer, sharing one Redis (REDIS_URL) and one
 * LINE stand-in (LINE_API_BASE_URL). Users chat turn by turn, each turn going to the other instance than
 * the one before, so every conversation depends on the shared store. Some events are delivered to both
 * instances (LINE redelivery, network duplicates). In the middle of a turn, instance A is killed (SIGKILL:
 * no goodbye); what LINE could not deliver to A is redelivered to B, and B keeps serving.
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

  beforeAll(async () => {
    redis = await startRedisServer();
    line = await startLineStandin(TOKEN);
    const env = {
      LINE_CHANNEL_SECRET: SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
      LINE_API_BASE_URL: line.baseUrl,
      REDIS_URL: redis.url,
      QA_COMMUNITY_URL: "https://community.example.org/qa", // production mode needs a real one
    };
    [bots.A, bots.B] = await Promise.all([spawnBot(env), spawnBot(env)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(Object.values(bots).map((bot) => bot?.stop("SIGTERM")));
    await line.close();
    await redis.dispose();
  });

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
  async function send(to: "A" | "B", event: Event): Promise<Sent> {
    if (await deliver(to, event)) return { event, ackedBy: to };
    const again = { ...event, deliveryContext: { isRedelivery: true } };
    return (await deliver("B", again)) ? { event, ackedBy: "B" } : { event };
  }

  const repliesTo = (event: Event): Recorded[] =>
    line.replies().filter((r) => r.body.replyToken === event.replyToken);
  const textOf = (r: Recorded) => textsOf(r.body.messages as unknown[]).join("\n");

  /** Waits until every event acknowledged by B has its reply (A's may be lost with it). */
  async function settle(sent: Sent[]): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (sent.some((s) => s.ackedBy === "B" && repliesTo(s.event).every((r) => r.status === undefined))) {
      if (Date.now() > deadline) throw new Error("instance B left events unanswered");
      await sleep(20);
    }
    await sleep(100);
  }

  it("shares conversations, handles duplicates once, and survives one instance being killed mid-load", async () => {
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

    // B is up and ready; nothing was handled twice (a reply token is tried at most once).
    const b = bots.B!;
    expect((await fetch(`${b.url}/readyz`)).status).toBe(200);
    for (const { event } of turns.flat()) expect(repliesTo(event).length).toBeLessThanOrEqual(1);
    for (const { event } of both) expect(repliesTo(event)).toHaveLength(1);
    // Every event B acknowledged was answered.
    for (const s of turns.flat().filter((t) => t.ackedBy === "B"))
      expect(repliesTo(s.event).map((r) => r.status)).toEqual([200]);

    // A user whose paste was handled (by A before it died, or by B) still has it on B in turn 3:
    // the escalation summary quotes that diagnosis.
    let continued = 0;
    users.forEach((_, i) => {
      const paste = repliesTo(pastes[i]!);
      if (paste[0]?.status !== 200) return; // lost with A: acknowledged, then killed before replying
      const summary = textOf(repliesTo(noes[i]!)[0]!);
      expect(summary).toContain(`エラーコード: ${PASTES[i % PASTES.length]![1]}：`); // then its meaning
      continued++;
    });
    // Only what A had acknowledged but not yet answered can be lost; most conversations went on.
    const lost = turns[1]!.filter((s) => s.ackedBy === "A" && repliesTo(s.event).length === 0).length;
    expect(continued).toBe(USERS - lost);
    expect(continued).toBeGreaterThanOrEqual(USERS / 2);
    expect(b.output()).not.toContain(CANARIES.phone);
  }, 60_000);
});
