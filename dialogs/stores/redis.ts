import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Redis } from "ioredis";
import {
  type EventDeduper,
  type Json,
  LockTimeoutError,
  type SessionStore,
  type UserLock,
} from "../session-store.ts";
import { MemoryUserLock } from "./memory.ts";

/**
 * Redis-backed stores, so several app instances behind a load balancer share conversations, see each
 * redelivered event once, and never work on one user's events at the same time.
 *
 * The three classes share one ioredis client owned by whoever created it (createStores): their close()
 * does not disconnect it. Every value carries its own TTL (SET … PX), so Redis forgets idle users by
 * itself and its memory stays bounded like the in-memory store's.
 */

export interface RedisStoreOptions {
  client: Redis;
  /** Prepended to every key, so several deployments or kinds of data can share one Redis. */
  prefix: string;
}

/** Redis wants a positive whole number of milliseconds. */
function px(ttlMs: number): number {
  return Math.max(1, Math.ceil(ttlMs));
}

export class RedisSessionStore implements SessionStore {
  private readonly client: Redis;
  private readonly prefix: string;

  constructor(options: RedisStoreOptions) {
    this.client = options.client;
    this.prefix = options.prefix;
  }

  async get(key: string): Promise<Json | undefined> {
    const text = await this.client.get(this.prefix + key);
    return text === null ? undefined : (JSON.parse(text) as Json);
  }

  async set(key: string, value: Json, ttlMs: number): Promise<void> {
    await this.client.set(this.prefix + key, JSON.stringify(value), "PX", px(ttlMs));
  }

  async delete(key: string): Promise<void> {
    await this.client.del(this.prefix + key);
  }

  async close(): Promise<void> {}
}

export class RedisEventDeduper implements EventDeduper {
  private readonly client: Redis;
  private readonly prefix: string;

  constructor(options: RedisStoreOptions) {
    this.client = options.client;
    this.prefix = options.prefix;
  }

  /** SET NX is atomic in Redis: of two instances claiming the same id, exactly one gets "OK". */
  async claim(eventId: string, ttlMs: number): Promise<boolean> {
    const reply = await this.client.set(this.prefix + eventId, "1", "PX", px(ttlMs), "NX");
    return reply === "OK";
  }

  async close(): Promise<void> {}
}

// Only the holder (the one who knows the random token) may release or extend a lock; a holder whose lease
// ran out must not delete the lock someone else took since. GET + DEL in one script makes that atomic.
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;

export interface RedisUserLockOptions extends RedisStoreOptions {
  /** How long a caller waits for the lock in total before LockTimeoutError (default 10 s). */
  waitMs?: number;
  /**
   * How long the lock outlives a holder that died without releasing it (default 30 s). While the holder
   * runs, the lease is renewed every third of it, so long work keeps the lock.
   */
  leaseMs?: number;
  /** Background failures (renewal, release) that callers cannot see; the lease expires by itself. */
  onError?: (error: unknown) => void;
}

/**
 * A lock per user across instances: SET key token NX PX lease, polled with a jittered backoff until the
 * wait runs out, released by a token-checked script. In front of it sits an in-process FIFO lock, so
 * the events of one user that reach this instance keep their order and only one of them polls Redis.
 */
export class RedisUserLock implements UserLock {
  private readonly client: Redis;
  private readonly prefix: string;
  private readonly waitMs: number;
  private readonly leaseMs: number;
  private readonly onError: (error: unknown) => void;
  private readonly local = new MemoryUserLock();

  constructor(options: RedisUserLockOptions) {
    this.client = options.client;
    this.prefix = options.prefix;
    this.waitMs = options.waitMs ?? 10_000;
    this.leaseMs = px(options.leaseMs ?? 30_000);
    this.onError = options.onError ?? (() => {});
  }

  async withUserLock<T>(userId: string, fn: () => Promise<T>): Promise<T> {
    const started = Date.now();
    const releaseLocal = await this.local.acquire(userId, this.waitMs);
    try {
      const key = this.prefix + userId;
      const token = randomUUID();
      await this.acquireShared(key, token, started + this.waitMs);
      const renew = setInterval(() => {
        this.client.eval(EXTEND, 1, key, token, this.leaseMs).catch(this.onError);
      }, this.leaseMs / 3);
      renew.unref();
      try {
        return await fn();
      } finally {
        clearInterval(renew);
        await this.client.eval(RELEASE, 1, key, token).catch(this.onError);
      }
    } finally {
      releaseLocal();
    }
  }

  private async acquireShared(key: string, token: string, deadline: number): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if ((await this.client.set(key, token, "PX", this.leaseMs, "NX")) === "OK") return;
      const left = deadline - Date.now();
      if (left <= 0) throw new LockTimeoutError(this.waitMs);
      // 10 ms, 20 ms, … capped at 200 ms, with jitter so waiting instances do not poll in lockstep.
      const backoff = Math.min(200, 10 * 2 ** attempt) * (0.5 + Math.random() / 2);
      await sleep(Math.min(left, backoff));
    }
  }

  async close(): Promise<void> {
    await this.local.close();
  }
}
