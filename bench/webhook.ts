/**
 * npm run bench:webhook
 *
 * Signed webhook load on loopback against two bots replying through the SDK to the same LINE stand-in
 * (bench/webhook/standin.ts, in this process), each bot in its own process:
 *   - full: the assistant as deployed (createApp with the real classifier, dialogs, renderer, metrics,
 *     rate limit, memory stores, JSON logging) — bench/webhook/full-app.ts
 *   - echo: the SDK's echo-example pattern (express + middleware + replyMessage) — bench/webhook/echo-bot.ts
 * Two traffic mixes (bench/webhook/events.ts):
 *   - text (PRIMARY, the acceptance figure): only text messages — short bounce pastes, 「はい」/「いいえ」,
 *     「メニュー」, symptoms in the user's words. Both bots reply to every event, one reply call each, so
 *     the ratio measures the assistant's own cost (signature, classification, dialog, session store,
 *     rendering, logging, metrics) against the bare SDK pattern.
 *   - mixed (secondary): follows, pastes, postback and rich-menu taps, 「メニュー」. The echo bot answers only
 *     its text events (40 %), the assistant all of them: it makes 2.5× the reply calls, so this ratio
 *     says more about reply counts than about the assistant.
 *
 * 1. Throughput: per mix, rounds of the same traffic, alternating the bots, as fast as 32 concurrent
 *    requests go. A round ends when every webhook was answered AND every reply reached the stand-in (the
 *    assistant acknowledges first and replies after; the echo bot replies, then acknowledges).
 *    Prints events/s per round, the medians and the median of the rounds' ratios.
 * 2. Ack latency at a fixed 200 events/s on the text mix (open loop: measured from each request's
 *    scheduled time, so a stall counts for every request it delays): p50 / p99.
 * 3. RSS of a fresh full-app process with 10k live sessions (10k users: follow + paste), after a full GC.
 *    BENCH_HEAP_SNAPSHOT=dir also writes its heap snapshot then (what holds the memory: sessions, logs…).
 * 4. The stream path (BENCH_PARTS=stream, on by default when Debian's redis-server is installed): the full
 *    app with REDIS_URL pointing at a redis-server of its own (events written to the Redis stream before
 *    the ack, consumed from it; sessions, de-duplication and locks in Redis), text traffic against the
 *    same echo bot, and its ack latency at 200 events/s (the ack now waits for the XADD).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { Agent, request } from "node:http";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { build, RUNTIME_ENV, RUNTIME_NODE_FLAGS } from "../scripts/build.ts";
import { findRedisServer, type RedisServer, startRedisServer } from "../test/helpers/redis-server.ts";
import { type Mix, type Signed, traffic } from "./webhook/events.ts";
import type { BenchAnswer, BenchQuestion, Memory, Stalls } from "./webhook/ipc.ts";

const SECRET = "bench-channel-secret";
const TOKEN = "bench-channel-access-token";
/** Rounds alternate the bots; the machine is shared, so the headline is the median of paired ratios. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const MIXED_ROUNDS = Number(process.env.BENCH_MIXED_ROUNDS ?? 5);
const STREAM_ROUNDS = Number(process.env.BENCH_STREAM_ROUNDS ?? 5);
const USERS_PER_ROUND = 800; // × 5 turns = 4000 events a round
const CONCURRENCY = 32;
const RATE = 200; // events/s for the latency run
const WINDOWS = 3;
const WINDOW_SECONDS = 5;
const SESSIONS = 10_000;

/** "stream": the full app with REDIS_URL (the event stream), for part 4. */
type Kind = "full" | "echo" | "stream";
interface Bot {
  kind: Kind;
  /** How the bot is named in the output ("full-b": the full app with BENCH_AB_NODE_ARGS). */
  name: string;
  port: number;
  child: ChildProcess;
  memory(): Promise<Memory>;
  /** What held its event loop since the last call (ipc.ts Stalls). */
  stalls(): Promise<Stalls>;
  /** CPU time (user + system) the bot process has used so far, in ms. */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

/** The LINE stand-in's process: its URL, and how many replies it has answered so far. */
interface StandIn {
  baseUrl: string;
  replies(): Promise<number>;
  close(): Promise<void>;
}

async function startStandIn(): Promise<StandIn> {
  built ??= build();
  const child = spawn(process.execPath, [join(built, "bench", "webhook", "standin.js")], {
    env: { PATH: process.env.PATH, BENCH_TOKEN: TOKEN },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const baseUrl = await new Promise<string>((resolve) =>
    child.once("message", (m: { baseUrl: string }) => resolve(m.baseUrl)),
  );
  return {
    baseUrl,
    replies: () =>
      new Promise((resolve) => {
        child.once("message", (m: { replies: number }) => resolve(m.replies));
        child.send("count");
      }),
    close: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.disconnect();
      await exited;
    },
  };
}

/** The compiled app (npm run build), as the production image runs it. */
let built: string | undefined;

/** The full app's A/B variant ("full-b"): added V8 flags and environment (bench/webhook.ts, speed()). */
interface Variant {
  nodeArgs: string[];
  env: Record<string, string>;
  /** Another compiled app (BENCH_AB_DIST: e.g. main's `npm run build` output) to run as full-b. */
  dist?: string;
}

async function startBot(kind: Kind, standIn: StandIn, redis?: RedisServer, variant?: Variant): Promise<Bot> {
  built ??= build();
  const file = join(
    variant?.dist ?? built,
    "bench",
    "webhook",
    kind === "echo" ? "echo-bot.js" : "full-app.js",
  );
  // The full app with the production V8 flags; the echo bot as its example runs, plain node.
  // BENCH_NODE_ARGS adds flags to the full app, e.g. --cpu-prof to profile it; BENCH_ECHO_NODE_ARGS to the echo bot.
  const extra = (process.env[kind === "echo" ? "BENCH_ECHO_NODE_ARGS" : "BENCH_NODE_ARGS"] ?? "")
    .split(" ")
    .filter(Boolean);
  const flags = kind === "echo" ? extra : [...RUNTIME_NODE_FLAGS, ...extra, ...(variant?.nodeArgs ?? [])];
  const child = spawn(process.execPath, [...flags, "--expose-gc", file], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      BENCH_SECRET: SECRET,
      BENCH_TOKEN: TOKEN,
      BENCH_LINE_URL: standIn.baseUrl,
      ...(redis && { BENCH_REDIS_URL: redis.url }),
      // The full app with the image's environment (as with its V8 flags); the echo bot as its example runs.
      ...(kind !== "echo" && RUNTIME_ENV),
      ...(process.env.MALLOC_ARENA_MAX && { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX }),
      ...(process.env.MAX_CONCURRENT_EVENTS && { MAX_CONCURRENT_EVENTS: process.env.MAX_CONCURRENT_EVENTS }),
      ...(process.env.BENCH_HEAP_SNAPSHOT && { BENCH_HEAP_SNAPSHOT: process.env.BENCH_HEAP_SNAPSHOT }),
      ...variant?.env,
    },
    stdio: ["ignore", "ignore", "inherit", "ipc"], // the app's JSON log lines go nowhere, as to a log shipper
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m: { port?: number }) =>
      m.port ? resolve(m.port) : reject(new Error("no port")),
    );
    child.once("exit", (code) => reject(new Error(`${kind} bot exited with ${code}`)));
  });
  return {
    kind,
    name: variant ? `${kind}-b` : kind,
    port,
    child,
    memory: async () => {
      const answer = await ask(child, { type: "memory" });
      if (!("memory" in answer)) throw new Error("no memory answer");
      return answer.memory;
    },
    stalls: async () => {
      const answer = await ask(child, { type: "stalls" });
      if (!("stalls" in answer)) throw new Error("no stalls answer");
      return answer.stalls;
    },
    cpuMs: async () => {
      const answer = await ask(child, { type: "cpu" });
      if (!("cpuMicros" in answer)) throw new Error("no cpu answer");
      return answer.cpuMicros / 1000;
    },
    stop: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.disconnect();
      await exited;
    },
  };
}

