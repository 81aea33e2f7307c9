import { phraseMatcher, type ReasonCheck } from "./check.ts";

/**
 * The destination takes no mail at all (a null MX, RFC 7505, or a server that says so).
 *   556 5.1.10 Recipient address has null MX
 *   Diagnostic-Code: SMTP; 550 5.1.1 Host does not accept mail
 */
export const PHRASES: readonly string[] = [
  "an mx or srv record indicated no smtp service", // Exim
  "couldn't find a mail exchanger or ip address",
  "destination seem to reject all mails",
  "does not accept mail (nullmx)",
  "host does not accept mail",
  "host/domain does not accept mail",
  "mail receiving disabled",
  "name server: .: host not found",
  "no mx found for destination",
  "no mx found for domain",
  "no mx record found for domain=",
  "no route for current request",
  "null mx",
  // Google names the rule where a cut lost "Null MX": "The domain x doesn't receive email according to
  // the administrator: returned Null MX https://www.rfc-editor.org/info/rfc7505".
  "receive email according to the administrator",
  "rfc-editor.org/info/rfc7505", // the RFC of the null MX: a notice links it only for a domain that has one
  "smtp protocol returned a permanent error",
  "system not accepting network messages", // RFC 3463 X.3.2
];

export const match = phraseMatcher(PHRASES);

export const notaccept: ReasonCheck = {
  reason: "notaccept",
  phrases: PHRASES,
  match,
  // 521 and 556: "does not accept mail" (RFC 7504, RFC 7505)
  probe: (f) => f.replyCode === "521" || f.replyCode === "556" || match(f.text) !== undefined,
};
