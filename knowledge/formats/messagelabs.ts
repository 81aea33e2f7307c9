import type { Provider } from "./format.ts";
import { phraseTable } from "./phrase-table.ts";

/**
 * Symantec / Broadcom Email Security.cloud (MessageLabs): its documented refusals
 * (knowledge.broadcom.com "Email error and bounce codes").
 *   Reason: 550 kijitora@example.org... No such user
 *   550 Please turn on SMTP Authentication in your mail client.
 */
export const messagelabs: Provider = phraseTable(
  "MessageLabs",
  ["messagelabs.com"],
  [
    ["authfailure", ["domain authentication fail"]],
    ["badreputation", ["connection rejected by policy"]],
    ["blocked", ["mail rejected because your ip is in the pbl", "your ip address has been "]],
    ["contenterror", ["stray linefeeds in message"]],
    ["failedstarttls", ["tls/sslv3 connection required"]],
    ["norelaying", [" as a relay, "]],
    [
      "notcompliantrfc",
      ["550 requested action aborted [4]", "has detected that this message is not rfc 5322"],
    ],
    [
      "rejected",
      [
        "sender envelope domain not allowed for sender ip address",
        "your domain has been blocked",
        "your email address has been blocked",
        "your envelope sender is in my badmailfrom list",
        "your email address has been blacklisted",
        "your domain has been blacklisted",
      ],
    ],
    ["securityerror", ["please turn on smtp authentication in your mail client"]],
    ["spamdetected", ["message filtered", "filtered by outbound scanning"]],
    ["toomanyconn", ["too many recipients received this hour", "too many messages"]],
    ["userunknown", ["no such user", "invalid recipient", "mailbox is not allowed"]],
  ],
);
