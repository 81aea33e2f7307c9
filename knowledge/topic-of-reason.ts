import { reasonOfStatus } from "./status-table.ts";
import type { DsnAction, Reason, TopicId } from "./types.ts";

/**
 * Which advice topic a reason leads to when nothing else is known. The classifier may refine it with
 * the status code or action (a "delayed" action is always the `delayed` topic; 5.1.3 is `address-syntax`).
 */
const TOPIC_BY_REASON: Record<Reason, TopicId> = {
  userunknown: "user-unknown",
  filtered: "user-unknown", // carriers' domain-specified reception answers like an unknown user
  hasmoved: "user-unknown",
  hostunknown: "host-unknown",
  notaccept: "host-unknown", // the domain publishes that it takes no mail (null MX)
  mailboxfull: "mailbox-full",
  mesgtoobig: "message-too-big",
  exceedlimit: "message-too-big",
  expired: "expired",
  authfailure: "auth-failed",
  securityerror: "auth-failed",
  spamdetected: "spam-blocked",
  contenterror: "spam-blocked",
  policyviolation: "spam-blocked",
  rejected: "spam-blocked", // the recipient's server refused this sender
  notcompliantrfc: "spam-blocked",
  blocked: "sender-blocklisted",
  badreputation: "sender-blocklisted",
  requireptr: "sender-blocklisted",
  norelaying: "relay-denied",
  suspend: "account-suspended",
  syntaxerror: "server-trouble", // an SMTP command syntax error: a client or server fault, not the address
  systemerror: "server-trouble",
  systemfull: "server-trouble",
  networkerror: "server-trouble",
  toomanyconn: "server-trouble",
  speeding: "server-trouble",
  mailererror: "server-trouble",
  failedstarttls: "server-trouble",
  virusdetected: "virus-detected",
  onhold: "unknown",
  undefined: "unknown",
  delivered: "not-a-bounce",
  feedback: "not-a-bounce",
  vacation: "not-a-bounce",
};

/** Temporary codes (RFC 3463) whose reason in the status table names a lasting fault. */
const TEMPORARY_TROUBLE: ReadonlySet<string> = new Set(["4.2.1", "4.3.2"]);

export function topicOf(reason: Reason, action: DsnAction = "", status = ""): TopicId {
  // An expired message with a 4.x status is still being retried, unless the notice says the server gave
  // up ("Action: failed", e.g. "554 4.4.7 Message expired: unable to deliver in 840 minutes"): that mail
  // will never arrive, and "no need to resend" would be the wrong advice.
  if (action === "delayed" || (status.startsWith("4.") && reason === "expired" && action !== "failed"))
    return "delayed";
  if (status === "5.1.3" || status === "4.1.3") return "address-syntax";
  // A temporary failure that names no reason ("450 4.0.0 Temporary failure", "451 4.3.0", a private
  // 4.0.901 from a 4xx reply or the words "temporary failure"): the recipient's server could not take the
  // mail for the moment, so the advice is to wait and send again later, not "we could not read it".
  if ((reason === "onhold" || reason === "undefined") && status.startsWith("4.")) return "server-trouble";
  // So does a temporary code whose table reason would advise on a lasting fault: 4.2.1 "mailbox
  // disabled" for now (at big providers a rate limit: "receiving mail too quickly") is no block list of
  // the sender's, 4.3.2 "system not accepting network messages" (shutting down, overloaded) no domain
  // that does not exist. Only where that reason is the code's own (a phrase naming a cause keeps it).
  if (TEMPORARY_TROUBLE.has(status) && reasonOfStatus(status) === reason) return "server-trouble";
  return TOPIC_BY_REASON[reason];
}
