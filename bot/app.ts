import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import express, { type ErrorRequestHandler, type Express, type Router } from "express";
import type { Logger } from "pino";
import type { EventDeduper } from "../dialogs/session-store.ts";
import { DEFAULT_MAX_CONCURRENT_EVENTS } from "./config.ts";
import { createEventHandler, type EventHandlerDeps } from "./handle-event.ts";
import { createHealthRouter } from "./health.ts";
import { createLocalInbox, DEFAULT_REPLY_WINDOW_MS, type EventHandler, type Inbox } from "./inbox.ts";
import { type Incoming, readEvent } from "./incoming.ts";
import { signatureMatches } from "./signature.ts";

/**
 * The webhook edge: verify LINE's signature over the raw bytes, acknowledge at once, then handle the
 * events in the background, in order per user. Built without listening, so tests, benchmarks and the
 * local simulator can run it with their own clients and stores.
 */

export interface AppDeps extends EventHandlerDeps {
  channelSecret: string;
  /** Drops redelivered events on the way in (the local inbox's; the stream's uses the same keys). */
  deduper: EventDeduper;
  /**
   * Where acknowledged events wait (bot/inbox.ts); default: a local inbox in this process. wiring.ts
   * passes the Redis stream's with REDIS_URL.
   */
  inbox?: (handle: EventHandler) => Inbox;
  /** How long a failing reply is retried (default DEFAULT_REPLY_WINDOW_MS of inbox.ts). */
  replyWindowMs?: number;
  /** Largest webhook body accepted, in bytes (default DEFAULT_BODY_LIMIT). */
  bodyLimit?: number;
  /** Webhook bodies read at the same time, before their signature is known (default DEFAULT_MAX_UPLOADS). */
  maxUploads?: number;
  /** Extra routes mounted at "/" (the local simulator's page and endpoints). */
  routers?: Router[];
  /** Events queued or in progress before acknowledgements slow down (default: maxBacklogFor). */
  maxBacklog?: number;
  /** Events handled at the same time across users (default DEFAULT_MAX_CONCURRENT_EVENTS of config.ts). */
  maxConcurrentEvents?: number;
  /** Readiness checks for GET /readyz, e.g. { redis: () => stores.ping() }. */
  readiness?: Record<string, () => Promise<unknown>>;
}

export type BotApp = Express & {
  /** What an HTTP server should call: webhooks straight to their handler, everything else to express. */
  listener: RequestListener;
  /** Resolves when every event received so far has been handled. */
  drain(): Promise<void>;
  /**
   * Shutdown has begun: /readyz answers 503 (the load balancer stops sending), responses close their
   * connection. Webhooks still arriving are taken: with redelivery off, LINE would not send them again.
   */
  stopAccepting(): void;
  /**
   * Stops handling events: those in progress get graceMs to finish; the rest are left in the stream for
   * the other instances (Redis) or logged and counted as lost (no Redis).
   */
  stopHandling(graceMs: number): Promise<void>;
  /** Events queued or in progress in this instance. */
  readonly held: number;
};

/**
 * The body is read whole before its signature can be checked, so everything up to the check is bounded:
 * size, bodies read at once, time (http-server.ts: SERVER_TIMEOUTS) and events per body.
 *
 * 1 MB: LINE's largest event is a text message of 5,000 UTF-16 units; escaped as \uXXXX (LINE escapes
 * emoji so) that is 30 KB, with the event's other fields (ids, reply and quote tokens, emoji and mention
 * lists) under 40 KB. LINE batches a few events per webhook: 1 MB holds 25 such texts, or hundreds of
 * ordinary events. A larger body is not from LINE: 413.
 */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * Events per body: LINE sends a few; 100 is ample. A signed body with 20,000 events (only a leaked
 * secret makes one) would queue ~400 MB of work: 413, and nothing of it is handled.
 */
export const MAX_EVENTS_PER_BODY = 100;

/**
 * Bodies read at once before their signature is known: each holds up to DEFAULT_BODY_LIMIT, so at most
 * 32 MB. LINE's bodies are small and read in a millisecond, so even bursts rarely have more than a few
 * open; beyond this the request gets 503 with Retry-After at once, its body unread.
 */
