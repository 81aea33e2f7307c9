import type { Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { RequestHandler } from "express";
import { ChatHub } from "../../simulator/chat-hub.ts";
import { createStandinApp } from "../../simulator/standin/app.ts";
import { ReplyTokens } from "../../simulator/standin/reply-tokens.ts";
import { RichMenus } from "../../simulator/standin/rich-menus.ts";

/**
 * The simulator's LINE API stand-in (simulator/standin/), for end-to-end and fault tests through
 * LINE_API_BASE_URL: it checks what LINE checks (bearer token, reply tokens used once and within a minute,
 * message limits, push retry keys, loading-animation arguments), so a mistake of the bot fails the test.
 * Through the stand-in's `intercept` hook this adds what tests need: every authorised request recorded
 * with the status it got, and faults planned per call — a status to answer instead, "hang" (read the
 * request, never answer), or a delay before the normal answer.
 */
export interface Recorded {
  path: string;
  body: Record<string, unknown>;
  retryKey?: string;
  /** What the stand-in answered; undefined while it is still hanging (or never answered). */
  status?: number;
}

export type Call = "reply" | "push" | "loading";
/**
 * A status to answer instead (with a Retry-After header if given), "hang" (read the request, never
 * answer), "lose-answer" (do the call, then cut the connection instead of answering: applied, but the
 * caller cannot know), or a normal answer after a delay.
 */
export type Fault =
  | number
  | "hang"
  | "lose-answer"
  | { delayMs: number }
  | { status: number; retryAfterS: number };

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

type WebhookEvent = Record<string, unknown>;

export async function startLineStandin(channelAccessToken: string) {
  const requests: Recorded[] = [];
  const planned = new Map<string, Fault[]>();
  const always = new Map<string, Fault>();
  const hanging = new Set<ServerResponse>();
  const replyTokens = new ReplyTokens();

  /** The fault for this request, if one is planned (for its reply token first); consumes a planned one. */
  const faultFor = (path: string, replyToken: unknown): Fault | undefined =>
    (typeof replyToken === "string" ? planned.get(`${path} ${replyToken}`)?.shift() : undefined) ??
    planned.get(path)?.shift() ??
    always.get(path);

  const intercept: RequestHandler = (req, res, next) => {
    const retryKey = req.get("x-line-retry-key");
    const body = (req.body ?? {}) as Record<string, unknown>;
    const recorded: Recorded = { path: req.path, body, ...(retryKey && { retryKey }) };
    requests.push(recorded);
    // Recorded when the stand-in answers, even if the caller is gone by then (killed while LINE was
    // slow): LINE did what it answers whether or not anyone hears it.
    const end = res.end.bind(res);
    res.end = ((...args: Parameters<typeof res.end>) => {
      recorded.status ??= res.statusCode;
      return end(...args);
    }) as typeof res.end;
    const fault = faultFor(req.path, body.replyToken);
    if (fault === "hang") {
      hanging.add(res);
      res.on("close", () => hanging.delete(res));
      return;
    }
    if (typeof fault === "number" || (typeof fault === "object" && "status" in fault)) {
      const status = typeof fault === "number" ? fault : fault.status;
      if (typeof fault === "object") res.set("retry-after", String(fault.retryAfterS));
      res.status(status).json({ message: MESSAGES[status] ?? "Error" });
      return;
    }
    if (fault === "lose-answer") {
      res.end = (() => {
        recorded.status = res.statusCode; // LINE did it (200) or refused it; the caller never hears
        req.socket.destroy();
        return res;
      }) as typeof res.end;
      next();
      return;
    }
    if (fault) setTimeout(next, fault.delayMs);
    else next();
  };

  const app = createStandinApp({
    channelAccessToken,
    hub: new ChatHub(),
    replyTokens,
    richMenus: new RichMenus(),
    intercept,
  });
  const server: Server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  const answered = (path: string) => requests.filter((r) => r.path === path && r.status !== undefined);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    /**
     * LINE hands out a reply token with each event it sends. Tests build their own events, so they hand
     * them here before sending: each event's token is then good for one reply within a minute, as on LINE.
     */
    issue<E extends WebhookEvent>(events: E[]): E[] {
      for (const event of events) {
        const source = event.source as { userId?: string; groupId?: string } | undefined;
        if (typeof event.replyToken === "string")
          replyTokens.issue(source?.userId ?? source?.groupId ?? "", event.replyToken);
      }
      return events;
    },
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
    /** Clears every planned and standing fault (between tests). */
    resetFaults() {
      planned.clear();
      always.clear();
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

export type LineStandin = Awaited<ReturnType<typeof startLineStandin>>;
