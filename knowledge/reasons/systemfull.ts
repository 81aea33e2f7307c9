import { phraseOnlyCheck, type ReasonCheck } from "./check.ts";

/**
 * The receiving server's own disk is full (not one mailbox).
 *   452 4.3.1 Insufficient system storage / 552 Requested mail action aborted: exceeded storage allocation
 */
export const PHRASES: readonly string[] = [
  "insufficient system storage",
  "mail system congestion", // RFC 3463 X.4.5
  "mail system full",
  "requested mail action aborted: exceeded storage allocation",
];

export const systemfull: ReasonCheck = phraseOnlyCheck("systemfull", PHRASES);
export const match = systemfull.match;
