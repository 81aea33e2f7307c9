import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from "express";
import { checkMessages, type LimitViolation } from "../../platform/line-limits.ts";
import type { ChatHub } from "../chat-hub.ts";
import { messageId, quoteToken, USER_ID } from "../ids.ts";
import type { Contents } from "./contents.ts";
import {
  AUTH_FAILED,
  AUTH_HEADER_REQUIRED,
  bodyErrors,
  INVALID_REPLY_TOKEN,
  type LineErrorBody,
  NOT_FOUND,
} from "./line-errors.ts";
import type { ReplyTokens } from "./reply-tokens.ts";
import type { RichMenus } from "./rich-menus.ts";

/**
 * A stand-in for LINE's Messaging API, served at its root as the SDK expects (it drops any path prefix
 * of baseURL). It checks what LINE checks — bearer token, reply tokens, message limits — and answers with
 * LINE's status codes and error shapes, so a mistake of the bot fails here exactly as it would in
 * production. Accepted messages go to the chat hub, where the page shows them.
 */

export interface StandinDeps {
  channelAccessToken: string;
  hub: ChatHub;
  replyTokens: ReplyTokens;
  richMenus: RichMenus;
  /** Images and files the simulated users sent, served on the data API as LINE serves them. */
  contents?: Contents;
  /**
   * Runs on every authorised request after its body is parsed, before LINE's checks: where tests record
   * what the bot sent and make LINE fail (answer a status instead, delay, or never answer).
   */
  intercept?: RequestHandler;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHAT_ID = /^[UCR][0-9a-f]{32}$/;

type Body = Record<string, unknown>;

function fail(res: Response, status: number, body: LineErrorBody): void {
  res.status(status).json(body);
}

function sentMessages(messages: unknown[]) {
  return messages.map(() => ({ id: messageId(), quoteToken: quoteToken() }));
}

function bearer(expected: string): RequestHandler {
  return (req, res, next) => {
    const header = req.get("authorization");
    if (!header?.startsWith("Bearer ")) return fail(res, 401, AUTH_HEADER_REQUIRED);
    if (header.slice("Bearer ".length) !== expected) return fail(res, 401, AUTH_FAILED);
    next();
  };
}

/** A rejected call shows up in the chat it was meant for, so the developer sees why nothing arrived. */
function reportRejection(hub: ChatHub, userId: string | undefined, call: string, body: LineErrorBody) {
  if (!userId) return;
  hub.post(userId, {
    kind: "notice",
    level: "error",
    text: `LINE API rejected ${call}: ${body.message}`,
    details: body.details,
  });
}

export function createStandinApp(deps: StandinDeps): express.Express {
  const { hub, replyTokens } = deps;
  const app = express();
  app.disable("x-powered-by");
  app.use(bearer(deps.channelAccessToken));
  // LINE rejects request bodies over 2 MB.
  app.use(express.json({ limit: "2mb" }));
  if (deps.intercept) app.use(deps.intercept);

  app.post("/v2/bot/message/reply", (req: Request, res: Response) => {
    const body = (req.body ?? {}) as Body;
    const details: LimitViolation[] = [];
    if (typeof body.replyToken !== "string" || body.replyToken === "")
      details.push({ property: "replyToken", message: "Must be specified" });
    if (body.notificationDisabled !== undefined && typeof body.notificationDisabled !== "boolean")
      details.push({ property: "notificationDisabled", message: "Must be a boolean" });
    details.push(...checkMessages(body.messages));
    const token = typeof body.replyToken === "string" ? body.replyToken : "";
    if (details.length > 0) {
      const error = bodyErrors(details);
      reportRejection(hub, replyTokens.ownerOf(token), "a reply", error);
      return fail(res, 400, error);
    }
    const redeemed = replyTokens.redeem(token);
    if (!redeemed.ok) {
      reportRejection(hub, redeemed.userId, `a reply (token ${redeemed.reason})`, INVALID_REPLY_TOKEN);
      return fail(res, 400, INVALID_REPLY_TOKEN);
    }
    const messages = body.messages as unknown[];
    hub.post(redeemed.userId, { kind: "bot", via: "reply", messages });
    res.json({ sentMessages: sentMessages(messages) });
  });

  // Retry keys accepted so far: a replay answers 409 with the first request's id, as LINE does.
  const acceptedRetryKeys = new Map<string, { requestId: string; sent: unknown[] }>();

  app.post("/v2/bot/message/push", (req: Request, res: Response) => {
    const body = (req.body ?? {}) as Body;
    const retryKey = req.get("x-line-retry-key");
    if (retryKey !== undefined && !UUID.test(retryKey))
      return fail(res, 400, { message: "The value of the X-Line-Retry-Key header is invalid" });
    const accepted = retryKey && acceptedRetryKeys.get(retryKey);
    if (accepted) {
      res.setHeader("x-line-accepted-request-id", accepted.requestId);
      return void res
        .status(409)
        .json({ message: "The retry key is already accepted", sentMessages: accepted.sent });
    }
    const details: LimitViolation[] = [];
    if (typeof body.to !== "string" || !CHAT_ID.test(body.to))
      details.push({ property: "to", message: "Must be a valid user, group or room ID" });
    details.push(...checkMessages(body.messages));
    const to = typeof body.to === "string" ? body.to : "";
    if (details.length > 0) {
      const error = bodyErrors(details);
      reportRejection(hub, hub.user(to)?.userId, "a push", error);
      return fail(res, 400, error);
    }
    const messages = body.messages as unknown[];
    // LINE answers 200 for users who are not friends but delivers nothing; so does the stand-in.
    if (hub.user(to)?.friend) hub.post(to, { kind: "bot", via: "push", messages });
    const sent = sentMessages(messages);
    const requestId = crypto.randomUUID();
    if (retryKey) acceptedRetryKeys.set(retryKey, { requestId, sent });
    res.setHeader("x-line-request-id", requestId);
    res.json({ sentMessages: sent });
  });

  app.post("/v2/bot/chat/loading/start", (req: Request, res: Response) => {
    const body = (req.body ?? {}) as Body;
    if (typeof body.chatId !== "string" || !USER_ID.test(body.chatId)) {
      return fail(res, 400, bodyErrors([{ property: "chatId", message: "Only a user ID is acceptable" }]));
    }
    const seconds = body.loadingSeconds ?? 20;
    if (typeof seconds !== "number" || seconds < 5 || seconds > 60 || seconds % 5 !== 0) {
      return fail(
        res,
        400,
        bodyErrors([{ property: "loadingSeconds", message: "Must be a multiple of 5 between 5 and 60" }]),
      );
    }
    hub.post(body.chatId, { kind: "loading", seconds });
    res.status(202).json({});
  });

  app.get("/v2/bot/profile/:userId", (req: Request, res: Response) => {
    const user = hub.user(String(req.params.userId));
    if (!user) return fail(res, 404, NOT_FOUND);
    res.json({ userId: user.userId, displayName: user.displayName, language: user.language });
  });

  app.use(deps.richMenus.routes());

  // The data API (api-data.line.me): what users sent as images and files, by message id.
  app.get("/v2/bot/message/:messageId/content", (req: Request, res: Response) => {
    const content = deps.contents?.get(String(req.params.messageId));
    if (!content) return fail(res, 404, NOT_FOUND);
    res.set({ "content-type": content.contentType, "content-length": String(content.bytes.length) });
    res.end(content.bytes);
  });

  app.use((_req: Request, res: Response) => fail(res, 404, NOT_FOUND));

  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    const status = typeof err?.status === "number" ? err.status : 500;
    if (status === 413) return fail(res, 413, { message: "Request entity too large" });
    if (status === 400) return fail(res, 400, { message: "The request body could not be parsed as JSON" });
    fail(res, 500, { message: "Internal server error" });
  };
  app.use(onError);
  return app;
}
