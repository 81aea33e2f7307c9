import { phraseMatcher, type ReasonCheck } from "./check.ts";

/**
 * Encryption (STARTTLS) was required but failed.
 *   530 5.7.0 Must issue a STARTTLS command first
 */
export const PHRASES: readonly string[] = [
  "cannot start tls",
  "does not support starttls",
  "does not support tls",
  "failed mta-sts validation",
  "must issue a starttls command first",
  "requiretls support required", // RFC 8689 X.7.30
  "starttls fail",
  "starttls is required to send mail",
  "tls handshake fail",
  "tls is required",
  "tls negotiation fail",
  "tls required but not supported",
  "tls required for rcpt domain",
  "tls session fail",
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
