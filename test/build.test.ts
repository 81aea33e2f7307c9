import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classify } from "../knowledge/classify.ts";
import { loadKnowledge } from "../knowledge/knowledge.ts";
import { build, RUNTIME_NODE_FLAGS } from "../scripts/build.ts";
import { type BotProcess, spawnBot } from "./support/bot-process.ts";
import { canaryPaste } from "./support/canaries.ts";
import { textsOf } from "./support/harness.ts";
import { postWebhook, SECRET, TOKEN, textEvent, userId } from "./support/line-events.ts";
import { type LineStandin, startLineStandin } from "./support/line-standin.ts";

/**
 * What the production image runs: `npm run build`'s JavaScript, started as the Dockerfile's CMD does
 * (node with RUNTIME_NODE_FLAGS), finding its data files and answering through LINE_API_BASE_URL.
 */

// Inside node_modules, so the compiled files resolve the installed packages; away from a developer's dist/.
const OUT = join(import.meta.dirname, "..", "node_modules", ".cache", "bounce-build-test");
let line: LineStandin;
let bot: BotProcess;

beforeAll(async () => {
  build(OUT);
  line = await startLineStandin(TOKEN);
  bot = await spawnBot(
    {
      LINE_CHANNEL_SECRET: SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
      LINE_API_BASE_URL: line.baseUrl,
      // Production mode refuses links.yaml's placeholder for the Q&A community (bot/config.ts).
      QA_COMMUNITY_URL: "https://community.example.org/qa",
    },
    [...RUNTIME_NODE_FLAGS, join(OUT, "bot", "main.js")],
  );
}, 60_000);

afterAll(async () => {
  await bot?.stop("SIGTERM");
  await line?.close();
  rmSync(OUT, { recursive: true, force: true });
});

describe("the compiled build (npm run build)", () => {
  it("serves the health endpoints and diagnoses a paste with the real knowledge data", async () => {
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
    const event = textEvent(userId(0xb01d), canaryPaste("552 5.2.2 <k@example.com>: Mailbox full"));
    const res = await postWebhook(bot.url, line.issue([event]));
    expect(res.status).toBe(200);
    const [reply] = await line.waitForReplies(1);
    expect(reply!.status).toBe(200);
    const title = loadKnowledge().topics.get("mailbox-full")!.title.ja;
    expect(textsOf(reply!.body.messages as unknown[]).join("\n")).toContain(title);
  });

  it("classifies a big folder with worker threads: the same lines, in order, as one by one", async () => {
    const fixtures = join(import.meta.dirname, "fixtures", "bounces");
    const dir = mkdtempSync(join(tmpdir(), "classify-threads-"));
    try {
      const names = readdirSync(fixtures).filter((f) => f.endsWith(".eml"));
      for (let copy = 0; copy < 16; copy++)
        for (const f of names)
          symlinkSync(join(fixtures, f), join(dir, `${String(copy).padStart(2, "0")}-${f}`));
      const out = execFileSync(
        process.execPath,
        [join(OUT, "knowledge", "cli", "classify.js"), "--json", dir],
        {
          encoding: "utf8",
          maxBuffer: 16 * 1024 * 1024,
        },
      );
      const lines = out.trim().split("\n");
      const files = readdirSync(dir).sort();
      expect(files.length).toBeGreaterThanOrEqual(600); // enough for the worker threads to take part
      expect(lines).toHaveLength(files.length);
      for (const [i, file] of files.entries()) {
        const { records } = await classify(new Uint8Array(readFileSync(join(dir, file))));
        const expected = records.map((r) => ({
          reason: r.reason,
          topic: r.topic,
          status: r.status,
          action: r.action,
          replyCode: r.replyCode,
          recipient: r.recipient,
        }));
        expect(JSON.parse(lines[i]!), file).toEqual({ file, records: expected });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("bundles the classify tool into a small command and the classifier it loads, and still reads screenshots (OCR loaded on demand)", {
    timeout: 120_000,
  }, () => {
    const tool = join(OUT, "knowledge", "cli", "classify.js");
    const core = join(OUT, "knowledge", "cli", "classify-core.js");
    // One file each: no static import of the classifier's modules is left.
    for (const file of [tool, core])
      expect(readFileSync(file, "utf8")).not.toMatch(/^import .* from "\.\.?\//m);
    // The command starts its worker threads before it loads the classifier: it holds none of it.
    expect(statSync(tool).size).toBeLessThan(8 * 1024);
    expect(statSync(core).size).toBeGreaterThan(100 * 1024);
    const shot = join(import.meta.dirname, "fixtures", "screenshots", "exim-mailbox-full.dark.2x.png");
    const out = execFileSync(process.execPath, [tool, "--json", shot], { encoding: "utf8" });
    expect(JSON.parse(out).records[0]).toMatchObject({ reason: "mailboxfull", status: "5.2.2" });
  });

  it("shuts down cleanly on SIGTERM", async () => {
    expect(await bot.stop("SIGTERM")).toBe(0);
  });
});
