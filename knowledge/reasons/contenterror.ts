import { phraseMatcher, type ReasonCheck } from "./check.ts";
import { spamdetected } from "./spamdetected.ts";

/**
 * The receiver cannot handle the message's format (headers, encoding, MIME structure).
 *   Status: 5.6.0 / 554 5.6.0 Message contains invalid header
 */
export const PHRASES: readonly string[] = [
  "duplicate header",
  "header size exceeds maximum permitted",
  "improper use of 8-bit data in message header",
  "message header size, or recipient list, exceeds policy limit",
  "message mime complexity exceeds the policy maximum",
  "routing loop detected -- too many received: headers",
  "this message contain improperly-formatted binary content",
  "this message contain invalid mime headers",
  "this message contain text that uses unnecessary base64 encoding",
];

export const match = phraseMatcher(PHRASES);

export const contenterror: ReasonCheck = {
  reason: "contenterror",
  phrases: PHRASES,
  match,
  probe(f) {
    if (spamdetected.probe(f)) return false;
    return f.statusReason === "contenterror" || match(f.text) !== undefined;
  },
};
