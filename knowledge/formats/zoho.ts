import type { Provider } from "./format.ts";
import { phraseTable } from "./phrase-table.ts";

/**
 * Zoho Mail (zoho.com, zohomail.com): its refusals (zoho.com/mail/help, smtpfieldmanual.com).
 *   541 5.4.1 Mail rejected by destination domain (in reply to RCPT TO command)
 */
export const zoho: Provider = phraseTable(
  "Zoho",
  ["zoho.com", "zohomail.com", "zoho.eu", "zoho.in", "zoho.jp"],
  [
    ["authfailure", ["email rejected per dmarc policy"]],
    ["blocked", ["greylisted, try again after some time"]],
    [
      "rejected",
      ["email cannot be delivered. reason: email flagged as spam", "mail rejected by destination domain"],
    ],
    ["policyviolation", ["email policy violation detected", "mailbox delivery restricted by policy error"]],
    ["systemerror", ["temporary system error"]],
    ["userunknown", ["user does not exist"]],
    ["virusdetected", [" detected by zoho mail"]],
  ],
);
