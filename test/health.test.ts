import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createHealthRouter, type HealthOptions } from "../bot/health.ts";
import { createMetrics } from "../bot/metrics.ts";

function app(options: Partial<HealthOptions> = {}) {
  const warnings: unknown[] = [];
  const metrics = createMetrics({ processMetrics: false });
  const server = express().use(
    createHealthRouter({ metrics, logger: { warn: (o: unknown) => warnings.push(o) }, ...options }),
  );
  return { server, metrics, warnings };
}

describe("health endpoints", () => {
  it("GET /healthz answers 200 even when a dependency is down (liveness is about this process)", async () => {
    const { server } = app({ checks: { redis: () => Promise.reject(new Error("ECONNREFUSED")) } });
    const res = await request(server).get("/healthz");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok" });
  });

  const pong = async (): Promise<string> => "PONG";
  const refuse = (): Promise<string> => Promise.reject(new Error("ECONNREFUSED"));
  const hang = (): Promise<string> => new Promise(() => {});
  const cases: [string, Partial<HealthOptions>, number, object][] = [
    ["no dependencies configured", {}, 200, { status: "ready", checks: {} }],
    ["Redis answers", { checks: { redis: pong } }, 200, { status: "ready", checks: { redis: "ok" } }],
    ["Redis refuses", { checks: { redis: refuse } }, 503, { status: "not-ready", checks: { redis: "fail" } }],
    [
      "Redis never answers",
      { checks: { redis: hang }, checkTimeoutMs: 50 },
      503,
      { status: "not-ready", checks: { redis: "fail" } },
    ],
    [
      "shutting down",
      { checks: { redis: pong }, accepting: () => false },
      503,
      { status: "shutting-down", checks: { redis: "ok" } },
    ],
  ];
  it.each(cases)("GET /readyz when %s", async (_case, options, status, body) => {
    const { server } = app(options);
    const res = await request(server).get("/readyz");
    expect(res.status).toBe(status);
    expect(res.body).toEqual(body);
  });

  it("logs why a readiness check failed, without putting the error in the response", async () => {
    const { server, warnings } = app({ checks: { redis: () => Promise.reject(new Error("NOAUTH secret")) } });
    const res = await request(server).get("/readyz");
    expect(res.text).not.toContain("NOAUTH");
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings[0])).toContain("redis");
  });

  it("GET /metrics serves the Prometheus text of this instance's registry", async () => {
    const { server, metrics } = app();
    metrics.escalated("asked");
    const res = await request(server).get("/metrics");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.text).toContain('bounce_bot_escalations_total{reason="asked"} 1');
  });
});
