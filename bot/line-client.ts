import { HTTPFetchError, type messagingApi } from "@line/bot-sdk";
import type { Logger } from "pino";

/** The part of the SDK's MessagingApiClient the bot uses; tests and stand-ins can pass their own. */
export type LineClient = Pick<messagingApi.MessagingApiClient, "replyMessage" | "showLoadingAnimation">;

/** LINE's Verify button used these as reply tokens in older API versions; replying to them only fails. */
const DUMMY_REPLY_TOKENS = new Set(["00000000000000000000000000000000", "ffffffffffffffffffffffffffffffff"]);

/** Sends one reply; a failure is logged (LINE's status and message), never thrown: the user's turn is over. */
export async function sendReply(
  client: LineClient,
  logger: Logger,
  replyToken: string | undefined,
  messages: messagingApi.Message[],
): Promise<boolean> {
  if (!replyToken || DUMMY_REPLY_TOKENS.has(replyToken) || messages.length === 0) return false;
  try {
    await client.replyMessage({ replyToken, messages });
    return true;
  } catch (error) {
    logLineError(logger, "reply", error);
    return false;
  }
}

export function logLineError(logger: Logger, call: string, error: unknown): void {
  if (error instanceof HTTPFetchError)
    logger.warn({ call, status: error.status, body: error.body.slice(0, 500) }, "LINE API call failed");
  else logger.warn({ call, err: error }, "LINE API call failed");
}
