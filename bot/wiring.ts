import type { Logger } from "pino";
import { Conversations } from "../dialogs/conversation.ts";
import { createInterpreter, type InterpreterDeps } from "../dialogs/interpret.ts";
import type { SessionStore } from "../dialogs/session-store.ts";
import { createStores, type Stores } from "../dialogs/stores/index.ts";
import { loadUi } from "../dialogs/ui.ts";
import { classify } from "../knowledge/classify.ts";
import { carrierOf, type Knowledge, loadKnowledge, matchSymptom } from "../knowledge/knowledge.ts";
import { chooseEngine, createScreenshotReader, type ScreenshotReader } from "../knowledge/ocr/reader.ts";
import { loadQuestions } from "../knowledge/questions.ts";
import { type AppDeps, BACKPRESSURE_MAX_WAIT_MS, maxBacklogFor } from "./app.ts";
import {
  type Config,
  DEFAULT_CLAIM_IDLE_MS,
  DEFAULT_MAX_CONCURRENT_EVENTS,
  DEFAULT_OCR_CONCURRENCY,
  DEFAULT_REPLY_RETRY_SECONDS,
  LINE_DATA_API_BASE_URL,
} from "./config.ts";
import { createStreamInbox } from "./event-stream.ts";
import { createLocalInbox, type EventHandler } from "./inbox.ts";
import { createLineOut, type LineClient, type LineTuning } from "./line-client.ts";
import { createMessagingApiClient, MessagingApiBlobClient } from "./line-sdk.ts";
import { logger as defaultLogger } from "./logger.ts";
import type { BlobClient, MediaLimits } from "./media.ts";
import { createMetrics, type Metrics } from "./metrics.ts";
import { createRateLimiter, type RateLimitOptions } from "./rate-limit.ts";
import { rememberingIndex, rememberingInterpreter, rememberingRenderer } from "./recent-results.ts";
import { createRenderer } from "./render/render.ts";
import { createSealer } from "./sealed.ts";
import { feedbackObserver } from "./turn-metrics.ts";

/**
 * Puts the pieces together from the configuration. Everything with state or I/O can be replaced
 * (stores, client, logger, metrics), which is how tests, benchmarks and the simulator build the same app.
 */
export interface Services extends Omit<InterpreterDeps, "ui" | "questions"> {
  ui?: InterpreterDeps["ui"];
  /** Typed questions and their answers; default: knowledge/data/questions/ (checked against knowledge/data). */
  questions?: InterpreterDeps["questions"];
  /** Sessions, de-duplication and user locks; default: createStores() from REDIS_URL (memory when unset). */
  stores?: Stores;
  /** Replaces the stores' session store (tests that record what is kept). */
  store?: SessionStore;
  client?: LineClient;
  logger?: Logger;
  /** Default: a registry without process metrics (main.ts passes one with them). */
  metrics?: Metrics;
  /** Timeouts and retries of LINE calls (tests shorten them). */
  lineTuning?: LineTuning;
  rateLimit?: RateLimitOptions;
  now?: () => number;
  /** Reads screenshots; null: none (images get the "cannot open" answer). Default: from OCR_ENGINE. */
  screenshots?: ScreenshotReader | null;
  /** Fetches image and file content (default: the SDK's MessagingApiBlobClient, LINE_DATA_API_BASE_URL). */
  blob?: BlobClient;
  /** Size limits and time-outs of reading images and files (tests shorten them). */
  mediaLimits?: Partial<MediaLimits>;
}

/** The real classifier and knowledge data, as the interpreter asks for them (main, benchmark, tests). */
export function knowledgeServices(knowledge: Knowledge): Omit<InterpreterDeps, "ui"> {
  return {
    classify: (text, kind) => classify(text, kind ? { kind } : {}),
    knowledge,
    matchSymptom: (text) => matchSymptom(knowledge, text),
    carrierOf: (domain) => carrierOf(knowledge, domain),
    questions: loadQuestions(knowledge),
  };
}

export type BotConfig = Pick<
  Config,
  "channelSecret" | "channelAccessToken" | "lineApiBaseUrl" | "qaCommunityUrl"
> &
  Partial<
    Pick<
      Config,
      | "redisUrl"
      | "pushFallback"
      | "maxConcurrentEvents"
      | "claimIdleMs"
      | "replyWindowMs"
      | "lineDataApiBaseUrl"
      | "ocrEngine"
      | "ocrConcurrency"
    >
  >;

