import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import express from "express";
import request from "supertest";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createHealthRouter } from "../bot/health.ts";
import { createMetrics } from "../bot/metrics.ts";
import { createStores, type Stores } from "../dialogs/stores/index.ts";
import { describeWithOwnRedis } from "./helpers/describe-redis.ts";
import { type RedisServer, startRedisServer } from "./helpers/redis-server.ts";

async function eventually(what: () => Promise<unknown>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      await what();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(50);
    }
  }
}

/** Rejects, and within a bound: a stopped Redis must turn into errors, never into a hang. */
async function failsQuickly(work: () => Promise<unknown>): Promise<void> {
  const started = Date.now();
  await expect(work()).rejects.toThrow();
  expect(Date.now() - started).toBeLessThan(5_000); // generous sanity bound; configured timeout is 300 ms
}

// This file runs its own redis-server, because it stops it.
describeWithOwnRedis("redis outage", () => {
  let server: RedisServer;
  let stores: Stores;
  const lines: { level: string; message: string }[] = [];
  const log = {
    warn: (_: object, message: string) => lines.push({ level: "warn", message }),
    info: (_: object, message: string) => lines.push({ level: "info", message }),
  };

  beforeAll(async () => {
    server = await startRedisServer();
    stores = createStores({
      redisUrl: server.url,
      keyPrefix: `outage-${randomUUID()}:`,
      commandTimeoutMs: 300,
      log,
    });
  });
  afterAll(async () => {
    await stores.close();
    await server.dispose();
  });

  it("reports errors while Redis is down, without crashing or hanging, and recovers when it is back", async () => {
    const health = express().use(
      createHealthRouter({
        metrics: createMetrics({ processMetrics: false }),
        checks: { redis: () => stores.ping() },
        logger: { warn: () => {} },
      }),
    );
    expect((await request(health).get("/readyz")).status).toBe(200);
    await stores.sessions.set("U1", { state: "menu" }, 60_000);
    expect(await stores.sessions.get("U1")).toEqual({ state: "menu" });

    await server.stop();
    await failsQuickly(() => stores.ping());
    await failsQuickly(() => stores.sessions.get("U1"));
    await failsQuickly(() => stores.sessions.set("U1", { state: "x" }, 60_000));
    await failsQuickly(() => stores.dedupe.claim("01EV", 60_000));
    let ran = false;
    await failsQuickly(() =>
      stores.lock.withUserLock("U1", async () => {
        ran = true;
      }),
    );
    expect(ran).toBe(false);
    expect((await request(health).get("/readyz")).body).toEqual({
      status: "not-ready",
      checks: { redis: "fail" },
    });
    expect((await request(health).get("/healthz")).status).toBe(200);
    // Reconnect attempts go on in the background; the outage is logged once, not once per attempt.
    await sleep(500);
    expect(lines.filter((l) => l.level === "warn")).toEqual([
      { level: "warn", message: "redis connection lost; retrying" },
    ]);

    await server.start();
    await eventually(() => stores.ping(), 10_000);
    await stores.sessions.set("U1", { state: "paste" }, 60_000);
    expect(await stores.sessions.get("U1")).toEqual({ state: "paste" });
    expect(await stores.dedupe.claim("01EV-after", 60_000)).toBe(true);
    expect(await stores.lock.withUserLock("U1", async () => "ok")).toBe("ok");
    expect((await request(health).get("/readyz")).status).toBe(200);
    expect(lines.at(-1)).toEqual({ level: "info", message: "redis connection back" });
  });
});
