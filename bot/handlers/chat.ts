import type { Logger } from "pino";
import type { Conversations } from "../../dialogs/conversation.ts";
import type { UnsupportedKind } from "../../dialogs/events.ts";
import type { UserInput } from "../../dialogs/interpret.ts";
import type { ScreenshotReader } from "../../knowledge/ocr/reader.ts";
import type { Incoming, IncomingMessage } from "../incoming.ts";
import type { Away } from "../keyed-queue.ts";
import type { LineOut, ReplyChannel } from "../line-client.ts";
import { idTag, isUserId } from "../line-ids.ts";
import { type BlobClient, fileInput, type MediaLimits, screenshotInput } from "../media.ts";
import type { Metrics } from "../metrics.ts";
import type { Renderer } from "../render/render.ts";
import { countIntents } from "../turn-metrics.ts";

/** A text this long is probably a pasted bounce: show the loading animation while it is classified. */
const LOADING_FROM_CHARS = 300;
const LOADING_SECONDS = 5; // the minimum; the reply ends the animation anyway
/** A screenshot waits for its turn among the images ahead and takes about a second to read. */
const MEDIA_LOADING_SECONDS = 20;

export interface ChatDeps {
  line: LineOut;
  conversations: Conversations;
  render: Renderer;
  metrics: Pick<Metrics, "classified" | "escalated" | "mediaRead">;
  logger: Logger;
  /** Reading images and files (bot/media.ts); without it they get the kind "cannot open" answers. */
  media?: { blob: BlobClient; screenshots: ScreenshotReader | undefined; limits?: Partial<MediaLimits> };
}

/** A Map: the type is whatever the sender wrote, "constructor" and "__proto__" included. */
const MESSAGE_KINDS: ReadonlyMap<string, UnsupportedKind> = new Map([
  ["sticker", "sticker"],
  ["image", "image"],
  ["video", "video"],
  ["audio", "audio"],
  ["file", "file"],
  ["location", "location"],
]);

export function inputOfMessage(message: Incoming["message"]): UserInput {
  if (message?.type === "text") return { kind: "text", text: message.text ?? "" };
  return { kind: "unsupported", what: (message && MESSAGE_KINDS.get(message.type)) ?? "other" };
}

/**
 * A message in a 1:1 chat. An image or a file is fetched and read first (bot/media.ts), the loading
 * animation showing meanwhile; its OCR waits outside the event slots (`away`).
 */
export function handleMessage(
  deps: ChatDeps,
  event: Incoming,
  userId: string,
  reply: ReplyChannel,
  away: Away | undefined,
): Promise<void> {
  const message = event.message;
  if (deps.media && (message?.type === "image" || message?.type === "file"))
    return handleMedia(deps, deps.media, event, userId, message, reply, away);
  // A text goes straight to its turn, without an async step of its own (every typed text comes here).
  return handleChat(deps, event, userId, inputOfMessage(message), reply);
}

async function handleMedia(
  deps: ChatDeps,
  media: NonNullable<ChatDeps["media"]>,
  event: Incoming,
  userId: string,
  message: IncomingMessage,
  reply: ReplyChannel,
  away: Away | undefined,
): Promise<void> {
  if (isUserId(userId)) await deps.line.showLoading(userId, MEDIA_LOADING_SECONDS);
  const reading = { ...media, metrics: deps.metrics, logger: deps.logger };
  const input =
    message.type === "image"
      ? await screenshotInput(reading, message, away)
      : await fileInput(reading, message);
  return handleChat(deps, event, userId, input, reply);
}

/**
 * A 1:1 chat turn: the conversation decides, the renderer words it, one reply carries it. A failure of
 * the store or the classifier propagates: the caller answers "please try again" on the unused token.
 */
export async function handleChat(
  deps: ChatDeps,
  event: Incoming,
  userId: string,
  input: UserInput,
  reply: ReplyChannel,
): Promise<void> {
  if (input.kind === "text" && input.text.length >= LOADING_FROM_CHARS && isUserId(userId))
    await deps.line.showLoading(userId, LOADING_SECONDS);
  const turn = await deps.conversations.turn(userId, input);
  countIntents(deps.metrics, turn.intents);
  const messages = deps.render(turn.intents, turn.lang);
  // The log line is put together before the reply, so the turn is not kept alive while the LINE call is
  // in flight (it would survive young-generation GCs for nothing).
  const line = {
    event: event.type,
    input: input.kind === "unsupported" ? input.what : input.kind,
    user: idTag(userId),
    state: turn.state,
    intents: turn.intents.map((i) => i.type),
    session: turn.restored,
    messages: messages.length,
    sent: false,
  };
  line.sent = await reply.send(messages);
  deps.logger.info(line, "turn");
}