export interface BotDeps extends AppDeps {
  stores: Stores;
  /** Releases the stores and timers (after the app has drained). */
  close(): Promise<void>;
}

export function createBotDeps(config: BotConfig, services: Services): BotDeps {
  const ui = services.ui ?? loadUi();
  const logger = services.logger ?? defaultLogger;
  const metrics = services.metrics ?? createMetrics({ processMetrics: false });
  const stores =
    services.stores ?? createStores({ ...(config.redisUrl && { redisUrl: config.redisUrl }), log: logger });
  const store = services.store ?? stores.sessions;
  const client =
    services.client ??
    createMessagingApiClient({
      channelAccessToken: config.channelAccessToken,
      baseURL: config.lineApiBaseUrl,
    });
  // Screenshots: the OCR route is found once per process (OCR_ENGINE; the Debian CLI if installed).
  const screenshots =
    services.screenshots === undefined
      ? createScreenshotReader(
          chooseEngine(config.ocrEngine ?? "auto"),
          config.ocrConcurrency ?? DEFAULT_OCR_CONCURRENCY,
        )
      : services.screenshots;
  logger.info({ ocr: screenshots?.route ?? "none" }, "screenshots: OCR route");
  const blob =
    services.blob ??
    new MessagingApiBlobClient({
      channelAccessToken: config.channelAccessToken,
      baseURL: config.lineDataApiBaseUrl ?? LINE_DATA_API_BASE_URL,
    });
  const questions = services.questions ?? loadQuestions(loadKnowledge());
  const interpret = rememberingInterpreter(
    createInterpreter({
      classify: services.classify,
      knowledge: services.knowledge,
      matchSymptom: services.matchSymptom,
      carrierOf: services.carrierOf,
      ui,
      questions,
      keepUnderstood: rememberingIndex,
    }),
  );
  const limiter = createRateLimiter(services.rateLimit);
  const line = createLineOut({
    client,
    metrics,
    logger,
    pushFallback: config.pushFallback ?? false,
    ...(services.lineTuning && { tuning: services.lineTuning }),
  });
  const maxConcurrent = config.maxConcurrentEvents ?? DEFAULT_MAX_CONCURRENT_EVENTS;
  const replyWindowMs = config.replyWindowMs ?? DEFAULT_REPLY_RETRY_SECONDS * 1_000;
  const redis = stores.redis;
  // With Redis, acknowledged events go through the shared stream; the local inbox takes them only when
  // Redis cannot (they are then handled here, as without Redis).
  const inbox =
    redis &&
    ((handle: EventHandler) =>
      createStreamInbox({
        client: redis.client,
        prefix: redis.prefix,
        handle,
        line,
        metrics,
        logger,
        maxConcurrent,
        maxHeld: 2 * maxConcurrent,
        replyWindowMs,
        claimIdleMs: config.claimIdleMs ?? DEFAULT_CLAIM_IDLE_MS,
        sealer: createSealer(config.channelSecret),
        fallback: createLocalInbox({
          handle,
          deduper: stores.dedupe,
          metrics,
          logger,
          maxConcurrent,
          maxBacklog: maxBacklogFor(maxConcurrent),
          maxBacklogWaitMs: BACKPRESSURE_MAX_WAIT_MS,
          replyWindowMs,
        }),
      }));
  return {
    channelSecret: config.channelSecret,
    ...(config.maxConcurrentEvents && { maxConcurrentEvents: config.maxConcurrentEvents }),
    ...(inbox && { inbox }),
    replyWindowMs,
    line,
    stores,
    store,
    deduper: stores.dedupe,
    lock: stores.lock,
    limiter,
    metrics,
    logger,
    readiness: stores.kind === "redis" ? { redis: () => stores.ping() } : {},
    conversations: new Conversations({
      store,
      interpret,
      observe: feedbackObserver(metrics),
      profileLanguage: (userId) => line.profileLanguage(userId),
      ...(services.now && { now: services.now }),
    }),
    render: rememberingRenderer(
      createRenderer({
        knowledge: services.knowledge,
        ui,
        questions,
        qaCommunityUrl: config.qaCommunityUrl,
      }),
    ),
    media: {
      blob,
      screenshots: screenshots ?? undefined,
      ...(services.mediaLimits && { limits: services.mediaLimits }),
    },
    async close() {
      limiter.close();
      await screenshots?.close();
      await stores.close();
      if (services.store) await services.store.close();
    },
  };
}
