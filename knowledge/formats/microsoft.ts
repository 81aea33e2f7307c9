import type { Decision, Reason } from "../types.ts";
import type { Provider } from "./format.ts";

/**
 * Microsoft (Exchange Online, Outlook.com/Hotmail): documented enhanced codes, each with its wording
 * (learn.microsoft.com "Email non-delivery reports in Exchange Online").
 *   550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup
 *   550 5.7.606 Access denied, banned sending IP [192.0.2.1]
 *   550 Requested action not taken: mailbox unavailable   (Outlook.com, status 5.5.0)
 */

/** [status, or a "5.7." prefix with a range of the last number, the words, the reason] */
type Rule = readonly [string, readonly [number, number] | null, string, Reason];

const RULES: readonly Rule[] = [
  ["4.7.26", null, "must pass either spf or dkim validation", "authfailure"],
  ["5.7.23", null, "sender policy framework violation", "authfailure"],
  ["5.7.509", null, "does not pass dmarc verification", "authfailure"],
  ["5.7.515", null, "doesn't meet the required authentication level", "securityerror"],
  ["4.7.650", null, "rate limited due to ip reputation", "badreputation"],
  ["4.4.2", null, "connection dropped", "blocked"],
  ["4.7.", [850, 899], "access denied, please try again later", "blocked"],
  ["5.7.25", null, "must have a reverse dns record", "blocked"],
  ["5.7.506", null, "access denied, bad helo", "blocked"],
  ["5.7.507", null, "access denied, rejected by recipient", "blocked"],
  ["5.7.510", null, "does not accept email over ipv6", "blocked"],
  ["5.7.511", null, "access denied, banned sender", "blocked"],
  ["5.7.513", null, "using customer block list", "blocked"],
  ["5.7.", [606, 649], "access denied, banned sending ip", "blocked"],
  ["4.7.", [500, 699], "access denied, please try again later", "blocked"],
  ["5.7.1", null, "part of their network is on our block list", "blocked"],
  ["5.3.0", null, "too many related errors", "contenterror"],
  ["5.6.11", null, "invalid characters", "contenterror"],
  ["5.2.3", null, "message too large for this recipient", "mesgtoobig"],
  ["5.3.4", null, "message size exceeds fixed maximum message size", "mesgtoobig"],
  ["5.3.4", null, "message too big for system", "mesgtoobig"],
  ["4.4.1", null, "connection timed out", "expired"],
  ["4.4.7", null, "message delayed", "expired"],
  ["4.4.7", null, "message expired", "expired"],
  ["5.4.300", null, "message expired", "expired"],
  ["5.4.316", null, "message expired", "expired"],
  ["4.4.317", null, "starttls is required to send mail", "failedstarttls"],
  ["5.4.317", null, "starttls is required to send mail", "failedstarttls"],
  ["5.2.2", null, "mailbox full", "mailboxfull"],
  ["5.4.4", null, "nonexistent domain", "networkerror"],
  ["5.4.6", null, "hop count exceeded - possible mail loop", "networkerror"],
  ["4.4.312", null, "dns query failed", "networkerror"],
  ["5.4.312", null, "dns query failed", "networkerror"],
  ["4.4.316", null, "connection refused", "networkerror"],
  ["5.4.316", null, "connection refused", "networkerror"],
  ["5.4.14", null, "routing loop detected", "networkerror"],
  ["5.7.1", null, "unable to relay", "norelaying"],
  ["5.4.1", null, "relay access denied", "norelaying"],
  ["5.7.64", null, "relay access denied", "norelaying"],
  ["4.3.2", null, "system not accepting network messages", "notaccept"],
  ["5.7.", [900, 999], "delivery not authorized, message refused", "policyviolation"],
  ["5.1.7", null, "invalid address", "rejected"],
  ["5.1.7", null, "unknown sender address", "rejected"],
  ["5.1.8", null, "access denied, bad outbound sender", "rejected"],
  ["5.7.1", null, "delivery not authorized", "rejected"],
  ["5.7.12", null, "sender was not authenticated by organization", "rejected"],
  ["5.7.124", null, "sender not in allowed-senders list", "rejected"],
  ["5.7.133", null, "sender not authenticated for group", "rejected"],
  ["5.7.134", null, "sender was not authenticated for mailbox", "rejected"],
  ["5.7.", [501, 503], "access denied, spam abuse detected", "rejected"],
  ["5.7.", [501, 503], "access denied, banned sender", "rejected"],
  ["5.7.1", null, "client was not authenticated", "securityerror"],
  ["5.7.57", null, "client was not authenticated to send anonymous mail", "securityerror"],
  ["5.2.1", null, "content filter agent quarantined this message", "spamdetected"],
  ["4.7.652", null, "has exceeded the maximum number of connections", "toomanyconn"],
  ["5.5.3", null, "too many recipients", "toomanyconn"],
  ["5.7.504", null, "recipient address rejected: access denied", "suspend"],
  ["5.7.505", null, "access denied, banned recipient", "suspend"],
  ["5.2.1", null, "mailbox cannot be accessed", "suspend"],
  ["4.3.1", null, "insufficient system resources", "systemfull"],
  ["4.7.500", null, "server busy. please try again later from", "systemerror"],
  ["5.1.1", null, "resolver.adr.exrecipnotfound", "userunknown"],
  ["5.1.1", null, "user unknown", "userunknown"],
  ["5.1.1", null, "bad destination mailbox address", "userunknown"],
  ["5.1.10", null, "recipient not found", "userunknown"],
  ["5.1.10", null, "wasn't found at", "userunknown"],
  ["5.4.1", null, "recipient address rejected: access denied", "userunknown"],
  ["5.5.0", null, "requested action not taken: mailbox unavailable", "userunknown"],
  ["5.1.351", null, "remote server returned unknown recipient or mailbox unavailable", "userunknown"],
];

/** Outlook.com postmaster codes in the text, valid with the reply code given. */
const OUTLOOK_CODES: readonly [string, string, Reason][] = [
  ["rp-001", "421", "badreputation"],
  ["rp-002", "421", "badreputation"],
  ["rp-003", "421", "badreputation"],
  ["sc-001", "550", "badreputation"],
  ["sc-002", "550", "policyviolation"],
  ["sc-003", "550", "blocked"],
  ["sc-004", "550", "blocked"],
  ["dy-001", "550", "blocked"],
  ["dy-002", "550", "securityerror"],
  ["ou-001", "550", "blocked"],
  ["ou-002", "550", "badreputation"],
];

function statusMatches(status: string, [code, range]: Rule): boolean {
  if (!range) return status === code;
  if (!status.startsWith(code)) return false;
  const last = Number(status.split(".")[2]);
  return last >= range[0] && last <= range[1];
}

export const microsoft: Provider = {
  name: "Microsoft",
  hosts: [
    "outlook.com",
    "hotmail.com",
    "hotmail.co.jp",
    "live.com",
    "live.jp",
    "msn.com",
    "protection.outlook.com",
    "onmicrosoft.com",
    "exchangelabs.com",
  ],
  reasonOf(_draft, f): Decision | undefined {
    for (const rule of RULES) {
      if (statusMatches(f.status, rule) && f.text.includes(rule[2])) {
        return { reason: rule[3], basis: "provider", evidence: `Microsoft: ${f.status} ${rule[2]}` };
      }
    }
    const code = OUTLOOK_CODES.find((c) => f.text.includes(c[0]) && f.replyCode === c[1]);
    return code
      ? { reason: code[2], basis: "provider", evidence: `Outlook.com: ${code[0].toUpperCase()}` }
      : undefined;
  },
};
