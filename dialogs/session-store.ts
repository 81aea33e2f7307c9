/**
 * Where conversations live between webhook calls. The dialog machine is restored from a persisted
 * snapshot per event and saved again afterwards, so any instance behind a load balancer can serve any
 * user as long as they share the store. Only JSON goes in: never raw user text (see dialogs/README).
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface SessionStore {
  /** The stored value, or undefined when there is none or it has expired. */
  get(key: string): Promise<Json | undefined>;
  /** Stores (or replaces) a value that expires ttlMs after this call. */
  set(key: string, value: Json, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Releases connections and timers. */
  close(): Promise<void>;
}

/** Drops webhook events LINE delivers more than once (redelivery, network duplicates). */
export interface EventDeduper {
  /** True the first time this id is claimed within ttlMs, false for every later claim. */
  claim(eventId: string, ttlMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Serialises the work on one user's events. LINE may deliver a user's events in one POST or in several,
 * to any instance; running two of them at once would let both read the same session snapshot and the
 * later save would silently drop the earlier turn. Within one process, waiters run in call order.
 */
export interface UserLock {
  /**
   * Runs fn while no other holder (in this process or, for shared stores, any instance) runs work for
   * userId. Waits at most the lock's configured wait time, then rejects with LockTimeoutError without
   * running fn. fn's result or error is passed through; the lock is released either way.
   */
  withUserLock<T>(userId: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class LockTimeoutError extends Error {
  constructor(waitedMs: number) {
    super(`user lock not acquired within ${waitedMs} ms`);
    this.name = "LockTimeoutError";
  }
}
