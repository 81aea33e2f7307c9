import { createRequire } from "node:module";
import { setTimeout as sleep } from "node:timers/promises";
import type { Redis as RedisClient } from "ioredis";
import type { EventDeduper, SessionStore, UserLock } from "../session-store.ts";
import { MemoryEventDeduper, MemorySessionStore, MemoryUserLock } from "./memory.ts";
import { RedisEventDeduper, RedisSessionStore, RedisUserLock } from "./redis.ts";

/** Everything the bot keeps between webhook calls, from one place. */
export interface Stores {
  kind: "memory" | "redis";
  sessions: SessionStore;
  dedupe: EventDeduper;
  lock: UserLock;
  /** Resolves when the backing store answers, rejects when it does not (for GET /readyz). */
  ping(): Promise<void>;
  /** With Redis: its client and the deployment's key prefix, for the bot's event stream (bot/event-stream.ts). */
  redis?: { client: RedisClient; prefix: string };
  close(): Promise<void>;
}

/** The part of a pino logger the stores use, so dialogs/ does not depend on bot/. */
export interface StoresLog {
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
}

export interface StoresOptions {
  /** REDIS_URL (redis:// or rediss://). Unset: the in-memory stores, for one instance. */
  redisUrl?: string;
  /** Prepended to every Redis key (default "bounce-bot:"); sessions, events and locks get sub-prefixes. */
  keyPrefix?: string;
  /**
   * A Redis command that gets no answer within this time fails (default 1000 ms), so a stopped or
   * unreachable Redis turns into errors the bot can answer with "please try again", never into a hang.
   */
  commandTimeoutMs?: number;
  /** How long an event waits for the user's previous event to finish (default 10 s). */
  lockWaitMs?: number;
  /** How long a lock outlives an instance that died holding it (default 5 s; see RedisUserLock). */
  lockLeaseMs?: number;
  /** Connection lost / back: logged once per outage, not once per reconnect attempt. */
  log?: StoresLog;
}

export function createStores(options: StoresOptions = {}): Stores {
  if (!options.redisUrl) return createMemoryStores(options);
  return createRedisStores(options.redisUrl, options);
}

function createMemoryStores(options: StoresOptions): Stores {
  const sessions = new MemorySessionStore();
  const dedupe = new MemoryEventDeduper();
  const lock = new MemoryUserLock(options.lockWaitMs === undefined ? {} : { waitMs: options.lockWaitMs });
  return {
    kind: "memory",
    sessions,
    dedupe,
    lock,
    ping: async () => {},
    close: async () => {
      await Promise.all([sessions.close(), dedupe.close(), lock.close()]);
    },
  };
}

/** Parses REDIS_URL up front, so a typo fails at startup with a message instead of at the first event. */
export function checkRedisUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("REDIS_URL is not a URL (expected redis://host:6379 or rediss://…)");
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:")
    throw new Error(`REDIS_URL must start with redis:// or rediss://, not ${parsed.protocol}//`);
  return parsed;
}

/** ioredis is loaded only when REDIS_URL is set: a single instance on memory stores never needs it. */
const loadIoredis = () => createRequire(import.meta.url)("ioredis") as typeof import("ioredis");

function createRedisStores(url: string, options: StoresOptions): Stores {
  checkRedisUrl(url);
  const { Redis } = loadIoredis();
  const prefix = options.keyPrefix ?? "bounce-bot:";
  const client: RedisClient = new Redis(url, {
    commandTimeout: options.commandTimeoutMs ?? 1_000,
    connectTimeout: 2_000,
    // Commands issued while disconnected wait for one reconnect attempt, then fail: with the command
    // timeout this bounds every call. Reconnects go on forever, quickly, so recovery is quick too.
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(50 * times, 1_000),
  });

  let healthy = true;
  client.on("error", (error: Error) => {
    if (!healthy) return;
    healthy = false;
    options.log?.warn({ err: error }, "redis connection lost; retrying");
  });
  client.on("ready", () => {
    if (healthy) return;
    healthy = true;
    options.log?.info({}, "redis connection back");
  });

  const onLockError = (error: unknown) =>
    options.log?.warn({ err: error }, "redis lock renew/release failed");
  return {
    kind: "redis",
    redis: { client, prefix },
    sessions: new RedisSessionStore({ client, prefix: `${prefix}session:` }),
    dedupe: new RedisEventDeduper({ client, prefix: `${prefix}event:` }),
    lock: new RedisUserLock({
      client,
      prefix: `${prefix}lock:`,
      onError: onLockError,
      ...(options.lockWaitMs === undefined ? {} : { waitMs: options.lockWaitMs }),
      ...(options.lockLeaseMs === undefined ? {} : { leaseMs: options.lockLeaseMs }),
    }),
    ping: async () => {
      await client.ping();
    },
    close: async () => {
      // QUIT lets pending replies arrive; when Redis is gone it may never answer, so cap the wait.
      await Promise.race([client.quit().catch(() => {}), sleep(1_000)]);
      client.disconnect();
    },
  };
}
