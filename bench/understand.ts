/**
 * npm run bench:understand [-- --texts FILE…] [--against-default]
 *
 * What reading a typed message costs (bench/understand-run.ts measures, and says what), measured in a child
 * process started with the V8 flags the bot runs with: RUNTIME_NODE_FLAGS of scripts/build.ts, the one
 * place they are written (the Dockerfile's CMD is tested against it), and the bot's environment
 * (RUNTIME_ENV). Why a child: the 99th percentile is set by garbage collection (a scavenge of the young
 * generation falls in about one call in a hundred), and the bot's `--max-semi-space-size=6` makes the
 * young generation smaller than Node's default, so scavenges more frequent: measured in this process,
 * with Node's defaults, the benchmark timed a different collector from the bot's.
 *
 * --against-default: the interpreter alone in two children at once, one with the bot's flags and one with
 * Node's defaults (same texts, same environment), each warmed up, then timed a round of the texts in turn,
 * the order swapped every round so that the machine's load falls on both alike; p50 and p99 of each.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { RUNTIME_ENV, RUNTIME_NODE_FLAGS } from "../scripts/build.ts";

const RUN = join(import.meta.dirname, "understand-run.ts");
const args = process.argv.slice(2);
const against = args.includes("--against-default");
const passed = args.filter((a) => a !== "--against-default");

/** A child running understand-run.ts under `flags`, with this process's loader (tsx). */
function start(flags: readonly string[], driven: boolean): ChildProcess {
  return spawn(process.execPath, [...flags, ...process.execArgv, RUN, ...passed], {
    env: { ...process.env, ...RUNTIME_ENV, ...(driven && { BENCH_UNDERSTAND_DRIVEN: "1" }) },
    stdio: ["ignore", "inherit", "inherit", ...(driven ? (["ipc"] as const) : [])],
  });
}

if (!against) {
  console.log(`the bot's V8 flags (scripts/build.ts RUNTIME_NODE_FLAGS): ${RUNTIME_NODE_FLAGS.join(" ")}`);
  const child = start(RUNTIME_NODE_FLAGS, false);
  process.exitCode = await new Promise<number>((done) => child.on("exit", (code) => done(code ?? 1)));
} else {
  const ROUNDS = 15;
  const runs = [
    { name: `bot's flags (${RUNTIME_NODE_FLAGS.join(" ")})`, flags: RUNTIME_NODE_FLAGS as readonly string[] },
    { name: "Node's defaults", flags: [] as readonly string[] },
  ].map((r) => ({
    ...r,
    child: start(r.flags, true),
    times: [] as number[],
    roundP99: [] as number[],
    young: 0,
  }));
  let done = false;
  for (const r of runs)
    r.child.on("exit", (code) => {
      if (done) return;
      console.error(`understand-run.ts (${r.name}) exited with ${code}`);
      process.exit(1);
    });
  const ask = (child: ChildProcess, message: string) =>
    new Promise<{ ready?: number; times?: number[]; youngMb?: number }>((answered) => {
      child.once("message", answered);
      if (message) child.send(message);
    });
  const sizes = await Promise.all(runs.map((r) => ask(r.child, "")));
  console.log(`${sizes[0]!.ready} texts × ${ROUNDS} rounds each, the interpreter, alternated`);
  for (let round = 0; round < ROUNDS; round++)
    for (const r of round % 2 === 0 ? runs : [...runs].reverse()) {
      const answer = await ask(r.child, "round");
      for (const t of answer.times!) r.times.push(t);
      r.roundP99.push(
        quantile(
          [...answer.times!].sort((a, b) => a - b),
          0.99,
        ),
      );
      r.young = answer.youngMb!;
    }
  done = true;
  for (const r of runs) {
    r.child.send("exit");
    r.times.sort((a, b) => a - b);
    r.roundP99.sort((a, b) => a - b);
    console.log(
      `${r.name.padEnd(58)} p50 ${quantile(r.times, 0.5).toFixed(0)} µs, p99 ${quantile(r.times, 0.99).toFixed(0)} µs (per round ${r.roundP99[0]!.toFixed(0)}–${r.roundP99.at(-1)!.toFixed(0)}), young generation ${r.young.toFixed(0)} MB`,
    );
  }
}

/** The value at `q` of sorted times. */
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
