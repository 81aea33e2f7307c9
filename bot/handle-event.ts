import type { Logger } from "pino";
import type { Conversations } from "../dialogs/conversation.ts";
import { languageOf } from "../dialogs/interpret.ts";
import { LockTimeoutError, type SessionStore, type UserLock } from "../dialogs/session-store.ts";
import { type ChatDeps, handleChat, handleMessage } from "./handlers/chat.ts";
import { handleGroup } from "./handlers/group.ts";
import type { Delivery, EventHandler } from "./inbox.ts";
import { chatKey, type Incoming } from "./incoming.ts";
import type { Away } from "./keyed-queue.ts";
import type { LineOut, ReplyChannel } from "./line-client.ts";
import { idTag } from "./line-ids.ts";
import type { Metrics } from "./metrics.ts";
import type { RateLimiter } from "./rate-limit.ts";
import type { Renderer } from "./render/render.ts";

/** Events that make the assistant talk (and cost a classification or a store round trip): rate limited. */
const TALKING = new Set(["message", "postback", "follow", "join"]);

export interface EventHandlerDeps {
  line: LineOut;
  conversations: Conversations;
  render: Renderer;
  /** One user's events at a time, across instances when the stores are shared (Redis). */
  lock: UserLock;
  limiter: RateLimiter;
  /** For small per-chat notes (the group notice); the conversations keep their own. */
  store: SessionStore;
  metrics: Metrics;
  logger: Logger;
  /** Reading the images and files users send (content from LINE's data API, OCR). */
  media?: ChatDeps["media"];
}

/**
 * Handles one webhook event (already de-duplicated by the inbox): rate limit, the user's lock, then its
 * handler. Never throws. When a 1:1 event fails before its reply was sent (store down, lock timeout,
 * classifier error), the user is asked to try again with the still unused reply token, so nobody meets
 * silence. `delivery` says how long a failing reply is retried (bot/inbox.ts).
 */
export function createEventHandler(deps: EventHandlerDeps): EventHandler {
  return async (event, delivery: Delivery) => {
    const done = deps.metrics.processingTimer(event.type);
    const reply = deps.line.replyTo({
      replyToken: event.replyToken,
      userId: event.source.userId,
      ...delivery,
    });
    try {
      await route(deps, event, reply, delivery.away);
    } catch (error) {
      const lockTimeout = error instanceof LockTimeoutError;
      if (lockTimeout) deps.metrics.lockTimeout();
      deps.logger.error(
        { err: error, event: event.type, user: idTag(event.source.userId), answered: reply.used },
        lockTimeout ? "event waited too long for the user's previous one" : "event failed",
      );
      if (!reply.used && event.source.type === "user") {
        const lang = languageOf(event.message?.text ?? "") === "en" ? "en" : "ja";
        await reply.send(deps.render([{ type: "apologize" }], lang));
      }
    } finally {
      done();
    }
  };
}

async function route(
  deps: EventHandlerDeps,
  event: Incoming,
  reply: ReplyChannel,
  away: Away | undefined,
): Promise<void> {
  if (event.mode !== "active") return; // standby: another channel answers this chat

  if (TALKING.has(event.type)) {
    const decision = deps.limiter.take(chatKey(event));
    if (decision !== "ok") {
      deps.logger.info({ event: event.type, user: idTag(event.source.userId), decision }, "rate limited");
      if (decision === "slow-down" && event.source.type === "user") {
        const lang = languageOf(event.message?.text ?? "") === "en" ? "en" : "ja";
        await reply.send(deps.render([{ type: "askToSlowDown" }], lang));
      }
      return;
    }
  }

  if (event.source.type === "group" || event.source.type === "room") return handleGroup(deps, event, reply);
  const userId = event.source.type === "user" ? event.source.userId : undefined;
  if (!userId) {
    deps.logger.info({ event: event.type }, "event without a user ignored");
    return;
  }
  const work = userWork(deps, event, userId, reply, away);
  if (!work) {
    deps.logger.debug({ event: event.type }, "event type not handled");
    return;
  }
  return deps.lock.withUserLock(userId, work);
}

/** What an event from a user asks for, run under the user's lock; undefined when there is nothing to do. */
function userWork(
  deps: EventHandlerDeps,
  event: Incoming,
  userId: string,
  reply: ReplyChannel,
  away: Away | undefined,
): (() => Promise<void>) | undefined {
  switch (event.type) {
    case "follow":
      return () => handleChat(deps, event, userId, { kind: "follow" }, reply);
    case "message":
      return () => handleMessage(deps, event, userId, reply, away);
    case "postback":
      return () =>
        handleChat(deps, event, userId, { kind: "postback", data: event.postbackData ?? "" }, reply);
    case "unfollow":
      // Blocked: forget the session now rather than when it expires.
      return () => deps.conversations.forget(userId);
    default:
      // unsend: the assistant never stores what users send, so there is nothing to delete.
      return undefined;
  }
}
