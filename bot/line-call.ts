import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { HTTPFetchError, type messagingApi } from "@line/bot-sdk";
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

/** A plain timer, not an AbortSignal: aborting one creates a DOMException with a stack on every call. */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  work.catch(() => {}); // an abandoned attempt may still fail later; nobody is listening by then
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
export async function callLine<T>(attempt: (n: number) => Promise<T>, options: LineCallOptions): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const retries = options.retries ?? 2;
  const delays = {
    baseDelayMs: options.baseDelayMs ?? 200,
    maxDelayMs: options.maxDelayMs ?? 2_000,
    random: options.random ?? Math.random,
  };
  const log = options.logger ?? defaultLogger;
  let maybeApplied = false;

  for (let n = 1; ; n++) {
    try {
      return await withTimeout(attempt(n), timeoutMs);
    } catch (error) {
      const { failure, retryable } = classifyFailure(error);
      if (failure === "timeout" || failure === "network") maybeApplied = true;
      const lineMessage = lineMessageOf(error);
      const retrying = retryable && n <= retries;
      options.metrics?.lineApiError(options.call, failure);
      log.warn({ call: options.call, failure, attempt: n, retrying, lineMessage }, "LINE API call failed");
      if (!retrying)
        throw new LineCallError(options.call, failure, n, maybeApplied, lineMessage, { cause: error });
      options.metrics?.lineApiRetry(options.call);
      const delay = backoffDelay(n - 1, delays);
      await sleep(Math.min(delays.maxDelayMs, Math.max(delay, retryAfterMs(error) ?? 0)));
    }
  }
}

export interface PushOptions extends Omit<LineCallOptions, "call"> {
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
    { ...options, call: "push" },
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
   * Push instead when LINE refuses the reply token (expired: the event waited over a minute, e.g. behind
   * a slow lock or during an outage). Pushes count toward the monthly message quota, hence opt-in.
   */
  pushFallback?: boolean;
}

/**
 * Replies; with pushFallback, a refused reply token ("Invalid reply token") becomes a push to the user
 * with a retry key. Not when an earlier reply attempt may have gone through (timeout / lost connection):
 * the token was then probably used by that very attempt, and pushing would send the answer twice.
 */
export async function replyOrPush(
  client: Pick<messagingApi.MessagingApiClient, "replyMessage" | "pushMessage">,
  request: messagingApi.ReplyMessageRequest & { to?: string },
  options: ReplyOptions = {},
): Promise<{ via: "reply" | "push" }> {
  const { to, ...reply } = request;
  try {
    await callLine(() => client.replyMessage(reply), { ...options, call: "reply" });
    return { via: "reply" };
  } catch (error) {
    const tokenRefused =
      error instanceof LineCallError && error.status === 400 && /reply token/i.test(error.lineMessage ?? "");
    if (!options.pushFallback || !to || !tokenRefused || error.maybeApplied) throw error;
    await pushMessage(client, { to, messages: reply.messages }, options);
    return { via: "push" };
  }
}
