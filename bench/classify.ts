/**
 * npm run bench:classify
 *
 * 1. Throughput over ../shared/corpus/sisimai-dev: our classify() against the Perl Sisimai
 *    (Debian libsisimai-perl, ../shared/eval/peer-sisimai.sh) on the same folder, in the same run.
 *    Both sides read each file and decode it; Perl reports its own wall time inside one process, so
 *    we do the same (module loading is outside both timings). After untimed warm-up rounds (the JIT
 *    needs them; a webhook server is always warm) both sides run several interleaved rounds on the
 *    shared machine, and the ratio compares our median round with Perl's best round. The cold round
 *    (the first round in a fresh process, bench/classify-cold.ts) is measured in a new process next to
 *    each Perl round, and its median is compared with Perl's best too.
 * 2. Whole process, as a user runs it: `npm run --silent classify -- --json DIR` against the Perl
 *    peer's whole run (perl start-up and module loading included) over the folder ×10 (symlinks in a
 *    temporary folder), wall time, interleaved rounds; our side runs compiled (dist/, built first, as
 *    `npm ci` builds it). Each side's CPU time (user + system, its child processes included) is printed
 *    too: on a shared machine it varies far less with the load than the wall time does.
 *    `npm run bench:classify -- --whole [DIR] [--rounds N]` runs this section alone (N rounds, default 3).
 * 3. Worst case: the slowest of three runs on each adversarial input (up to 1 MB), of the masker
 *    (maskPii) on the long texts built for its scans, and of the steps that read a paste or a
 *    screenshot's text first (unwrap, cleanOcrText) on 5,000 characters built for them. Speed is
 *    measured here, not in the unit tests (they check what these inputs give).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadMailparser } from "../knowledge/bounce/mail.ts";
import { unwrap } from "../knowledge/bounce/unwrap.ts";
import { classify } from "../knowledge/classify.ts";
import { cleanOcrText } from "../knowledge/ocr/clean.ts";
import { maskPii } from "../knowledge/pii.ts";
import { sharedPath } from "../scripts/shared-dir.ts";
import { ADVERSARIAL, MASKER_ADVERSARIAL, TEXT_ADVERSARIAL } from "./adversarial.ts";

const ARGS = process.argv.slice(2);
/** --whole: section 2 alone; --rounds N: its rounds. */
const WHOLE_ONLY = ARGS.includes("--whole");
const roundsAt = ARGS.indexOf("--rounds");
const WHOLE_ROUNDS = roundsAt === -1 ? 3 : Number(ARGS[roundsAt + 1]);
if (!Number.isInteger(WHOLE_ROUNDS) || WHOLE_ROUNDS < 1) {
  console.error("usage: npm run bench:classify -- [--whole] [--rounds N] [DIR]");
  process.exit(2);
}
const DIR = resolve(
  ARGS.find((a, i) => !a.startsWith("--") && ARGS[i - 1] !== "--rounds") ??
    sharedPath("corpus", "sisimai-dev"),
);
// Next to this checkout (../shared), else next to the corpus folder given (<shared>/corpus/<name>).
const PEER_PLACES = [
  sharedPath("eval", "peer-sisimai.sh"),
  resolve(DIR, "..", "..", "eval", "peer-sisimai.sh"),
];
const PEER = PEER_PLACES.find((p) => existsSync(p)) ?? PEER_PLACES[0]!;
const ROUNDS = 7;
/** Untimed rounds first: V8 needs a few passes to compile the hot paths, as in a long-running server. */
const WARMUP = 5;
const NOT_MAILS = /^(?:labels\.tsv|README\.md|LICENSE.*)$/;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The first round in a fresh process (module loading and file reading untimed, as for Perl). */
function coldRound(files: string[]): number | undefined {
  const script = join(import.meta.dirname, "classify-cold.ts");
  const run = spawnSync(process.execPath, ["--import", "tsx", script, ...files], { encoding: "utf8" });
  const value = Number(run.stdout.trim());
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

function peerRound(): number | undefined {
  const run = spawnSync("sh", [PEER, DIR], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const m = /([\d.]+) files\/s/.exec(run.stderr ?? "");
  return m ? Number(m[1]) : undefined;
}

async function ourRound(files: string[]): Promise<number> {
  const t0 = performance.now();
  for (const f of files) await classify(new Uint8Array(readFileSync(f)));
  return files.length / ((performance.now() - t0) / 1000);
}

/**
 * Wall seconds of one whole command and its CPU seconds (user + system of the command and every process
 * it started, from the shell's `times`), or undefined when it failed.
 */
function wall(command: string, args: string[]): { wall: number; cpu: number } | undefined {
  const t0 = performance.now();
  const run = spawnSync("sh", ["-c", '"$@" >/dev/null; s=$?; times; exit $s', "sh", command, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = performance.now() - t0;
  // `times` prints the shell's own user and system time, then its children's: "0m1.234s 0m0.056s".
  const children = (run.stdout ?? "").trim().split("\n").at(-1) ?? "";
  const [user, system] = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map(
    (m) => Number(m[1]) * 60 + Number(m[2]),
  );
  if (run.status !== 0 || user === undefined || system === undefined) return undefined;
  return { wall: seconds / 1000, cpu: user + system };
}

/** "median 1.23 s (1.30, 1.23, 1.19)" */
const figures = (values: number[]) =>
  `median ${median(values).toFixed(2)} s (${values.map((s) => s.toFixed(2)).join(", ")})`;

/** Section 2: the folder ×10, both whole processes, `rounds` interleaved rounds each. */
function wholeProcess(files: string[], rounds = 3): void {
  const root = join(import.meta.dirname, "..");
  const build = spawnSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "ignore" });
  if (build.status !== 0) return void console.log("\n# whole process: npm run build failed; skipped");
  const dir = mkdtempSync(join(tmpdir(), "bench-classify-x10-"));
  try {
    for (let copy = 0; copy < 10; copy++)
      for (const f of files) symlinkSync(f, join(dir, `${copy}-${f.slice(f.lastIndexOf("/") + 1)}`));
    const ours: { wall: number; cpu: number }[] = [];
    const peer: { wall: number; cpu: number }[] = [];
    const load = loadavg()[0]!;
    for (let i = 0; i < rounds; i++) {
      const p = wall("sh", [PEER, dir]);
      if (p !== undefined) peer.push(p);
      const o = wall("npm", ["run", "--silent", "--prefix", root, "classify", "--", "--json", dir]);
      if (o !== undefined) ours.push(o);
    }
    console.log(
      `\n# whole process over ${files.length * 10} mails (the folder ×10), ${rounds} rounds, load ${load.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`,
    );
    const wallOf = (runs: typeof ours) => runs.map((r) => r.wall);
    const cpuOf = (runs: typeof ours) => runs.map((r) => r.cpu);
    console.log(`ours:  npm run --silent classify -- --json DIR  wall ${figures(wallOf(ours))}`);
    console.log(`                                               CPU  ${figures(cpuOf(ours))}`);
    if (peer.length === 0 || ours.length === 0)
      return void console.log("peer:  a side did not run; no ratio");
    console.log(`peer:  peer-sisimai.sh DIR                     wall ${figures(wallOf(peer))}`);
    console.log(`                                               CPU  ${figures(cpuOf(peer))}`);
    console.log(
      `ratio: ${(median(wallOf(peer)) / median(wallOf(ours))).toFixed(2)}x wall (Perl's median / ours; acceptance ≥ 3x, goal 10x), ${(median(cpuOf(peer)) / median(cpuOf(ours))).toFixed(2)}x CPU`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const files = readdirSync(DIR)
    .filter((f) => !NOT_MAILS.test(f) && statSync(join(DIR, f)).isFile())
    .sort()
    .map((f) => join(DIR, f));
  console.log(`# bench:classify — ${files.length} files in ${DIR}`);
  if (WHOLE_ONLY) return wholeProcess(files, WHOLE_ROUNDS);
  // mailparser is loaded on first use (whole mails the fast reader cannot read); like every module load
  // it stays outside the timings, and its one-time cost is printed on its own.
  const loading = performance.now();
  await loadMailparser();
  const loadMs = performance.now() - loading;

  const firstHere = await ourRound(files);
  for (let i = 1; i < WARMUP; i++) await ourRound(files);
  const ours: number[] = [];
  const peer: number[] = [];
  const colds: number[] = [];
  // Interleave the sides so all see the same machine load.
  for (let i = 0; i < ROUNDS; i++) {
    const p = peerRound();
    if (p !== undefined) peer.push(p);
    const c = coldRound(files);
    if (c !== undefined) colds.push(c);
    ours.push(await ourRound(files));
  }
  const cold = colds.length > 0 ? median(colds) : firstHere;
  console.log(
    `ours:  cold ${cold.toFixed(0)} mails/s (median of ${colds.length} fresh processes; this process's first round ${firstHere.toFixed(0)}); ${ROUNDS} rounds: median ${median(ours).toFixed(0)}, best ${Math.max(...ours).toFixed(0)} mails/s`,
  );
  if (peer.length === 0) {
    console.log("peer:  Perl Sisimai did not run (apt-get install -y libsisimai-perl); no ratio");
  } else {
    const best = Math.max(...peer);
    console.log(
      `peer:  Perl Sisimai ${peer.length} rounds: median ${median(peer).toFixed(0)}, best ${best.toFixed(0)} files/s`,
    );
    console.log(
      `ratio: ${(median(ours) / best).toFixed(2)}x (our median / Perl's best); cold ${(cold / best).toFixed(2)}x`,
    );
  }

  if (peer.length > 0) wholeProcess(files, WHOLE_ROUNDS);

  console.log("\n# worst case on adversarial input (slowest of 3 runs each)");
  let worst = { name: "", ms: 0 };
  for (const [name, input] of ADVERSARIAL) {
    let slowest = 0;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await classify(input);
      slowest = Math.max(slowest, performance.now() - t0);
    }
    console.log(`${slowest.toFixed(1).padStart(8)} ms  ${name} (${(input.length / 1024).toFixed(0)} KB)`);
    if (slowest > worst.ms) worst = { name, ms: slowest };
  }
  console.log(`worst: ${worst.ms.toFixed(1)} ms (${worst.name}); budget 100 ms`);
  // The masker on long texts of its own worst shapes (it sees a classified mail's output, and chat texts),
  // then the steps that read a paste or a screenshot's text before the classifier does. A text of a few
  // thousand characters is also timed ten times as long: linear code takes about 10× as long, quadratic
  // code 100× (joinJapanese in ocr/clean.ts did, and took under a millisecond at 5,000 characters).
  const steps = { maskPii, unwrap, cleanOcrText };
  const texts: [keyof typeof steps, string, string][] = [
    ...MASKER_ADVERSARIAL.map(([name, input]): [keyof typeof steps, string, string] => [
      "maskPii",
      name,
      input,
    ]),
    ...TEXT_ADVERSARIAL,
  ];
  const slowestOf = (step: keyof typeof steps, input: string) => {
    let slowest = 0;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      steps[step](input);
      slowest = Math.max(slowest, performance.now() - t0);
    }
    return slowest;
  };
  // The growth compares best times (after the slowest-of-3 above warmed the code up).
  const bestOf = (step: keyof typeof steps, input: string) => {
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      steps[step](input);
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  };
  for (const [step, name, input] of texts) {
    const ms = slowestOf(step, input);
    const growth =
      input.length <= 10_000
        ? `; ×10 as long: ${(bestOf(step, input.repeat(10)) / Math.max(bestOf(step, input), 0.01)).toFixed(0)}× the time`
        : "";
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${step}: ${name}${growth}`);
  }
  console.log(
    `(once per process, before the first mail only mailparser can read: loading it took ${loadMs.toFixed(0)} ms)`,
  );
}

await main();
