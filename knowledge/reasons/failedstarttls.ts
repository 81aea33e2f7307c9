import { phraseMatcher, type ReasonCheck } from "./check.ts";

/**
 * Encryption (STARTTLS) was required but failed.
 *   530 5.7.0 Must issue a STARTTLS command first
 */
export const PHRASES: readonly string[] = [
  "failed mta-sts validation",
  "must issue a starttls command first",
  "starttls is required to send mail",
  "tls required but not supported",
  "tls required for rcpt domain",
];

export const match = phraseMatcher(PHRASES);

export const failedstarttls: ReasonCheck = {
  reason: "failedstarttls",
  phrases: PHRASES,
  match,
  // 523, 524, 538: encryption-related replies (RFC 5248 registry)
  probe: (f) =>
    f.command === "STARTTLS" || ["523", "524", "538"].includes(f.replyCode) || match(f.text) !== undefined,
};
