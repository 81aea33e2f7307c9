import type { messagingApi } from "@line/bot-sdk";
import type { Logger } from "pino";
import { callLine, LineCallError, type LineCallOptions, replyOrPush } from "./line-call.ts";
import { isUserId } from "./line-ids.ts";
import type { GiveUpReason, Metrics } from "./metrics.ts";

/**
 * What the bot sends to LINE, always through line-call.ts (timeout per attempt, bounded retries with
 * backoff, errors counted by status). Handlers never call the SDK themselves.
 */

/** The part of the SDK's MessagingApiClient the bot uses; tests and stand-ins can pass their own. */
export type LineClient = Pick<
  messagingApi.MessagingApiClient,
  "replyMessage" | "pushMessage" | "showLoadingAnimation"
> &
  /** Without it (test doubles), users' LINE languages are not looked up. */
  Partial<Pick<messagingApi.MessagingApiClient, "getProfile">>;

/** Timeouts and retries of LINE calls (defaults in line-call.ts; tests shorten them). */
export type LineTuning = Pick<LineCallOptions, "timeoutMs" | "retries" | "baseDelayMs" | "maxDelayMs"> & {
  /** The loading animation is cosmetic: one short attempt (default 1.5 s), never retried. */
  loadingTimeoutMs?: number;
  /** The profile (for the user's LINE language) is read before the first answer: one attempt, 1 s. */
  profileTimeoutMs?: number;
  /** How long a fallback push is retried (default 60 s). */
  pushWindowMs?: number;
};

/**
 * Reply retries use a longer first backoff and cap than the other calls: they go on for as long as the
 * token is valid, and a LINE outage is better waited out with a few calls than hammered.
 */
export const REPLY_BACKOFF = { baseDelayMs: 500, maxDelayMs: 5_000 };

export interface LineOutOptions {
  client: LineClient;
  metrics: Pick<
    Metrics,
    "lineApiError" | "lineApiRetry" | "replySent" | "replyPresumed" | "eventRetried" | "eventGivenUp"
  >;
  logger: Logger;
  /** LINE_PUSH_FALLBACK: push the answer when LINE refuses an expired reply token. */
  pushFallback: boolean;
  tuning?: LineTuning;
}

/** One event's way back to its user: its single-use reply token, or a push when that has expired. */
export interface ReplyChannel {
  /** True once a reply was attempted: the token is single-use, so nothing else may be sent with it. */
  readonly used: boolean;
  /** Sends the messages; false when there was nothing to send with or LINE did not take them. Never throws. */
  send(messages: messagingApi.Message[]): Promise<boolean>;
}

/** Where an event's answer goes, and how hard to try (bot/inbox.ts decides per event). */
export interface ReplyTarget {
  replyToken: string | undefined;
  userId?: string | undefined;
  /** Retry failed attempts until then (epoch ms): the reply token's validity, minus a margin. */
  until?: number;
  /** Before then (epoch ms) a refused token was used, not expired: answered, never pushed. */
  freshUntil?: number;
  /** A consumer before this one may have sent the reply (the event was claimed from it). */
  maybeAttempted?: boolean;
  /** X-Line-Retry-Key for a fallback push, the same on every instance that handles the event. */
  pushRetryKey?: string;
  /** Asked before a fallback push: false when the event was taken over by another consumer. */
  mayPush?: () => Promise<boolean>;
  /** Gets the messages before the first attempt (the Redis inbox keeps them for a takeover). */
  beforeSend?: (messages: messagingApi.Message[]) => Promise<void>;
}

export interface LineOut {
  replyTo(target: ReplyTarget): ReplyChannel;
  /** Shows the typing dots in a 1:1 chat while a paste is read; failures are only counted. */
  showLoading(userId: string, seconds: number): Promise<void>;
  /**
   * The user's LINE language (Get Profile `language`) when it is Japanese or English; undefined when it is
   * another, absent (the user has not agreed to LINE's privacy policy), or the call fails (a blocked user,
   * a timeout: one attempt of at most a second, counted in line_api_errors_total{call="profile"}).
   */
  profileLanguage(userId: string): Promise<"ja" | "en" | undefined>;
}

