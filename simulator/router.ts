import { fileURLToPath } from "node:url";
import express, { type Request, type Response, Router } from "express";
import { logger } from "../bot/logger.ts";
import type { ChatEvent, ChatHub, SimUser } from "./chat-hub.ts";
import type { BounceExample } from "./examples.ts";
import type { Contents } from "./standin/contents.ts";
import type { ReplyTokens } from "./standin/reply-tokens.ts";
import type { RichMenus } from "./standin/rich-menus.ts";
import { buildEvent, signWebhook, takesReplyToken, type UserAction } from "./webhook-event.ts";

/**
 * What the chat page talks to. Every user action becomes a real, signed webhook request POSTed over
 * HTTP to the bot's own /webhook, with a reply token issued by the stand-in; the bot's answers come
 * back through the stand-in and reach the page as server-sent events. The bot cannot tell this page
 * from LINE.
 */

export interface RouterDeps {
  channelSecret: string;
  webhookUrl: string;
  hub: ChatHub;
  replyTokens: ReplyTokens;
  richMenus: RichMenus;
  /** Where sent images and files are kept for the stand-in's data API. */
  contents: Contents;
  examples: readonly BounceExample[];
  /** Notes for whoever runs the simulator (a placeholder link, ...), shown above the chat. */
  notices?: readonly string[];
}

export interface SimulatorRouter {
  router: Router;
  /** Ends open event streams (they would keep the bot's server from closing). */
  closeStreams(): void;
}

const PAGE_DIR = fileURLToPath(new URL("./page/", import.meta.url));
/** LINE's apps cap what a user can type; the simulator allows the same order of size. */
const MAX_USER_TEXT = 10_000;
const WEBHOOK_TIMEOUT_MS = 10_000;
/** LINE's apps send images up to 10 MB and files far bigger; the page may send what the bot must refuse. */
const MAX_UPLOAD = "25mb";
const IMAGE_TYPES = new Set(["image/png", "image/jpeg"]);

function parseAction(body: unknown): UserAction | string {
  const b = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  switch (b.type) {
    case "message":
      if (typeof b.text !== "string" || b.text.trim() === "") return "text must be a non-empty string";
      if (b.text.length > MAX_USER_TEXT) return `text is longer than ${MAX_USER_TEXT} characters`;
      return { type: "message", text: b.text };
    case "postback":
      if (typeof b.data !== "string" || b.data.length > 300) return "data must be a string of ≤ 300 chars";
      if (b.displayText !== undefined && typeof b.displayText !== "string")
        return "displayText must be a string";
      return { type: "postback", data: b.data, displayText: b.displayText as string | undefined };
    case "follow":
      return { type: "follow" };
    case "unfollow":
      return { type: "unfollow" };
    default:
      return "type must be message, postback, follow or unfollow";
  }
}

