import { maskAddress } from "../knowledge/pii.ts";
import type { BounceRecord, TopicId } from "../knowledge/types.ts";
import type { Diagnosis, FailedRecipient } from "./events.ts";

/**
 * Every failed recipient of a paste (issue #11: "answer every failed recipient"). The session keeps, per
 * recipient, only what the answer and the escalation summary need: its topic, the codes a server wrote,
 * and the address as users are shown it (masked). At most MAX_RECIPIENTS, the rest counted.
 */
export const MAX_RECIPIENTS = 20;

/**
 * An RFC 3463 status a server wrote ("5.1.1", Microsoft's "5.7.606"), not one of the classifier's private
 * "x.0.9xx" codes (Sisimai's numbering for "no status given, reason inferred"): those mean nothing to the
 * user or to anyone reading the escalation summary.
 */
export function isServerStatus(status: string): boolean {
  return /^[245]\.[0-7]\.\d{1,3}$/.test(status) && !/^[45]\.0\.9\d\d$/.test(status);
}

export function serverReplyCode(code: string): string {
  return /^[245]\d\d$/.test(code) ? code : "";
}

export function failedRecipient(record: BounceRecord): FailedRecipient {
  return {
    topic: record.topic,
    // Masked by the classifier already; masking again changes nothing there, and guarantees the form.
    recipient: maskAddress(record.recipient),
    status: isServerStatus(record.status) ? record.status : "",
    replyCode: serverReplyCode(record.replyCode),
  };
}

/**
 * The recipients the answer is about: the primary record's first, then every other one that failed or
 * is still being retried, in the bounce's order; the same address with the same topic once.
 */
export function failedRecipients(
  records: readonly BounceRecord[],
  primary: BounceRecord,
): { recipients: FailedRecipient[]; more: number } {
  const failing = (r: BounceRecord) => r.action === "failed" || r.action === "delayed";
  const others = failing(primary) ? records.filter((r) => r !== primary && failing(r)) : [];
  const seen = new Set<string>();
  const list: FailedRecipient[] = [];
  for (const r of [primary, ...others]) {
    const entry = failedRecipient(r);
    const key = `${entry.topic} ${entry.recipient}`;
    if (seen.has(key)) continue;
    seen.add(key);
    list.push(entry);
  }
  return { recipients: list.slice(0, MAX_RECIPIENTS), more: Math.max(0, list.length - MAX_RECIPIENTS) };
}

/** The diagnosis's recipients; a session stored before the list existed has its one recipient only. */
export function recipientsOf(d: Diagnosis): FailedRecipient[] {
  if (d.recipients.length > 0) return d.recipients;
  if (d.source !== "paste") return [];
  return [{ topic: d.topic, recipient: d.recipient, status: d.status, replyCode: d.replyCode }];
}

export interface TopicGroup {
  topic: TopicId;
  recipients: FailedRecipient[];
}

/**
 * Recipients grouped by topic, the diagnosis's own topic first (its advice is the one the follow-ups and
 * "was this helpful?" are about), then in the order the bounce named them. A paste whose topic the user's
 * own words overruled (backscatter) is one group.
 */
export function topicGroups(d: Diagnosis): TopicGroup[] {
  const all = recipientsOf(d);
  if (!all.some((r) => r.topic === d.topic)) return [{ topic: d.topic, recipients: all }];
  const groups = new Map<TopicId, FailedRecipient[]>([[d.topic, []]]);
  for (const r of all) {
    const group = groups.get(r.topic);
    if (group) group.push(r);
    else groups.set(r.topic, [r]);
  }
  return [...groups].map(([topic, recipients]) => ({ topic, recipients }));
}
