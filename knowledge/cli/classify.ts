/**
 * npm run --silent classify -- [--json] PATH|-
 *
 * PATH is a file or a folder; "-" reads stdin. Whole mails and pasted text are told apart
 * automatically; PNG and JPEG files (screenshots of a returned mail) are read with OCR, two at a time,
 * and classified as pasted text. With --json, one line per file:
 *   {"file":"<name>","records":[{"reason":"…","topic":"…","status":"…","action":"…","replyCode":"…",
 *   "recipient":"k***@example.com"}]}   (recipient masked as users are shown it, "" when none)
 * Without it, a short summary in Japanese for support staff. Both go through the masker (knowledge/pii.ts)
 * as a last step: whatever a bounce carried, no personal data is printed.
 *
 * Run compiled (scripts/run-compiled.mjs), a big folder is shared with worker threads, one per spare
 * core (classify-core.ts). `npm run classify` starts node with 16× V8's default --interrupt-budget: in a
 * run of a few seconds, optimising every warm function in the background cost more CPU than the optimised
 * code saved (dev set ×10, two threads: 2.1–2.4 s CPU → 1.5–1.7 s, like --no-opt); only the hottest still are.
 * It also starts node with NODE_EXTRA_CA_CERTS empty: Node 20 reads and parses that file (where it is set,
 * often the whole system CA bundle) at every start, ~47 ms of CPU before the first line of JavaScript, and
 * this command makes no TLS connection (OCR reads its language data from local packages).
 *
 * Start-up is a good part of a run of a second, so this file is small: it lists the inputs and starts the
 * worker threads before it loads the classifier (classify-core.ts, a bundle of its own when compiled), so a
 * worker's own start (Node's, then the classifier's) runs beside the main thread's loading, not after it.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { WorkerJob } from "./classify-core.ts";
import { type Input, inputsOf } from "./classify-inputs.ts";

/** Fewer files than this are done before a worker thread would have loaded the classifier. */
const PARALLEL_FROM = 600;

/** Worker threads for a folder, each started on the whole list (they take chunks from `next`). */
function startWorkers(
  json: boolean,
  inputs: readonly Input[],
  dir: string | undefined,
  next: SharedArrayBuffer,
) {
  const compiled = import.meta.url.endsWith(".js"); // worker threads need no loader only when compiled
  // CLASSIFY_WORKERS overrides (0: this thread alone), for measuring.
  const spare = Number(process.env.CLASSIFY_WORKERS ?? Math.min(3, availableParallelism() - 1));
  if (!dir || !compiled || inputs.length < PARALLEL_FROM || spare <= 0) return [];
  const job: WorkerJob = { kind: "classify-chunks", json, dir, files: inputs.map((i) => i.name), next };
  const script = new URL("./classify-core.js", import.meta.url);
  return Array.from({ length: spare }, () => new Worker(script, { workerData: job }));
}

async function main(): Promise<void> {
  // "classify ... | head" closes the pipe early: stop quietly.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const path = args.find((a) => a === "-" || !a.startsWith("--"));
  if (!path) {
    process.stderr.write("usage: npm run --silent classify -- [--json] PATH|-\n");
    process.exit(2);
  }
  let listed: ReturnType<typeof inputsOf>;
  try {
    listed = inputsOf(path);
  } catch (error) {
    process.stderr.write(`classify: cannot read ${path}: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const { inputs, dir } = listed;
  const next = new SharedArrayBuffer(4);
  const workers = startWorkers(json, inputs, dir, next);
  const { classifyAll, orderedOutput } = await import("./classify-core.ts");
  const output = orderedOutput(json, inputs);
  await classifyAll(json, inputs, workers, next, output.emit);
  await output.end();
  // Every line is out: end now, not after the worker threads have torn their heaps down (tens of ms).
  process.stdout.write("", () => process.exit());
}

await main();
