import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { messagingApi } from "@line/bot-sdk";
import { HTTPFetchError } from "./line-sdk.ts";
import { logger as defaultLogger } from "./logger.ts";
import type { LineCall, LineFailure, Metrics } from "./metrics.ts";

/**
 * Every LINE API call goes through callLine: a timeout per attempt, and a few retries with exponential
 * backoff and jitter when LINE is busy (429), failing (5xx) or unreachable (network, timeout). A 4xx
 * other than 429 is our mistake (bad token, invalid reply token, invalid message) and is not retried.
 *
 * The SDK's fetch takes no AbortSignal, so a hung attempt cannot be cancelled, only abandoned: its
 * promise is left to settle on its own while the next attempt starts.
 */

export interface LineCallOptions {
  /** Which call this is, for metrics and logs. */
  call: LineCall;
  /** Per attempt (default 5 s; LINE answers in well under a second when healthy). */
  timeoutMs?: number;
  /** Attempts after the first (default 2). */
  retries?: number;
  /** First backoff (default 200 ms), doubled per attempt, capped at maxDelayMs (default 2 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  metrics?: Pick<Metrics, "lineApiError" | "lineApiRetry">;
  logger?: Pick<typeof defaultLogger, "warn">;
  /** Jitter source (tests pass a fixed one). */
  random?: () => number;
  /**
   * Keep retrying until this time (epoch ms) instead of `retries` times: a reply is worth retrying as
   * long as its token is valid. A Retry-After or backoff that would end past it ends the retries.
   */
  until?: number;
  /** Clock for `until` (tests pass their own). */
  now?: () => number;
}

/** The call failed for good: the last attempt's failure, and whether LINE might still have applied it. */
export class LineCallError extends Error {
  constructor(
    readonly call: LineCall,
    readonly failure: LineFailure,
    readonly attempts: number,
    /**
     * True when an attempt timed out or lost its connection: LINE may have applied it (a reply may
     * have been delivered although we saw no answer). Retry decisions upstream need this.
     */
    readonly maybeApplied: boolean,
    /** LINE's own explanation ("Invalid reply token", …) when it sent one. */
    readonly lineMessage: string | undefined,
    options: { cause: unknown },
  ) {
    super(
      `LINE ${call} failed after ${attempts} attempt${attempts === 1 ? "" : "s"}: ${failure}` +
        (lineMessage ? ` (${lineMessage})` : ""),
      options,
    );
    this.name = "LineCallError";
  }

  get status(): number | undefined {
    return typeof this.failure === "number" ? this.failure : undefined;
  }
}

class AttemptTimeout extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

/** What went wrong, and whether trying again can help. */
export function classifyFailure(error: unknown): { failure: LineFailure; retryable: boolean } {
  if (error instanceof HTTPFetchError)
    return { failure: error.status, retryable: error.status === 429 || error.status >= 500 };
  if (error instanceof AttemptTimeout) return { failure: "timeout", retryable: true };
  // undici (Node's fetch, in the SDK's clients) reports refused/reset/DNS failures as
  // TypeError("fetch failed", { cause }).
  if (error instanceof TypeError && error.message === "fetch failed")
    return { failure: "network", retryable: true };
  throw error; // a bug in our code, not a failed call: let it surface as is
}

/** Exponential backoff with "equal jitter": half fixed, half random, so retries of many calls spread out. */
export function backoffDelay(
  retry: number,
  options: { baseDelayMs: number; maxDelayMs: number; random: () => number },
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry);
  return ceiling / 2 + (ceiling / 2) * options.random();
}

/** LINE's error body is JSON with a "message"; keep it for logs and the error, never the request. */
function lineMessageOf(error: unknown): string | undefined {
  if (!(error instanceof HTTPFetchError)) return undefined;
  try {
    const parsed = JSON.parse(error.body) as { message?: unknown };
    return typeof parsed.message === "string" ? parsed.message.slice(0, 200) : undefined;
  } catch {
    return undefined;
  }
}

