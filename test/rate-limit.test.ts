import { afterEach, describe, expect, it } from "vitest";
import { createRateLimiter, type RateLimiter } from "../bot/rate-limit.ts";

let clock = 0;
let limiter: RateLimiter;
afterEach(() => limiter.close());

const build = () => {
  clock = 1_000_000;
  limiter = createRateLimiter({ burst: 3, perSecond: 1, now: () => clock });
  return limiter;
};
const takes = (key: string, n: number) => Array.from({ length: n }, () => limiter.take(key));

describe("rate limit per chat (token bucket)", () => {
  it("lets a burst through, says slow down once, then drops silently", () => {
    build();
    expect(takes("U1", 7)).toEqual(["ok", "ok", "ok", "slow-down", "drop", "drop", "drop"]);
  });

  it("does not let one flooding chat touch another chat's budget", () => {
    build();
    takes("U1", 50);
    expect(takes("U2", 3)).toEqual(["ok", "ok", "ok"]);
  });

  it("lets a steady flooder through at the refill rate, without repeating the slow-down", () => {
    build();
    const decisions = [];
    for (let i = 0; i < 40; i++) {
      decisions.push(limiter.take("U1"));
      clock += 250; // four events a second against one token a second
    }
    expect(decisions.filter((d) => d === "slow-down")).toHaveLength(1);
    // 3 from the burst, then one per second of the remaining ~9 s
    expect(decisions.filter((d) => d === "ok").length).toBeGreaterThanOrEqual(11);
    expect(decisions.filter((d) => d === "ok").length).toBeLessThanOrEqual(13);
  });

  it("says slow down again only after the chat calmed down (bucket full again)", () => {
    build();
    expect(takes("U1", 5)).toEqual(["ok", "ok", "ok", "slow-down", "drop"]);
    clock += 1_000; // one token back: not calm yet
    expect(takes("U1", 3)).toEqual(["ok", "drop", "drop"]);
    clock += 3_000; // full again
    expect(takes("U1", 5)).toEqual(["ok", "ok", "ok", "slow-down", "drop"]);
  });
});
