import { BEFORE_DATA, phraseMatcher, type ReasonCheck } from "./check.ts";
import { match as userunknownMatch } from "./userunknown.ts";

/**
 * The recipient (or their provider, for them) refuses this message: a personal filter, a mobile
 * carrier's domain-specified reception, an allow-list. Carriers often word it exactly like an unknown
 * user but answer after DATA instead of at RCPT TO.
 *   Status: 5.2.1 / Diagnostic-Code: smtp; 550 5.2.1 <x@example.org>... User Unknown  (after DATA)
 *   550 5.7.1 Your message was rejected: recipient is only accepting mail from specific email addresses
 */
export const PHRASES: readonly string[] = [
  "account is protected by",
  "bounced address", // SendGrid: the address bounced before and is suppressed
  "has restricted sms e-mail", // AT&T
  "is not accepting any mail",
  "message filtered",
  "message rejected due to user rules",
  "not found recipient account",
  "preferences of the person you're trying to email", // Facebook's notice
  "recipient id refuse to receive mail", // Willcom
  "recipient is only accepting mail from specific email addresses", // AOL
  "refused due to recipient preferences", // Facebook
  "user not found", // Mail.ru's filter
  "user refuses to receive this mail",
  "user reject",
  "you have been blocked by the recipient",
  "受信拒否",
  "受信許可",
];

export const match = phraseMatcher(PHRASES);

export const filtered: ReasonCheck = {
  reason: "filtered",
  phrases: PHRASES,
  match,
  probe(f) {
    const said = () => match(f.text) !== undefined || userunknownMatch(f.text) !== undefined;
    if (f.statusReason === "filtered") return said();
    // A filter reads the message, so a refusal before DATA is something else.
    if (BEFORE_DATA.has(f.command)) return false;
    return said();
  },
};
