import type { messagingApi } from "@line/bot-sdk";
import type { Logger } from "pino";
import { callLine, type LineCallOptions, replyOrPush } from "./line-call.ts";
import { isUserId } from "./line-ids.ts";
import type { Metrics } from "./metrics.ts";

/**
 * What the bot sends to LINE, always through line-call.ts (timeout per attempt, bounded retries with
 * backoff, errors counted by status). Handlers never call the SDK themselves.
 */

/** The part of the SDK's MessagingApiClient the bot uses; tests and stand-ins can pass their own. */
export type LineClient = Pick<
  messagingApi.MessagingApiClient,
  "replyMessage" | "pushMessage" | "showLoadingAnimation"
>;

/** Timeouts and retries of LINE calls (defaults in line-call.ts; tests shorten them). */
export type LineTuning = Pick<LineCallOptions, "timeoutMs" | "retries" | "baseDelayMs" | "maxDelayMs"> & {
  /** The loading animation is cosmetic: one short attempt (default 1.5 s), never retried. */
  loadingTimeoutMs?: number;
};

export interface LineOutOptions {
  client: LineClient;
  metrics: Pick<Metrics, "lineApiError" | "lineApiRetry" | "replySent">;
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

export interface LineOut {
  replyTo(target: { replyToken: string | undefined; userId?: string | undefined }): ReplyChannel;
  /** Shows the typing dots in a 1:1 chat while a paste is read; failures are only counted. */
  showLoading(userId: string, seconds: number): Promise<void>;
}

/** LINE's Verify button used these as reply tokens in older API versions; replying to them only fails. */
const DUMMY_REPLY_TOKENS = new Set(["00000000000000000000000000000000", "ffffffffffffffffffffffffffffffff"]);

export function createLineOut(options: LineOutOptions): LineOut {
  const { client, metrics, logger } = options;
  const { loadingTimeoutMs, ...tuning } = options.tuning ?? {};
  const callOptions = { ...tuning, metrics, logger };

  return {
    replyTo({ replyToken, userId }) {
      let used = false;
      return {
        get used() {
          return used;
        },
        async send(messages) {
          if (used || !replyToken || DUMMY_REPLY_TOKENS.has(replyToken) || messages.length === 0)
            return false;
          used = true;
          try {
            const { via } = await replyOrPush(
              client,
              { replyToken, messages, ...(userId && isUserId(userId) && { to: userId }) },
              { ...callOptions, pushFallback: options.pushFallback },
            );
            metrics.replySent(via);
            return true;
          } catch (error) {
            // callLine logged each failed attempt with LINE's status; this is the end of the road.
            logger.warn({ err: error }, "reply not delivered");
            return false;
          }
        },
      };
    },

    async showLoading(userId, seconds) {
      try {
        await callLine(() => client.showLoadingAnimation({ chatId: userId, loadingSeconds: seconds }), {
          ...callOptions,
          call: "loading",
          retries: 0,
          timeoutMs: loadingTimeoutMs ?? 1_500,
        });
      } catch {
        // counted and logged by callLine; the reply matters, the dots do not
      }
    },
  };
}
