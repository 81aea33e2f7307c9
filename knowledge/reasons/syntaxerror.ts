import type { ReasonCheck } from "./check.ts";

/**
 * The SMTP conversation itself went wrong: a command the server could not parse (reply codes 401-407
 * and 501-507). No phrases: the reply code decides.
 *   503 5.5.1 Error: need RCPT command
 */
export const PHRASES: readonly string[] = [];

export const syntaxerror: ReasonCheck = {
  reason: "syntaxerror",
  phrases: PHRASES,
  match: () => undefined,
  probe(f) {
    const code = Number(f.replyCode);
    return (code > 400 && code < 408) || (code > 500 && code < 508);
  },
};
