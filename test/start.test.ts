import express from "express";
import { describe, expect, it } from "vitest";
import { readConfig } from "../bot/config.ts";
import { createMetrics } from "../bot/metrics.ts";
import { type LocalSimulator, STARTING_RETRY_AFTER_S, start } from "../bot/start.ts";
import { classify } from "../knowledge/classify.ts";
import {
  fixtureCarrierOf,
  fixtureKnowledge,
  fixtureMatchSymptom,
  fixtureQuestions,
} from "./fixtures/knowledge.ts";
import { captureLogger } from "./support/capture-logger.ts";

/**
 * bot/start.ts listens before the app exists (local mode's simulator needs the port for its webhook URL).
 * A request in that window must get an answer that says "come back", never hang.
 */

const services = () => ({
  classify: (text: string) => classify(text),
  knowledge: fixtureKnowledge,
  matchSymptom: fixtureMatchSymptom,
  carrierOf: fixtureCarrierOf,
  questions: fixtureQuestions,
  logger: captureLogger().logger,
  metrics: createMetrics({ processMetrics: false }),
});

const noSimulator: LocalSimulator = {
  router: express.Router(),
  apiBaseUrl: "http://127.0.0.1:9",
  close: async () => {},
};

describe("start: the window between listen() and the app being attached", () => {
  it("answers 503 with Retry-After while starting, then serves the app", async () => {
    const seen: { status: number; retryAfter: string | null; body: string }[] = [];
    const running = await start({
      config: readConfig({ PORT: "0" }),
      services: services(),
      // The simulator starts while the server already listens: ask the bot from here, as a browser would.
      startSimulator: async ({ webhookUrl }) => {
        const base = new URL(webhookUrl).origin;
        const asks = [
          fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5_000) }),
          fetch(webhookUrl, { method: "POST", body: "{}", signal: AbortSignal.timeout(5_000) }),
        ];
        for (const res of await Promise.all(asks))
          seen.push({
            status: res.status,
            retryAfter: res.headers.get("retry-after"),
            body: await res.text(),
          });
        return noSimulator;
      },
    });
    try {
      expect(seen).toEqual([
        { status: 503, retryAfter: String(STARTING_RETRY_AFTER_S), body: '{"status":"starting"}' },
        { status: 503, retryAfter: String(STARTING_RETRY_AFTER_S), body: '{"status":"starting"}' },
      ]);
      const ready = await fetch(`${running.url}/healthz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: "ok" });
    } finally {
      await running.close();
    }
  });

  it("frees the port when starting fails after listen(), so the error is all that is left", async () => {
    let port = 0;
    const failing = start({
      config: readConfig({ PORT: "0" }),
      services: services(),
      startSimulator: async ({ webhookUrl }) => {
        port = Number(new URL(webhookUrl).port);
        throw new Error("simulator could not start");
      },
    });
    await expect(failing).rejects.toThrow("simulator could not start");
    const refused = await fetch(`http://127.0.0.1:${port}/healthz`, {
      signal: AbortSignal.timeout(5_000),
    }).then(
      () => "answered",
      (error: Error) => (error.cause as { code?: string } | undefined)?.code ?? error.name,
    );
    expect(refused).toBe("ECONNREFUSED");
  });
});

describe("start: the server's timeouts", () => {
  it("keeps idle connections 65 s by default (above load balancers' 60 s), KEEP_ALIVE_TIMEOUT_MS otherwise", async () => {
    for (const [env, keepAlive] of [
      [{}, 65_000],
      [{ KEEP_ALIVE_TIMEOUT_MS: "610000" }, 610_000],
    ] as const) {
      const running = await start({
        config: readConfig({ PORT: "0", ...env }),
        services: services(),
        startSimulator: async () => noSimulator,
      });
      try {
        expect(running.server.keepAliveTimeout).toBe(keepAlive);
        // Not raised with it: a request's headers must still arrive within 3 s of its first byte.
        expect(running.server.headersTimeout).toBe(3_000);
        expect(running.server.requestTimeout).toBe(5_000);
      } finally {
        await running.close();
      }
    }
  });
});
