import type { AddressInfo } from "node:net";
import express from "express";
import { checkMessages } from "../../bot/line-limits.ts";

/**
 * A local stand-in for LINE's Messaging API, for end-to-end tests through LINE_API_BASE_URL. It checks
 * what LINE checks (bearer token, single-use reply tokens, message limits) and answers with LINE's
 * status codes and error shape, and records every request.
 */
export interface Recorded {
  path: string;
  body: Record<string, unknown>;
  /** What the stand-in answered. */
  status?: number;
}

export async function startFakeLineApi(token: string) {
  const requests: Recorded[] = [];
  const usedTokens = new Set<string>();
  const app = express();
  app.use(express.json({ limit: "1mb" }));
  app.use((req, res, next) => {
    if (req.get("authorization") !== `Bearer ${token}`) {
      res.status(401).json({
        message: "Authentication failed. Confirm that the access token in the authorization header is valid.",
      });
      return;
    }
    const recorded: Recorded = { path: req.path, body: req.body as Record<string, unknown> };
    requests.push(recorded);
    res.on("finish", () => {
      recorded.status = res.statusCode;
    });
    next();
  });
  app.post("/v2/bot/message/reply", (req, res) => {
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
    res.json({ sentMessages: (messages as unknown[]).map((_, i) => ({ id: String(i), quoteToken: "q" })) });
  });
  app.post("/v2/bot/chat/loading/start", (_req, res) => {
    res.status(202).json({});
  });

  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    replies: () => requests.filter((r) => r.path === "/v2/bot/message/reply"),
    /** Waits until n replies have been answered (the bot replies after acknowledging the webhook). */
    async waitForReplies(n: number, timeoutMs = 10_000): Promise<Recorded[]> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const done = requests.filter((r) => r.path === "/v2/bot/message/reply" && r.status !== undefined);
        if (done.length >= n) return done;
        if (Date.now() > until) throw new Error(`expected ${n} replies, got ${done.length}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
