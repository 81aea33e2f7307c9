import {
  type EventDeduper,
  type Json,
  LockTimeoutError,
  type SessionStore,
  type UserLock,
} from "../session-store.ts";

interface Entry<T> {
  value: T;
  expiresAt: number;
}

/**
 * A Map with per-entry expiry. Expired entries are dropped when read and by a periodic sweep, so memory
 * stays bounded by the number of users active within the TTL.
 */
class ExpiringMap<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly now: () => number,
    sweepEveryMs: number,
  ) {
    this.sweeper = setInterval(() => this.sweep(), sweepEveryMs);
    this.sweeper.unref();
  }

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: T, ttlMs: number): void {
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }

  close(): void {
    clearInterval(this.sweeper);
    this.entries.clear();
  }
}

export interface MemoryStoreOptions {
  /** Clock, replaceable in tests. */
  now?: () => number;
  sweepEveryMs?: number;
}

/** The default store: one process, no dependencies. Values are stored as JSON text, as Redis would. */
export class MemorySessionStore implements SessionStore {
  private readonly map: ExpiringMap<string>;

  constructor(options: MemoryStoreOptions = {}) {
    this.map = new ExpiringMap(options.now ?? Date.now, options.sweepEveryMs ?? 60_000);
  }

  async get(key: string): Promise<Json | undefined> {
    const text = this.map.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as Json);
  }

  async set(key: string, value: Json, ttlMs: number): Promise<void> {
    this.map.set(key, JSON.stringify(value), ttlMs);
  }

  async delete(key: string): Promise<void> {
    this.map.delete(key);
  }

  get size(): number {
    return this.map.size;
  }

  async close(): Promise<void> {
    this.map.close();
  }
}

export class MemoryEventDeduper implements EventDeduper {
  private readonly seen: ExpiringMap<true>;

  constructor(options: MemoryStoreOptions = {}) {
    this.seen = new ExpiringMap(options.now ?? Date.now, options.sweepEveryMs ?? 60_000);
  }

  async claim(eventId: string, ttlMs: number): Promise<boolean> {
    if (this.seen.get(eventId)) return false;
    this.seen.set(eventId, true, ttlMs);
    return true;
  }

  async close(): Promise<void> {
    this.seen.close();
  }
}

export interface MemoryUserLockOptions {
  /** How long a caller waits for its turn before LockTimeoutError (default 10 s). */
  waitMs?: number;
}

/**
 * A FIFO mutex per user within one process: each caller waits for the caller before it. The chain of
 * promises keeps arrival order, which is the order LINE delivered the events in.
 */
export class MemoryUserLock implements UserLock {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly waitMs: number;

  constructor(options: MemoryUserLockOptions = {}) {
    this.waitMs = options.waitMs ?? 10_000;
  }

  async withUserLock<T>(userId: string, fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire(userId, this.waitMs);
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /**
   * Waits for userId's turn, at most waitMs. Returns the release function. A caller that gives up still
   * keeps its place in the chain until its predecessor is done, so the callers behind it keep waiting
   * for the real holder instead of jumping ahead of it.
   */
  async acquire(userId: string, waitMs: number): Promise<() => void> {
    const previous = this.tails.get(userId) ?? Promise.resolve();
    let release!: () => void;
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => done);
    this.tails.set(userId, tail);
    void tail.then(() => {
      if (this.tails.get(userId) === tail) this.tails.delete(userId);
    });

    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<true>((resolve) => {
      timer = setTimeout(() => resolve(true), waitMs);
    });
    const outcome = await Promise.race([previous.then(() => false as const), timedOut]);
    clearTimeout(timer);
    if (outcome) {
      release();
      throw new LockTimeoutError(waitMs);
    }
    return release;
  }

  /** Users with work running or waiting (for tests and metrics). */
  get size(): number {
    return this.tails.size;
  }

  async close(): Promise<void> {
    this.tails.clear();
  }
}
