import type { Provider } from "./format.ts";
import { phraseTable } from "./phrase-table.ts";

/**
 * Apple iCloud Mail (icloud.com, me.com, mac.com): documented refusals (support.apple.com/102322).
 *   550 5.1.1 <****@icloud.com>: inactive email address (in reply to RCPT TO command)
 */
export const apple: Provider = phraseTable(
  "Apple",
  ["icloud.com", "me.com", "mail.icloud.com", "apple.com"],
  [
    [
      "authfailure",
      [
        "s dmarc policy",
        "blocked for failing both spf and dkim autentication checks",
        "blocked for failing both spf and dkim authentication checks",
      ],
    ],
    [
      "blocked",
      [
        "rejected due to having a domain present in the spamhaus",
        "rejected due to listing in spamhaus",
        "blocked - see https://support.proofpoint.com/dnsbl-lookup",
        "not accepting connections",
      ],
    ],
    ["hasmoved", ["recipient no longer on server"]],
    ["mailboxfull", ["user is over quota"]],
    ["norelaying", ["relay access denied"]],
    ["notaccept", ["host/domain does not accept mail"]],
    ["policyviolation", ["due to local policy"]],
    ["rejected", ["sender address rejected"]],
    ["speeding", ["due to excessive volume"]],
    ["userunknown", ["inactive email address", "user does not exist", "unknown or illegal alias"]],
  ],
);
