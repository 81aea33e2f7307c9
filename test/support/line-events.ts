import { createHmac, randomBytes } from "node:crypto";

/** Webhook events shaped as LINE documents them, and signing, for webhook tests. */

export const SECRET = "test-channel-secret";
export const TOKEN = "test-channel-access-token";

export const userId = (n: number): string => `U${n.toString(16).padStart(32, "0")}`;
export const groupId = (n: number): string => `C${n.toString(16).padStart(32, "0")}`;

let seq = 0;
const ulid = () =>
  `01J${(++seq).toString().padStart(8, "0")}${randomBytes(8).toString("hex").toUpperCase()}`.slice(0, 26);
export const replyTokenOf = (event: Record<string, unknown>): string => event.replyToken as string;

type Source = { type: "user"; userId: string } | { type: "group"; groupId: string; userId?: string };

function base(type: string, source: Source, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type,
    mode: "active",
    timestamp: Date.now() + seq,
    webhookEventId: ulid(),
    deliveryContext: { isRedelivery: false },
    source,
    replyToken: randomBytes(16).toString("hex"),
    ...extra,
  };
}

export const userSource = (id: string): Source => ({ type: "user", userId: id });

export function textEvent(user: string, text: string, extra: Record<string, unknown> = {}) {
  return base("message", userSource(user), {
    message: { id: String(100000 + seq), type: "text", text, quoteToken: "q" },
    ...extra,
  });
}

export function messageEvent(user: string, message: Record<string, unknown>) {
  return base("message", userSource(user), { message: { id: String(100000 + seq), ...message } });
}

export const followEvent = (user: string) =>
  base("follow", userSource(user), { follow: { isUnblocked: false } });
export const unfollowEvent = (user: string) => {
  const { replyToken: _none, ...event } = base("unfollow", userSource(user));
  return event;
};
export const postbackEvent = (user: string, data: string) =>
  base("postback", userSource(user), { postback: { data } });
export const groupTextEvent = (group: string, text: string) =>
  base(
    "message",
    { type: "group", groupId: group, userId: userId(999) },
    { message: { id: "1", type: "text", text } },
  );
export const joinEvent = (group: string) => base("join", { type: "group", groupId: group });

export function webhookBody(events: unknown[]): string {
  return JSON.stringify({ destination: userId(0xbeef), events });
}

export function sign(body: string | Buffer, secret = SECRET): string {
  return createHmac("sha256", secret).update(body).digest("base64");
}

/** Sends events to a running bot as LINE does: a signed POST to its /webhook. */
export function postWebhook(
  baseUrl: string,
  events: unknown[],
  options: { secret?: string; signal?: AbortSignal } = {},
): Promise<Response> {
  const body = webhookBody(events);
  return fetch(`${baseUrl}/webhook`, {
    method: "POST",
    headers: {
      "content-type": "application/json; charset=utf-8",
      "x-line-signature": sign(body, options.secret),
    },
    body,
    ...(options.signal && { signal: options.signal }),
  });
}
