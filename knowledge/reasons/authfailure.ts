import { type ReasonCheck, simpleCheck } from "./check.ts";

/**
 * The sender's domain failed SPF, DKIM or DMARC at the receiver.
 *   550-5.7.26 This mail has been blocked because the sender is unauthenticated.
 *   550 5.7.1 ... does not have authentication information or fails to pass authentication checks
 */
export const PHRASES: readonly string[] = [
  " is not allowed to send mail.…_401",
  "//spf.pobox.com",
  "aligned with either the authenticated spf or dkim",
  "arc validation failure", // RFC 8617 X.7.29
  "bad spf records for",
  "dkim fail",
  "dkim validation fail",
  "dkim verification fail",
  "dmarc fail",
  "dmarc policy",
  "does not have authentication information",
  "does not pass dmarc verification",
  "doesn't meet the required authentication level",
  "failed dkim",
  "failed spf",
  "fails to pass authentication checks",
  "fails to pass spf checks",
  "google.com/mail/?p=dmarcrejection", // Google's help links: DMARC, sender authentication
  "google.com/mail/answer/2451690",
  "google.com/mail/answer/81126#authentication",
  "has an spf record with a hard fail policy",
  "is not allowed to send from <… per it's spf record",
  "multiple authentication checks failed", // X.7.26
  "must pass either spf or dkim validation",
  "no acceptable dkim signature found", // X.7.21
  "no passing dkim signature found", // RFC 7372 X.7.20
  "no valid author-matched dkim signature found", // X.7.22
  "please inspect your spf settings",
  "sender is unauthenticated",
  "sender policy framework (spf) fail",
  "sender policy framework violation",
  "senders to authenticate",
  "spf (sender policy framework) domain authentication fail",
  "spf check fail",
  "spf check: fail",
  "spf fail",
  "spf validation error", // X.7.24
  "spf validation fail",
  "spf validation failed", // X.7.23
  "the 5322.from address doesn't meet the authentication requirements defined for the sender",
  "the spf record of the sending domain",
  "unauthenticated email",
  "送信ドメイン認証",
];

export const authfailure: ReasonCheck = simpleCheck("authfailure", PHRASES);
export const match = authfailure.match;
