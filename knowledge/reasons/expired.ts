import { phraseOnlyCheck, type ReasonCheck } from "./check.ts";

/**
 * The sending server gave up after retrying for its whole queue lifetime.
 *   Status: 4.4.7 / Diagnostic-Code: X-Postfix; delivery temporarily suspended: connect to ...: Connection timed out
 *   ISP page: "Cannot send message for 5 days", "Could not send message for past 4 hours",
 *             "Your message was not delivered within 5 days"
 */
export const PHRASES: readonly string[] = [
  "cannot send message for",
  "cannot send message within",
  "connection timed out",
  "could not be delivered for… days",
  "could not be delivered for… hours", // Sendmail: "Message could not be delivered for 8 hours"
  "could not deliver for the last",
  "could not find a gateway for",
  "could not send message for past",
  "delivery attempts will continue to be",
  "delivery expired",
  "delivery time expired",
  "dns error: could not contact dns servers",
  "envelope expired",
  "failed to deliver to domain ",
  "giving up on",
  "has been delayed",
  "have been failing for a long time",
  "it has not been collected after",
  "message expired",
  "message timed out",
  "queue expired",
  "retry time not reached for any host after a long failure period",
  "retry timeout exceeded",
  "server did not respond",
  "the recipient server did not accept our requests to connect",
  "this message has been in the queue too long",
  "unable to deliver message after multiple retries",
  "was not reachable within the allowed queue period",
  "your message could not be delivered for more than",
  "your message was not delivered within",
  "再送を中止",
  "期限切れ",
  "配送を中止",
];

export const expired: ReasonCheck = phraseOnlyCheck("expired", PHRASES);
export const match = expired.match;
