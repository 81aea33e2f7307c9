import { validateSignature } from "@line/bot-sdk";
import express, { type ErrorRequestHandler, type Express, type Router } from "express";
import type { Logger } from "pino";
import { createEventHandler, type EventHandlerDeps } from "./handle-event.ts";
import { chatKey, type Incoming, readEvent } from "./incoming.ts";
import { KeyedQueue } from "./keyed-queue.ts";

/**
 * The webhook edge: verify LINE's signature over the raw bytes, acknowledge at once, then handle the
 * events in the background, in order per user. Built without listening, so tests, benchmarks and the
 * local simulator can run it with their own clients and stores.
 */

export interface AppDeps extends EventHandlerDeps {
  channelSecret: string;
  /** Largest webhook body accepted (LINE's own requests are far smaller). */
  bodyLimit?: string | number;
  /** Extra routes mounted at "/" (the local simulator's page and endpoints). */
  routers?: Router[];
}

export type BotApp = Express & {
  /** Resolves when every event received so far has been handled. */
  drain(): Promise<void>;
};

/**
 * LINE's own webhooks are small (a text message holds at most 5000 characters), but a stand-in or a
 * misbehaving client may send a 1 MB text: escaped as \uXXXX that is 6 MB of JSON. Accepting it lets the
 * user get a kind "too long" answer and keeps the other events of the same request; beyond this, 413.
 */
export const DEFAULT_BODY_LIMIT = "8mb";

export function createApp(deps: AppDeps): BotApp {
  const app = express();
  app.disable("x-powered-by");
  const queue = new KeyedQueue();
  const handle = createEventHandler(deps);
  const log = deps.logger;

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });

  app.post(
    "/webhook",
    // Raw bytes, whatever the content type: the signature is over exactly what was sent.
    express.raw({ type: () => true, limit: deps.bodyLimit ?? DEFAULT_BODY_LIMIT }),
    (req, res) => {
      const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const signature = req.get("x-line-signature");
      if (!signature || !validateSignature(body, deps.channelSecret, signature)) {
        log.warn(
          { signature: signature ? "mismatch" : "missing", bytes: body.length },
          "webhook signature rejected",
        );
        res.status(401).json({ message: "Invalid or missing X-Line-Signature" });
        return;
      }
      const events = readEvents(body);
      if (!events) {
        res.status(400).json({ message: 'Body must be JSON like {"destination": "...", "events": [...]}' });
        return;
      }
      res.status(200).json({}); // acknowledge first: LINE gives up after 2 s
      if (events.length === 0) return; // the console's "Verify" button
      // Start after this turn of the event loop, so a long classification cannot hold back the ack.
      const acked = new Promise((resolve) => setImmediate(resolve));
      for (const event of events)
        void queue.run(chatKey(event), async () => {
          await acked;
          await handle(event);
        });
    },
  );

  for (const router of deps.routers ?? []) app.use(router);
  app.use(errorHandler(log));

  return Object.assign(app, { drain: () => queue.drain() });
}

/** The events of a webhook body, in the order they happened; undefined if the body is not a webhook. */
function readEvents(body: Buffer): Incoming[] | undefined {
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
