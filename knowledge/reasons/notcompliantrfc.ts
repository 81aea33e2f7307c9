import { phraseOnlyCheck, type ReasonCheck } from "./check.ts";

/**
 * The message breaks the mail format standard (RFC 5322): duplicate or missing headers.
 *   550-5.7.1 [192.0.2.1] This message is not RFC 5322 compliant. There are multiple Subject headers.
 *   554 Message not allowed - Headers are not RFC compliant[291] (Yahoo)
 */
export const PHRASES: readonly string[] = [
  " multiple … header",
  "duplicate header",
  "headers are not rfc compliant",
  "https://support.google.com/mail/?p=rfcmessagenoncompliant",
  "this message is not rfc 5322 compliant",
];

export const notcompliantrfc: ReasonCheck = phraseOnlyCheck("notcompliantrfc", PHRASES);
export const match = notcompliantrfc.match;
