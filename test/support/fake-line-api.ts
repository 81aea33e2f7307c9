import type { Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { checkMessages } from "../../bot/line-limits.ts";

/**
 * A local stand-in for LINE's Messaging API, for end-to-end and fault tests through LINE_API_BASE_URL.
 * It checks what LINE checks (bearer token, single-use reply tokens, message limits, push retry keys)
 * and answers with LINE's status codes and error shape, and records every request. Faults can be
 * planned per call: a status to answer instead, or "hang" (read the request, never answer).
 */
export interface Recorded {
  path: string;
  body: Record<string, unknown>;
  retryKey?: string;
  /** What the stand-in answered; undefined while it is still hanging (or never answered). */
  status?: number;
}

export type Call = "reply" | "push" | "loading";
/** A status to answer instead, "hang" (never answer), or a normal answer after a delay. */
export type Fault = number | "hang" | { delayMs: number };

const PATHS: Record<Call, string> = {
  reply: "/v2/bot/message/reply",
  push: "/v2/bot/message/push",
  loading: "/v2/bot/chat/loading/start",
};

/** LINE's error messages for the statuses the tests plan (shape: {"message": …}). */
const MESSAGES: Record<number, string> = {
  400: "Invalid reply token",
  429: "The API rate limit has been exceeded. Try again later.",
  500: "Internal server error",
  503: "Service unavailable",
};

export async function startFakeLineApi(token: string) {
  const requests: Recorded[] = [];
  const usedTokens = new Set<string>();
  const acceptedPushes = new Map<string, unknown[]>();
  const planned = new Map<string, Fault[]>();
  const always = new Map<string, Fault>();
  const hanging = new Set<ServerResponse>();

  /** The fault for this request, if one is planned (for its reply token first); consumes a planned one. */
  const faultFor = (path: string, replyToken: unknown): Fault | undefined =>
    (typeof replyToken === "string" ? planned.get(`${path} ${replyToken}`)?.shift() : undefined) ??
    planned.get(path)?.shift() ??
    always.get(path);
  const sentMessages = (messages: unknown) =>
    (messages as unknown[]).map((_, i) => ({ id: String(i), quoteToken: "q" }));

  const app = express();
  app.use(express.json({ limit: "1mb" }));
  app.use((req, res, next) => {
    if (req.get("authorization") !== `Bearer ${token}`) {
      res.status(401).json({
        message: "Authentication failed. Confirm that the access token in the authorization header is valid.",
      });
      return;
    }
    const retryKey = req.get("x-line-retry-key");
    const recorded: Recorded = {
      path: req.path,
      body: req.body as Record<string, unknown>,
      ...(retryKey && { retryKey }),
    };
    requests.push(recorded);
    res.on("finish", () => {
      recorded.status = res.statusCode;
    });
    const fault = faultFor(req.path, (req.body as { replyToken?: unknown } | undefined)?.replyToken);
    if (fault === "hang") {
      hanging.add(res);
      res.on("close", () => hanging.delete(res));
      return;
    }
    if (typeof fault === "number") {
      res.status(fault).json({ message: MESSAGES[fault] ?? "Error" });
      return;
    }
    if (fault) setTimeout(next, fault.delayMs);
    else next();
  });
  app.post(PATHS.reply, (req, res) => {
    const { replyToken, messages } = req.body as { replyToken?: string; messages?: unknown };
    if (!replyToken || usedTokens.has(replyToken)) {
      res.status(400).json({ message: "Invalid reply token" });
      return;
    }
    usedTokens.add(replyToken);
    const violations = checkMessages(messages);
    if (violations.length > 0) {
      res.status(400).json({ message: "The request body has 1 error(s)", details: violations });
      return;
    }
    res.json({ sentMessages: sentMessages(messages) });
  });
  app.post(PATHS.push, (req, res) => {
    const { to, messages } = req.body as { to?: string; messages?: unknown };
    const key = req.get("x-line-retry-key");
    const before = key ? acceptedPushes.get(key) : undefined;
    if (before) {
      // LINE's answer to a replayed retry key: 409 with the original sentMessages
      res.status(409).set("x-line-accepted-request-id", "accepted").json({ sentMessages: before });
      return;
    }
    const violations = checkMessages(messages);
    if (!to || violations.length > 0) {
      res.status(400).json({ message: "The request body has 1 error(s)", details: violations });
      return;
    }
    const sent = sentMessages(messages);
    if (key) acceptedPushes.set(key, sent);
    res.json({ sentMessages: sent });
  });
  app.post(PATHS.loading, (_req, res) => {
    res.status(202).json({});
  });

  const server: Server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  const answered = (path: string) => requests.filter((r) => r.path === path && r.status !== undefined);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    replies: () => requests.filter((r) => r.path === PATHS.reply),
    pushes: () => requests.filter((r) => r.path === PATHS.push),
    /** Replies LINE accepted (200): what users actually saw, by reply token. */
    delivered: () => answered(PATHS.reply).filter((r) => r.status === 200),
    /**
     * The next calls of this kind (only those with this reply token, if given) get these faults, in
     * order; then normal answers again.
     */
    plan(call: Call, faults: Fault[], replyToken?: string) {
      const key = replyToken ? `${PATHS[call]} ${replyToken}` : PATHS[call];
      planned.set(key, [...(planned.get(key) ?? []), ...faults]);
    },
    /** Every call of this kind gets this fault until cleared with undefined. */
    always(call: Call, fault: Fault | undefined) {
      if (fault === undefined) always.delete(PATHS[call]);
      else always.set(PATHS[call], fault);
    },
    /** Waits until n replies have been answered (the bot replies after acknowledging the webhook). */
    async waitForReplies(n: number, timeoutMs = 10_000): Promise<Recorded[]> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const done = answered(PATHS.reply);
        if (done.length >= n) return done;
        if (Date.now() > until) throw new Error(`expected ${n} replies, got ${done.length}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type FakeLineApi = Awaited<ReturnType<typeof startFakeLineApi>>;
