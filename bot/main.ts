import { type Knowledge, loadKnowledge } from "../knowledge/knowledge.ts";
import { setupRichMenu } from "../scripts/richmenu.ts";
import { type Simulator, type SimulatorOptions, startSimulator } from "../simulator/index.ts";
import { type Config, checkQaCommunityUrl, isPlaceholderUrl, readConfig } from "./config.ts";
import { MessagingApiBlobClient, MessagingApiClient } from "./line-sdk.ts";
import { logger } from "./logger.ts";
import { createMetrics } from "./metrics.ts";
import { type Running, start } from "./start.ts";
import { knowledgeServices } from "./wiring.ts";

/**
 * `npm start`: read the configuration once, load and check the data, serve. Without LINE credentials
 * this is local mode (local dev secret and token): the chat simulator (simulator/index.ts) serves its page
 * on the bot's port and stands in for LINE's API.
 */
async function main(): Promise<{ running: Running; config: Config }> {
  const config = readConfig();
  const knowledge = loadKnowledge();
  const qaCommunityUrl = config.qaCommunityUrl ?? knowledge.links.get("qa-community")!.url;
  checkQaCommunityUrl(config, knowledge.links.get("qa-community")!.url);
  // Local mode runs with the placeholder, and says so on the page, where the link is seen.
  const notices = isPlaceholderUrl(qaCommunityUrl)
    ? [
        `The Q&A community link is a placeholder (${new URL(qaCommunityUrl).hostname}): set QA_COMMUNITY_URL to the real address before going live.`,
      ]
    : [];
  const running = await start({
    config,
    services: {
      ...knowledgeServices(knowledge),
      logger,
      metrics: createMetrics(),
    },
    startSimulator: (options) => startLocalSimulator({ ...options, notices }, knowledge),
  });
  return { running, config };
}

/** Every event's failure is caught where it happens; anything that still slips through is logged, not fatal. */
process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));

/**
 * Past the grace for events in progress (SHUTDOWN_GRACE_MS), closing the stores and connections is
 * bounded too; this only guards against a bug.
 */
const SHUTDOWN_MARGIN_MS = 5_000;

/** The simulator, with the rich menu set up by the same code `npm run richmenu` runs against LINE. */
async function startLocalSimulator(options: SimulatorOptions, knowledge: Knowledge): Promise<Simulator> {
  const simulator = await startSimulator(options);
  const clientConfig = { channelAccessToken: options.channelAccessToken, baseURL: simulator.apiBaseUrl };
  const clients = {
    client: new MessagingApiClient(clientConfig),
    blobClient: new MessagingApiBlobClient(clientConfig),
  };
  await setupRichMenu(clients, undefined, knowledge).catch((err: unknown) =>
    logger.warn({ err }, "local mode: the rich menu could not be set up; the chat works without it"),
  );
  return simulator;
}

main().then(
  ({ running, config }) => {
    // Finish the events in progress (bounded), then leave (container stop, Ctrl-C).
    const stop = (signal: string) => {
      logger.info({ signal }, "shutting down");
      const limit = config.shutdownGraceMs + SHUTDOWN_MARGIN_MS;
      setTimeout(() => {
        logger.error({ afterMs: limit }, "shutdown took too long; exiting");
        logger.flush(() => process.exit(1));
      }, limit).unref();
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
