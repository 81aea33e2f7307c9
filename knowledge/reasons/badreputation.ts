import { phraseOnlyCheck, type ReasonCheck } from "./check.ts";

/**
 * The receiver distrusts the sending IP address or domain because of its reputation.
 *   421-4.7.0 This message is suspicious due to the very low reputation of the sending IP address
 *   451 4.7.650 The mail server [192.0.2.5] has been temporarily rate limited due to IP reputation.
 */
export const PHRASES: readonly string[] = [
  "a poor email reputation score",
  "has been temporarily rate limited due to ip reputation",
  "ip/domain reputation problems",
  "likely suspicious due to the very low reputation",
  "none/bad reputation",
  "temporarily deferred due to unexpected volume or user complaints",
  "the sending mta's poor reputation",
  "very low reputation of the sending",
];

export const badreputation: ReasonCheck = phraseOnlyCheck("badreputation", PHRASES);
export const match = badreputation.match;
