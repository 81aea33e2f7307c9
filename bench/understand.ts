/**
 * npm run bench:understand [-- --texts FILE…] [--code tsx|dist|both] [--against-default | --against-flags "FLAGS" |
 *   --against-code DIR]
 *
 * What reading a typed message costs (bench/understand-run.ts measures, and says what), measured in a child
 * process started with the V8 flags the bot runs with: RUNTIME_NODE_FLAGS of scripts/build.ts, the one
 * place they are written (the Dockerfile's CMD is tested against it), and the bot's environment
 * (RUNTIME_ENV). Why a child: the 99th percentile is set by garbage collection (a scavenge of the young
 * generation falls in about one call in a hundred), and the bot's `--max-semi-space-size=6` makes the
 * young generation smaller than Node's default, so scavenges more frequent: measured in this process,
 * with Node's defaults, the benchmark timed a different collector from the bot's.
 *
 * Which code (printed first): `--code tsx`, the default, the TypeScript sources through tsx, as `npm start`
 * runs them; `--code dist`, the JavaScript tsc compiled into dist/ (scripts/build.ts), as the Dockerfile runs
 * it, built first unless dist/ is newer than every source (scripts/run-compiled.mjs distIsCurrent). The two
 * differ: tsx compiles with esbuild's keepNames, which wraps every named function or arrow made per call in
 * `__name(…)` (a property defined on each new closure, ~1.4 KB per typed text in round 40), which the compiled
 * code never does. `--code both`: the interpreter alone in two children at once, the sources and dist/, both
 * with the bot's flags, alternated round by round (below), so that both figures come from the same minutes.
 *
 * --against-default: the interpreter alone in two children at once, one with the bot's flags and one with
 * Node's defaults (same texts, same environment, the code of `--code`), each warmed up, then timed a round of
 * the texts in turn, the order swapped every round so that the machine's load falls on both alike; p50 and
 * p99 of each.
 * --against-flags "FLAGS": the same, the second child started with FLAGS (the whole list, the bot's flags
 * not added: e.g. "--max-semi-space-size=6 --heap-growing-percent=100 --single-threaded-gc"), to weigh a
 * change to RUNTIME_NODE_FLAGS against the flags the bot runs with in the same minutes.
 * --against-code DIR: the same, the second child running the sources of another checkout DIR (e.g. an earlier
 * commit: `git worktree add /tmp/base <commit>`, its node_modules linked or copied), both through tsx with the
 * bot's flags, on the same texts (this checkout's dev.yaml and held-out.yaml unless --texts names others): how
 * much of a change in the figures is the code's and how much the machine's hour (round 42: the p99 rose between
 * rounds 40 and 41 on the same index code; only a run that alternates both codes in the same minutes says which).
 * --cpu (with any of the above, or alone): each call timed in the process's CPU time as well (bench/understand-run.ts
 * says how), its p50 and p99 printed beside the wall-clock ones: what to compare on a loaded machine, where the
 * wall-clock p99 measures waiting for a CPU.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { build, RUNTIME_ENV, RUNTIME_NODE_FLAGS } from "../scripts/build.ts";
// @ts-expect-error plain JavaScript (it must run before anything is compiled), no declarations
import { distIsCurrent } from "../scripts/run-compiled.mjs";

const ROOT = join(import.meta.dirname, "..");
const args = process.argv.slice(2);
const named = args.indexOf("--against-flags");
/** The second child's flags: none with --against-default, FLAGS with --against-flags FLAGS. */
const againstFlags: readonly string[] | null =
  named >= 0
    ? (args[named + 1] ?? "").split(" ").filter(Boolean)
    : args.includes("--against-default")
      ? []
      : null;
const codeDirAt = args.indexOf("--against-code");
/** The other checkout whose sources the second child runs (--against-code DIR). */
const againstDir = codeDirAt < 0 ? undefined : resolve(args[codeDirAt + 1] ?? "");
const against = againstFlags !== null || againstDir !== undefined;
const codeAt = args.indexOf("--code");
const code = codeAt < 0 ? "tsx" : args[codeAt + 1];
if (code !== "tsx" && code !== "dist" && code !== "both") {
  console.error(
    "usage: npm run bench:understand -- [--texts FILE…] [--code tsx|dist|both] [--against-default | --against-flags FLAGS | --against-code DIR] [--cpu]",
  );
  process.exit(2);
}
if (against && code === "both") {
  console.error("--against-default/--against-flags compare flags on one code: --code tsx or --code dist");
  process.exit(2);
}
if (againstDir !== undefined && (code !== "tsx" || againstFlags !== null)) {
  console.error(
    "--against-code DIR compares sources through tsx, with the bot's flags: no --code dist, no --against-flags",
  );
  process.exit(2);
}
/** Whether argument i is one of this script's own (not passed to understand-run). */
const own = (at: number, i: number) => at >= 0 && (i === at || i === at + 1);
const passed = args.filter(
  (a, i) => a !== "--against-default" && !own(codeAt, i) && !own(named, i) && !own(codeDirAt, i),
);
const cpu = args.includes("--cpu");
// Both checkouts read the same texts: this one's dialog sets unless --texts names files (the other's differ).
if (againstDir !== undefined && !passed.includes("--texts"))
  passed.push("--texts", ...["dev.yaml", "held-out.yaml"].map((f) => join(ROOT, "test", "dialog-eval", f)));

type Code = "tsx" | "dist";
const CODE_NAME: Record<Code, string> = {
  tsx: "the TypeScript sources through tsx (as `npm start` runs them)",
  dist: "dist/ compiled by tsc (scripts/build.ts, as the Dockerfile runs it)",
};
if (code !== "tsx") {
  if (distIsCurrent()) console.log("dist/ is newer than every source: measured as built");
  else {
    console.log("building dist/ (scripts/build.ts): it is older than a source");
    build();
  }
}

