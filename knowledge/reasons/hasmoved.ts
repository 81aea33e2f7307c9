import { type ReasonCheck, simpleCheck } from "./check.ts";

/**
 * The mailbox moved and mail is not forwarded (RFC 3463 X.1.6).
 *   550 5.1.6 recipient no longer on server: x@example.org has been replaced by y@example.net
 */
export const PHRASES: readonly string[] = [
  " has been replaced by ",
  "destination mailbox has moved", // RFC 3463 X.1.6
  "no longer on server",
];

export const hasmoved: ReasonCheck = simpleCheck("hasmoved", PHRASES);
export const match = hasmoved.match;
