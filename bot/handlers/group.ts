import type { Logger } from "pino";
import { languageOf } from "../../dialogs/interpret.ts";
import type { SessionStore } from "../../dialogs/session-store.ts";
import { chatKey, type Incoming } from "../incoming.ts";
import { type LineClient, sendReply } from "../line-client.ts";
import type { Renderer } from "../render/render.ts";

/** Say it once per group a day: a bot that answers every group message is noise for all its members. */
const NOTICE_EVERY_MS = 24 * 60 * 60_000;

export interface GroupDeps {
  client: LineClient;
  render: Renderer;
  store: SessionStore;
  logger: Logger;
}

/**
 * Groups and rooms: the assistant does not hold conversations there (bounces carry addresses that the
 * other members should not see). It says so kindly when added and when spoken to, then stays quiet.
 */
export async function handleGroup(deps: GroupDeps, event: Incoming): Promise<void> {
  if (event.type !== "join" && event.type !== "message") return;
  const key = `group-notice:${chatKey(event)}`;
  if ((await deps.store.get(key)) !== undefined) return;
  await deps.store.set(key, true, NOTICE_EVERY_MS);
  const lang = languageOf(event.message?.text ?? "") === "en" ? "en" : "ja";
  const sent = await sendReply(
    deps.client,
    deps.logger,
    event.replyToken,
    deps.render([{ type: "explainGroupChat" }], lang),
  );
  deps.logger.info({ event: event.type, chat: event.source.type, sent }, "group notice");
}
