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
  "has an spf record with a hard fail policy",
  "is not allowed to send from <… per it's spf record",
  "must pass either spf or dkim validation",
  "please inspect your spf settings",
  "sender is unauthenticated",
  "sender policy framework (spf) fail",
  "sender policy framework violation",
  "senders to authenticate",
  "spf (sender policy framework) domain authentication fail",
  "spf check fail",
  "spf check: fail",
  "spf fail",
  "spf validation fail",
  "the 5322.from address doesn't meet the authentication requirements defined for the sender",
  "the spf record of the sending domain",
  "unauthenticated email",
  "送信ドメイン認証",
];

export const authfailure: ReasonCheck = simpleCheck("authfailure", PHRASES);
export const match = authfailure.match;
