/**
 * Warnings that a message is only late: the server is still retrying and the user need not resend.
 *   Sendmail:  "Warning: could not send message for past 4 hours" / "THIS IS A WARNING MESSAGE ONLY."
 *   Postfix:   "Delayed Mail (still being retried)"
 *   Exim:      "has not yet been delivered to one or more of its recipients after more than 24 hours"
 *   ISP page:  "Will keep trying until message is * days old", "Message still undelivered after * hour"
 */
export const DELAY_PHRASES: readonly string[] = [
  "will continue trying",
  "delay in the delivery",
  "delivery delayed",
  "delivery has been delayed",
  "delivery is delayed",
  "delivery status notification (delay)",
  "do not need to resend",
  "has not yet been delivered",
  "have not yet received",
  "no need to resend",
  "temporary problem delivering",
  "message delayed",
  "still being retried",
  "still undelivered after",
  "this is a warning message only",
  "transient non-fatal errors",
  "warning: could not send message for past",
  "warning: message ",
  "will be retried",
  "will continue to try",
  "will keep trying",
  "will retry",
  "will be retried for",
  "まだ配送されていません",
  "再送を続け",
  "配送が遅れ",
  "配信が遅れ",
  "遅延",
];

/** The first delay wording in the text that is not negated ("will not continue trying" is a failure). */
export function delayPhrase(text: string): string | undefined {
  const lower = text.toLowerCase();
  return DELAY_PHRASES.find((p) => {
    const at = lower.indexOf(p);
    return at !== -1 && !/\bnot $|\bno longer $/.test(lower.slice(Math.max(0, at - 10), at));
  });
}
