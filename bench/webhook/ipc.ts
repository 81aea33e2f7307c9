import { join } from "node:path";
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

export type BenchQuestion = { type: "memory" } | { type: "cpu" };
export type BenchAnswer = { memory: Memory } | { cpuMicros: number } | { port: number };

export function serveBenchIpc(port: number, sessions?: () => number): void {
  process.send?.({ port } satisfies BenchAnswer);
  process.on("message", async (question: BenchQuestion) => {
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
