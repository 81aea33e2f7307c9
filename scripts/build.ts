/**
 * npm run build — the JavaScript the production image runs (dist/bot/main.js): the same sources, emitted
 * by tsc (imports rewritten from .ts to .js), with the data files the code reads next to it.
 *
 * Why not tsx in production as in development: tsx compiles in a loader thread that stays alive with its
 * own heap, and keeps every module's source map; together about 30 MB of the process's memory. With 10k
 * live sessions the assistant needs about 130 MB compiled, over 150 MB through tsx (npm run bench:webhook).
 */
import { execFileSync } from "node:child_process";
import { cpSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");

/**
 * V8 flags the production process runs with (Dockerfile CMD; `npm start` and the benchmarks use them too:
 * package.json's start script names them, test/dockerfile.test.ts checks it against this list). The young
 * generation's semi-spaces are a trade between memory and speed, measured with npm run bench:webhook:
 * Node's default 16 MB commits ~30 MB more than 4 MB; 4 MB makes scavenges so frequent that objects
 * waiting on a LINE call get copied and promoted (the full app lost ~10 % of its events/s); 6 MB keeps
 * most of the speed for ~10 MB (V8 rounds it up to 8 MB: the young generation commits 16 MB).
 *
 * --heap-growing-percent=100: after a major GC, V8 lets the old generation grow to twice what was live
 * before the next one, instead of its dynamic factor (up to 4× on a small heap). After a burst of 10k
 * new users that left 30-45 MB of committed, unused heap (RSS 153-181 MB, heap 48 MB used of 67-96 MB);
 * with it RSS was 144-152 MB (heap 48 of 70-71 MB) in 5 runs, and the events/s within the noise of the
 * same rounds (npm run bench:webhook with BENCH_AB_NODE_ARGS: 0.58× against 0.54×, 0.57× against 0.61×).
 */
export const RUNTIME_NODE_FLAGS = ["--max-semi-space-size=6", "--heap-growing-percent=100"] as const;

/**
 * Environment of the production process (Dockerfile ENV; `npm start` sets it before node in package.json's
 * start script, test/dockerfile.test.ts checks both against this; the benchmark runs the full app with it too).
 * MALLOC_ARENA_MAX=2: glibc gives each thread that allocates (V8's GC helpers, libuv's pool) an arena of
 * its own, up to 8 per core, and keeps what they freed; after the 10k-user burst of npm run bench:webhook
 * that was ~10 MB of RSS outside the heap. BENCH_PARTS=rss alternating builds and settings in the same
 * minutes (2026-12-02): RSS with 10k sessions 139 / 144 MB against 153 / 149 MB (main), 135 / 137 against
 * 145 / 143 MB (with the compact stores); CPU per event in the same rounds (BENCH_AB_ENV, 7 rounds each):
 * 1333 vs 1263, 1076 vs 1214, 1149 vs 1238 µs (full/echo 0.77× vs 0.78×, 0.74× vs 0.60×, 0.56× vs 0.56×):
 * no cost beyond the noise.
 */
export const RUNTIME_ENV = { MALLOC_ARENA_MAX: "2" } as const;

/** Read by the code at run time through paths relative to its own file, so they go where it goes. */
const DATA_DIRS = ["knowledge/data", "simulator/page"];

export function build(outDir = join(ROOT, "dist")): string {
  rmSync(outDir, { recursive: true, force: true });
  const tsc = join(ROOT, "node_modules", ".bin", "tsc");
  execFileSync(tsc, ["-p", join(ROOT, "tsconfig.build.json"), "--outDir", outDir], { stdio: "inherit" });
  // The command-line tools, each as one file (scripts/bundle-tools.ts says why).
  execFileSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts", "bundle-tools.ts"), outDir], {
    stdio: "inherit",
  });
  for (const dir of DATA_DIRS) cpSync(join(ROOT, dir), join(outDir, dir), { recursive: true });
  // Written last: scripts/run-compiled.mjs runs dist/ only when this is newer than every source file.
  writeFileSync(join(outDir, ".built"), `${new Date().toISOString()}\n`);
  return outDir;
}

if (process.argv[1] === import.meta.filename) {
  const out = build();
  console.log(`built ${out} (run: node ${RUNTIME_NODE_FLAGS.join(" ")} ${join("dist", "bot", "main.js")})`);
}
