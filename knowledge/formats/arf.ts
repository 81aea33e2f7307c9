import { newDraft } from "../bounce/draft.ts";
import { header, type Message } from "../bounce/message.ts";
import { findAddresses, firstAddress, squash } from "../bounce/text.ts";
import type { Format } from "./format.ts";

/**
 * Complaint reports (ARF, RFC 5965): a mailbox provider tells the sender that a recipient pressed
 * "this is spam". Not a delivery failure.
 *
 *   Content-Type: message/feedback-report
 *   Feedback-Type: abuse
 *   Original-Rcpt-To: kijitora@example.com
 */
// Module constants, not literals in isComplaint: a regular expression literal is a new object each time it
// is evaluated, and detect() runs on every text classified (every typed message).
const FEEDBACK_CONTENT_TYPE = /report-type="?feedback-report/i;
const FEEDBACK_TYPE_FIELD = /^feedback-type:\s*\S/im;
const REPORT_FIELD = /^(?:original-rcpt-to|user-agent|version):/im;
const PASTED_FEEDBACK_TYPE = /^[ \t]*feedback-type:[ \t]*(?:abuse|fraud|virus|complaint|not-spam|other)\b/im;
const REPORT_FOR = /report for/i;
const REPORT_SENTENCE =
  /\b(?:abuse|fraud|virus|authentication failure|auth-failure|complaint|spam) report for an? (?:e-?mail )?message/i;

function isComplaint(m: Message): boolean {
  if (m.feedback) return true;
  if (FEEDBACK_CONTENT_TYPE.test(header(m, "content-type"))) return true;
  const subject = m.subject.toLowerCase();
  if (m.from.toLowerCase().includes("staff@hotmail.com") && subject.includes("complaint about message from"))
    return true;
  if (FEEDBACK_TYPE_FIELD.test(m.body) && REPORT_FIELD.test(m.body)) return true;
  // A pasted report field on its own: "Feedback-Type: abuse".
  if (m.kind === "fragment" && PASTED_FEEDBACK_TYPE.test(m.body)) return true;
  // The human part of a report, pasted: "This is an email abuse report for an email message ..."
  // ("report for" first: one literal is found faster than the alternatives are tried at every word.)
  const top = m.body.slice(0, 2000);
  return REPORT_FOR.test(top) && REPORT_SENTENCE.test(top);
}

export const arf: Format = {
  name: "Feedback-Loop",
  detect: isComplaint,
  parse(m: Message) {
    const report = m.feedback || m.body;
    const rcpts = [...report.matchAll(/^(?:original-rcpt-to|removal-recipient):[ \t]*(.+)$/gim)]
      .map((x) => firstAddress(x[1]!))
      .filter((a) => a !== "");
    const to = /^to:[ \t]*(.*)$/im.exec(m.original);
    const recipients = rcpts.length > 0 ? [...new Set(rcpts)] : findAddresses(to?.[1] ?? "").slice(0, 1);
    const type = /^feedback-type:[ \t]*(\S+)/im.exec(report)?.[1] ?? "abuse";
    return (recipients.length > 0 ? recipients : [""]).map((recipient) =>
      newDraft("Feedback-Loop", {
        recipient,
        diagnosis: squash(m.body.slice(0, 300)),
        reason: "feedback",
        evidence: `complaint report (${type})`,
      }),
    );
  },
};