export function createSimulatorRouter(deps: RouterDeps): SimulatorRouter {
  const { hub, replyTokens } = deps;
  const router = Router();
  const streams = new Set<Response>();
  const blockedOnce = new Set<string>(); // users who unfollowed: their next follow is an unblock
  // JSON parsing only on the simulator's own routes: a router-wide parser would consume the body of
  // /webhook before the bot's signature check reads it.
  const json = express.json({ limit: "256kb" });

  router.get("/", (_req, res) => res.sendFile("index.html", { root: PAGE_DIR }));
  router.use("/simulator/assets", express.static(PAGE_DIR, { index: false }));

  router.get("/simulator/state", (_req, res) => {
    res.json({ users: hub.users(), examples: deps.examples, notices: deps.notices ?? [] });
  });

  /** The default rich menu the bot's owner set through the stand-in; the page draws it under the chat. */
  router.get("/simulator/richmenu", (_req, res) => {
    const menu = deps.richMenus.defaultMenu();
    if (!menu) return void res.status(404).json({ message: "no default rich menu" });
    const { size, areas, chatBarText, selected } = menu.request;
    res.json({ richMenuId: menu.richMenuId, size, areas, chatBarText, selected });
  });

  router.get("/simulator/richmenu/image", (_req, res) => {
    const image = deps.richMenus.defaultMenu()?.image;
    if (!image) return void res.status(404).end();
    res.type(image.type).send(image.bytes);
  });

  router.post("/simulator/users", json, (req, res) => {
    const body = (req.body ?? {}) as { displayName?: unknown; language?: unknown };
    const name = typeof body.displayName === "string" ? body.displayName.slice(0, 20) : undefined;
    res.status(201).json(hub.addUser(name, body.language === "en" ? "en" : "ja"));
  });

  /** Sends one user action to the bot as LINE would; resolves to the webhook's HTTP status (0: unreachable). */
  async function deliver(user: SimUser, action: UserAction): Promise<number> {
    if (action.type === "message") hub.post(user.userId, { kind: "user", text: action.text });
    if (action.type === "postback" && action.displayText)
      hub.post(user.userId, { kind: "user", text: action.displayText });
    if (action.type === "follow" || action.type === "unfollow") {
      hub.setFriend(user.userId, action.type === "follow");
      const text =
        action.type === "follow" ? "友だち追加しました (added as a friend)" : "ブロックしました (blocked)";
      hub.post(user.userId, { kind: "notice", level: "info", text });
    }
    if (action.type === "unfollow") blockedOnce.add(user.userId);
    if (action.type === "follow") action = { type: "follow", isUnblocked: blockedOnce.has(user.userId) };
    const replyToken = takesReplyToken(action) ? replyTokens.issue(user.userId) : undefined;
    const event = buildEvent(action, { userId: user.userId, replyToken });
    const { body, signature } = signWebhook([event], deps.channelSecret);
    try {
      const response = await fetch(deps.webhookUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json; charset=utf-8",
          "x-line-signature": signature,
          "user-agent": "LineBotWebhook/2.0",
        },
        body,
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      await response.arrayBuffer(); // drain, so the connection is reused
      if (!response.ok) {
        hub.post(user.userId, {
          kind: "notice",
          level: "error",
          text: `The webhook answered HTTP ${response.status}; LINE would count this as a failed delivery.`,
        });
      }
      return response.status;
    } catch (err) {
      logger.warn({ err, webhookUrl: deps.webhookUrl }, "simulator: webhook unreachable");
      hub.post(user.userId, {
        kind: "notice",
        level: "error",
        text: `The webhook at ${deps.webhookUrl} did not answer: ${(err as Error).message}`,
      });
      return 0;
    }
  }

  router.post("/simulator/users/:userId/events", json, async (req: Request, res: Response) => {
    const user = hub.user(String(req.params.userId));
    if (!user) return void res.status(404).json({ message: "unknown user" });
    const action = parseAction(req.body);
    if (typeof action === "string") return void res.status(400).json({ message: action });
    res.json({ webhookStatus: await deliver(user, action) });
  });

  /**
   * An image (PNG, JPEG) or a file the user picked or pasted: kept for the data API, shown in the chat,
   * and sent as LINE sends it, a message event with the content's id (the bot fetches the content).
   *   POST /simulator/users/:userId/media?kind=image|file&name=<file name>   body: the bytes
   */
  const raw = express.raw({ type: () => true, limit: MAX_UPLOAD });
  router.post("/simulator/users/:userId/media", raw, async (req: Request, res: Response) => {
    const user = hub.user(String(req.params.userId));
    if (!user) return void res.status(404).json({ message: "unknown user" });
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (bytes.length === 0) return void res.status(400).json({ message: "the body must hold the content" });
    const type = String(req.get("content-type") ?? "application/octet-stream")
      .split(";")[0]!
      .trim();
    const kind = req.query.kind === "image" ? "image" : req.query.kind === "file" ? "file" : undefined;
    if (!kind) return void res.status(400).json({ message: "kind must be image or file" });
    if (kind === "image" && !IMAGE_TYPES.has(type))
      return void res.status(400).json({ message: "images must be image/png or image/jpeg" });
    const fileName = String(req.query.name ?? "file").slice(0, 200);
    const contentId = deps.contents.put(bytes, type);
    if (kind === "image")
      hub.post(user.userId, { kind: "user-image", url: `/simulator/content/${contentId}` });
    else hub.post(user.userId, { kind: "user-file", name: fileName, size: bytes.length });
    const action: UserAction =
      kind === "image"
        ? { type: "image", contentId }
        : { type: "file", contentId, fileName, fileSize: bytes.length };
    res.json({ webhookStatus: await deliver(user, action) });
  });

  /** A sent image, for the page to show in the chat (the bot fetches it from the stand-in instead). */
  router.get("/simulator/content/:id", (req: Request, res: Response) => {
    const content = deps.contents.get(String(req.params.id));
    if (!content || !IMAGE_TYPES.has(content.contentType)) return void res.status(404).end();
    res.set("content-type", content.contentType).end(content.bytes);
  });

  /** Starts the chat over: the user blocks the bot (unfollow) and the transcript is cleared. */
  router.post("/simulator/users/:userId/reset", async (req: Request, res: Response) => {
    const user = hub.user(String(req.params.userId));
    if (!user) return void res.status(404).json({ message: "unknown user" });
    if (user.friend) await deliver(user, { type: "unfollow" });
    hub.clear(user.userId);
    res.json({ ok: true });
  });

  router.get("/simulator/users/:userId/stream", (req: Request, res: Response) => {
    const user = hub.user(String(req.params.userId));
    if (!user) return void res.status(404).json({ message: "unknown user" });
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
    });
    const send = (event: ChatEvent) => res.write(`data: ${JSON.stringify(event)}\n\n`);
    res.write("retry: 1000\n\n");
    send({ type: "hello", user });
    for (const entry of hub.history(user.userId)) send({ type: "entry", entry });
    const unsubscribe = hub.subscribe(user.userId, send);
    // A comment line now and then keeps proxies and browsers from timing the stream out.
    const keepAlive = setInterval(() => res.write(": keep-alive\n\n"), 15_000);
    keepAlive.unref();
    streams.add(res);
    res.on("close", () => {
      clearInterval(keepAlive);
      unsubscribe();
      streams.delete(res);
    });
  });

  return {
    router,
    closeStreams() {
      for (const res of streams) res.end();
    },
  };
}
