import type { ReasonCheck } from "./check.ts";
import { phraseMatcher } from "./check.ts";

/**
 * The message is larger than the receiving server accepts (the ISP itself takes up to 20 MB).
 *   Status: 5.3.4 / Diagnostic-Code: smtp; 552 5.3.4 Error: message file too big
 *   ISP page: "Message size exceeds (fixed) maximum message size"
 *   552 Message size exceeds maximum permitted (Exim)
 */
export const PHRASES: readonly string[] = [
  "exceeded maximum inbound message size",
  "exceeded the maximum incoming message size",
  "exceeds google's message size limit",
  "file too large",
  "google.com/mail/?p=msgsizelimit", // Google's help link names the error's page
  "line limit exceeded",
  "max message size exceeded",
  "message exceeds maximum fixed size",
  "message file too big",
  "message is too big",
  "message is too large",
  "message length exceeds administrative limit",
  "message size exceeds fixed limit",
  // Postfix's 552 5.3.4 as the ISP's page prints it; whole as well as in parts, so that a screenshot
  // whose bottom edge cuts it ("Message size exceeds fixed maximum") is completed (bounce/cut-phrase.ts).
  "message size exceeds fixed maximum message size",
  "message size exceeds maximum permitted", // Exim's message_size_limit refusal
  "message size exceeds maximum value",
  "message size exceeds…maximum message size",
  "message size limit",
  "message too big",
  "message too big for system", // RFC 3463 X.3.4
  "message too large",
  "message too large for this ",
  "size limit",
  "taille limite du message atteinte",
  "サイズが大き",
  "サイズの上限",
  "サイズ制限",
  "メールのサイズ",
  "メールサイズ",
];

export const match = phraseMatcher(PHRASES);

export const mesgtoobig: ReasonCheck = {
  reason: "mesgtoobig",
  phrases: PHRASES,
  match,
  probe(f) {
    if (f.statusReason === "mesgtoobig") return true;
    // 5.2.3 is the per-mailbox limit: that is "exceedlimit".
    if (f.statusReason === "exceedlimit" || f.status === "5.2.3") return false;
    return match(f.text) !== undefined;
  },
};
