/**
 * The full assistant for the benchmark: createApp with everything production has (real classifier,
 * knowledge, dialogs, renderer, metrics, rate limit, memory stores, the JSON logger), listening on
 * loopback, replying through the SDK to the stand-in. Run as its own process by bench/webhook.ts; with
 * BENCH_REDIS_URL it runs as with REDIS_URL (the event stream, Redis sessions and locks).
 */
import type { AddressInfo } from "node:net";
import { createApp } from "../../bot/app.ts";
import { createBotServer } from "../../bot/http-server.ts";
import { logger } from "../../bot/logger.ts";
import { createMetrics } from "../../bot/metrics.ts";
import { createBotDeps, knowledgeServices } from "../../bot/wiring.ts";
import type { MemorySessionStore } from "../../dialogs/stores/memory.ts";
import { loadKnowledge } from "../../knowledge/knowledge.ts";
import { serveBenchIpc } from "./ipc.ts";

const deps = createBotDeps(
  {
    channelSecret: process.env.BENCH_SECRET ?? "",
    channelAccessToken: process.env.BENCH_TOKEN ?? "",
    lineApiBaseUrl: process.env.BENCH_LINE_URL ?? "",
    qaCommunityUrl: undefined,
    // The stream mode of the benchmark: events through the Redis stream, sessions and locks in Redis.
    ...(process.env.BENCH_REDIS_URL && { redisUrl: process.env.BENCH_REDIS_URL }),
    // As in production, MAX_CONCURRENT_EVENTS (passed on by bench/webhook.ts) to compare settings.
    ...(process.env.MAX_CONCURRENT_EVENTS && {
      maxConcurrentEvents: Number(process.env.MAX_CONCURRENT_EVENTS),
    }),
  },
  {
    ...knowledgeServices(loadKnowledge()),
    logger,
    metrics: createMetrics(),
  },
);
const server = createBotServer(createApp(deps).listener);
server.listen(0, "127.0.0.1", () => {
  serveBenchIpc(
    (server.address() as AddressInfo).port,
    deps.stores.kind === "memory" ? () => (deps.store as MemorySessionStore).size : undefined,
  );
});
