import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Router } from "express";
import { type BotApp, createApp } from "./app.ts";
import type { Config } from "./config.ts";
import { logger as defaultLogger } from "./logger.ts";
import { createBotDeps, type Services } from "./wiring.ts";

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
  app: BotApp;
  /** Stops listening, finishes the events in flight, closes the simulator and stores. */
  close(): Promise<void>;
}

export async function start({ config, services, startSimulator }: StartOptions): Promise<Running> {
  const log = services.logger ?? defaultLogger;
  // Listen first: the simulator needs the real port (PORT=0 picks a free one) for its webhook URL.
  const server = createServer();
  await listen(server, config.port, config.mode === "local" ? "127.0.0.1" : undefined);
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;

  let simulator: LocalSimulator | undefined;
  if (config.mode === "local" && startSimulator) {
    simulator = await startSimulator({
      channelSecret: config.channelSecret,
      channelAccessToken: config.channelAccessToken,
      webhookUrl: `http://127.0.0.1:${port}/webhook`,
    });
  }
  const deps = createBotDeps(
    { ...config, lineApiBaseUrl: simulator?.apiBaseUrl ?? config.lineApiBaseUrl },
    { ...services, logger: log },
  );
  const app = createApp({ ...deps, routers: simulator ? [simulator.router] : [] });
  server.on("request", app);

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
    app,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await app.drain();
      // Before waiting for the server: the simulator's page keeps an event stream open on it, which
      // would hold the close forever. After the drain: events in flight still reply through its stand-in.
      await simulator?.close();
      await closed;
      await Promise.all([deps.store.close(), deps.deduper.close()]);
    },
  };
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
