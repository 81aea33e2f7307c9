import { phraseOnlyCheck, type ReasonCheck } from "./check.ts";

/**
 * A local delivery program (procmail, a pipe, maildrop) failed at the receiving host.
 *   Diagnostic-Code: X-UNIX; procmail: Couldn't create "/var/spool/mail/neko"
 */
export const PHRASES: readonly string[] = [
  " || exit ",
  "bin/maidrop",
  "bin/procmail",
  "command died with status ",
  "command failed: ",
  "command output:",
  "mailer error",
  "pipe to |/",
  "procmail: ",
  "x-unix; ",
];

export const mailererror: ReasonCheck = phraseOnlyCheck("mailererror", PHRASES);
export const match = mailererror.match;
