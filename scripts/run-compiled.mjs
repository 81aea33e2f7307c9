#!/usr/bin/env node
/**
 * node scripts/run-compiled.mjs knowledge/cli/classify [ARGS…]   (what `npm run classify` runs)
 *
 * Runs a command-line tool as the JavaScript that `npm run build` compiled into dist/ (built by `npm ci`
 * through the "prepare" script) when dist/ is current, else from its TypeScript source through tsx.
 * Compiled, a run over a few thousand mails takes well under half the time: tsx compiles every module
 * at start-up and keeps a loader thread (npm run bench:classify prints both). "Current" means built after
 * the newest source file was changed, so an edit never runs stale code; plain JavaScript on purpose, so
 * the check itself costs a few milliseconds.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
/**
 * What `npm run build` compiles, and the data it copies: tsconfig.build.json's "include", read from it so
 * a folder added there (platform/ was missing from a copy of the list kept here) is watched too.
 */
function sources() {
  return JSON.parse(readFileSync(join(ROOT, "tsconfig.build.json"), "utf8")).include;
}
export const STAMP = join(ROOT, "dist", ".built");

function newestSource(dir, newest = 0) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = newestSource(path, newest);
    else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Is dist/ built from the sources as they are now? */
export function distIsCurrent() {
  if (!existsSync(STAMP)) return false;
  const built = statSync(STAMP).mtimeMs;
  let newest = 0;
  for (const dir of sources())
    if (existsSync(join(ROOT, dir))) newest = newestSource(join(ROOT, dir), newest);
  return built >= newest;
}

// Run as a command (not imported for distIsCurrent: bench/understand.ts asks it whether to build).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [tool, ...args] = process.argv.slice(2);
  if (!tool) {
    process.stderr.write("usage: node scripts/run-compiled.mjs PATH/WITHOUT/EXTENSION [ARGS…]\n");
    process.exit(2);
  }
  process.argv = [process.argv[0], join(ROOT, `${tool}.ts`), ...args];
  if (distIsCurrent()) {
    await import(pathToFileURL(join(ROOT, "dist", `${tool}.js`)).href);
  } else {
    const { register } = await import("tsx/esm/api");
    register();
    await import(pathToFileURL(join(ROOT, `${tool}.ts`)).href);
  }
}
