import { BEFORE_DATA, phraseMatcher, type ReasonCheck } from "./check.ts";

/**
 * A virus scanner at the receiver flagged the message or an attachment.
 *   554 5.7.1 The message was rejected because it contains prohibited virus or spam content
 *   554 Error :found virus (WebARENA)
 *   554 5.7.0 Reject, id=12345-07 - INFECTED: Eicar-Test-Signature (amavisd-new's verdict: its
 *     "id=%n - INFECTED: %V"; older releases wrote "VIRUS: %V")
 *   550 Virus found: Win.Test.EICAR_HDB-1 (ClamAV filters' usual reply)
 * Checked before the spam filters' wordings: amavisd-new answers every verdict with the same
 * "554 5.7.0 Reject, id=…", which spamdetected.ts counts as spam; the word after it is the verdict.
 */
export const PHRASES: readonly string[] = [
  " - infected",
  " - virus:",
  "a virus",
  "contains malware",
  "found virus",
  "infected with",
  "it has a potentially executable attachment",
  "malware detected",
  "the message was rejected because it contains prohibited virus or spam content",
  "this form of attachment has been used by recent viruses or other malware",
  "virus detected",
  "virus found:",
  "virus phishing/malicious_url detected",
  "your message was infected with a virus",
  "ウイルス",
];

export const match = phraseMatcher(PHRASES);

export const virusdetected: ReasonCheck = {
  reason: "virusdetected",
  phrases: PHRASES,
  match,
  probe: (f) => !BEFORE_DATA.has(f.command) && match(f.text) !== undefined,
};