function ask(child: ChildProcess, question: BenchQuestion): Promise<BenchAnswer> {
  return new Promise((resolve) => {
    const onMessage = (answer: BenchAnswer) => {
      if ("port" in answer) return;
      child.off("message", onMessage);
      resolve(answer);
    };
    child.on("message", onMessage);
    child.send(question);
  });
}

/**
 * Requests sent again because their connection was closed before any answer came (see post()): the
 * machine starved this process between opening a connection and writing on it (the bot cuts a connection
 * silent for 3 s: bot/http-server.ts). Printed at the end when there were any.
 */
let resent = 0;
const CLOSED_UNANSWERED = new Set(["ECONNRESET", "EPIPE"]);

/**
 * One webhook POST. A connection closed before an answer came (or with 408) is tried again, up to 3 times,
 * as HTTP clients do for a request they may not have sent: the bot drops an event it has seen by its
 * webhookEventId, so a request it did read is not handled twice.
 */
async function post(agent: Agent, port: number, webhook: Signed): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      const status = await postOnce(agent, port, webhook);
      // 408: the bot cut the connection before the request came whole; it handled nothing of it.
      if (status !== 408 || attempt >= 3) return status;
      resent++;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "";
      if (attempt >= 3 || !CLOSED_UNANSWERED.has(code)) throw error;
      resent++;
    }
  }
}

