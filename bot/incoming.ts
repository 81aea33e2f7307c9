import { createHash } from "node:crypto";

/**
 * Reads one webhook event into the few fields the bot uses. LINE adds event types and fields over time
 * and a stand-in may send odd ones, so this never rejects an event for what it has extra or lacks:
 * unknown types are kept as they are and simply not handled.
 */

export interface Incoming {
  /** webhookEventId (a ULID); undefined if missing (see dedupeKey). */
  id: string | undefined;
  type: string;
  /** "standby": another channel owns the chat, send nothing. */
  mode: string;
  timestamp: number;
  replyToken: string | undefined;
  source: { type: "user" | "group" | "room" | "unknown"; userId?: string; groupId?: string; roomId?: string };
  message: IncomingMessage | undefined;
  postbackData: string | undefined;
  isRedelivery: boolean;
}

/** The fields of a message the bot reads; content (image, file) is fetched by its id (bot/media.ts). */
export interface IncomingMessage {
  type: string;
  text?: string;
  /** LINE's message id (digits): the key to an image's or a file's content. */
  id?: string;
  /** "line": the content is on LINE's servers; "external": only a URL elsewhere, which the bot never fetches. */
  contentProvider?: string;
  /** File messages: the name and size the user's app reported. */
  fileName?: string;
  fileSize?: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);

/** IDs longer than this are junk; they would only bloat store keys and logs. */
const MAX_ID = 100;
const id = (v: unknown): string | undefined => {
  const s = str(v);
  return s && s.length <= MAX_ID ? s : undefined;
};

export function readEvent(raw: unknown): Incoming | undefined {
  if (!isObj(raw) || typeof raw.type !== "string") return undefined;
  const source = isObj(raw.source) ? raw.source : {};
  const sourceType =
    source.type === "user" || source.type === "group" || source.type === "room" ? source.type : "unknown";
  const message = isObj(raw.message) && typeof raw.message.type === "string" ? raw.message : undefined;
  return {
    id: id(raw.webhookEventId),
    type: raw.type,
    mode: str(raw.mode) ?? "active",
    timestamp: typeof raw.timestamp === "number" && Number.isFinite(raw.timestamp) ? raw.timestamp : 0,
    replyToken: str(raw.replyToken),
    source: {
      type: sourceType,
      ...(id(source.userId) && { userId: id(source.userId) }),
      ...(id(source.groupId) && { groupId: id(source.groupId) }),
      ...(id(source.roomId) && { roomId: id(source.roomId) }),
    },
    message: message && {
      type: message.type as string,
      ...(id(message.id) && { id: id(message.id) }),
      ...(typeof message.text === "string" && { text: message.text }),
      ...(isObj(message.contentProvider) &&
        typeof message.contentProvider.type === "string" && {
          contentProvider: message.contentProvider.type,
        }),
      ...(typeof message.fileName === "string" && { fileName: message.fileName.slice(0, 255) }),
      ...(typeof message.fileSize === "number" &&
        Number.isFinite(message.fileSize) && { fileSize: message.fileSize }),
    },
    postbackData: isObj(raw.postback) ? str(raw.postback.data) : undefined,
    isRedelivery: isObj(raw.deliveryContext) && raw.deliveryContext.isRedelivery === true,
  };
}

/**
 * What identifies an event for de-duplication: its webhookEventId, or, when a sender left that out, a
 * hash of the fields that are the same in every copy of one event and differ between two events (type,
 * source, timestamp, message id and text, postback data, reply token), so a copy sent twice is still
 * answered once.
 */
export function dedupeKey(e: Incoming): string {
  if (e.id) return e.id;
  const stable = [
    e.type,
    e.source.type,
    e.source.userId ?? "",
    e.source.groupId ?? "",
    e.source.roomId ?? "",
    e.timestamp,
    e.message?.type ?? "",
    e.message?.id ?? "",
    e.message?.text ?? "",
    e.postbackData ?? "",
    e.replyToken ?? "",
  ];
  return `hash:${createHash("sha256").update(JSON.stringify(stable)).digest("base64url")}`;
}

/** Whose events must stay in order: the user in a 1:1 chat, the group or room otherwise. */
export function chatKey(e: Incoming): string {
  return e.source.groupId ?? e.source.roomId ?? e.source.userId ?? "(no source)";
}
