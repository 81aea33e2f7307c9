import { fileURLToPath } from "node:url";
import { freePort, spawnServer } from "./child-process.ts";

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

export async function startLocalServer(timeoutMs = 30_000): Promise<LocalServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
  };
  for (const name of LOCAL_ENV_DROPPED) delete env[name];
  const url = `http://localhost:${port}/`;
  const server = await spawnServer(process.execPath, ["--import", "tsx", "bot/main.ts"], {
    name: "bot/main.ts",
    cwd: ROOT,
    env,
    timeoutMs,
    pollMs: 100,
    // Ready when the log says where to go (bot/start.ts logs it once the page is mounted) and the page answers.
    ready: async (output) =>
      output.includes(url) &&
      (await fetch(url, { signal: AbortSignal.timeout(2_000) })
        .then((res) => res.ok)
        .catch(() => false)),
  });
  return {
    url,
    output: server.output,
    stop: async () => {
      await server.stop();
    },
  };
}
