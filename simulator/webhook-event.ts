import { createHmac } from "node:crypto";
import { messageId, quoteToken, ulid } from "./ids.ts";

/**
 * Webhook requests shaped exactly like LINE's (spec webhook.yml: CallbackRequest, Event), signed the
 * way LINE signs them: base64 HMAC-SHA256 of the exact body bytes with the channel secret.
 */

/** What the user does on the page; becomes one webhook event. */
export type UserAction =
  | { type: "message"; text: string }
  /** An image or a file whose content the stand-in serves under `contentId` (simulator/standin/contents.ts). */
  | { type: "image"; contentId: string }
  | { type: "file"; contentId: string; fileName: string; fileSize: number }
  | { type: "postback"; data: string; displayText?: string }
  /** isUnblocked: the user had blocked the bot before (LINE sends follow again on unblock). */
  | { type: "follow"; isUnblocked?: boolean }
  | { type: "unfollow" };

export interface EventContext {
  userId: string;
  /** Issued by the stand-in for events LINE gives a reply token to (all but unfollow). */
  replyToken?: string;
  now?: number;
}

/** The simulated bot's own user id (`destination` of every webhook request). */
export const BOT_USER_ID = `U${"5e1f".repeat(8)}`;

export function buildEvent(action: UserAction, ctx: EventContext): Record<string, unknown> {
  const timestamp = ctx.now ?? Date.now();
  const common = {
    type: action.type === "image" || action.type === "file" ? "message" : action.type,
    mode: "active",
    timestamp,
    source: { type: "user", userId: ctx.userId },
    webhookEventId: ulid(timestamp),
    deliveryContext: { isRedelivery: false },
  };
  const replyToken = ctx.replyToken === undefined ? {} : { replyToken: ctx.replyToken };
  switch (action.type) {
    case "message":
      return {
        ...common,
        ...replyToken,
        message: { id: messageId(), type: "text", quoteToken: quoteToken(), text: action.text },
      };
    case "image":
      return {
        ...common,
        ...replyToken,
        message: {
          id: action.contentId,
          type: "image",
          quoteToken: quoteToken(),
          contentProvider: { type: "line" },
        },
      };
    case "file":
      return {
        ...common,
        ...replyToken,
        message: { id: action.contentId, type: "file", fileName: action.fileName, fileSize: action.fileSize },
      };
    case "postback":
      return { ...common, ...replyToken, postback: { data: action.data } };
    case "follow":
      return { ...common, ...replyToken, follow: { isUnblocked: action.isUnblocked ?? false } };
    case "unfollow":
      return common;
  }
}

export function takesReplyToken(action: UserAction): boolean {
  return action.type !== "unfollow";
}

export interface SignedRequest {
  body: string;
  signature: string;
}

export function signWebhook(events: unknown[], channelSecret: string): SignedRequest {
  const body = JSON.stringify({ destination: BOT_USER_ID, events });
  const signature = createHmac("sha256", channelSecret).update(body).digest("base64");
  return { body, signature };
}
