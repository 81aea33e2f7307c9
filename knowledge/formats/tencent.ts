import type { Provider } from "./format.ts";
import { phraseTable } from "./phrase-table.ts";

/**
 * Tencent QQ Mail (qq.com, foxmail.com): its documented refusals (service.mail.qq.com/detail/122).
 *   550 Ip frequency limited / 550 Connection frequency limited
 *   550 Mailbox not found
 */
export const tencent: Provider = phraseTable(
  "Tencent",
  ["qq.com", "foxmail.com"],
  [
    ["authfailure", ["spf check failed", "dmarc check failed"]],
    ["blocked", ["suspected bounce attacks", "suspected spam ip", "connection denied"]],
    ["mesgtoobig", ["message too large"]],
    ["rejected", ["suspected spam", "mail is rejected by recipients"]],
    ["spamdetected", ["spam is embedded in the email", "mail content denied"]],
    ["speeding", ["mailbox unavailable or access denined", "frequency of receiving messages is limited"]],
    ["suspend", ["is a deactivated mailbox"]],
    ["syntaxerror", ["bad address syntax"]],
    [
      "toomanyconn",
      [
        "ip frequency limited",
        "domain frequency limited",
        "sender frequency limited",
        "connection frequency limited",
      ],
    ],
    ["userunknown", ["mailbox not found"]],
  ],
);
