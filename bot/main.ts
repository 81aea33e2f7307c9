import { classify } from "../knowledge/classify.ts";
import { carrierOf, loadKnowledge, matchSymptom } from "../knowledge/knowledge.ts";
import { readConfig } from "./config.ts";
import { logger } from "./logger.ts";
import { type Running, start } from "./start.ts";

/**
 * `npm start`: read the configuration once, load and check the data, serve. Without LINE credentials
 * this is local mode (local dev secret and token). The chat simulator (simulator/index.ts, issue #4) is
 * passed to start() as `startSimulator` once it is on main.
 */
async function main(): Promise<Running> {
  const config = readConfig();
  const knowledge = loadKnowledge();
  return start({
    config,
    services: {
      classify: (text) => classify(text),
      knowledge,
      matchSymptom: (text) => matchSymptom(knowledge, text),
      carrierOf: (domain) => carrierOf(knowledge, domain),
      logger,
    },
  });
}

main().then(
  (running) => {
    // Finish the events in flight, then leave (container stop, Ctrl-C).
    const stop = (signal: string) => {
      logger.info({ signal }, "shutting down");
      running.close().then(
        () => logger.flush(() => process.exit(0)),
        () => logger.flush(() => process.exit(1)),
      );
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  },
  (error: unknown) => {
    // Configuration and data-file mistakes are for people: their message names what to fix.
    process.stderr.write(`Could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
