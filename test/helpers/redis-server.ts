import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { freePort, type ServerProcess, spawnServer } from "../../scripts/child-process.ts";

/**
 * A real redis-server (Debian's binary) for tests: loopback only, a free port, a temporary working
 * directory, no persistence. Stop and start again on the same port to test outages.
 */

export function findRedisServer(): string | undefined {
  const dirs = [...(process.env.PATH ?? "").split(delimiter), "/usr/bin", "/usr/sbin", "/usr/local/bin"];
  for (const dir of dirs) {
    const path = join(dir, "redis-server");
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {}
  }
  return undefined;
}

/** CI=1 (or true) means a missing redis-server is a failure, not a reason to skip. */
export function isCi(): boolean {
  const ci = process.env.CI ?? "";
  return ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
}

export const MISSING_REDIS =
  "redis-server not found: the Redis store tests are skipped (apt-get install -y redis-server; .ci/run does it)";

/** True when something on port answers PING with PONG. */
function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    let reply = "";
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => finish(false));
    socket.on("error", () => finish(false));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      reply += String(chunk);
      if (reply.includes("\r\n")) finish(reply.startsWith("+PONG"));
    });
  });
}

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  /** Stops the server (SIGTERM, then SIGKILL); the port becomes free. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty (no persistence). */
  start(): Promise<void>;
  /** Stops it for good and removes its directory. */
  dispose(): Promise<void>;
}

export async function startRedisServer(): Promise<RedisServer> {
  const binary = findRedisServer();
  if (!binary) throw new Error(MISSING_REDIS);
  const dir = mkdtempSync(join(tmpdir(), "redis-test-"));
  const port = await freePort();
  let server: ServerProcess | undefined;

  const start = async () => {
    server = await spawnServer(
      binary,
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--dir",
        dir,
        "--save",
        "",
        "--appendonly",
        "no",
        "--daemonize",
        "no",
        "--loglevel",
        "warning",
      ],
      { name: "redis-server", ready: () => pong(port), timeoutMs: 10_000, killAfterMs: 3_000 },
    );
  };

  const stop = async () => {
    const running = server;
    server = undefined;
    await running?.stop();
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    start,
    dispose: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
