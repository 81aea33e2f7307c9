import { createHmac, randomBytes } from "node:crypto";

/**
 * The benchmark's webhook traffic, in the shapes LINE documents. Two mixes:
 *   - text (the primary figure): every event is a text message, as users type and paste them: short
 *     bounce pastes, 「はい」/「いいえ」, 「メニュー」, a symptom in their own words. The echo bot echoes each
 *     one and the assistant answers each one, so both make exactly one reply call per event and the
 *     ratio of their speeds is the assistant's own cost per event.
 *   - mixed (secondary): a user's whole visit: adds the assistant (follow), pastes, taps an answer, taps a
 *     rich-menu tile, types 「メニュー」 or pastes again. The echo bot answers only the 40 % that are text,
 *     the assistant every event, so here the assistant makes 2.5× the LINE calls of the baseline.
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
/**
 * A real paste names the user's own recipient: each user's pastes carry their own addresses, domain and
 * server address, as phones show them. Without this, a round would send the same eight pastes hundreds of
 * times, which the assistant's store of recent results (bot/recent-results.ts) answers for nothing and real
 * users never do. What people type (「はい」, 「メニュー」, a symptom in words) does repeat, and stays as it is.
 */
function ownPaste(paste: string, userId: string): string {
  const tag = userId.slice(1, 7);
  return paste
    .replace(/\b(taro|hanako|jiro)@/g, `$1.${tag}@`)
    .replace("exmaple.com", `exmaple-${tag}.com`)
    .replace("203.0.113.5", `203.0.113.${(Number.parseInt(tag, 16) % 254) + 1}`);
}

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

/** The user's own words for a symptom (knowledge/data/symptoms.yaml matches them), as typed on a phone. */
const SYMPTOMS = [
  "宛先不明って返ってきました",
  "相手の容量オーバーと言われた",
  "添付ファイルが大きいみたいです",
  "ドメインが見つからないと出る",
  "送った覚えがないのにエラーメールが大量に届く",
];

/** One user's typed turns: a paste, feedback, the menu, a symptom in words, another paste. */
export function textTurns(userId: string, n: number): Record<string, unknown>[] {
  return [
    text(userId, ownPaste(PASTES[n % PASTES.length]!, userId)),
    text(userId, n % 3 === 0 ? "いいえ" : "はい"),
    text(userId, "メニュー"),
    text(userId, SYMPTOMS[n % SYMPTOMS.length]!),
    text(userId, ownPaste(PASTES[(n + 3) % PASTES.length]!, userId)),
  ];
}

/** One user's mixed turns, in order. `steps` picks how many (the RSS run uses two: follow and a paste). */
export function mixedTurns(userId: string, n: number): Record<string, unknown>[] {
  return [
    base("follow", userId, { follow: { isUnblocked: false } }),
    text(userId, ownPaste(PASTES[n % PASTES.length]!, userId)),
    postback(userId, `a=feedback&v=${n % 3 === 0 ? "no" : "yes"}&topic=${TILES[n % TILES.length]}`),
    postback(userId, `topic:${TILES[(n + 2) % TILES.length]}`),
    n % 2 === 0 ? text(userId, "メニュー") : text(userId, ownPaste(PASTES[(n + 3) % PASTES.length]!, userId)),
  ];
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

export type Mix = "text" | "mixed";

/** users × steps webhooks of one event each, step by step across users (people take turns, not bursts). */
export function traffic(mix: Mix, run: string, users: number, secret: string, steps = 5): Signed[] {
  const turnsOf = mix === "text" ? textTurns : mixedTurns;
  const perUser = Array.from({ length: users }, (_, n) => turnsOf(benchUserId(run, n), n).slice(0, steps));
  const out: Signed[] = [];
  for (let step = 0; step < steps; step++)
    for (const turns of perUser) out.push(sign([turns[step]!], secret));
  return out;
}
