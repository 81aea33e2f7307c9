import { phraseMatcher, type ReasonCheck } from "./check.ts";

/**
 * The receiver refused the sender (the envelope From address or its domain), not the recipient.
 *   550 5.7.1 <root@example.jp>... Access denied  (qmail: "sender was rejected")
 *   553 5.1.8 <x@example.jp>... Domain of sender address x@example.jp does not exist
 */
export const PHRASES: readonly string[] = [
  "access denied (in reply to mail from command)",
  "access denied (sender blacklisted)",
  "address rejected",
  "administrative prohibition",
  "backscatter protection detected an invalid or expired email address",
  "batv failed to verify",
  "batv validation failure",
  "because the sender isn't on the recipient's list of senders to accept mail from",
  "bogus mail from",
  "can't determine purported responsible address",
  "connections not accepted from servers without a valid sender domain",
  "delivery not authorized, message refused",
  "denied [bouncedeny]",
  "denied by secumail valid-address-filter",
  "does not exist e2110",
  "domain of sender address ",
  "email address is on senderfilterconfig list",
  "email provider rejected it", // Outlook: "Your message couldn't be delivered because the recipient's email provider rejected it."
  "emetteur invalide",
  "empty envelope senders not allowed",
  "envelope blocked - ",
  "error: no third-party dsns",
  "from: domain is invalid. please provide a valid from:",
  "fully qualified email address required",
  "invalid domain, see <url:",
  "invalid sender",
  "is not a registered gateway user",
  "mail from not owned by user",
  "message rejected: email address is not verified",
  "mx records for ",
  "not owned by user",
  "null sender is not allowed",
  "recipient addresses rejected : access denied",
  "recipient not accepted. (batv: no tag",
  "returned mail not accepted here",
  "rfc 1035 violation: recursive cname records for",
  "rule imposed mailbox access for",
  "sender address has been blacklisted",
  "sender domain is empty",
  "sender email address rejected",
  "sender is in my black list",
  "sender is spammer",
  "sender not pre-approved",
  "sender rejected",
  "sender verify failed",
  "sender was rejected",
  "sending this from a different address or alias using the ",
  "spam reporting address",
  "syntax error: empty email address",
  "the message has been rejected by batv defense",
  "this server does not accept mail from",
  "transaction failed unsigned dsn for",
  "unroutable sender address",
  "you are not a member of this mailing list",
  "you are not allowed to post to this mailing list",
  "you are sending to/from an address that has been blacklisted",
  "your access to submit messages to this e-mail system has been rejected",
  "your email address has been blacklisted",
  "メールがブロックされました", // Gmail app (Japanese), below its heading: 「… でメールがブロックされました」
  "メールのブロック", // Gmail app (Japanese): the receiver blocked this sender's message
  "メールプロバイダーによって拒否", // the Japanese of Outlook's "… the recipient's email provider rejected it"
];

/** Phrases about the recipient's or the client's address, which look similar but are not about the sender. */
const NOT_THIS = ["5.1.0 address rejected", "recipient address rejected", "sender ip address rejected"];

const phrase = phraseMatcher(PHRASES);

export function match(text: string): string | undefined {
  if (NOT_THIS.some((p) => text.includes(p))) return undefined;
  return phrase(text);
}

export const rejected: ReasonCheck = {
  reason: "rejected",
  phrases: PHRASES,
  match,
  probe(f) {
    if (f.statusReason === "rejected") return true;
    if (f.command === "MAIL") return match(f.text) !== undefined;
    if (f.command === "DATA") return f.statusReason !== "userunknown" && match(f.text) !== undefined;
    const vague = ["", "undefined", "onhold", "securityerror", "systemerror"].includes(f.statusReason);
    return vague && match(f.text) !== undefined;
  },
};
