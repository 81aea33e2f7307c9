/**
 * Runs tasks one after another per key (a user's events in order) and in parallel across keys.
 * A failing task does not stop the ones after it. `drain()` waits for everything queued so far
 * (tests, graceful shutdown).
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();

  run(key: string, task: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task).catch(() => {}); // the task reports its own errors
    this.tails.set(key, next);
    this.running.add(next);
    void next.finally(() => {
      this.running.delete(next);
      if (this.tails.get(key) === next) this.tails.delete(key); // keep the map as small as the backlog
    });
    return next;
  }

  /** Number of keys with queued or running work. */
  get size(): number {
    return this.tails.size;
  }

  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
