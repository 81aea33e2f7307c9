/**
 * Runs tasks one after another per key (a user's events in order) and in parallel across keys.
 * A failing task does not stop the ones after it. `drain()` waits for everything queued so far
 * (tests, graceful shutdown); `room()` lets the webhook slow its acknowledgements when work piles up.
 */
/**
 * Runs `work` without holding the task's place among the running ones, and takes a place again (in
 * line with the waiting tasks) before going on: for long waits that need no CPU of this process, like a
 * screenshot's OCR in a child process, so a burst of them does not hold back everybody else's events.
 * The task's key stays busy meanwhile: the same chat's next events still wait for it.
 */
export type Away = <T>(work: () => Promise<T>) => Promise<T>;

export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();
  /** Callers of room(), first come first served. */
  private waiters: { limit: number; resolve: () => void }[] = [];
  /** Tasks running now, and the ones (each the head of its key) waiting for a place among them. */
  private active = 0;
  private readonly ready: (() => void)[] = [];

  /** `concurrency`: at most this many tasks run at once across keys; the others wait in arrival order. */
  constructor(private readonly concurrency = Number.POSITIVE_INFINITY) {}

  run(key: string, task: (away: Away) => Promise<void>): Promise<void> {
    const next = this.inTurn(this.tails.get(key), task);
    this.tails.set(key, next);
    this.running.add(next);
    void next.then(() => {
      this.running.delete(next);
      if (this.tails.get(key) === next) this.tails.delete(key); // keep the map as small as the backlog
      if (this.waiters.length > 0) this.wake();
    });
    return next;
  }

  /**
   * The task after the key's previous one, in a place among the running ones. One async function
   * rather than a chain of then/finally/catch: this runs for every event, and each link of the chain
   * was a promise and a closure or two more (npm run bench:webhook's allocation per event). It never
   * rejects, so the key's next task and drain() need no handler.
   */
  private async inTurn(
    previous: Promise<void> | undefined,
    task: (away: Away) => Promise<void>,
  ): Promise<void> {
    await previous; // also when there is none: the task starts after the caller's turn, as before
    const wait = this.slot();
    if (wait) await wait;
    try {
      await task(this.away);
    } catch {
      // the task reports its own errors
    } finally {
      this.release();
    }
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

  private readonly away: Away = async (work) => {
    this.release();
    try {
      return await work();
    } finally {
      await this.slot();
    }
  };

  /** Resolves when a place among the `concurrency` running tasks is free. */
  private slot(): Promise<void> | undefined {
    if (this.active < this.concurrency) {
      this.active++;
      return undefined;
    }
    return new Promise((resolve) => this.ready.push(resolve));
  }

  /** A task finished: its place goes straight to the next one waiting, if any. */
  private release(): void {
    const next = this.ready.shift();
    if (next) next();
    else this.active--;
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