export const DEFAULT_MAX_UPLOADS = 32;

/**
 * Acknowledging first means a burst can queue far more events than the process works through in a
 * moment; every queued event holds memory. Past this many pending events (or twice the events handled at
 * once, if more), acks wait for room (at most BACKPRESSURE_MAX_WAIT_MS), which bounds the backlog without
 * refusing anything. With 500 the heap's peak during a burst left ~10 MB more RSS behind (npm run
 * bench:webhook, 10k sessions: 155–158 MB against 147–148 MB with 128), for no gain in speed: the events
 * only waited longer.
 */
export const DEFAULT_MAX_BACKLOG = 128;
export const maxBacklogFor = (maxConcurrent: number) => Math.max(DEFAULT_MAX_BACKLOG, 2 * maxConcurrent);
export const BACKPRESSURE_MAX_WAIT_MS = 1_000;

export function createApp(deps: AppDeps): BotApp {
  const app = express();
  app.disable("x-powered-by");
  const handle = createEventHandler(deps);
  const log = deps.logger;
  const maxConcurrent = deps.maxConcurrentEvents ?? DEFAULT_MAX_CONCURRENT_EVENTS;
  const inbox =
    deps.inbox?.(handle) ??
    createLocalInbox({
      handle,
      deduper: deps.deduper,
      metrics: deps.metrics,
      logger: log,
      maxConcurrent,
      maxBacklog: deps.maxBacklog ?? maxBacklogFor(maxConcurrent),
      maxBacklogWaitMs: BACKPRESSURE_MAX_WAIT_MS,
      replyWindowMs: deps.replyWindowMs ?? DEFAULT_REPLY_WINDOW_MS,
    });
  let accepting = true;
  let uploads = 0; // bodies being read right now
  const maxUploads = deps.maxUploads ?? DEFAULT_MAX_UPLOADS;

  /** Answers a webhook request; after shutdown began, the connection is closed behind the answer. */
  const answer = (res: ServerResponse, status: number, body: object, close = !accepting) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "content-length": Buffer.byteLength(text),
      ...(status === 503 && { "retry-after": "1" }),
      ...(close && { connection: "close" }),
    });
    res.end(text);
  };

  // POST /webhook in plain Node: it is the hot path (every LINE event), and the express router, body
  // parser and res.json() around it cost more than the work itself (npm run bench:webhook). Servers
  // reach it before express through `listener`; mounted in the app too, so the app alone is complete.
  const webhook = (req: IncomingMessage, res: ServerResponse) => {
    // Ack latency as LINE sees it: body read, signature, parse, up to the 200 (or the refusal).
    res.once("finish", deps.metrics.ackTimer());
    if (uploads >= maxUploads) {
      // The body stays unread (no memory spent on it); the connection closes behind the answer.
      log.warn({ uploads }, "webhook refused: too many bodies being read");
      return answer(res, 503, { message: "Busy, try again" }, true);
    }
    uploads++;
    void receive(req, res).catch((error: unknown) => log.error({ err: error }, "webhook request failed"));
  };

  /** A webhook's body read, checked and acknowledged: one async function, as every event comes here. */
  const receive = async (req: IncomingMessage, res: ServerResponse) => {
    let body: Buffer | "too-large";
    try {
      body = await readBody(req, deps.bodyLimit ?? DEFAULT_BODY_LIMIT);
    } catch (error) {
      uploads--;
      // The client went away mid-body: nothing was acknowledged, LINE will redeliver if it can.
      log.warn({ err: error }, "webhook body not received");
      if (!res.headersSent) answer(res, 400, { message: "Bad request" });
      return;
    }
    uploads--;
    if (body === "too-large") return answer(res, 413, { message: "Request body too large" });
    // The signature is over exactly the bytes sent, whatever the content type says.
    const header = req.headers["x-line-signature"];
    const signature = typeof header === "string" ? header : undefined;
    if (!signatureMatches(body, deps.channelSecret, signature)) {
      log.warn(
        { signature: signature ? "mismatch" : "missing", bytes: body.length },
        "webhook signature rejected",
      );
      return answer(res, 401, { message: "Invalid or missing X-Line-Signature" });
    }
    const events = readEvents(body);
    if (events === "too-many") {
      log.warn({ bytes: body.length }, `webhook refused: over ${MAX_EVENTS_PER_BODY} events`);
      return answer(res, 413, { message: `At most ${MAX_EVENTS_PER_BODY} events per request` });
    }
    if (!events)
      return answer(res, 400, {
        message: 'Body must be JSON like {"destination": "...", "events": [...]}',
      });
    for (const event of events) deps.metrics.event(event.type);
    // Recorded (with Redis: in the stream) before the 200; handled after it. LINE gives up after 2 s.
    if (events.length > 0) await inbox.accept(events); // none: the console's "Verify" button
    answer(res, 200, {});
  };
  app.use((req, res, next) => (isWebhook(req) ? webhook(req, res) : next()));

  app.use((_req, res, next) => {
    if (!accepting) res.set("connection", "close");
    next();
  });
  app.use(
    createHealthRouter({
      metrics: deps.metrics,
      checks: deps.readiness ?? {},
      accepting: () => accepting,
      logger: log,
    }),
  );

  for (const router of deps.routers ?? []) app.use(router);
  app.use(errorHandler(log));

  const bot = Object.assign(app, {
    listener: (req: IncomingMessage, res: ServerResponse) =>
      isWebhook(req) ? webhook(req, res) : app(req, res),
    drain: () => inbox.drain(),
    stopAccepting: () => {
      accepting = false;
    },
    stopHandling: (graceMs: number) => inbox.stop(graceMs),
  });
  Object.defineProperty(bot, "held", { get: () => inbox.held });
  return bot as BotApp;
}