/** LINE's Verify button used these as reply tokens in older API versions; replying to them only fails. */
const DUMMY_REPLY_TOKENS = new Set(["00000000000000000000000000000000", "ffffffffffffffffffffffffffffffff"]);

export function createLineOut(options: LineOutOptions): LineOut {
  const { client, metrics, logger } = options;
  const { loadingTimeoutMs, profileTimeoutMs, pushWindowMs, ...tuning } = options.tuning ?? {};
  const callOptions = { ...tuning, metrics, logger };
  const replyBackoff = { ...REPLY_BACKOFF, ...tuning };
  return {
    replyTo(target) {
      const { replyToken, userId } = target;
      let used = false;
      return {
        get used() {
          return used;
        },
        async send(messages) {
          if (used || !replyToken || DUMMY_REPLY_TOKENS.has(replyToken) || messages.length === 0)
            return false;
          used = true;
          if (target.beforeSend)
            await target
              .beforeSend(messages)
              .catch((err: unknown) =>
                logger.warn({ err }, "answer not recorded before sending; a takeover would rebuild it"),
              );
          try {
            const windowed = target.until !== undefined;
            // One literal of a fixed shape: this runs for every answer.
            const outcome = await replyOrPush(
              client,
              { replyToken, messages, to: userId && isUserId(userId) ? userId : undefined },
              {
                timeoutMs: tuning.timeoutMs,
                retries: tuning.retries,
                baseDelayMs: windowed ? replyBackoff.baseDelayMs : tuning.baseDelayMs,
                maxDelayMs: windowed ? replyBackoff.maxDelayMs : tuning.maxDelayMs,
                metrics,
                logger,
                until: target.until,
                tokenFreshUntil: target.freshUntil,
                maybeAttempted: target.maybeAttempted,
                pushRetryKey: target.pushRetryKey,
                mayPush: target.mayPush,
                pushFallback: options.pushFallback,
                pushWindowMs,
              },
            );
            if (outcome.via === "presumed") {
              metrics.replyPresumed();
              logger.info({ attempts: outcome.attempts }, "reply token already used: answered before");
            } else metrics.replySent(outcome.via);
            if (outcome.attempts > 1) metrics.eventRetried();
            return true;
          } catch (error) {
            // callLine logged each failed attempt with LINE's status; this is the end of the road.
            metrics.eventGivenUp(givenUpReason(error));
            logger.warn({ err: error }, "reply not delivered");
            return false;
          }
        },
      };
    },

    async showLoading(userId, seconds) {
      try {
        await callLine(
          () => client.showLoadingAnimation({ chatId: userId, loadingSeconds: seconds }),
          { ...callOptions, retries: 0, timeoutMs: loadingTimeoutMs ?? 1_500 },
          "loading",
        );
      } catch {
        // counted and logged by callLine; the reply matters, the dots do not
      }
    },

    async profileLanguage(userId) {
      const getProfile = client.getProfile?.bind(client);
      if (!getProfile || !isUserId(userId)) return undefined;
      try {
        const profile = await callLine(() => getProfile(userId), {
          ...callOptions,
          call: "profile",
          retries: 0,
          timeoutMs: profileTimeoutMs ?? 1_000,
        });
        return languageOfProfile(profile.language);
      } catch {
        return undefined; // counted and logged by callLine; Japanese is the default
      }
    },
  };
}

/** A BCP 47 tag ("en", "en-US", "ja") → the languages the assistant speaks. */
export function languageOfProfile(tag: string | undefined): "ja" | "en" | undefined {
  const primary = tag?.toLowerCase().split("-")[0];
  return primary === "ja" || primary === "en" ? primary : undefined;
}

/** Why an answer was not delivered, as counted in events_given_up_total. */
function givenUpReason(error: unknown): GiveUpReason {
  if (!(error instanceof LineCallError)) return "error";
  if (error.status === 400 && /reply token/i.test(error.lineMessage ?? "")) return "token-refused";
  if (error.status === undefined || error.status === 429 || error.status >= 500) return "line-failing";
  return "rejected";
}