/** A Retry-After in seconds, if LINE sent one (it is not documented, but honouring it costs nothing). */
function retryAfterMs(error: unknown): number | undefined {
  if (!(error instanceof HTTPFetchError)) return undefined;
  const seconds = Number(error.headers.get("retry-after"));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1_000 : undefined;
}

/**
 * A plain timer, not an AbortSignal: aborting one creates a DOMException with a stack on every call. An
 * abandoned attempt that fails later is still handled: by the rejection handler given to `then` below.
 */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new AttemptTimeout(ms)), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * Runs attempt(n) (n = 1, 2, …) until it succeeds, fails for good, or the retries are used up.
 * Throws LineCallError for failed calls; other errors (bugs) pass through unchanged.
 */
export async function callLine<T>(
  attempt: (n: number) => Promise<T>,
  options: Omit<LineCallOptions, "call"> & { call?: LineCall },
  call: LineCall = options.call ?? "reply",
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  let maybeApplied = false;

  for (let n = 1; ; n++) {
    try {
      return await withTimeout(attempt(n), timeoutMs);
    } catch (error) {
      // What only a failure needs is worked out here: nearly every call succeeds at once.
      const retries = options.retries ?? 2;
      const delays = {
        baseDelayMs: options.baseDelayMs ?? 200,
        maxDelayMs: options.maxDelayMs ?? 2_000,
        random: options.random ?? Math.random,
      };
      const log = options.logger ?? defaultLogger;
      const now = options.now ?? Date.now;
      const { failure, retryable } = classifyFailure(error);
      if (failure === "timeout" || failure === "network") maybeApplied = true;
      const lineMessage = lineMessageOf(error);
      // LINE's Retry-After is honoured in full (a 429 means "not before then"); backoff is capped.
      const retryAfter = retryAfterMs(error);
      const delay = Math.max(backoffDelay(n - 1, delays), retryAfter ?? 0);
      const retrying =
        retryable && (options.until === undefined ? n <= retries : now() + delay < options.until);
      options.metrics?.lineApiError(call, failure);
      log.warn(
        { call, failure, attempt: n, retrying, lineMessage, ...(retryAfter && { retryAfter }) },
        "LINE API call failed",
      );
      if (!retrying) throw new LineCallError(call, failure, n, maybeApplied, lineMessage, { cause: error });
      options.metrics?.lineApiRetry(call);
      await sleep(options.until === undefined ? Math.min(delays.maxDelayMs, delay) : delay);
    }
  }
}

export interface PushOptions extends Omit<LineCallOptions, "call"> {
  call?: LineCall;
  /** X-Line-Retry-Key (UUID); generated when absent. Pass your own to keep it across process restarts. */
  retryKey?: string;
}

/**
 * Push with LINE's retry key: the same X-Line-Retry-Key goes with every attempt, so a retry of a push
 * LINE already accepted is not delivered twice. LINE answers such a replay with 409 and the original
 * sentMessages, which here counts as success.
 */
export async function pushMessage(
  client: Pick<messagingApi.MessagingApiClient, "pushMessage">,
  request: messagingApi.PushMessageRequest,
  options: PushOptions = {},
): Promise<messagingApi.PushMessageResponse> {
  const retryKey = options.retryKey ?? randomUUID();
  return callLine(
    async () => {
      try {
        return await client.pushMessage(request, retryKey);
      } catch (error) {
        if (error instanceof HTTPFetchError && error.status === 409) return acceptedBefore(error);
        throw error;
      }
    },
    options,
    "push",
  );
}

function acceptedBefore(error: HTTPFetchError): messagingApi.PushMessageResponse {
  try {
    const body = JSON.parse(error.body) as Partial<messagingApi.PushMessageResponse>;
    return { sentMessages: Array.isArray(body.sentMessages) ? body.sentMessages : [] };
  } catch {
    return { sentMessages: [] };
  }
}

