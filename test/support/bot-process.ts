import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
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

export async function spawnBot(
  env: Record<string, string>,
  nodeArgs: string[] = TSX_ENTRY,
): Promise<BotProcess> {
  const child = spawn(process.execPath, nodeArgs, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const onData = (chunk: Buffer) => {
    output += chunk;
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  void exited.then(() => recordLogs(output));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const found = /"url":"(http:\/\/localhost:\d+)"/.exec(output)?.[1];
      if (found) {
        clearInterval(timer);
        resolve(found);
      }
    }, 20);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`bot/main.ts exited with ${code}:\n${output}`));
    });
  });

  return {
    url,
    child,
    output: () => output,
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
