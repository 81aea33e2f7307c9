import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createStores, type Stores } from "../dialogs/stores/index.ts";
import { MISSING_REDIS } from "./helpers/redis-server.ts";

const redisUrl = inject("redisUrl");

describe("createStores", () => {
  it("uses the memory stores when no REDIS_URL is given", async () => {
    const memory = createStores({});
    expect(memory.kind).toBe("memory");
    await memory.close();
  });

  it("refuses a REDIS_URL that is not redis:// or rediss:// with a message naming the variable", () => {
    expect(() => createStores({ redisUrl: "localhost:6379" })).toThrow(/REDIS_URL/);
    expect(() => createStores({ redisUrl: "http://127.0.0.1:6379" })).toThrow(
      /REDIS_URL must start with redis:\/\//,
    );
  });
});

describe.skipIf(!redisUrl)(
  redisUrl ? "redis specifics" : `redis specifics (skipped: ${MISSING_REDIS})`,
  () => {
    const keyPrefix = `specifics-${randomUUID()}:`;
    let raw: Redis;
    let stores: Stores;
    let other: Stores;

    beforeAll(() => {
      raw = new Redis(redisUrl);
      stores = createStores({ redisUrl, keyPrefix, lockLeaseMs: 400, lockWaitMs: 3_000 });
      other = createStores({ redisUrl, keyPrefix, lockWaitMs: 100 });
    });
    afterAll(async () => {
      await Promise.all([stores.close(), other.close()]);
      raw.disconnect();
    });

    it("is the redis kind and answers ping", async () => {
      expect(stores.kind).toBe("redis");
      await expect(stores.ping()).resolves.toBeUndefined();
    });

    it("stores sessions and event ids under the configured prefix, each with its own expiry (PX)", async () => {
      await stores.sessions.set("U1", { state: "menu" }, 30_000);
      await stores.dedupe.claim("01EV", 120_000);
      expect(await raw.get(`${keyPrefix}session:U1`)).toBe('{"state":"menu"}');
      const sessionTtl = await raw.pttl(`${keyPrefix}session:U1`);
      const eventTtl = await raw.pttl(`${keyPrefix}event:01EV`);
      expect(sessionTtl).toBeGreaterThan(0);
      expect(sessionTtl).toBeLessThanOrEqual(30_000);
      expect(eventTtl).toBeGreaterThan(30_000);
      expect(eventTtl).toBeLessThanOrEqual(120_000);
    });

    it("keeps deployments with different prefixes apart", async () => {
      const neighbour = createStores({ redisUrl, keyPrefix: `${keyPrefix}neighbour:` });
      await stores.sessions.set("U2", "mine", 30_000);
      expect(await neighbour.sessions.get("U2")).toBeUndefined();
      expect(await neighbour.dedupe.claim("01EV-P", 30_000)).toBe(true);
      expect(await stores.dedupe.claim("01EV-P", 30_000)).toBe(true);
      await neighbour.close();
    });

    it("waits for a lock left by an instance that died, until its lease runs out", async () => {
      await raw.set(`${keyPrefix}lock:U-dead`, "token-of-a-dead-instance", "PX", 300);
      let ranWhileHeld = false;
      await stores.lock.withUserLock("U-dead", async () => {
        ranWhileHeld = (await raw.get(`${keyPrefix}lock:U-dead`)) === "token-of-a-dead-instance";
      });
      expect(ranWhileHeld).toBe(false);
    });

    it("renews its lease while the work runs, so a slow turn keeps the lock", async () => {
      // lease 400 ms, work 1 s: without renewal another instance would get in after 400 ms.
      const key = `${keyPrefix}lock:U-slow`;
      const work = stores.lock.withUserLock("U-slow", async () => {
        const token = await raw.get(key);
        await sleep(1_000);
        return { token, tokenAtEnd: await raw.get(key) };
      });
      await sleep(550);
      await expect(other.lock.withUserLock("U-slow", async () => "got in")).rejects.toThrow(/not acquired/);
      const { token, tokenAtEnd } = await work;
      expect(token).toMatch(/^[0-9a-f-]{36}$/);
      expect(tokenAtEnd).toBe(token);
      expect(await raw.exists(key)).toBe(0);
    });

    it("does not release a lock that someone else holds by now (token-checked release)", async () => {
      const key = `${keyPrefix}lock:U-stolen`;
      await stores.lock.withUserLock("U-stolen", async () => {
        // As if our lease had run out and another instance had taken the lock meanwhile.
        await raw.set(key, "someone-else", "PX", 10_000);
      });
      expect(await raw.get(key)).toBe("someone-else");
    });
  },
);
