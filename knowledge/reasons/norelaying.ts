import { phraseMatcher, type ReasonCheck } from "./check.ts";

/**
 * A server refused to relay: the sender was not authenticated, or used a server that does not carry
 * mail for this domain.
 *   554 5.7.1 <x@example.org>: Relay access denied
 *   550 5.7.1 Unable to relay for x@example.org
 */
export const PHRASES: readonly string[] = [
  "as a relay",
  "client host rejected: access denied",
  "due to the following smtp relay error",
  "email address is not verified.",
  "insecure mail relay",
  "is not permitted to relay through this server without authentication",
  "mail relay denied",
  "mail server requires authentication when attempting to send to a non-local e-mail address",
  "no relaying",
  "not a gateway",
  "not allowed to relay through this machine",
  "not an open relay, so get lost",
  "not local host",
  "relay access denied",
  "relay denied",
  "relay not allowed",
  "relay not permitted",
  "relaying denied",
  "relaying is not allowed",
  "relaying mail to ",
  "relaying not allowed",
  "relaying not permitted",
  "specified domain is not allowed",
  "that domain isn't in my list of allowed rcpthost",
  "this system is not configured to relay mail",
  "unable to relay ",
  "we don't handle mail for",
  "リレーを拒否",
  "中継を拒否",
];

export const match = phraseMatcher(PHRASES);

export const norelaying: ReasonCheck = {
  reason: "norelaying",
  phrases: PHRASES,
  match,
  probe(f) {
    // A refusal at connection time or at HELO is about the client, not about relaying.
    if (f.command === "CONN" || f.command === "EHLO" || f.command === "HELO") return false;
    return match(f.text) !== undefined;
  },
};
