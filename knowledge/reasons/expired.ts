import { phraseMatcher, type ReasonCheck } from "./check.ts";

/**
 * The sending server gave up after retrying for its whole queue lifetime.
 *   Status: 4.4.7 / Diagnostic-Code: X-Postfix; delivery temporarily suspended: connect to ...: Connection timed out
 *   ISP page: "Cannot send message for 5 days", "Could not send message for past 4 hours",
 *             "Your message was not delivered within 5 days"
 */
const GAVE_UP: readonly string[] = [
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
  // Google's notice lists each of the recipient's servers it tried under that sentence, "[mx.example.jp
  // 192.0.2.1: timed out]": the list reads the same where a cut lost the sentence.
  "timed out]",
  "unable to deliver message after multiple retries",
  "was not reachable within the allowed queue period",
  "your message could not be delivered for more than",
  "your message was not delivered within",
  "一定期間内に配信",
  "一定期間内に配送",
  "一定時間内に配信",
  "一定時間内に配送",
  "再送を中止",
  "有効期限が切れ",
  "期限切れ",
  "配送を中止",
];

/**
 * Greylisting: the receiver turns away a sender it has not seen before with a temporary reply and takes
 * the mail when the sending server tries again, as it does by itself. Not a refusal of the sender (the
 * 4.7.1 of "450 4.7.1 ... Greylisted" would read as blocked) nor spam: the mail is still on its way.
 *   450 4.2.0 <x@example.jp>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.jp.html (Postgrey)
 *   451 4.7.1 Greylisting in action, please come back later (milter-greylist)
 *   451 Greylisted, please try again later
 */
const GREYLISTING: readonly string[] = [
  "gray listed",
  "gray-listed",
  "graylisted",
  "graylisting",
  "grey listed",
  "grey-listed",
  "greylisted",
  "greylisting",
];

export const PHRASES: readonly string[] = [...GAVE_UP, ...GREYLISTING].sort();

const greylisting = phraseMatcher(GREYLISTING);
const gaveUp = phraseMatcher(GAVE_UP);

/** A temporary reply, or no code at all (greylisting is never meant as a final answer). */
function temporary(status: string, replyCode: string): boolean {
  if (status) return status.startsWith("4.");
  return replyCode === "" || replyCode.startsWith("4");
}

/**
 * Is this recipient's answer a greylisting deferral the sending server is still retrying? Not when the
 * notice says the server has given up ("message expired" ...). Both texts as written (squashed): they
 * are lower-cased only when the reply is a temporary one, which most are not.
 */
export function greylistDeferral(
  diagnosis: string,
  status: string,
  replyCode: string,
  notice: string,
): boolean {
  if (!temporary(status, replyCode) || greylisting(diagnosis.toLowerCase()) === undefined) return false;
  return gaveUp(notice.toLowerCase()) === undefined;
}

/**
 * Is this recipient's answer the server giving up ("Envelope expired", "Connection timed out") written
 * under a notice that says the mail is still queued (bounce/delay.ts saysStillQueued)? Then it is the last
 * try's error, not the end: the mail is late (the `delayed` advice, as its report's "Action: delayed"
 * says when the whole mail is there), not lost.
 */
export function expiryStillQueued(diagnosis: string): boolean {
  return diagnosis !== "" && gaveUp(diagnosis.toLowerCase()) !== undefined;
}

export const match = phraseMatcher(PHRASES);

export const expired: ReasonCheck = {
  reason: "expired",
  phrases: PHRASES,
  match,
  // The probe, early in the order, takes only greylisting; the phrase step later takes the rest.
  probe: (f) => temporary(f.status, f.replyCode) && greylisting(f.text) !== undefined,
};
