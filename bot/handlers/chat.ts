import type { Logger } from "pino";
import type { Conversations } from "../../dialogs/conversation.ts";
import type { UnsupportedKind } from "../../dialogs/events.ts";
import { languageOf, type UserInput } from "../../dialogs/interpret.ts";
import type { Incoming } from "../incoming.ts";
import { type LineClient, logLineError, sendReply } from "../line-client.ts";
import { idTag, isUserId } from "../line-ids.ts";
import type { Renderer } from "../render/render.ts";

/** A text this long is probably a pasted bounce: show the loading animation while it is classified. */
const LOADING_FROM_CHARS = 300;
const LOADING_SECONDS = 5; // the minimum; the reply ends the animation anyway

export interface ChatDeps {
  client: LineClient;
  conversations: Conversations;
  render: Renderer;
  logger: Logger;
}

const MESSAGE_KINDS: Record<string, UnsupportedKind> = {
  sticker: "sticker",
  image: "image",
  video: "video",
  audio: "audio",
  file: "file",
  location: "location",
};

export function inputOfMessage(message: Incoming["message"]): UserInput {
  if (message?.type === "text") return { kind: "text", text: message.text ?? "" };
  return { kind: "unsupported", what: (message && MESSAGE_KINDS[message.type]) ?? "other" };
}

/** A 1:1 chat turn: the conversation decides, the renderer words it, one reply carries it. */
export async function handleChat(
  deps: ChatDeps,
  event: Incoming,
  userId: string,
  input: UserInput,
): Promise<void> {
  if (input.kind === "text" && input.text.length >= LOADING_FROM_CHARS && isUserId(userId)) {
    await deps.client
      .showLoadingAnimation({ chatId: userId, loadingSeconds: LOADING_SECONDS })
      .catch((error: unknown) => logLineError(deps.logger, "loading", error));
  }
  let turn: Awaited<ReturnType<Conversations["turn"]>>;
  try {
    turn = await deps.conversations.turn(userId, input);
  } catch (error) {
    // The store or the classifier failed: the user still hears something, and may simply try again.
    const lang = input.kind === "text" && languageOf(input.text) === "en" ? "en" : "ja";
    await sendReply(deps.client, deps.logger, event.replyToken, deps.render([{ type: "apologize" }], lang));
    throw error;
  }
  const messages = deps.render(turn.intents, turn.lang);
  const sent = await sendReply(deps.client, deps.logger, event.replyToken, messages);
  deps.logger.info(
    {
      event: event.type,
      input: input.kind === "unsupported" ? input.what : input.kind,
      user: idTag(userId),
      state: turn.state,
      intents: turn.intents.map((i) => i.type),
      session: turn.restored,
      messages: messages.length,
      sent,
    },
    "turn",
  );
}
