import type { ChildProcess } from "node:child_process";
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

/** How `npm start` runs the bot (TypeScript through tsx); the build test passes the compiled entry. */
const TSX_ENTRY = ["--import", "tsx", "bot/main.ts"];
const URL_IN_LOG = /"url":"(http:\/\/localhost:\d+)"/;

export async function spawnBot(
  env: Record<string, string>,
  nodeArgs: string[] = TSX_ENTRY,
): Promise<BotProcess> {
  const bot = await spawnServer(process.execPath, nodeArgs, {
    name: "bot/main.ts",
    cwd: ROOT,
    env: { PATH: process.env.PATH, PORT: "0", ...env },
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