function postOnce(agent: Agent, port: number, webhook: Signed): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/webhook",
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(webhook.body),
          "x-line-signature": webhook.signature,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(webhook.body);
  });
}

/** Waits until the stand-in has seen `count` replies (or gives up after `ms`). */
async function repliesReach(standIn: StandIn, count: number, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (let seen = await standIn.replies(); seen < count; seen = await standIn.replies()) {
    if (Date.now() > deadline) throw new Error(`stand-in saw ${seen} replies, expected ${count}`);
    await sleep(2);
  }
}

/** Sends every webhook with `concurrency` in flight; resolves when all are answered and replied to. */
async function blast(bot: Bot, standIn: StandIn, webhooks: Signed[], concurrency = CONCURRENCY) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const expected = (await standIn.replies()) + webhooks.filter((w) => bot.kind !== "echo" || w.text).length;
  let next = 0;
  let failed = 0;
  const cpuBefore = await bot.cpuMs();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < webhooks.length) {
        const status = await post(agent, bot.port, webhooks[next++]!);
        if (status !== 200) failed++;
      }
    }),
  );
  await repliesReach(standIn, expected);
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = (await bot.cpuMs()) - cpuBefore;
  agent.destroy();
  if (failed > 0) throw new Error(`${bot.name}: ${failed} webhooks not answered 200`);
  return {
    perSecond: webhooks.length / seconds,
    /** The bot's CPU time per event, and how busy it was (1 = one core all the time). */
    cpuMicrosPerEvent: (cpuMs * 1000) / webhooks.length,
    busy: cpuMs / 1000 / seconds,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Open loop at a fixed rate: latency from each request's scheduled time to its response. Also what says
 * whose stall a slow acknowledgement was: how late this process sent requests (`late`: it was not
 * scheduled, or busy with responses), its own event loop's delay (`ownLoop`: a response is timed only
 * when this loop reads it), and the bot's loop delay and GC pauses over the window (ipc.ts Stalls).
 */
async function latencyAtRate(bot: Bot, standIn: StandIn, webhooks: Signed[]) {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const expected = (await standIn.replies()) + webhooks.filter((w) => bot.kind !== "echo" || w.text).length;
  const latencies: number[] = [];
  const fromSend: number[] = [];
  const late: number[] = [];
  const interval = 1000 / RATE;
  await bot.stalls(); // from here on
  const ownLoop = monitorEventLoopDelay({ resolution: 1 });
  ownLoop.enable();
  const t0 = performance.now() + 50;
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < webhooks.length; i++) {
    const due = t0 + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait - 0.5);
    while (performance.now() < due); // the last half millisecond, so requests leave on time
    const sent = performance.now();
    late.push(sent - due);
    inFlight.push(
      post(agent, bot.port, webhooks[i]!).then(() => {
        const end = performance.now();
        latencies.push(end - due);
        fromSend.push(end - sent);
      }),
    );
  }
  await Promise.all(inFlight);
  ownLoop.disable();
  const stalls = await bot.stalls();
  await repliesReach(standIn, expected);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  fromSend.sort((a, b) => a - b);
  late.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    /** From the moment the request left: without this process's own lateness in sending it. */
    sentP99: percentile(fromSend, 99),
    max: latencies.at(-1)!,
    lateP99: percentile(late, 99),
    lateMax: late.at(-1)!,
    ownLoopMax: ownLoop.max / 1e6,
    stalls,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const f0 = (n: number) => n.toFixed(0);

async function main(): Promise<void> {
  const standIn = await startStandIn();
  console.log(
    `# bench:webhook — loopback; node ${process.version}; compiled app (npm run build); LINE stand-in in its own process`,
  );

  const parts = (process.env.BENCH_PARTS ?? "throughput,latency,rss,stream").split(",");
  if (parts.includes("throughput") || parts.includes("latency")) await speed(standIn, parts);
  if (parts.includes("rss")) await rss(standIn);
  if (parts.includes("stream")) await stream(standIn);
  if (resent > 0)
    console.log(`\n  ${resent} requests sent again: their connection closed before an answer came`);
  await standIn.close();
}

