import type { RequestListener, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { Router } from "express";
import { type BotApp, createApp } from "./app.ts";
import type { Config } from "./config.ts";
import { createBotServer } from "./http-server.ts";
import { logger as defaultLogger } from "./logger.ts";
import { type BotDeps, createBotDeps, type Services } from "./wiring.ts";

/**
 * Builds the bot from a checked configuration and serves it. In local mode the chat simulator stands in
 * for LINE: its page is mounted on the bot's app and the SDK talks to its API stand-in.
 */

/** The simulator's contract (simulator/index.ts, issue #4). */
export interface LocalSimulator {
  router: Router;
  apiBaseUrl: string;
  close(): Promise<void>;
}
export type StartSimulator = (options: {
  channelSecret: string;
  channelAccessToken: string;
  webhookUrl: string;
}) => Promise<LocalSimulator>;

export interface StartOptions {
  config: Config;
  services: Services;
  /** Used in local mode; without it, local mode still runs with the local dev secret and token. */
  startSimulator?: StartSimulator;
}

export interface Running {
  /** Where the bot listens, e.g. http://localhost:3000 */
  url: string;
  port: number;
  /** The HTTP server (its timeouts: bot/http-server.ts). */
  server: Server;
  app: BotApp;
  /**
   * Graceful shutdown: /readyz turns 503, no new connections, the events in progress get the config's
   * shutdownGraceMs to finish (with Redis, the rest is left in the stream for the other instances;
   * without, it is logged and counted as lost), then the simulator and the stores are closed.
   */
  close(): Promise<void>;
}

export async function start({ config, services, startSimulator }: StartOptions): Promise<Running> {
  const log = services.logger ?? defaultLogger;
  // Listen first: the simulator needs the real port (PORT=0 picks a free one) for its webhook URL.
  // Until the app is built, every request gets a 503 with Retry-After rather than no answer at all.
  let serve: RequestListener = answerStarting;
  const server = createBotServer((req, res) => serve(req, res), config.keepAliveTimeoutMs);
  await listen(server, config.port, config.mode === "local" ? "127.0.0.1" : undefined);
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;

  let simulator: LocalSimulator | undefined;
  let deps: BotDeps;
  let app: BotApp;
  try {
    if (config.mode === "local" && startSimulator) {
      simulator = await startSimulator({
        channelSecret: config.channelSecret,
        channelAccessToken: config.channelAccessToken,
        webhookUrl: `http://127.0.0.1:${port}/webhook`,
      });
    }
    deps = createBotDeps(
      {
        ...config,
        // The stand-in answers on both of LINE's hosts: the Messaging API and the data API (content).
        lineApiBaseUrl: simulator?.apiBaseUrl ?? config.lineApiBaseUrl,
        lineDataApiBaseUrl: simulator?.apiBaseUrl ?? config.lineDataApiBaseUrl,
      },
      { ...services, logger: log },
    );
    app = createApp({ ...deps, routers: simulator ? [simulator.router] : [] });
  } catch (error) {
    // Nothing will ever serve this port: free it (and the simulator) so the caller sees only the error.
    await simulator?.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }
  serve = app.listener;

  if (config.mode === "line")
    log.info({ url, webhook: `${url}/webhook` }, `LINE assistant listening on ${url}`);
  else if (simulator)
    log.info({ url }, `Local mode (no LINE credentials): open ${url}/ to chat with the assistant`);
  else
    log.warn(
      { url, lineApiBaseUrl: config.lineApiBaseUrl },
      `Local mode (no LINE credentials) without the simulator: webhooks to ${url}/webhook must be signed with the local dev secret`,
    );

  return {
    url,
    port,
    server,
    app,
    async close() {
      const deadline = Date.now() + config.shutdownGraceMs;
      const left = () => Math.max(0, deadline - Date.now());
      app.stopAccepting();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await app.stopHandling(left());
      // Before waiting for the server: the simulator's page keeps an event stream open on it, which
      // would hold the close forever. After the events: those in progress still reply through its stand-in.
      await simulator?.close();
      await Promise.race([closed, sleep(left())]);
      // Webhooks that arrived on open connections while the server was closing (without Redis).
      if (app.held > 0 && left() > 0) await app.stopHandling(left());
      server.closeAllConnections();
      await deps.close();
    },
  };
}

/** Seconds a client is asked to wait while the bot starts (LINE redelivers a refused webhook, if enabled). */
export const STARTING_RETRY_AFTER_S = 1;

function answerStarting(_req: unknown, res: ServerResponse): void {
  const body = JSON.stringify({ status: "starting" });
  res.writeHead(503, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "retry-after": String(STARTING_RETRY_AFTER_S),
    connection: "close", // the request body is not read; do not reuse the connection behind it
  });
  res.end(body);
}

function listen(server: Server, port: number, host: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}
