import { type ReasonCheck, simpleCheck } from "./check.ts";

/**
 * The message exceeds a per-mailbox or header limit of the recipient (RFC 3463 X.2.3).
 *   Status: 5.2.3 / Diagnostic-Code: smtp; 552 5.2.3 Message size exceeds fixed maximum message size
 */
export const PHRASES: readonly string[] = [
  "message header size exceeds limit",
  "message too large",
  "the message exeeded the maximum size the user accepts", // qmail-ldap (its spelling)
];

export const exceedlimit: ReasonCheck = simpleCheck("exceedlimit", PHRASES);
export const match = exceedlimit.match;
