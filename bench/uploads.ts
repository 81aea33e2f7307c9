/**
 * `npm run bench:uploads`: what unauthenticated uploads cost the bot (issue #12, item 4). Starts
 * bot/main.ts in production mode as its own process, then
 *   1. opens UPLOADS connections at once, each POSTing an unsigned BYTES body to /webhook as fast as the
 *      socket takes it, and reads the bot's peak and settled RSS (/proc/<pid>/status, Linux);
 *   2. sends one upload that stalls after half its body and times how long the bot keeps it open.
 * Prints the answers the clients got. Not a test: memory and timing figures belong in the README.
 */
import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { spawnServer } from "../scripts/child-process.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 100);
const BYTES = Number(process.env.BENCH_UPLOAD_BYTES ?? 7_000_000);
const STALL_LIMIT_MS = Number(process.env.BENCH_STALL_LIMIT_MS ?? 40_000);

function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s*(\\d+)`, "m").exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb("VmRSS") / 1024), peakMb: Math.round(kb("VmHWM") / 1024) };
}

interface Outcome {
  status: string; // the HTTP status the bot answered, or how the connection ended without one
  ms: number;
}

/** One unsigned upload; `stallAfter` bytes and then silence (or the whole body when undefined). */
function upload(port: number, stallAfter?: number): { done: Promise<Outcome>; socket: Socket } {
  const socket = connect(port, "127.0.0.1");
  const started = performance.now();
  const done = new Promise<Outcome>((resolve) => {
    let answer = "";
    const finish = (status: string) => {
      resolve({ status, ms: Math.round(performance.now() - started) });
      socket.destroy();
    };
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
      const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];
      if (status) finish(status);
    });
    socket.on("error", (error: NodeJS.ErrnoException) => finish(error.code ?? "error"));
    socket.on("close", () => finish("closed"));
  });
  socket.on("connect", async () => {
    socket.write(
      `POST /webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${BYTES}\r\nX-Line-Signature: bm90LWEtc2lnbmF0dXJl\r\n\r\n`,
    );
    const chunk = Buffer.alloc(64 * 1024, "x");
    let sent = 0;
    const until = stallAfter ?? BYTES;
    while (sent < until && !socket.destroyed) {
      const piece = chunk.subarray(0, Math.min(chunk.length, until - sent));
      sent += piece.length;
      if (!socket.write(piece)) await new Promise((resolve) => socket.once("drain", resolve));
    }
  });
  return { done, socket };
}

function tally(outcomes: Outcome[]): string {
  const counts = new Map<string, number>();
  for (const o of outcomes) counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${n}× ${s}`).join(", ");
}

async function main(): Promise<void> {
  const bot = await spawnServer(process.execPath, ["--import", "tsx", "bot/main.ts"], {
    name: "bot/main.ts",
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      PORT: "0",
      LINE_CHANNEL_SECRET: "bench-secret",
      LINE_CHANNEL_ACCESS_TOKEN: "bench-token",
      LINE_API_BASE_URL: "http://127.0.0.1:9",
      QA_COMMUNITY_URL: "https://qa.example.jp/",
    },
    ready: (output) => /"url":"http:\/\/localhost:\d+"/.test(output),
  });
  const pid = bot.child.pid!;
  const port = Number(/"url":"http:\/\/localhost:(\d+)"/.exec(bot.output())![1]);
  try {
    await sleep(1000);
    const idle = memoryOf(pid);
    console.log(`bot idle: RSS ${idle.rssMb} MB`);

    let peak = idle.rssMb;
    const sampler = setInterval(() => {
      peak = Math.max(peak, memoryOf(pid).rssMb);
    }, 50);
    const started = performance.now();
    const outcomes = await Promise.all(Array.from({ length: UPLOADS }, () => upload(port).done));
    clearInterval(sampler);
    const during = memoryOf(pid);
    console.log(
      `${UPLOADS} unsigned uploads of ${(BYTES / 1e6).toFixed(1)} MB at once: answered in ${Math.round(performance.now() - started)} ms; ${tally(outcomes)}`,
    );
    console.log(`  RSS peak ${Math.max(peak, during.peakMb)} MB (VmHWM ${during.peakMb} MB)`);
    await sleep(3000);
    console.log(`  RSS 3 s after they closed: ${memoryOf(pid).rssMb} MB`);

    const stalled = upload(port, Math.floor(BYTES / 2));
    const cut = await Promise.race([
      stalled.done,
      sleep(STALL_LIMIT_MS).then(() => ({ status: "still open", ms: STALL_LIMIT_MS })),
    ]);
    stalled.socket.destroy();
    console.log(`one upload stalled after half its body: ${cut.status} after ${cut.ms} ms`);
  } finally {
    await bot.stop("SIGTERM");
  }
}

await main();
