import type { messagingApi } from "@line/bot-sdk";
import type { Logger } from "pino";
import type { EventDeduper } from "../dialogs/session-store.ts";
import { chatKey, dedupeKey, type Incoming } from "./incoming.ts";
import { type Away, KeyedQueue } from "./keyed-queue.ts";
import type { Metrics } from "./metrics.ts";

/**
 * Where acknowledged webhook events wait until they are answered. Two kinds, one contract:
 *   - local (no REDIS_URL, bot/inbox.ts): in this process; what is still pending when the process is
 *     forced to exit is lost, and logged and counted as such.
 *   - Redis stream (bot/event-stream.ts): written to a stream before the 200, consumed by every instance,
 *     taken over from an instance that died; nothing acknowledged is lost with an instance.
 * Both de-duplicate on the way in (a redelivered event is not queued twice), keep one chat's events in
 * order within the instance, and give each event the time its reply token is valid to be answered.
 */

/** LINE accepts a reply token for 20 minutes after the event (redeliveries included). */
export const REPLY_TOKEN_VALID_MS = 20 * 60_000;
/** Retries stop this much earlier: clocks differ, and a last attempt needs time to arrive. */
export const DEFAULT_REPLY_WINDOW_MS = REPLY_TOKEN_VALID_MS - 2 * 60_000;
/** Redeliveries can come minutes later; a reply token is useless after 20 minutes anyway. */
export const DEDUPE_TTL_MS = 60 * 60_000;

/**
 * LINE guarantees a reply token for one minute; within that time a refusal cannot be expiry, so the
 * token was used (by an earlier attempt that did get through): never push then.
 */
export const REPLY_TOKEN_FRESH_MS = 50_000;

/** How one event's answer is to be sent: see ReplyTarget in line-client.ts. */
export interface Delivery {
  /** Retry failed reply attempts until then (epoch ms). */
  until: number;
  /** Before then (epoch ms), "Invalid reply token" means the token was used, not that it expired. */
  freshUntil: number;
  /** Taken over from a consumer that stopped: its reply attempt may have used the token. */
  maybeAttempted?: boolean;
  pushRetryKey?: string;
  mayPush?: () => Promise<boolean>;
  beforeSend?: (messages: messagingApi.Message[]) => Promise<void>;
  /** Waits for slow work outside the instance's event slots (keyed-queue.ts `Away`): a screenshot's OCR. */
  away?: Away;
}

export type EventHandler = (event: Incoming, delivery: Delivery) => Promise<void>;

export interface Inbox {
  readonly kind: "local" | "stream";
  /**
   * Takes the verified events of one webhook: drops the ones seen before and records the others. When
   * it resolves, the webhook may be acknowledged (with Redis: they are in the stream).
   */
  accept(events: Incoming[]): Promise<void>;
  /** Resolves when every event accepted so far has been handled (tests, benchmarks). */
  drain(): Promise<void>;
  /**
   * Shutdown: takes no new work; waits at most graceMs for the events in progress. What is left is
   * lost (local, logged and counted) or left in the stream for the other instances (Redis).
   */
  stop(graceMs: number): Promise<void>;
  /** Events queued or in progress in this instance. */
  readonly held: number;
}

/**
 * Until when an event's reply is worth retrying (its token's validity), and until when a refused token
 * cannot have expired; counted from the event's time when that is plausible (a redelivery comes later,
 * with the same token and time), else from receipt.
 */
export function replyTimes(
  event: Incoming,
  receivedAt: number,
  windowMs: number,
): Pick<Delivery, "until" | "freshUntil"> {
  const plausible =
    event.timestamp <= receivedAt + 60_000 && event.timestamp >= receivedAt - REPLY_TOKEN_VALID_MS;
  const from = plausible ? Math.min(event.timestamp, receivedAt) : receivedAt;
  return { until: from + windowMs, freshUntil: from + REPLY_TOKEN_FRESH_MS };
}

/** Claims each event once (dedupeKey: its webhookEventId, else a hash); the rest (redeliveries, network duplicates) are counted and dropped. */
export async function firstDeliveries(
  events: Incoming[],
  deps: { deduper: EventDeduper; metrics: Pick<Metrics, "duplicate">; logger: Logger },
): Promise<Incoming[]> {
  const fresh: Incoming[] = [];
  for (const event of events) {
    // A store that fails (Redis down) lets the event through: handled (perhaps with "please try
    // again") rather than dropped unseen.
    let first: boolean;
    try {
      first = await deps.deduper.claim(dedupeKey(event), DEDUPE_TTL_MS);
    } catch {
      first = true;
    }
    if (!first) {
      deps.metrics.duplicate();
      deps.logger.info({ event: event.type, redelivery: event.isRedelivery }, "duplicate event dropped");
      continue;
    }
    fresh.push(event);
  }
  return fresh;
}

export interface LocalInboxOptions {
  handle: EventHandler;
  deduper: EventDeduper;
  metrics: Pick<Metrics, "duplicate" | "eventGivenUp" | "setEventsHeld">;
  logger: Logger;
  /** Events handled at once (MAX_CONCURRENT_EVENTS). */
  maxConcurrent: number;
  /** Events held before acknowledgements wait for room (at most maxBacklogWaitMs). */
  maxBacklog: number;
  maxBacklogWaitMs: number;
  replyWindowMs: number;
}

/** Without Redis: a queue in this process (per chat in order, a bounded number at once). */
export function createLocalInbox(options: LocalInboxOptions): Inbox {
  const queue = new KeyedQueue(options.maxConcurrent);
  options.metrics.setEventsHeld(() => queue.pending);
  return {
    kind: "local",
    async accept(events) {
      // Backpressure: with too much work piled up, the ack waits (LINE then sends less at once), but
      // never so long that LINE's 2 s timeout would count it as failed and redeliver.
      await queue.room(options.maxBacklog, options.maxBacklogWaitMs);
      const fresh = await firstDeliveries(events, options);
      const receivedAt = Date.now();
      // Start after this turn of the event loop, so a long classification cannot hold back the ack.
      const acked = new Promise((resolve) => setImmediate(resolve));
      for (const event of fresh) {
        const { until, freshUntil } = replyTimes(event, receivedAt, options.replyWindowMs);
        void queue.run(chatKey(event), async (away) => {
          await acked;
          await options.handle(event, { until, freshUntil, away });
        });
      }
    },
    drain: () => queue.drain(),
    async stop(graceMs) {
      // Webhooks arriving meanwhile are still taken: with redelivery off, LINE would not send them again.
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), graceMs);
      });
      const late = await Promise.race([queue.drain().then(() => false), timedOut]);
      clearTimeout(timer);
      if (!late) return;
      const lost = queue.pending;
      for (let i = 0; i < lost; i++) options.metrics.eventGivenUp("shutdown");
      options.logger.error(
        { lost, graceMs },
        "acknowledged events lost at shutdown: still unanswered when the time was up (without Redis nothing else can answer them)",
      );
    },
    get held() {
      return queue.pending;
    },
  };
}
