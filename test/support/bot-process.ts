import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { spawnServer } from "../../scripts/child-process.ts";
import { recordLogs } from "./log-sink.ts";

/**
 * `npm start`'s program (bot/main.ts) as its own process, configured only through environment variables.
 * Its output (JSON log lines) is kept for the test and handed to the suite-wide personal-data check.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface BotProcess {
  /** e.g. http://localhost:41234 */
  url: string;
  child: ChildProcess;
  output(): string;
  /** Sends the signal and resolves with the exit code (null when killed by the signal). */
  stop(signal: NodeJS.Signals): Promise<number | null>;
}

/**
 * What `npm start` runs: the environment it sets before `node` (RUNTIME_ENV, MALLOC_ARENA_MAX=2), then after
 * `node` the bot's V8 flags and the TypeScript through tsx (test/dockerfile.test.ts checks both against
 * scripts/build.ts). Read from package.json; spawnBot starts the bot with both. The build test passes the
 * compiled entry instead of the arguments.
 */
const NPM_START = (() => {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    scripts: { start: string };
  };
  const words = pkg.scripts.start.split(" ");
  const env: Record<string, string> = {};
  while (/^[A-Z_]+=/.test(words[0] ?? "")) {
    const [name = "", ...value] = words.shift()!.split("=");
    env[name] = value.join("=");
  }
  const [node, ...args] = words;
  if (node !== "node") throw new Error(`npm start is not a node command: ${pkg.scripts.start}`);
  return { env, args };
})();
export const NPM_START_ARGS: readonly string[] = NPM_START.args;
export const NPM_START_ENV: Readonly<Record<string, string>> = NPM_START.env;
const URL_IN_LOG = /"url":"(http:\/\/localhost:\d+)"/;

export async function spawnBot(
  env: Record<string, string>,
  nodeArgs: readonly string[] = NPM_START_ARGS,
): Promise<BotProcess> {
  const bot = await spawnServer(process.execPath, nodeArgs, {
    name: "bot/main.ts",
    cwd: ROOT,
    env: { PATH: process.env.PATH, PORT: "0", ...NPM_START_ENV, ...env },
    // PORT=0: the bot picks a free port and logs its URL once it serves.
    ready: (output) => URL_IN_LOG.test(output),
    pollMs: 20,
    // The bot's own shutdown limit is 25 s; a test that waits for a clean exit must not cut it short.
    killAfterMs: 30_000,
  });
  void bot.exited.then(() => recordLogs(bot.output()));
  return {
    url: URL_IN_LOG.exec(bot.output())![1]!,
    child: bot.child,
    output: bot.output,
    stop: bot.stop,
  };
}