/**
 * BENCH_AB_NODE_ARGS (V8 flags, e.g. "--max-semi-space-size=16") and BENCH_AB_ENV (e.g.
 * "MAX_CONCURRENT_EVENTS=16 MALLOC_ARENA_MAX=2"): the text rounds also run "full-b", the full app with
 * these added, so a setting is compared with the image's in the same rounds. BENCH_AB_DIST: full-b is
 * another build of the app (a dist/ folder, e.g. of main: `git archive main | tar -x -C /tmp/base`, its
 * node_modules linked, `npm run build` there), so a code change is compared in the same rounds too.
 */
const AB: Variant | undefined =
  process.env.BENCH_AB_NODE_ARGS || process.env.BENCH_AB_ENV || process.env.BENCH_AB_DIST
    ? {
        ...(process.env.BENCH_AB_DIST && { dist: process.env.BENCH_AB_DIST }),
        nodeArgs: (process.env.BENCH_AB_NODE_ARGS ?? "").split(" ").filter(Boolean),
        env: Object.fromEntries(
          (process.env.BENCH_AB_ENV ?? "")
            .split(" ")
            .filter(Boolean)
            .map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]),
        ),
      }
    : undefined;

async function speed(standIn: StandIn, parts: string[]): Promise<void> {
  // 1. Throughput, rotating which bot goes first.
  const full = await startBot("full", standIn);
  const echo = await startBot("echo", standIn);
  const variant = AB ? await startBot("full", standIn, undefined, AB) : undefined;
  const all = variant ? [echo, full, variant] : [echo, full];
  for (const bot of all) {
    await blast(bot, standIn, traffic("text", `warm-${bot.name}`, 400, SECRET));
    if (MIXED_ROUNDS > 0 && bot !== variant)
      await blast(bot, standIn, traffic("mixed", `warm-mixed-${bot.name}`, 200, SECRET));
  }
  if (parts.includes("throughput")) {
    // The mixed traffic is optional when profiling (BENCH_MIXED_ROUNDS=0).
    const primary = await throughputRounds(all, standIn, "text", ROUNDS);
    const secondary =
      MIXED_ROUNDS > 0 ? await throughputRounds([echo, full], standIn, "mixed", MIXED_ROUNDS) : undefined;
    console.log("");
    console.log(
      `  PRIMARY   full/echo ${primary.get("full")?.toFixed(2)}× — text only, both bots reply to every event (acceptance ≥ 0.8×)`,
    );
    if (variant)
      console.log(
        `  A/B       full-b/echo ${primary.get("full-b")?.toFixed(2)}× — full-b: ${[...(AB?.dist ? [AB.dist] : []), ...(AB?.nodeArgs ?? []), ...Object.entries(AB?.env ?? {}).map(([k, v]) => `${k}=${v}`)].join(" ")}`,
      );
    if (secondary)
      console.log(
        `  secondary full/echo ${secondary.get("full")?.toFixed(2)}× — mixed traffic; echo answers only text events (40 %), full answers all`,
      );
  }

  if (parts.includes("latency")) await latencyRun({ full, echo }, standIn);
  for (const bot of all) await bot.stop();
}

const MIX_TITLE: Record<Mix, string> = {
  text: "PRIMARY — text messages only (pastes, はい/いいえ, メニュー, symptom words): both bots reply to every event",
  mixed:
    "secondary — mixed (follow, paste, postback and rich-menu taps, メニュー): echo answers only text events (40 %), full answers all",
};

/**
 * Rounds of one mix; `bots` starts with the echo bot (the baseline), the order of the bots rotating each
 * round. Returns, per other bot, the median of the rounds' ratios to the echo bot.
 */