/** LINE's webhook calls: POST /webhook (a query string, if any, is ignored). */
const isWebhook = (req: IncomingMessage) =>
  req.method === "POST" && (req.url === "/webhook" || req.url?.startsWith("/webhook?") === true);

/**
 * The request body, or "too-large" once it passes the limit (the rest is read and dropped, so the
 * client gets its 413 instead of a broken pipe).
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | "too-large"> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    let tooLarge = declared > limit;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    let ended = false;
    req.on("end", () => {
      ended = true;
      resolve(tooLarge ? "too-large" : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    });
    req.on("error", reject);
    req.on("aborted", () => reject(new Error("request aborted")));
    // Cut by the server's request timeout or the client: the upload's slot must come free either way.
    // Every request closes, also after its end: an Error (and its stack) only when it did not end.
    req.on("close", () => {
      if (!ended) reject(new Error("request closed before its end"));
    });
  });
}

/**
 * The events of a webhook body, in the order they happened; undefined if the body is not a webhook,
 * "too-many" over MAX_EVENTS_PER_BODY.
 */
function readEvents(body: Buffer): Incoming[] | "too-many" | undefined {
  let payload: unknown;
  try {
    payload = JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
  if (
    typeof payload !== "object" ||
    payload === null ||
    !Array.isArray((payload as { events?: unknown }).events)
  )
    return undefined;
  if ((payload as { events: unknown[] }).events.length > MAX_EVENTS_PER_BODY) return "too-many";
  const events = ((payload as { events: unknown[] }).events ?? [])
    .map(readEvent)
    .filter((e): e is Incoming => e !== undefined);
  return events.sort((a, b) => a.timestamp - b.timestamp); // stable: equal timestamps keep their order
}

/** Body too large, bad encoding, aborted upload: a clear 4xx, never a stack trace. */
function errorHandler(log: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const status =
      typeof error?.status === "number" && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) log.error({ err: error }, "request failed");
    else log.warn({ status, type: error?.type }, "request rejected");
    if (res.headersSent) return;
    res.status(status).json({
      message: status === 413 ? "Request body too large" : status === 500 ? "Internal error" : "Bad request",
    });
  };
}
