import { createHmac, randomBytes } from "node:crypto";

/**
 * The benchmark's webhook traffic: what users of the assistant send, in the shapes LINE documents.
 * Each user: adds the assistant (follow), pastes a short bounce, taps an answer, taps a rich-menu tile,
 * then types メニュー or pastes again. So 20 % follow, 30-40 % pastes, the rest taps and commands.
 */

/** Short bounce lines as phones show them (our own examples of what servers write). */
const PASTES = [
  "550 5.1.1 <taro@example.com>: Recipient address rejected: User unknown in virtual mailbox table",
  "こんなメールが戻ってきました\n552 5.2.2 <hanako@example.net>... Mailbox full",
  "552 5.3.4 Message size exceeds fixed maximum message size",
  "Host or domain name not found. Name service error for name=exmaple.com type=MX: Host not found",
  "This is a warning message only.\nWill keep trying until message is 5 days old",
  "550 5.7.1 Service unavailable; Client host [203.0.113.5] blocked using zen.spamhaus.org",
  "<jiro@docomo.ne.jp>: host mfsmax.docomo.ne.jp said: 550 Unknown user jiro@docomo.ne.jp",
  "送った覚えがないのにエラーメールが大量に届きます",
];
const TILES = ["mailbox-full", "user-unknown", "message-too-big", "backscatter", "delayed"];

let sequence = 0;
const eventId = () => `01BENCH${(++sequence).toString(36).toUpperCase().padStart(19, "0")}`;

export const benchUserId = (run: string, n: number): string =>
  `U${createHmac("sha256", run).update(String(n)).digest("hex").slice(0, 32)}`;

function base(type: string, userId: string, extra: Record<string, unknown>) {
  return {
    type,
    mode: "active",
    timestamp: Date.now(),
    webhookEventId: eventId(),
    deliveryContext: { isRedelivery: false },
    source: { type: "user", userId },
    replyToken: randomBytes(16).toString("hex"),
    ...extra,
  };
}

const text = (userId: string, t: string) =>
  base("message", userId, { message: { id: String(sequence), type: "text", text: t, quoteToken: "q" } });
const postback = (userId: string, data: string) => base("postback", userId, { postback: { data } });

/** One user's turns, in order. `steps` picks how many (the RSS run uses two: follow and a paste). */
export function userTurns(userId: string, n: number, steps = 5): Record<string, unknown>[] {
  const turns = [
    base("follow", userId, { follow: { isUnblocked: false } }),
    text(userId, PASTES[n % PASTES.length]!),
    postback(userId, `a=feedback&v=${n % 3 === 0 ? "no" : "yes"}&topic=${TILES[n % TILES.length]}`),
    postback(userId, `topic:${TILES[(n + 2) % TILES.length]}`),
    n % 2 === 0 ? text(userId, "メニュー") : text(userId, PASTES[(n + 3) % PASTES.length]!),
  ];
  return turns.slice(0, steps);
}

export interface Signed {
  body: string;
  signature: string;
  /** A text message: the echo bot answers only these. */
  text: boolean;
}

export function sign(events: Record<string, unknown>[], secret: string): Signed {
  const body = JSON.stringify({ destination: `U${"0".repeat(32)}`, events });
  return {
    body,
    signature: createHmac("sha256", secret).update(body).digest("base64"),
    text: events.some((e) => (e.message as { type?: string } | undefined)?.type === "text"),
  };
}

/** users × steps webhooks of one event each, step by step across users (people take turns, not bursts). */
export function traffic(run: string, users: number, secret: string, steps = 5): Signed[] {
  const perUser = Array.from({ length: users }, (_, n) => userTurns(benchUserId(run, n), n, steps));
  const out: Signed[] = [];
  for (let step = 0; step < steps; step++)
    for (const turns of perUser) out.push(sign([turns[step]!], secret));
  return out;
}