async function throughputRounds(
  bots: Bot[],
  standIn: StandIn,
  mix: Mix,
  rounds: number,
): Promise<Map<string, number>> {
  console.log(`
throughput, ${MIX_TITLE[mix]}`);
  console.log(`  ${USERS_PER_ROUND * 5} events per round, ${CONCURRENCY} concurrent requests`);
  const rates = bots.map(() => [] as number[]);
  const cpu = bots.map(() => [] as number[]);
  const busy = bots.map(() => [] as number[]);
  const last = (values: number[][], i: number) => values[i]!.at(-1)!;
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < bots.length; k++) {
      const i = (round + k) % bots.length;
      const bot = bots[i]!;
      const webhooks = traffic(mix, `${mix}-r${round}-${bot.name}`, USERS_PER_ROUND, SECRET);
      const result = await blast(bot, standIn, webhooks);
      rates[i]!.push(result.perSecond);
      cpu[i]!.push(result.cpuMicrosPerEvent);
      busy[i]!.push(result.busy);
    }
    const ratios = bots.slice(1).map((_, j) => (last(rates, j + 1) / last(rates, 0)).toFixed(2));
    console.log(
      `  round ${round + 1}: ${bots.map((b, i) => `${b.name} ${f0(last(rates, i))}`).join(" · ")} events/s (${ratios.join(", ")}×)` +
        ` · CPU per event ${bots.map((b, i) => `${b.name} ${f0(last(cpu, i))}`).join(", ")} µs` +
        ` · busy ${bots.map((b, i) => `${b.name} ${last(busy, i).toFixed(2)}`).join(", ")} cores`,
    );
  }
  const ratios = new Map<string, number>();
  for (let i = 1; i < bots.length; i++)
    ratios.set(bots[i]!.name, median(rates[i]!.map((rate, r) => rate / rates[0]![r]!)));
  console.log(
    `  median of ${rounds} rounds: ${bots.map((b, i) => `${b.name} ${f0(median(rates[i]!))}`).join(" · ")} events/s;` +
      ` ${[...ratios].map(([name, ratio]) => `${name}/${bots[0]!.name} ${ratio.toFixed(2)}×`).join(", ")} (median of the rounds' ratios)`,
  );
  console.log(
    `  CPU per event (median): ${bots.map((b, i) => `${b.name} ${f0(median(cpu[i]!))} µs`).join(" · ")}` +
      (mix === "mixed" ? " (echo: per event, of which it answers 40 %)" : " (one reply call per event each)"),
  );
  return ratios;
}

async function latencyRun({ full, echo }: { full: Bot; echo: Bot }, standIn: StandIn): Promise<void> {
  // 2. Ack latency at a fixed rate, in windows: the machine is shared, and one stall of another process
  //    lands in one window; the median window's p99 is the figure, every window is printed.
  const count = RATE * WINDOW_SECONDS;
  console.log(
    `\nack latency at ${RATE} events/s, text traffic, ${WINDOWS} windows of ${WINDOW_SECONDS} s (${count} webhooks each):`,
  );
  for (const bot of [full, echo]) await latencyWindows(bot, standIn);
}

/** WINDOWS windows at RATE events/s; prints the median window's p50 and p99. */
async function latencyWindows(bot: Bot, standIn: StandIn): Promise<void> {
  const count = RATE * WINDOW_SECONDS;
  const windows: Awaited<ReturnType<typeof latencyAtRate>>[] = [];
  for (let w = 0; w < WINDOWS; w++)
    windows.push(
      await latencyAtRate(bot, standIn, traffic("text", `lat-${bot.kind}-${w}`, count / 5, SECRET)),
    );
  const p50 = median(windows.map((w) => w.p50));
  const p99 = median(windows.map((w) => w.p99));
  const each = windows.map((w) => `${w.p99.toFixed(1)}`).join(" / ");
  console.log(
    `  ${bot.kind}: p50 ${p50.toFixed(1)} ms · p99 ${p99.toFixed(1)} ms (median window; p99 per window ${each} ms)` +
      (bot.kind === "echo" ? " (it acknowledges after replying)" : " (acceptance p99 ≤ 20 ms)"),
  );
  // Whose stall: the sender's lateness and loop, the bot's loop delay and GC pauses (longest, in ms).
  const f1 = (n: number) => n.toFixed(1);
  for (const [i, w] of windows.entries())
    console.log(
      `    window ${i + 1}: p99 ${f1(w.p99)}, from the send ${f1(w.sentP99)}, max ${f1(w.max)} · sender late p99/max ${f1(w.lateP99)}/${f1(w.lateMax)}, its loop max ${f1(w.ownLoopMax)}` +
        ` · bot loop delay p99/max ${f1(w.stalls.loopP99)}/${f1(w.stalls.loopMax)}, GC ${w.stalls.gcCount} pauses` +
        ` (${f1(w.stalls.gcMs)} ms, longest ${f1(w.stalls.gcMaxMs)}, major ${f1(w.stalls.majorMaxMs)})`,
    );
}

