import {
  type EventDeduper,
  type Json,
  LockTimeoutError,
  type SessionStore,
  type UserLock,
} from "../session-store.ts";

/**
 * Keys with per-key expiry. Expired keys are dropped when read and by a periodic sweep, so memory stays
 * bounded by the number of users active within the TTL.
 *
 * Compact on purpose: the store holds a session per user active in the last day and an id per event of
 * the last hour, and the 10k-session figure of `npm run bench:webhook` has little room under 150 MB. An
 * expiry is kept as milliseconds after the map's creation, a small integer V8 stores inline (an epoch
 * time is a boxed 16-byte number), directly as the Map's value (an { value, expiresAt } object per key
 * was 40 more bytes): ~56 bytes less per key.
 */
class ExpiringKeys {
  private readonly expiry = new Map<string, number>();
  private readonly origin: number;
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    protected readonly now: () => number,
    sweepEveryMs: number,
  ) {
    this.origin = now();
    this.sweeper = setInterval(() => this.sweep(), sweepEveryMs);
    this.sweeper.unref();
  }

  /** True while key is set and has not expired (an expired one is dropped). */
  has(key: string): boolean {
    const expiresAt = this.expiry.get(key);
    if (expiresAt === undefined) return false;
    if (expiresAt + this.origin <= this.now()) {
      this.delete(key);
      return false;
    }
    return true;
  }

  add(key: string, ttlMs: number): void {
    this.expiry.set(key, this.now() + ttlMs - this.origin);
  }

  delete(key: string): void {
    this.expiry.delete(key);
  }

  get size(): number {
    return this.expiry.size;
  }

  sweep(): void {
    const now = this.now() - this.origin;
    for (const [key, expiresAt] of this.expiry) if (expiresAt <= now) this.delete(key);
  }

  close(): void {
    clearInterval(this.sweeper);
    this.expiry.clear();
  }
}

class ExpiringMap<T> extends ExpiringKeys {
  private readonly values = new Map<string, T>();

  get(key: string): T | undefined {
    return this.has(key) ? this.values.get(key) : undefined;
  }

  set(key: string, value: T, ttlMs: number): void {
    this.add(key, ttlMs);
    this.values.set(key, value);
  }

  override delete(key: string): void {
    super.delete(key);
    this.values.delete(key);
  }

  override close(): void {
    super.close();
    this.values.clear();
  }
}

export interface MemoryStoreOptions {
  /** Clock, replaceable in tests. */
  now?: () => number;
  sweepEveryMs?: number;
}

/**
 * JSON.stringify builds its result in pieces (V8 joins them lazily: a "cons string" of 64-, 128-, 256-
 * character parts), and a stored session stayed in that form until read: ~140 more bytes per ~450-
 * character session than the plain text (node 20). Reading a character makes V8 join the pieces once,
 * which the reader (JSON.parse) did anyway; the next GC drops the pieces.
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
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
    this.map.set(key, flat(JSON.stringify(value)), ttlMs);
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
  private readonly seen: ExpiringKeys;

  constructor(options: MemoryStoreOptions = {}) {
    this.seen = new ExpiringKeys(options.now ?? Date.now, options.sweepEveryMs ?? 60_000);
  }

  async claim(eventId: string, ttlMs: number): Promise<boolean> {
    if (this.seen.has(eventId)) return false;
    this.seen.add(eventId, ttlMs);
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
    const holder = this.tails.get(userId);
    let release!: () => void;
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = holder ? holder.then(() => done) : done;
    this.tails.set(userId, tail);
    void tail.then(() => {
      if (this.tails.get(userId) === tail) this.tails.delete(userId);
    });
    if (!holder) return release; // free: no timer, no race (the common case, once per event)

    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<true>((resolve) => {
      timer = setTimeout(() => resolve(true), waitMs);
    });
    const outcome = await Promise.race([holder.then(() => false as const), timedOut]);
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