export interface ReplyOptions extends Omit<LineCallOptions, "call"> {
  /**
   * Push instead when the reply cannot be delivered and certainly was not: LINE refused the token
   * (expired) or kept failing until `until`. Pushes count toward the monthly message quota, hence opt-in.
   */
  pushFallback?: boolean;
  /**
   * An earlier handler of this event (a consumer that died or stopped) may have sent the reply: a
   * refused token then most likely means it went through, and nothing may be pushed.
   */
  maybeAttempted?: boolean;
  /**
   * Until then (epoch ms) the token cannot have expired (LINE guarantees a minute): a refusal means it
   * was used — by an earlier attempt or another handler of the same event — so it counts as answered.
   */
  tokenFreshUntil?: number;
  /** X-Line-Retry-Key of the fallback push; derived from the event, so every instance sends the same. */
  pushRetryKey?: string;
  /** How long the fallback push is retried (default 60 s). */
  pushWindowMs?: number;
  /** Asked right before a fallback push; false when another consumer took the event over meanwhile. */
  mayPush?: () => Promise<boolean>;
}

/**
 * "presumed": LINE refused the reply token after an attempt that may have gone through (ours timed out
 * or lost its connection, or an earlier consumer of the event sent it). A token works once, so a
 * refusal is what a retry of a delivered reply gets: this is what makes retrying a reply safe.
 */
export type ReplyOutcome = { via: "reply" | "push" | "presumed"; attempts: number };

const isTokenRefusal = (error: unknown): error is LineCallError =>
  error instanceof LineCallError && error.status === 400 && /reply token/i.test(error.lineMessage ?? "");

/**
 * Replies, retrying 429, 5xx, timeouts and network failures (until `until` when given, so retries go on
 * while the token is valid). A reply token is single-use: when a retry is refused with "Invalid reply
 * token" after an attempt that may have been applied, the answer was delivered by that attempt
 * ("presumed"). With pushFallback, an answer that certainly was not delivered (token refused on the
 * first use, or LINE failing with definite errors until `until`) is pushed with a retry key.
 */
export async function replyOrPush(
  client: Pick<messagingApi.MessagingApiClient, "replyMessage" | "pushMessage">,
  request: messagingApi.ReplyMessageRequest & { to?: string },
  options: ReplyOptions = {},
): Promise<ReplyOutcome> {
  const { to, ...reply } = request;
  const { pushFallback, maybeAttempted, tokenFreshUntil, pushRetryKey, pushWindowMs, mayPush } = options;
  const now = options.now ?? Date.now;
  let attempts = 0;
  try {
    // The options as they are (callLine reads only its own fields): a copy without the reply's own
    // fields cost a slow object rest for every answer.
    await callLine(
      () => {
        attempts++;
        return client.replyMessage(reply);
      },
      options,
      "reply",
    );
    return { via: "reply", attempts };
  } catch (error) {
    if (!(error instanceof LineCallError)) throw error;
    const mayHaveGoneThrough =
      error.maybeApplied ||
      maybeAttempted === true ||
      (tokenFreshUntil !== undefined && now() < tokenFreshUntil);
    if (isTokenRefusal(error) && mayHaveGoneThrough) return { via: "presumed", attempts };
    const retryable = error.status === undefined || error.status === 429 || error.status >= 500;
    const undelivered = !mayHaveGoneThrough && (isTokenRefusal(error) || retryable);
    if (!pushFallback || !to || !undelivered || (mayPush && !(await mayPush()))) throw error;
    await pushMessage(
      client,
      { to, messages: reply.messages },
      {
        ...options,
        until: now() + (pushWindowMs ?? 60_000),
        ...(pushRetryKey && { retryKey: pushRetryKey }),
      },
    );
    return { via: "push", attempts };
  }
}
