import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { TOPIC_IDS, type TopicId } from "../knowledge/types.ts";

/**
 * The numbers operators watch (GET /metrics, Prometheus text format). Call sites use the typed helpers
 * below, never prom-client directly, so metric names and label values live in this one file. Every
 * label takes a value from a closed list (anything else becomes "other"): a label fed from outside
 * input would let one sender create unbounded time series.
 */

/** Webhook event types of the Messaging API (webhook.yml); new ones count as "other". */
const EVENT_TYPES = new Set([
  "message",
  "follow",
  "unfollow",
  "postback",
  "join",
  "leave",
  "memberJoined",
  "memberLeft",
  "unsend",
  "videoPlayComplete",
  "beacon",
  "accountLink",
  "things",
  "membership",
  "module",
  "activated",
  "deactivated",
  "botSuspended",
  "botResumed",
  "delivery",
]);

/** The LINE API calls the bot and scripts make, as they appear in the line_api_* metrics. */
export type LineCall = "reply" | "push" | "loading" | "profile" | "content" | "richmenu";

/** Why a user was sent to the Q&A community. */
export type EscalationReason = "feedback-no" | "unclassified" | "asked";

/** An HTTP status from LINE, or how the call failed without one. */
export type LineFailure = number | "timeout" | "network";

/**
 * Why an acknowledged event ended without an answer: LINE refused the reply token (expired) and no push
 * was allowed; LINE kept failing (429, 5xx, timeouts) until the token's time was up; LINE rejected the
 * message itself (a bug); an unexpected error; the process stopped before it (memory mode: lost); the
 * event was too old to answer when it was finally taken up.
 */
export type GiveUpReason = "token-refused" | "line-failing" | "rejected" | "error" | "shutdown" | "stale";

/** Samples of the event stream (Redis) for the gauges, read when /metrics is scraped. */
export interface StreamGauges {
  /** Entries read by a consumer and not yet acknowledged (all instances). */
  pending: number;
  /** Entries no consumer has read yet. */
  unread: number;
}

const TOPICS = new Set<string>(TOPIC_IDS);

function eventLabel(type: string): string {
  return EVENT_TYPES.has(type) ? type : "other";
}

/**
 * The label sets of the per-event series, made once: each event counts its type, times its processing
 * and its ack, and counts its reply, so a label object per call (and prom-client's timer closures) was
 * garbage made for every event.
 */
const EVENT_LABELS: ReadonlyMap<string, { type: string }> = new Map(
  [...EVENT_TYPES, "other"].map((type) => [type, { type }]),
);
const eventLabels = (type: string) => EVENT_LABELS.get(eventLabel(type))!;
const VIA_LABELS = { reply: { via: "reply" }, push: { via: "push" } } as const;
const NO_LABELS = {};

/** Seconds since `start` (performance.now()), as prom-client's startTimer measures them. */
const secondsSince = (start: number) => (performance.now() - start) / 1_000;

function topicLabel(topic: string): string {
  return TOPICS.has(topic) ? topic : "other";
}

function failureLabel(failure: LineFailure): string {
  if (typeof failure === "string") return failure;
  return Number.isInteger(failure) && failure >= 100 && failure <= 599 ? String(failure) : "other";
}

export interface Metrics {
  readonly registry: Registry;
  /** One webhook event received (before de-duplication). */
  event(type: string): void;
  /** A redelivered or duplicate event that was dropped. */
  duplicate(): void;
  /** A message request accepted by LINE (a reply, or a push). */
  replySent(via: "reply" | "push"): void;
  /** A paste or menu choice resolved to an advice topic. */
  classified(topic: TopicId): void;
  /** The answer to "was this helpful?". */
  feedback(topic: TopicId, helpful: boolean): void;
  escalated(reason: EscalationReason): void;
  /** An image or a file the user sent, by what came of reading it ("read", "timeout", "too-big", …). */
  mediaRead(media: "image" | "file", outcome: string): void;
  /** A failed LINE API attempt (each attempt counts, retried or not). */
  lineApiError(call: LineCall, failure: LineFailure): void;
  /** A LINE API call attempted again after a retryable failure. */
  lineApiRetry(call: LineCall): void;
  /** An event that could not get its user's lock in time (the user is asked to try again). */
  lockTimeout(): void;
  /** A reply LINE refused as already used, after an attempt that may have gone through: answered. */
  replyPresumed(): void;
  /** An event answered after at least one failed LINE attempt. */
  eventRetried(): void;
  /** An acknowledged event that ended without an answer. */
  eventGivenUp(reason: GiveUpReason): void;
  /** Events this instance took over from a consumer that stopped answering (Redis stream). */
  streamClaimed(count: number): void;
  /** Events handed to this instance and not finished yet (queued or in progress). */
  setEventsHeld(read: () => number): void;
  /** Where /metrics reads the stream's pending and unread counts from (Redis mode). */
  setStreamGauges(read: () => Promise<StreamGauges | undefined>): void;
  /** Starts timing a webhook request; call the result when the 200 has been sent. */
  ackTimer(): () => void;
  /** Starts timing one event's processing; call the result when it is done (or failed). */
  processingTimer(type: string): () => void;
  /** The text exposition and its content type, for GET /metrics. */
  render(): Promise<{ contentType: string; body: string }>;
}

export interface MetricsOptions {
  /** Process metrics (CPU, RSS, heap, event-loop lag, GC); off in tests that build many registries. */
  processMetrics?: boolean;
  prefix?: string;
}

