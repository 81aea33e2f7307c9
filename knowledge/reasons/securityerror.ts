import { phraseOnlyCheck, type ReasonCheck } from "./check.ts";

/**
 * A security check failed that is not SPF/DKIM/DMARC: SMTP authentication, a dead domain, a policy
 * on executables.
 *   530 5.7.0 Authentication required / 535 5.7.8 Authentication credentials invalid
 */
export const PHRASES: readonly string[] = [
  "account not subscribed to ses",
  "authentication credentials invalid",
  "authentication failed; server …said: ",
  "authentication failure",
  "authentication required",
  "authentication turned on in your email client",
  "authentification invalide…305",
  "authentification requise…402",
  "could not retrieve credentials",
  "domain …is a dead domain",
  "executable files are not allowed in compressed files",
  "insecure mail relay",
  "recipient address rejected: access denied",
  "sorry, you don't authenticate or the domain isn't in my list of allowed rcpthosts",
  "unauthenticated senders not allowed",
  "user …is not authorized to perform ses:sendrawemail on resource",
  "verification failure",
  "you are not authorized to send mail, authentication is required",
];

export const securityerror: ReasonCheck = phraseOnlyCheck("securityerror", PHRASES);
export const match = securityerror.match;
