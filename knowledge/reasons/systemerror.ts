import { phraseOnlyCheck, type ReasonCheck } from "./check.ts";

/**
 * Something broke at the receiving (or an intermediate) server: configuration, loops, local errors.
 *   Status: 4.3.0 / 451 4.3.0 Temporary local problem - please try later
 */
export const PHRASES: readonly string[] = [
  "aliasing/forwarding loop broken",
  "can't create user output file",
  "could not load drd for domain",
  "directory server failure", // RFC 3463 X.4.3
  "internal error reading data",
  "internal server error: operation now in progress",
  "interrupted system call",
  "it encountered an error while being processed",
  "it would create a mail loop",
  "local configuration error",
  "local error in processing",
  "loop was found in the mail exchanger",
  "loops back to myself",
  "mail system configuration error",
  "queue file write error",
  "recipient deferred because there is no mdb",
  "remote server is misconfigured",
  "server configuration error",
  "service currently unavailable",
  "system config error",
  "temporary failure in ldap lookup", // qmail-ldap
  "temporary local problem",
  "timeout waiting for input",
  "timeout while performing search on ldap server", // qmail-ldap
  "transaction failed ",
  "unable to connect …daemon",
  "unable to contact ldap server", // qmail-ldap
];

export const systemerror: ReasonCheck = phraseOnlyCheck("systemerror", PHRASES);
export const match = systemerror.match;
