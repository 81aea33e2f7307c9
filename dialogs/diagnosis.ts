import { maskPii } from "../knowledge/pii.ts";
import type { BounceRecord } from "../knowledge/types.ts";
import type { Diagnosis } from "./events.ts";
import type { Carrier } from "./knowledge-contract.ts";
import { failedRecipient, failedRecipients } from "./recipients.ts";
import { cut } from "./text.ts";

/** What the session keeps of a classified bounce (masked), never its text. */

/** The server's explanation kept in the session (masked) is cut to this. */
const MAX_DETAIL_CHARS = 200;

/** The record the advice is about: the first hard failure, else the first that says anything. */
export function primaryRecord(records: readonly BounceRecord[]): BounceRecord | undefined {
  const known = records.filter((r) => r.topic !== "unknown");
  return known.find((r) => r.action === "failed") ?? known[0];
}

/**
 * What the session keeps of a paste: the primary record's verdict and every failed recipient (topic,
 * codes, masked address), never the text.
 */
export function diagnosisOf(
  record: BounceRecord,
  carrierOf: (domain: string) => Carrier | undefined,
  records: readonly BounceRecord[] = [record],
): Diagnosis {
  const { topic, recipient, status, replyCode } = failedRecipient(record);
  const { recipients, more } = failedRecipients(records, record);
  return {
    topic,
    source: "paste",
    status,
    replyCode,
    action: record.action,
    recipient,
    carrier: (record.recipientDomain && carrierOf(record.recipientDomain)?.id) || "",
    detail: serverText(record.diagnosis),
    recipients,
    moreRecipients: more,
  };
}

/**
 * The server's explanation, masked and cut, or "" when it is not purely what a server writes: SMTP
 * replies are ASCII, so anything else came from around the paste (the user's own words, maybe a name
 * that no masker recognises) and must not be kept or echoed in the escalation summary.
 */
function serverText(diagnosis: string): string {
  const text = diagnosis.replace(/\s+/g, " ").trim();
  return /^[\x20-\x7E]*$/.test(text) ? cut(maskPii(text), MAX_DETAIL_CHARS) : "";
}
