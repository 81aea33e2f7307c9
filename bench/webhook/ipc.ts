import { join } from "node:path";
import {
  constants,
  monitorEventLoopDelay,
  type PerformanceEntry,
  PerformanceObserver,
} from "node:perf_hooks";
import { writeHeapSnapshot } from "node:v8";

/**
 * The benchmark's bot processes talk to bench/webhook.ts over Node's IPC channel: they announce their
 * port, and answer questions about their memory and the CPU time they have used. Memory is read after
 * full GCs when --expose-gc is on (so RSS is not inflated by garbage waiting to be collected: the first
 * collection frees, the next ones compact the pages it left sparse), once RSS has settled: V8 hands the
 * freed pages back to the system from a background thread, some hundreds of milliseconds after a GC.
 */
export interface Memory {
  rss: number;
  heapUsed: number;
  /** What V8 has committed for its heap (used or not), and memory outside it (Buffers, wasm). */
  heapTotal: number;
  external: number;
  /** Sessions the app's store holds (the full app only). */
  sessions?: number;
}

/**
 * What held the bot's event loop since the last "stalls" question (the latency windows: is a slow
 * acknowledgement the bot's doing?): how late its timers ran (the loop's delay: JavaScript running, or the
 * process not scheduled), and its garbage collections' pauses, in ms.
 */
export interface Stalls {
  loopP99: number;
  loopMax: number;
  gcCount: number;
  gcMs: number;
  gcMaxMs: number;
  /** The longest pause of a major (mark-compact) collection, 0 if none ran. */
  majorMaxMs: number;
}

export type BenchQuestion = { type: "memory" } | { type: "cpu" } | { type: "stalls" };
export type BenchAnswer = { memory: Memory } | { cpuMicros: number } | { port: number } | { stalls: Stalls };

/** Watched from the start, read and reset by the "stalls" question. */
const loop = monitorEventLoopDelay({ resolution: 1 });
const gc = { count: 0, ms: 0, maxMs: 0, majorMaxMs: 0 };
function watchStalls(): void {
  loop.enable();
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.count++;
      gc.ms += entry.duration;
      gc.maxMs = Math.max(gc.maxMs, entry.duration);
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR)
        gc.majorMaxMs = Math.max(gc.majorMaxMs, entry.duration);
    }
  }).observe({ entryTypes: ["gc"] });
}

function readStalls(): Stalls {
  const stalls: Stalls = {
    loopP99: loop.percentile(99) / 1e6,
    loopMax: loop.max / 1e6,
    gcCount: gc.count,
    gcMs: gc.ms,
    gcMaxMs: gc.maxMs,
    majorMaxMs: gc.majorMaxMs,
  };
  loop.reset();
  Object.assign(gc, { count: 0, ms: 0, maxMs: 0, majorMaxMs: 0 });
  return stalls;
}

export function serveBenchIpc(port: number, sessions?: () => number): void {
  process.send?.({ port } satisfies BenchAnswer);
  watchStalls();
  process.on("message", async (question: BenchQuestion) => {
    if (question.type === "stalls") {
      process.send?.({ stalls: readStalls() } satisfies BenchAnswer);
      return;
    }
    if (question.type === "cpu") {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpuMicros: user + system } satisfies BenchAnswer);
      return;
    }
    for (let i = 0; i < 3; i++) (globalThis as { gc?: () => void }).gc?.();
    await settled();
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    const memory: Memory = { rss, heapUsed, heapTotal, external, ...(sessions && { sessions: sessions() }) };
    process.send?.({ memory } satisfies BenchAnswer);
    // BENCH_HEAP_SNAPSHOT=dir: a heap snapshot of the full app with its sessions, to see what holds the memory.
    if (process.env.BENCH_HEAP_SNAPSHOT && sessions && sessions() > 0)
      writeHeapSnapshot(join(process.env.BENCH_HEAP_SNAPSHOT, `full-${sessions()}-sessions.heapsnapshot`));
  });
  process.on("disconnect", () => process.exit(0));
}

/** Waits until RSS stops falling (two readings 200 ms apart within 1 MB), at most 5 s. */
async function settled(): Promise<void> {
  let last = process.memoryUsage.rss();
  for (let waited = 0; waited < 5_000; waited += 200) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = process.memoryUsage.rss();
    if (last - now < 1024 * 1024) return;
    last = now;
  }
}