async function stream(standIn: StandIn): Promise<void> {
  // 4. The stream path: the full app with REDIS_URL against the same echo bot.
  if (!findRedisServer()) {
    console.log("\nstream path: skipped (redis-server not found; Debian: apt-get install -y redis-server)");
    return;
  }
  const redis = await startRedisServer();
  const full = await startBot("stream", standIn, redis);
  const echo = await startBot("echo", standIn);
  try {
    for (const bot of [full, echo])
      await blast(bot, standIn, traffic("text", `warm-stream-${bot.kind}`, 400, SECRET));
    console.log(
      "\nstream path (REDIS_URL: events through the Redis stream; sessions, de-duplication, locks in Redis):",
    );
    const stats = await redisCommands(redis.url);
    await stats.reset();
    const ratios = await throughputRounds([echo, full], standIn, "text", STREAM_ROUNDS);
    await stats.print(STREAM_ROUNDS * USERS_PER_ROUND * 5);
    console.log(
      `  STREAM    full(Redis)/echo ${ratios.get("stream")?.toFixed(2)}× — text only (no acceptance figure; for comparison)`,
    );
    console.log(`ack latency at ${RATE} events/s through the stream (the ack waits for the XADD):`);
    await latencyWindows(full, standIn);
  } finally {
    await full.stop();
    await echo.stop();
    await redis.dispose();
  }
}

/**
 * What the stream path asks of Redis per event (INFO commandstats over the throughput rounds): the bot pays
 * for each command in CPU (ioredis, sockets; those of a script or a MULTI share one round trip), and
 * redis-server runs them on the same cores.
 */
async function redisCommands(url: string) {
  const { Redis } = await import("ioredis");
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await client.connect();
  return {
    reset: () => client.config("RESETSTAT"),
    async print(events: number): Promise<void> {
      const info = await client.info("commandstats");
      client.disconnect();
      const calls = [...info.matchAll(/^cmdstat_([^:]+):calls=(\d+),usec=(\d+)/gm)]
        .map(([, name, count, usec]) => ({ name: name!, count: Number(count), usec: Number(usec) }))
        .filter((c) => !/^(info|config)/.test(c.name))
        .sort((a, b) => b.count - a.count);
      const total = calls.reduce((sum, c) => sum + c.count, 0);
      console.log(
        `  Redis commands per event: ${(total / events).toFixed(1)} (${calls.map((c) => `${c.name} ${(c.count / events).toFixed(2)}`).join(", ")});` +
          ` redis-server's own time ${(calls.reduce((sum, c) => sum + c.usec, 0) / events).toFixed(0)} µs per event`,
      );
    },
  };
}

async function rss(standIn: StandIn): Promise<void> {
  // 3. RSS with 10k live sessions, in a fresh process. With BENCH_AB_* (above), full-b's too, each in a
  // process of its own, one after the other in turn (BENCH_RSS_ROUNDS rounds, default 1; the first of a
  // round alternates), so a change is compared with main's build in the same minutes.
  const variants = AB ? [undefined, AB] : [undefined];
  const rounds = Number(process.env.BENCH_RSS_ROUNDS ?? 1);
  console.log(`\nmemory of a fresh full app, after full GCs:`);
  for (let round = 0; round < rounds; round++)
    for (const variant of round % 2 === 0 ? variants : [...variants].reverse()) await rssOf(standIn, variant);
}

async function rssOf(standIn: StandIn, variant: Variant | undefined): Promise<void> {
  const fresh = await startBot("full", standIn, undefined, variant);
  const idle = await fresh.memory();
  await blast(fresh, standIn, traffic("mixed", "rss", SESSIONS, SECRET, 2));
  const loaded = await fresh.memory();
  await fresh.stop();
  const parts = (m: Memory) =>
    `heap ${mb(m.heapUsed)} used of ${mb(m.heapTotal)}, external ${mb(m.external)}, the rest ${mb(m.rss - m.heapTotal - m.external)}`;
  const name = AB ? `${fresh.name}: ` : "";
  console.log(`  ${name}idle: RSS ${mb(idle.rss)} (${parts(idle)})`);
  console.log(
    `  ${name}${SESSIONS / 1000}k users (follow + paste each; ${loaded.sessions} sessions in the store): RSS ${mb(loaded.rss)} (${parts(loaded)}) (acceptance ≤ 150 MB)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
