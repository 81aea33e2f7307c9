import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { type Simulator, type SimulatorOptions, startSimulator } from "../../simulator/index.ts";

/**
 * Starts a bot app and the simulator the way local mode does: one HTTP server on loopback serving the
 * chat page (simulator router) and the bot's /webhook; the bot's LINE client points at the stand-in.
 * The port is taken first because the simulator needs the webhook URL and the bot needs the stand-in's.
 */
export interface Running {
  baseUrl: string;
  simulator: Simulator;
  close(): Promise<void>;
}

export async function startBotWithSimulator(
  makeBot: (apiBaseUrl: string) => express.Express | Promise<express.Express>,
  options: Omit<SimulatorOptions, "webhookUrl">,
  port = 0,
): Promise<Running> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const simulator = await startSimulator({ ...options, webhookUrl: `${baseUrl}/webhook` });
  const app = express();
  app.use(simulator.router);
  app.use(await makeBot(simulator.apiBaseUrl));
  server.on("request", app);
  return {
    baseUrl,
    simulator,
    async close() {
      await simulator.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
