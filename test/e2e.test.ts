import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkMessages } from "../bot/line-limits.ts";
import { loadKnowledge } from "../knowledge/knowledge.ts";
import { startFakeLineApi } from "./support/fake-line-api.ts";
import { textsOf } from "./support/harness.ts";
import {
  followEvent,
  postbackEvent,
  SECRET,
  sign,
  TOKEN,
  textEvent,
  userId,
  webhookBody,
} from "./support/line-events.ts";

/**
 * `npm start`'s program (bot/main.ts) as its own process, configured only through environment variables,
 * with the real classifier and texts, replying through the SDK to a local fake of LINE's API reached via
 * LINE_API_BASE_URL. Nothing is mocked in between. (No nock in this file: it breaks fetch to loopback.)
 */

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const knowledge = loadKnowledge();

let fake: Awaited<ReturnType<typeof startFakeLineApi>>;
let bot: ChildProcess;
let botUrl: string;
let output = "";

beforeAll(async () => {
  fake = await startFakeLineApi(TOKEN);
  bot = spawn(process.execPath, ["--import", "tsx", "bot/main.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      PORT: "0",
      LINE_CHANNEL_SECRET: SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
      LINE_API_BASE_URL: fake.baseUrl,
      QA_COMMUNITY_URL: "https://community.example.org/qa",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  botUrl = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const url = /"url":"(http:\/\/localhost:\d+)"/.exec(output)?.[1];
      if (url) resolve(url);
    };
    bot.stdout!.on("data", onData);
    bot.stderr!.on("data", onData);
    bot.once("exit", (code) => reject(new Error(`bot/main.ts exited with ${code}:\n${output}`)));
  });
}, 30_000);

afterAll(async () => {
  if (bot.exitCode === null) {
    const exited = new Promise((resolve) => bot.once("exit", resolve));
    bot.kill("SIGTERM");
    await exited;
  }
  await fake.close();
});

async function send(events: unknown[], secret = SECRET) {
  const body = webhookBody(events);
  return fetch(`${botUrl}/webhook`, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8", "x-line-signature": sign(body, secret) },
    body,
  });
}

describe("bot/main.ts end to end through LINE_API_BASE_URL", () => {
  it("follows, diagnoses a pasted bounce, picks a carrier and escalates with the configured link", async () => {
    const u = userId(0xe2e);
    const script = [
      followEvent(u),
      textEvent(
        u,
        "<yuki.t@example.com>: host mx.example.com said: 550 5.1.1 <yuki.t@example.com>: Recipient address rejected: User unknown in local recipient table",
      ),
      postbackEvent(u, "a=followup&topic=user-unknown&id=mobile-address"),
      postbackEvent(u, "a=carrier&id=softbank"),
      textEvent(u, "いいえ"),
    ];
    for (const [i, event] of script.entries()) {
      expect((await send([event])).status).toBe(200);
      await fake.waitForReplies(i + 1); // one turn at a time, as a person chats
    }
    const replies = fake.replies();
    expect(replies.map((r) => r.status)).toEqual(script.map(() => 200)); // the fake accepted every reply
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
    const before = fake.replies().length;
    const res = await send([textEvent(u, "Mailbox full")], "not-the-secret");
    expect(res.status).toBe(401);
    // The same user's next, signed event is handled after anything queued before it: once its reply is
    // in, a wrongly accepted first event would have replied too.
    const good = textEvent(u, "メニュー");
    expect((await send([good])).status).toBe(200);
    const replies = await fake.waitForReplies(before + 1);
    expect(replies.slice(before).map((r) => r.body.replyToken)).toEqual([good.replyToken]);
  });

  it("logs no raw user text", () => {
    expect(output).toContain('"msg":"turn"');
    expect(output).not.toContain("yuki.t@");
    expect(output).not.toContain("Recipient address rejected");
  });
});
