import { TOPIC_IDS, type TopicId } from "../knowledge/types.ts";

/**
 * Quick-reply taps come back as postback data. The data names everything the tap means (topic, follow-up,
 * carrier), so a tap is understood even if the session moved on. Format: URL query, ≤ 300 chars (LINE).
 */
/** more: the second symptom menu (「わからない・その他」); paste: how to copy the right lines of a bounce. */
export type PostbackCommand = "menu" | "restart" | "help" | "cancel" | "human" | "more" | "paste";
const COMMANDS: readonly PostbackCommand[] = ["menu", "restart", "help", "cancel", "human", "more", "paste"];

export type Postback =
  | { a: "symptom"; topic: TopicId }
  | { a: "followup"; topic: TopicId; id: string }
  | { a: "carrier"; id: string }
  | { a: "feedback"; helpful: boolean; topic: TopicId }
  | { a: "cmd"; cmd: PostbackCommand }
  /** A question of knowledge/data/questions/ offered by 「もしかして…」. */
  | { a: "ask"; id: string };

const ID = /^[a-z0-9-]{1,40}$/;

/**
 * Every value is an id ([a-z0-9-], checked at load time) or a fixed word, so the query is built directly;
 * encodeURIComponent keeps it a valid query even if that ever changed. (URLSearchParams, which reads it
 * back, costs several times more to build, for every quick reply of every answer.)
 */
export function encodePostback(p: Postback): string {
  const q = encodeURIComponent;
  switch (p.a) {
    case "symptom":
      return `a=symptom&topic=${q(p.topic)}`;
    case "followup":
      return `a=followup&topic=${q(p.topic)}&id=${q(p.id)}`;
    case "carrier":
      return `a=carrier&id=${q(p.id)}`;
    case "feedback":
      return `a=feedback&v=${p.helpful ? "yes" : "no"}&topic=${q(p.topic)}`;
    case "cmd":
      return `a=cmd&cmd=${q(p.cmd)}`;
    case "ask":
      return `a=ask&id=${q(p.id)}`;
  }
}

function topicParam(q: URLSearchParams): TopicId | undefined {
  const t = q.get("topic");
  return TOPIC_IDS.find((id) => id === t);
}

/** The tap's meaning, or undefined for data this version did not write (old buttons, other bots, junk). */
export function decodePostback(data: string): Postback | undefined {
  if (data.length > 300) return undefined;
  // Rich menus made before their tiles used encodePostback sent "topic:<topic-id>". A registered rich
  // menu keeps its data until `npm run richmenu` replaces it, so this form stays understood.
  if (data.startsWith("topic:")) {
    const topic = TOPIC_IDS.find((id) => id === data.slice("topic:".length));
    return topic && { a: "symptom", topic };
  }
  const q = new URLSearchParams(data);
  const id = q.get("id") ?? "";
  switch (q.get("a")) {
    case "symptom": {
      const topic = topicParam(q);
      return topic && { a: "symptom", topic };
    }
    case "followup": {
      const topic = topicParam(q);
      return topic && ID.test(id) ? { a: "followup", topic, id } : undefined;
    }
    case "carrier":
      return ID.test(id) ? { a: "carrier", id } : undefined;
    case "feedback": {
      const topic = topicParam(q);
      const v = q.get("v");
      return topic && (v === "yes" || v === "no")
        ? { a: "feedback", helpful: v === "yes", topic }
        : undefined;
    }
    case "cmd": {
      const cmd = COMMANDS.find((c) => c === q.get("cmd"));
      return cmd && { a: "cmd", cmd };
    }
    case "ask":
      return ID.test(id) ? { a: "ask", id } : undefined;
    default:
      return undefined;
  }
}
