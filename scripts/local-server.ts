import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

/**
 * Runs `npm start`'s program (bot/main.ts) in local mode as its own process, the way a newcomer does:
 * no LINE credentials, so the chat simulator is served. Used by the browser tests of the assistant and
 * by `npm run screenshot`.
 */

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const LOCAL_ENV_DROPPED = [
  "LINE_CHANNEL_SECRET",
  "LINE_CHANNEL_ACCESS_TOKEN",
  "LINE_API_BASE_URL",
  "LINE_DATA_API_BASE_URL",
  "REDIS_URL",
];

export interface LocalServer {
  url: string;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

export async function startLocalServer(timeoutMs = 30_000): Promise<LocalServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
  };
  for (const name of LOCAL_ENV_DROPPED) delete env[name];
  const child = spawn(process.execPath, ["--import", "tsx", "bot/main.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const url = `http://localhost:${port}/`;
  const stop = async () => {
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited(child);
    clearTimeout(killer);
  };

  // Ready when the log says where to go (bot/start.ts logs it once the page is mounted) and the page answers.
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bot/main.ts exited with ${child.exitCode}:\n${output}`);
    const ok =
      output.includes(url) &&
      (await fetch(url, { signal: AbortSignal.timeout(2_000) })
        .then((res) => res.ok)
        .catch(() => false));
    if (ok) return { url, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`bot/main.ts did not serve ${url} within ${timeoutMs} ms:\n${output}`);
}
