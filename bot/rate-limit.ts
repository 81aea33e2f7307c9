/**
 * A token bucket per chat, so one user flooding the assistant (a script, a stuck phone, a paste loop)
 * cannot take the CPU and the LINE calls that other users' turns need.
 *
 * Kept in this process, not in Redis, on purpose: what it protects is this instance's event loop and
 * queue; it costs no round trip per event and keeps working while Redis is down. Behind a load balancer
 * a user can get at most (instances × the rate), which is still bounded. A redelivered duplicate spends a
 * token like any event, because the bucket is checked before the (shared) de-duplication.
 *
 * The first event over the limit gets one short "please slow down" answer; later events are handled
 * as tokens come back and dropped silently in between. The slow-down is said again only after the chat
 * calmed down (its bucket filled up again), so a steady flood hears it once, not every few seconds.
 */

export type RateDecision = "ok" | "slow-down" | "drop";

export interface RateLimiter {
  take(key: string): RateDecision;
  close(): void;
}

export interface RateLimitOptions {
  /** Events a chat may send in a burst (default 20). */
  burst?: number;
  /** Tokens regained per second (default 1: a steady 60 events a minute, more than a person types). */
  perSecond?: number;
  now?: () => number;
  /** How often full buckets are forgotten (default 60 s). */
  sweepEveryMs?: number;
}

interface Bucket {
  tokens: number;
  at: number;
  /** The slow-down answer was given since the bucket was last full. */
  warned: boolean;
}

export function createRateLimiter(options: RateLimitOptions = {}): RateLimiter {
  const burst = options.burst ?? 20;
  const perMs = (options.perSecond ?? 1) / 1000;
  const now = options.now ?? Date.now;
  const buckets = new Map<string, Bucket>();

  const refill = (bucket: Bucket, at: number) => {
    bucket.tokens = Math.min(burst, bucket.tokens + (at - bucket.at) * perMs);
    bucket.at = at;
  };

  // A full bucket is the same as none: forget it, so memory follows the users active right now.
  const sweeper = setInterval(() => {
    const at = now();
    for (const [key, bucket] of buckets) {
      refill(bucket, at);
      if (bucket.tokens >= burst) buckets.delete(key);
    }
  }, options.sweepEveryMs ?? 60_000);
  sweeper.unref();

  return {
    take(key) {
      const at = now();
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = { tokens: burst, at, warned: false };
        buckets.set(key, bucket);
      } else {
        refill(bucket, at);
        if (bucket.tokens >= burst) bucket.warned = false;
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return "ok";
      }
      if (bucket.warned) return "drop";
      bucket.warned = true;
      return "slow-down";
    },
    close() {
      clearInterval(sweeper);
      buckets.clear();
    },
  };
}
