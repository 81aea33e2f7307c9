import type { Logger } from "pino";
import type { Conversations } from "../dialogs/conversation.ts";
import type { EventDeduper, SessionStore } from "../dialogs/session-store.ts";
import { handleChat, inputOfMessage } from "./handlers/chat.ts";
import { handleGroup } from "./handlers/group.ts";
import type { Incoming } from "./incoming.ts";
import type { LineClient } from "./line-client.ts";
import { idTag } from "./line-ids.ts";
import type { Renderer } from "./render/render.ts";

/** Redeliveries can come minutes later; a reply token is useless after 20 minutes anyway. */
export const DEDUPE_TTL_MS = 60 * 60_000;

export interface EventHandlerDeps {
  client: LineClient;
  conversations: Conversations;
  render: Renderer;
  deduper: EventDeduper;
  /** For small per-chat notes (the group notice); the conversations keep their own. */
  store: SessionStore;
  logger: Logger;
}

/** Routes one webhook event to its handler. Never throws: an event's failure is logged and ends there. */
export function createEventHandler(deps: EventHandlerDeps): (event: Incoming) => Promise<void> {
  return async (event) => {
    try {
      await route(deps, event);
    } catch (error) {
      deps.logger.error({ err: error, event: event.type, user: idTag(event.source.userId) }, "event failed");
    }
  };
}

async function route(deps: EventHandlerDeps, event: Incoming): Promise<void> {
  if (event.mode !== "active") return; // standby: another channel answers this chat
  if (event.id && !(await deps.deduper.claim(event.id, DEDUPE_TTL_MS))) {
    deps.logger.info({ event: event.type, redelivery: event.isRedelivery }, "duplicate event dropped");
    return;
  }
  if (event.source.type === "group" || event.source.type === "room") return handleGroup(deps, event);
  const userId = event.source.type === "user" ? event.source.userId : undefined;
  if (!userId) {
    deps.logger.info({ event: event.type }, "event without a user ignored");
    return;
  }

  switch (event.type) {
    case "follow":
      return handleChat(deps, event, userId, { kind: "follow" });
    case "message":
      return handleChat(deps, event, userId, inputOfMessage(event.message));
    case "postback":
      return handleChat(deps, event, userId, { kind: "postback", data: event.postbackData ?? "" });
    case "unfollow":
      // Blocked: forget the session now rather than when it expires.
      return deps.conversations.forget(userId);
    case "unsend":
      // The assistant never stores what users send, so there is nothing to delete.
      return;
    default:
      deps.logger.debug({ event: event.type }, "event type not handled");
  }
}
