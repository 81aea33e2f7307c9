import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Starting a server program as a child process and waiting until it serves: the local assistant
 * (scripts/local-server.ts), the bot under test (test/support/bot-process.ts), a test redis-server
 * (test/helpers/redis-server.ts). One place for the parts that are easy to get subtly wrong: a port that
 * is free, output kept for the error message, an early exit noticed at once, a stop that always ends.
 */

/** A TCP port on loopback that nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

export interface ServerProcess {
  child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code once the process is gone (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Sends the signal, then SIGKILL if the process is still there after `killAfterMs`; resolves when it is gone. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface SpawnOptions {
  /** Names the program in error messages. */
  name: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Polled until true; gets the output so far (e.g. "has it logged its URL?"). */
  ready: (output: string) => boolean | Promise<boolean>;
  timeoutMs?: number;
  pollMs?: number;
  /** Grace between the stop signal and SIGKILL. */
  killAfterMs?: number;
}

/** Spawns the program and resolves once `ready` says so; rejects (with its output) if it exits or times out. */
export async function spawnServer(
  command: string,
  args: readonly string[],
  options: SpawnOptions,
): Promise<ServerProcess> {
  const { name, ready, timeoutMs = 30_000, pollMs = 25, killAfterMs = 5_000 } = options;
  const child = spawn(command, args, {
    ...(options.cwd && { cwd: options.cwd }),
    ...(options.env && { env: options.env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk;
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.once("error", (error) => {
      output += `${error.message}\n`; // could not be started (no such program, not executable)
      resolve(null);
    });
  });
  let gone = false;
  void exited.then(() => {
    gone = true;
  });

  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (!gone) child.kill(signal);
    const killer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    const code = await exited;
    clearTimeout(killer);
    return code;
  };
  const running: ServerProcess = { child, output: () => output, exited, stop };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`${name} exited with ${child.exitCode ?? child.signalCode}:\n${output}`);
    if (await ready(output)) return running;
    await Promise.race([sleep(pollMs), exited]);
  }
  await stop();
  throw new Error(`${name} was not ready within ${timeoutMs} ms:\n${output}`);
}
