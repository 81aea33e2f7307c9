import type { Decision, Reason } from "../types.ts";
import type { Provider } from "./format.ts";

/**
 * Google as the receiving side (Gmail, Google Workspace MX hosts): the documented SMTP errors
 * (support.google.com/a/answer/3726730), each a status code with its wording.
 *   550-5.7.26 This mail has been blocked because the sender is unauthenticated.
 *   452-4.2.2 The recipient's inbox is out of storage space.
 */
const RULES: readonly [string, string, Reason][] = [
  ["4.7.24", "the spf record of the sending domain", "authfailure"],
  ["5.7.24", "the spf record of the sending domain", "authfailure"],
  ["4.7.26", "senders to authenticate with either spf or dkim", "authfailure"],
  ["5.7.26", "senders to authenticate with either spf or dkim", "authfailure"],
  ["5.7.26", "fails to pass spf checks for an spf record with a hard fail", "authfailure"],
  ["5.7.26", "has an spf record with a hard fail policy", "authfailure"],
  ["4.7.26", "is not accepted due to domain's dmarc policy", "authfailure"],
  ["5.7.26", "is not accepted due to domain's dmarc policy", "authfailure"],
  ["5.7.1", "fails to pass authentication checks", "authfailure"],
  ["5.7.26", "fails to pass authentication checks", "authfailure"],
  ["5.7.26", "sender is unauthenticated", "authfailure"],
  ["4.7.27", "senders to authenticate", "authfailure"],
  ["5.7.27", "senders to authenticate with spf", "authfailure"],
  ["4.7.30", "senders to authenticate their email with dkim", "authfailure"],
  ["5.7.30", "senders to authenticate with dkim", "authfailure"],
  ["4.7.32", "aligned with either the authenticated spf or dkim", "authfailure"],
  ["5.7.32", "aligned with either the authenticated spf or dkim", "authfailure"],
  ["4.7.40", "to add a dmarc record to ", "authfailure"],
  ["4.7.0", "very low reputation of the sending", "badreputation"],
  ["5.7.1", "due to the very low reputation of the sending", "badreputation"],
  ["4.7.0", "ip not in whitelist for rcpt domain", "blocked"],
  ["4.7.0", "try again later, closing connection.", "blocked"],
  ["5.5.4", "helo/ehlo argument is invalid", "blocked"],
  ["4.7.0", "an unusual rate of unsolicited mail", "blocked"],
  ["4.7.28", "an unusual rate of mail", "blocked"],
  ["5.7.1", "an unusual rate of unsolicited mail", "blocked"],
  ["5.7.28", "an unusual rate of unsolicited mail", "blocked"],
  ["5.2.3", "exceeded google's message size limits", "exceedlimit"],
  ["4.7.0", "connection expired", "expired"],
  ["4.4.2", "timeout - closing connection", "expired"],
  ["5.7.0", "must issue a starttls command first", "failedstarttls"],
  ["4.7.0", "tls required for rcpt domain", "failedstarttls"],
  ["4.7.29", "senders to use tls/ssl for smtp", "failedstarttls"],
  ["5.7.29", "senders to use tls/ssl for smtp", "failedstarttls"],
  ["4.2.2", "inbox is out of storage space", "mailboxfull"],
  ["5.2.2", "inbox is out of storage space", "mailboxfull"],
  ["4.2.2", "is over quota", "mailboxfull"],
  ["5.2.2", "is over quota", "mailboxfull"],
  ["5.7.1", "email quota exceeded", "mailboxfull"],
  ["5.3.4", "exceeded google's message size limits", "mesgtoobig"],
  ["5.3.4", "exceeds google's message size limit of", "mesgtoobig"],
  ["5.4.6", "message exceeded 50 hops", "networkerror"],
  ["5.7.0", "mail relay denied", "norelaying"],
  ["5.7.1", "invalid credentials for relay", "norelaying"],
  ["5.7.1", "is not authorized to send email directly to our servers", "norelaying"],
  ["5.7.1", "missing a valid address in the from: header", "notcompliantrfc"],
  ["5.7.1", "multiple addresses in from: header are not accepted", "notcompliantrfc"],
  ["5.7.1", "is not rfc 5322 compliant", "notcompliantrfc"],
  ["5.7.1", "missing a valid message-id: header", "notcompliantrfc"],
  ["5.7.1", "contains a unicode character in a disallowed header", "notcompliantrfc"],
  ["5.7.1", "encoded-word syntax is not permitted", "notcompliantrfc"],
  ["5.6.0", "mail message is malformed", "notcompliantrfc"],
  ["5.7.0", "illegal attachment on your message", "policyviolation"],
  ["5.7.0", "blocked because its content presents a potential security issue", "policyviolation"],
  ["5.7.1", "has a policy that prohibited the mail that you sent", "policyviolation"],
  ["5.7.0", "mail sending denied", "rejected"],
  ["5.7.1", "unauthenticated email is not accepted", "rejected"],
  ["4.7.0", "does not have a ptr record", "requireptr"],
  ["5.7.25", "does not have a ptr record", "requireptr"],
  ["5.7.25", "does not match the ip address of the hostname", "requireptr"],
  ["5.7.1", "does not meet ipv6 sending guidelines regarding ptr records", "requireptr"],
  ["4.7.0", "due to the nature of the content or the links within", "spamdetected"],
  ["5.7.1", "likely unsolicited mail", "spamdetected"],
  ["4.2.1", "is receiving mail too quickly", "speeding"],
  ["4.2.1", "rate that prevents additional messages from being delivered", "speeding"],
  ["5.2.1", "rate that prevents additional messages from being delivered", "speeding"],
  ["5.4.5", "daily sending quota exceeded", "speeding"],
  ["5.4.5", "daily user sending limit exceeded", "speeding"],
  ["5.2.1", "account that you tried to reach is disabled", "suspend"],
  ["5.2.1", "account that you tried to reach is inactive", "suspend"],
  ["4.5.3", "your message has too many recipients", "toomanyconn"],
  ["5.1.1", "the email account that you tried to reach does not exist", "userunknown"],
  ["5.1.1", "the email account that you tried to reach is disabled", "suspend"],
];

export const google: Provider = {
  name: "Google",
  hosts: ["googlemail.com", "aspmx.l.google.com", "gmail-smtp-in.l.google.com", "google.com"],
  reasonOf(_draft, f): Decision | undefined {
    const rule = RULES.find((r) => f.status === r[0] && f.text.includes(r[1]));
    if (rule) return { reason: rule[2], basis: "provider", evidence: `Google: ${rule[0]} ${rule[1]}` };
    // Google Workspace's own DNS notices (it wrote the bounce): temporary → network, permanent → no such domain.
    const permanent = f.status.startsWith("5") || f.replyCode.startsWith("5");
    if (/responded with code nxdomain|domain name not found|had no relevant answers/.test(f.text)) {
      return {
        reason: permanent ? "hostunknown" : "networkerror",
        basis: "provider",
        evidence: "Google: DNS lookup of the recipient domain failed",
      };
    }
    if (f.text.includes("null mx"))
      return { reason: "notaccept", basis: "provider", evidence: "Google: null MX" };
    return undefined;
  },
};