/**
 * A child running understand-run under `flags`: its source with this process's loader (tsx), or dist/'s build;
 * `root`: the checkout whose sources run (this one unless --against-code).
 */
function start(flags: readonly string[], run: Code, driven: boolean, root = ROOT): ChildProcess {
  const runner =
    run === "tsx"
      ? [...process.execArgv, join(root, "bench", "understand-run.ts")]
      : [join(ROOT, "dist", "bench", "understand-run.js")];
  return spawn(process.execPath, [...flags, ...runner, ...passed], {
    env: { ...process.env, ...RUNTIME_ENV, ...(driven && { BENCH_UNDERSTAND_DRIVEN: "1" }) },
    stdio: ["ignore", "inherit", "inherit", ...(driven ? (["ipc"] as const) : [])],
  });
}

console.log(`the bot's V8 flags (scripts/build.ts RUNTIME_NODE_FLAGS): ${RUNTIME_NODE_FLAGS.join(" ")}`);
if (!against && code !== "both") {
  console.log(`code measured: ${CODE_NAME[code]}`);
  const child = start(RUNTIME_NODE_FLAGS, code, false);
  process.exitCode = await new Promise<number>((done) => child.on("exit", (status) => done(status ?? 1)));
} else {
  const ROUNDS = 15;
  const compared: { name: string; flags: readonly string[]; code: Code; root?: string }[] =
    againstDir !== undefined
      ? [
          { name: `this checkout (${ROOT})`, flags: RUNTIME_NODE_FLAGS, code: "tsx" },
          { name: `the other (${againstDir})`, flags: RUNTIME_NODE_FLAGS, code: "tsx", root: againstDir },
        ]
      : code === "both"
        ? [
            { name: "sources through tsx (npm start)", flags: RUNTIME_NODE_FLAGS, code: "tsx" },
            { name: "dist/ compiled by tsc (Dockerfile)", flags: RUNTIME_NODE_FLAGS, code: "dist" },
          ]
        : [
            { name: `bot's flags (${RUNTIME_NODE_FLAGS.join(" ")})`, flags: RUNTIME_NODE_FLAGS, code },
            {
              name: againstFlags!.length === 0 ? "Node's defaults" : `flags ${againstFlags!.join(" ")}`,
              flags: againstFlags!,
              code,
            },
          ];
  console.log(
    code === "both"
      ? `code measured: ${CODE_NAME.tsx} and ${CODE_NAME.dist}, alternated, both with the bot's flags`
      : `code measured: ${CODE_NAME[code]}`,
  );
  const runs = compared.map((r) => ({
    ...r,
    child: start(r.flags, r.code, true, r.root),
    times: [] as number[],
    roundP99: [] as number[],
    cpu: [] as number[],
    roundCpuP99: [] as number[],
    young: 0,
  }));
  let done = false;
  for (const r of runs)
    r.child.on("exit", (status) => {
      if (done) return;
      console.error(`understand-run (${r.name}) exited with ${status}`);
      process.exit(1);
    });
  const ask = (child: ChildProcess, message: string) =>
    new Promise<{ ready?: number; times?: number[]; cpu?: number[]; youngMb?: number }>((answered) => {
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
      // A runner from before --cpu (an older checkout's, --against-code) sends no CPU times.
      if (!cpu || !answer.cpu?.length) continue;
      for (const t of answer.cpu) r.cpu.push(t);
      r.roundCpuP99.push(
        quantile(
          [...answer.cpu].sort((a, b) => a - b),
          0.99,
        ),
      );
    }
  done = true;
  // Paired by round (the two ran in the same minute): how often the second's p99 was the lower.
  const lower = runs[1]!.roundP99.filter((p99, i) => p99 < runs[0]!.roundP99[i]!).length;
  const lowerCpu = runs[1]!.roundCpuP99.filter((p99, i) => p99 < runs[0]!.roundCpuP99[i]!).length;
  for (const r of runs) {
    r.child.send("exit");
    r.times.sort((a, b) => a - b);
    r.roundP99.sort((a, b) => a - b);
    console.log(
      `${r.name.padEnd(58)} p50 ${quantile(r.times, 0.5).toFixed(0)} µs, p99 ${quantile(r.times, 0.99).toFixed(0)} µs (per round ${r.roundP99[0]!.toFixed(0)}–${r.roundP99.at(-1)!.toFixed(0)}), young generation ${r.young.toFixed(0)} MB`,
    );
    if (!cpu) continue;
    if (r.cpu.length === 0) {
      console.log(
        `${"  in CPU time".padEnd(58)} not measured: its bench/understand-run.ts predates --cpu (copy this one's)`,
      );
      continue;
    }
    r.cpu.sort((a, b) => a - b);
    r.roundCpuP99.sort((a, b) => a - b);
    console.log(
      `${"  in CPU time".padEnd(58)} p50 ${quantile(r.cpu, 0.5).toFixed(0)} µs, p99 ${quantile(r.cpu, 0.99).toFixed(0)} µs (per round ${r.roundCpuP99[0]!.toFixed(0)}–${r.roundCpuP99.at(-1)!.toFixed(0)})`,
    );
  }
  console.log(`${runs[1]!.name}: the lower p99 in ${lower} of ${ROUNDS} rounds`);
  if (cpu && runs.every((r) => r.cpu.length > 0))
    console.log(`${runs[1]!.name}: the lower CPU-time p99 in ${lowerCpu} of ${ROUNDS} rounds`);
}

/** The value at `q` of sorted times. */
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
