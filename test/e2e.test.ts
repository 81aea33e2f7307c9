import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../knowledge/knowledge.ts";
import { checkMessages } from "../platform/line-limits.ts";
import { type BotProcess, spawnBot } from "./support/bot-process.ts";
import { CANARIES } from "./support/canaries.ts";
import { textsOf } from "./support/harness.ts";
import {
  followEvent,
  postbackEvent,
  postWebhook,
  SECRET,
  TOKEN,
  textEvent,
  userId,
} from "./support/line-events.ts";
import { type LineStandin, startLineStandin } from "./support/line-standin.ts";

/**
 * `npm start`'s program (bot/main.ts) as its own process, configured only through environment variables,
 * with the real classifier and texts, replying to the simulator's LINE API stand-in (LINE's checks included)
 * reached via LINE_API_BASE_URL. Nothing is mocked in between. (No nock in this file: it breaks fetch to
 * loopback.)
 */

const knowledge = loadKnowledge();

let line: LineStandin;
let bot: BotProcess;

beforeAll(async () => {
  line = await startLineStandin(TOKEN);
  bot = await spawnBot({
    LINE_CHANNEL_SECRET: SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
    LINE_API_BASE_URL: line.baseUrl,
    QA_COMMUNITY_URL: "https://community.example.org/qa",
  });
}, 30_000);

afterAll(async () => {
  await bot.stop("SIGTERM");
  await line.close();
});

/** LINE delivering events: their reply tokens are issued by the stand-in, the request is signed. */
const send = (events: Record<string, unknown>[], secret = SECRET) =>
  postWebhook(bot.url, line.issue(events), { secret });

describe("bot/main.ts end to end through LINE_API_BASE_URL", () => {
  it("follows, diagnoses a pasted bounce, picks a carrier and escalates with the configured link", async () => {
    const u = userId(0xe2e);
    const script = [
      followEvent(u),
      textEvent(
        u,
        `電話 ${CANARIES.phone} です\n<yuki.t@example.com>: host mx.example.com said: 550 5.1.1 <yuki.t@example.com>: Recipient address rejected: User unknown in local recipient table`,
      ),
      postbackEvent(u, "a=followup&topic=user-unknown&id=mobile-address"),
      postbackEvent(u, "a=carrier&id=softbank"),
      textEvent(u, "いいえ"),
    ];
    for (const [i, event] of script.entries()) {
      expect((await send([event])).status).toBe(200);
      await line.waitForReplies(i + 1); // one turn at a time, as a person chats
    }
    const replies = line.replies();
    expect(replies.map((r) => r.status)).toEqual(script.map(() => 200)); // the stand-in accepted every reply
    expect(replies.map((r) => r.body.replyToken)).toEqual(script.map((e) => e.replyToken));
    for (const r of replies) expect(checkMessages(r.body.messages)).toEqual([]);
    const texts = replies.map((r) => textsOf(r.body.messages as unknown[]).join("\n"));
    expect(texts[1]).toContain(knowledge.topics.get("user-unknown")!.title.ja);
    expect(texts[3]).toContain(knowledge.carriers.find((c) => c.id === "softbank")!.name.ja);
    expect(texts[4]).toContain("https://community.example.org/qa");
    expect(texts.join("\n")).not.toContain("yuki.t@");
  });

  it("answers a bad signature with 401 and calls nothing", async () => {
    const u = userId(0x401);
    const before = line.replies().length;
    const res = await send([textEvent(u, "Mailbox full")], "not-the-secret");
    expect(res.status).toBe(401);
    // The same user's next, signed event is handled after anything queued before it: once its reply is
    // in, a wrongly accepted first event would have replied too.
    const good = textEvent(u, "メニュー");
    expect((await send([good])).status).toBe(200);
    const replies = await line.waitForReplies(before + 1);
    expect(replies.slice(before).map((r) => r.body.replyToken)).toEqual([good.replyToken]);
  });

  it("logs no raw user text", () => {
    const output = bot.output();
    expect(output).toContain('"msg":"turn"');
    expect(output).not.toContain("yuki.t@");
    expect(output).not.toContain(CANARIES.phone);
    expect(output).not.toContain("Recipient address rejected");
  });

  it("on SIGTERM finishes the events in flight, then exits 0", async () => {
    const before = line.replies().length;
    const events = [0x51, 0x52, 0x53].map((n) => textEvent(userId(n), "Mailbox full"));
    for (const event of events) line.plan("reply", [{ delayMs: 400 }], event.replyToken as string);
    for (const event of events) expect((await send([event])).status).toBe(200);
    const code = await bot.stop("SIGTERM"); // while the three replies are still on their way
    expect(code).toBe(0);
    const delivered = line.delivered().filter((r) => events.some((e) => e.replyToken === r.body.replyToken));
    expect(delivered).toHaveLength(3);
    expect(line.replies().length).toBe(before + 3);
    expect(bot.output()).toContain('"msg":"shutting down"');
  });

  it("on SIGTERM while LINE hangs (no Redis): exits in bounded time, logging and counting what it lost", async () => {
    const stopping = await spawnBot({
      LINE_CHANNEL_SECRET: SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
      LINE_API_BASE_URL: line.baseUrl,
      QA_COMMUNITY_URL: "https://community.example.org/qa",
      SHUTDOWN_GRACE_MS: "1500",
    });
    line.always("reply", "hang");
    try {
      const events = line.issue(
        Array.from({ length: 20 }, (_, i) => textEvent(userId(0x5e00 + i), "Mailbox full")),
      );
      const res = await postWebhook(stopping.url, events);
      expect(res.status).toBe(200);
      const started = Date.now();
      expect(await stopping.stop("SIGTERM")).toBe(0);
      expect(Date.now() - started).toBeLessThan(6_000); // the grace, then closing: not the 20 min of retries
      const lost = /"lost":(\d+)[^\n]*acknowledged events lost at shutdown/.exec(stopping.output());
      expect(Number(lost?.[1])).toBe(20);
    } finally {
      line.always("reply", undefined);
      await stopping.stop("SIGKILL");
    }
  });
});
