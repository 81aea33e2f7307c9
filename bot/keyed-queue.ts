/**
 * Runs tasks one after another per key (a user's events in order) and in parallel across keys.
 * A failing task does not stop the ones after it. `drain()` waits for everything queued so far
 * (tests, graceful shutdown); `room()` lets the webhook slow its acknowledgements when work piles up.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();
  /** Callers of room(), first come first served. */
  private waiters: { limit: number; resolve: () => void }[] = [];

  run(key: string, task: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task).catch(() => {}); // the task reports its own errors
    this.tails.set(key, next);
    this.running.add(next);
    void next.finally(() => {
      this.running.delete(next);
      if (this.tails.get(key) === next) this.tails.delete(key); // keep the map as small as the backlog
      if (this.waiters.length > 0) this.wake();
    });
    return next;
  }

  /** Number of keys with queued or running work. */
  get size(): number {
    return this.tails.size;
  }

  /** Tasks queued or running. */
  get pending(): number {
    return this.running.size;
  }

  /**
   * Resolves once fewer than `limit` tasks are pending, or after `maxWaitMs` whatever the backlog:
   * backpressure that never holds a caller longer than it can afford.
   */
  room(limit: number, maxWaitMs: number): Promise<void> {
    if (this.running.size < limit) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = {
        limit,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve();
      }, maxWaitMs);
      this.waiters.push(waiter);
    });
  }

  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  /** Lets waiters go in arrival order, one per free place, so a burst of them does not overshoot. */
  private wake(): void {
    let free = (this.waiters[0]?.limit ?? 0) - this.running.size;
    while (free > 0 && this.waiters.length > 0) {
      this.waiters.shift()!.resolve();
      free--;
    }
  }
}
