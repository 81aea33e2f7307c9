import { setTimeout as sleep } from "node:timers/promises";
import { type Request, type Response, Router } from "express";
import { logger as defaultLogger } from "./logger.ts";
import type { Metrics } from "./metrics.ts";

/**
 * Operator endpoints:
 * - GET /healthz  liveness: the process serves HTTP. Never depends on Redis or LINE, so an outage of
 *                 those does not get healthy instances restarted in a loop.
 * - GET /readyz   readiness: every configured dependency answers (Redis PING when REDIS_URL is set)
 *                 and the instance is not shutting down; a load balancer stops routing to it on 503.
 * - GET /metrics  Prometheus text format.
 */

export interface HealthOptions {
  metrics: Metrics;
  /** Named readiness checks, e.g. { redis: () => stores.ping() }. Each must resolve within checkTimeoutMs. */
  checks?: Record<string, () => Promise<unknown>>;
  /** False once shutdown has begun: /readyz answers 503 so traffic drains before the process stops. */
  accepting?: () => boolean;
  checkTimeoutMs?: number;
  logger?: Pick<typeof defaultLogger, "warn">;
}

type CheckResult = "ok" | "fail";

export function createHealthRouter(options: HealthOptions): Router {
  const checks = Object.entries(options.checks ?? {});
  const timeoutMs = options.checkTimeoutMs ?? 1_000;
  const log = options.logger ?? defaultLogger;
  const router = Router();

  const run = async (name: string, check: () => Promise<unknown>): Promise<CheckResult> => {
    const timer = new AbortController();
    try {
      await Promise.race([
        check(),
        sleep(timeoutMs, undefined, { signal: timer.signal }).then(() => {
          throw new Error(`no answer within ${timeoutMs} ms`);
        }),
      ]);
      return "ok";
    } catch (error) {
      log.warn({ check: name, err: error }, "readiness check failed");
      return "fail";
    } finally {
      timer.abort();
    }
  };

  router.get("/healthz", (_req: Request, res: Response) => {
    res.json({ status: "ok" });
  });

  router.get("/readyz", async (_req: Request, res: Response) => {
    const results: Record<string, CheckResult> = {};
    await Promise.all(
      checks.map(async ([name, check]) => {
        results[name] = await run(name, check);
      }),
    );
    const accepting = options.accepting?.() ?? true;
    const ready = accepting && Object.values(results).every((r) => r === "ok");
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? "ready" : accepting ? "not-ready" : "shutting-down", checks: results });
  });

  router.get("/metrics", async (_req: Request, res: Response) => {
    const { contentType, body } = await options.metrics.render();
    res.type(contentType).send(body);
  });

  return router;
}
