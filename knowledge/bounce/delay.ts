import { joinJapanese } from "./text.ts";

/**
 * Warnings that a message is only late: the server is still retrying and the user need not resend.
 *   Sendmail:  "Warning: could not send message for past 4 hours" / "THIS IS A WARNING MESSAGE ONLY."
 *   Postfix:   "Delayed Mail (still being retried)"
 *   Exim:      "has not yet been delivered to one or more of its recipients after more than 24 hours"
 *   ISP page:  "Will keep trying until message is * days old", "Message still undelivered after * hour"
 */
export const DELAY_PHRASES: readonly string[] = [
  "action: delayed", // a delivery report's own field (RFC 3464), pasted without its Final-Recipient
  "delay in the delivery",
  "delivery attempts will continue", // Exim's warning: "No action is required on your part. Delivery attempts will continue for some time"
  "delivery delayed",
  "delivery has been delayed",
  "delivery incomplete", // Gmail's heading over "There was a temporary problem delivering your message"
  "delivery is delayed",
  "delivery status notification (delay)",
  "do not need to resend",
  "has been delayed", // "Delivery to the following recipient has been delayed:"
  "has not yet been delivered",
  "have not yet received",
  // Gmail's delay notice: "Gmail will retry for 47 more hours. You'll be notified if the delivery fails
  // permanently." (only a mail still being retried is told of a failure to come; read without its start)
  "if the delivery fails permanently",
  "message delayed",
  "no need to resend",
  "still being retried",
  "still undelivered after",
  "technical details of temporary failure", // Gmail's heading over a failure it is still retrying
  "temporary problem delivering",
  "this is a warning message only",
  "transient non-fatal errors",
  "warning: could not send message for past",
  "warning: message ",
  "will be retried",
  "will be retried for",
  "will continue to try",
  "will continue trying",
  "will keep trying",
  "will retry",
  "will-retry-until", // RFC 3464: only a report of a message still queued has it
  "まだ配信されていません",
  "まだ配送されていません",
  "再送する必要はありません",
  "再送の必要はありません",
  "再送を続け",
  "再送信する必要はありません",
  "再試行しています",
  "再試行中",
  "引き続き試行",
  "遅延",
  "配信が遅れ",
  "配送が遅れ",
];

/**
 * A report that the mail is still in the sending server's queue, in words that do not say what went
 * wrong (OpenSMTPD's delay report, under the recipient's line: "Please note that this is only a temporary
 * failure report. The message is kept in the queue for up to 7 days. You DO NOT NEED to re-send the
 * message to these recipients."). Not a delay wording for every reason: a lasting fault under it ("No MX
 * found for domain", "Network error on destination MXs") keeps its own advice, as the labels do; only an
 * expiry under it ("Envelope expired") is the last try's time-out of a mail still being retried
 * (reasons/expired.ts).
 */
const STILL_QUEUED: readonly string[] = [
  "do not need to re-send",
  "kept in the queue",
  "only a temporary failure report",
];

/** Whether the notice (squashed) says the mail is still queued (STILL_QUEUED). */
export function saysStillQueued(notice: string): boolean {
  const lower = notice.toLowerCase();
  return STILL_QUEUED.some((p) => lower.includes(p));
}

/** What negates a delay wording just before it ("will not continue trying" is a failure). */
const NEGATED = /\bnot $|\bno longer $/;

/**
 * The first delay wording in the text that is not negated. A plain loop: every text classified is asked
 * (a typed message too), and a closure per call was a new object each time.
 */
export function delayPhrase(text: string): string | undefined {
  const lower = joinJapanese(text.toLowerCase());
  for (const p of DELAY_PHRASES) {
    const at = lower.indexOf(p);
    if (at !== -1 && !NEGATED.test(lower.slice(Math.max(0, at - 10), at))) return p;
  }
  return undefined;
}
