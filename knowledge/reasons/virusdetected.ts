import { BEFORE_DATA, phraseMatcher, type ReasonCheck } from "./check.ts";

/**
 * A virus scanner at the receiver flagged the message or an attachment.
 *   554 5.7.1 The message was rejected because it contains prohibited virus or spam content
 *   554 Error :found virus (WebARENA)
 */
export const PHRASES: readonly string[] = [
  "a virus",
  "contains malware",
  "found virus",
  "infected with",
  "it has a potentially executable attachment",
  "malware detected",
  "the message was rejected because it contains prohibited virus or spam content",
  "this form of attachment has been used by recent viruses or other malware",
  "virus detected",
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
