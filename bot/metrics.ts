import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
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

const TOPICS = new Set<string>(TOPIC_IDS);

function eventLabel(type: string): string {
  return EVENT_TYPES.has(type) ? type : "other";
}

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
  /** A failed LINE API attempt (each attempt counts, retried or not). */
  lineApiError(call: LineCall, failure: LineFailure): void;
  /** A LINE API call attempted again after a retryable failure. */
  lineApiRetry(call: LineCall): void;
  /** An event that could not get its user's lock in time (the user is asked to try again). */
  lockTimeout(): void;
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

  return {
    registry,
    event: (type) => events.inc({ type: eventLabel(type) }),
    duplicate: () => duplicates.inc(),
    replySent: (via) => replies.inc({ via }),
    classified: (topic) => classifications.inc({ topic: topicLabel(topic) }),
    feedback: (topic, helpful) => feedback.inc({ topic: topicLabel(topic), answer: helpful ? "yes" : "no" }),
    escalated: (reason) => escalations.inc({ reason }),
    lineApiError: (call, failure) => lineErrors.inc({ call, status: failureLabel(failure) }),
    lineApiRetry: (call) => lineRetries.inc({ call }),
    lockTimeout: () => lockTimeouts.inc(),
    ackTimer: () => {
      const end = ack.startTimer();
      return () => void end();
    },
    processingTimer: (type) => {
      const end = processing.startTimer({ type: eventLabel(type) });
      return () => void end();
    },
    render: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}