/** One registry per app instance (not prom-client's global one), so tests and benches can build several. */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  const prefix = options.prefix ?? "bounce_bot_";
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix });
  const registers = [registry];

  const events = new Counter({
    name: `${prefix}webhook_events_total`,
    help: "Webhook events received, by event type",
    labelNames: ["type"] as const,
    registers,
  });
  const duplicates = new Counter({
    name: `${prefix}webhook_duplicate_events_total`,
    help: "Webhook events dropped as already handled (redelivery, network duplicates)",
    registers,
  });
  const replies = new Counter({
    name: `${prefix}replies_sent_total`,
    help: "Message requests accepted by LINE, by reply or push",
    labelNames: ["via"] as const,
    registers,
  });
  const classifications = new Counter({
    name: `${prefix}classifications_total`,
    help: "Diagnoses given, by advice topic",
    labelNames: ["topic"] as const,
    registers,
  });
  const media = new Counter({
    name: `${prefix}media_total`,
    help: "Images and files users sent, by kind and what came of reading them",
    labelNames: ["media", "outcome"] as const,
    registers,
  });
  const feedback = new Counter({
    name: `${prefix}feedback_total`,
    help: "Answers to 'was this helpful?', by topic and answer",
    labelNames: ["topic", "answer"] as const,
    registers,
  });
  const escalations = new Counter({
    name: `${prefix}escalations_total`,
    help: "Users sent to the Q&A community, by reason",
    labelNames: ["reason"] as const,
    registers,
  });
  const lineErrors = new Counter({
    name: `${prefix}line_api_errors_total`,
    help: "Failed LINE API attempts, by call and HTTP status (or timeout / network)",
    labelNames: ["call", "status"] as const,
    registers,
  });
  const lineRetries = new Counter({
    name: `${prefix}line_api_retries_total`,
    help: "LINE API attempts repeated after a retryable failure, by call",
    labelNames: ["call"] as const,
    registers,
  });
  const lockTimeouts = new Counter({
    name: `${prefix}user_lock_timeouts_total`,
    help: "Events that waited too long for the same user's previous event",
    registers,
  });
  const ack = new Histogram({
    name: `${prefix}webhook_ack_seconds`,
    help: "Time from webhook request to its 200 response (LINE gives up after 2 s)",
    buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2],
    registers,
  });
  const processing = new Histogram({
    name: `${prefix}event_processing_seconds`,
    help: "Time to handle one event after the ack, incl. waiting for the user's lock and LINE calls",
    labelNames: ["type"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });

  const presumed = new Counter({
    name: `${prefix}replies_presumed_total`,
    help: "Replies LINE refused as already used after an attempt that may have gone through (answered once)",
    registers,
  });
  const retried = new Counter({
    name: `${prefix}events_retried_total`,
    help: "Events answered after at least one failed LINE attempt",
    registers,
  });
  const givenUp = new Counter({
    name: `${prefix}events_given_up_total`,
    help: "Acknowledged events that ended without an answer, by reason",
    labelNames: ["reason"] as const,
    registers,
  });
  const claimed = new Counter({
    name: `${prefix}event_stream_claimed_total`,
    help: "Events this instance took over from a consumer that stopped answering (Redis stream)",
    registers,
  });
  let readHeld: () => number = () => 0;
  new Gauge({
    name: `${prefix}events_in_progress`,
    help: "Events handed to this instance and not finished yet (queued behind the user's previous one, or running)",
    registers,
    collect() {
      this.set(readHeld());
    },
  });
  let readStream: () => Promise<StreamGauges | undefined> = async () => undefined;
  const streamGauge = (name: "pending" | "unread", help: string) =>
    new Gauge({
      name: `${prefix}event_stream_${name}`,
      help,
      registers,
      async collect() {
        const sample = await readStream().catch(() => undefined);
        if (sample) this.set(sample[name]);
      },
    });
  streamGauge("pending", "Stream entries read by a consumer and not yet acknowledged, all instances (Redis)");
  streamGauge("unread", "Stream entries no consumer has read yet (Redis)");

  return {
    registry,
    replyPresumed: () => presumed.inc(),
    eventRetried: () => retried.inc(),
    eventGivenUp: (reason) => givenUp.inc({ reason }),
    streamClaimed: (count) => claimed.inc(count),
    setEventsHeld: (read) => {
      readHeld = read;
    },
    setStreamGauges: (read) => {
      readStream = read;
    },
    event: (type) => events.inc(eventLabels(type)),
    duplicate: () => duplicates.inc(),
    replySent: (via) => replies.inc(VIA_LABELS[via]),
    classified: (topic) => classifications.inc({ topic: topicLabel(topic) }),
    feedback: (topic, helpful) => feedback.inc({ topic: topicLabel(topic), answer: helpful ? "yes" : "no" }),
    escalated: (reason) => escalations.inc({ reason }),
    mediaRead: (kind, outcome) => media.inc({ media: kind, outcome }),
    lineApiError: (call, failure) => lineErrors.inc({ call, status: failureLabel(failure) }),
    lineApiRetry: (call) => lineRetries.inc({ call }),
    lockTimeout: () => lockTimeouts.inc(),
    ackTimer: () => {
      const start = performance.now();
      return () => ack.observe(NO_LABELS, secondsSince(start));
    },
    processingTimer: (type) => {
      const start = performance.now();
      const labels = eventLabels(type);
      return () => processing.observe(labels, secondsSince(start));
    },
    render: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}
