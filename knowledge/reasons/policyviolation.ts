import { phraseOnlyCheck, type ReasonCheck } from "./check.ts";

/**
 * The message breaks a rule of the receiving organisation (attachments, mailing-list membership,
 * local policy).
 *   550 5.7.1 Message rejected due to local policy
 *   554 5.7.1 ... by non-member to a members-only list
 */
export const PHRASES: readonly string[] = [
  "an illegal attachment on your message",
  "because the recipient is not accepting mail with ",
  "by non-member to a members-only list",
  "closed mailing list",
  "denied by policy",
  "email not accepted for policy reasons",
  "email rejected due to security policies",
  "for policy reasons",
  "google.com/mail/?p=blockedmessage", // Google's help links: content that presents a security issue
  "google.com/mail/answer/6590",
  "header are not accepted",
  "header error",
  "local policy violation",
  "message bounced due to organizational settings",
  "message given low priority",
  "message not accepted for policy reasons",
  "message rejected due to local policy",
  "messages with multiple addresses",
  "protocol violation",
  "rejected for policy reasons",
  "the email address used to send your message is not subscribed to this group",
  "the message was rejected by organization policy",
  "this message was blocked because its content presents a potential",
  "we do not accept messages containing images or other attachments",
  "you have exceeded the…allowable number of posts without solving a captcha",
  "you're using a mass mailer",
  "your organization does not allow external forwarding",
];

export const policyviolation: ReasonCheck = phraseOnlyCheck("policyviolation", PHRASES);
export const match = policyviolation.match;
