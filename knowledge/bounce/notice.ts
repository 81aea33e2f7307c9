import type { Message } from "./message.ts";
import { linesOf } from "./text.ts";

/**
 * Lines that start the copy of the returned message inside a notice. Everything from there on was
 * written by the user (and holds their personal data), not by the server: formats never read it.
 *   ------ This is a copy of the message, including all the headers. ------   (Exim)
 *   --- Below this line is a copy of the message.                              (qmail)
 *   ----- Original message follows -----  /  -------original message          (Sendmail, m-FILTER)
 *   |------------------------- Message text follows: ------------------------|  (Smail 3)
 *   Exchange's "Original message headers:" in French, Italian, Swedish, Dutch, Portuguese.
 * Not a sentence that a narrow screen or a cut put at a line's start: Postfix's "… You can delete your
 * own text from the attached⏎returned message." and Sendmail's first line cut as "original message was
 * received at …" are still the notice.
 * One pattern, so the body is scanned once, with one run of dashes in front of all the phrases: a pattern
 * per marker would rescan a long run of dashes once per marker.
 */
const ORIGINAL_MESSAGE =
  /^[-=_*#| \t]*(?:original (?:message|mail|e-?mail)\b(?! was received)|returned message(?!\.[ \t]*$)|unsent message follows|undelivered message (?:follows|attached)|message headers? follows?|message text follows|(?:the )?headers? of the original message|below (?:this|the next) line is a copy|(?:enclosed is|this is) a copy of (?:the|your) (?:message|mail)|bounced e-?mail:|(?:以下は)?元の(?:メッセージ|メール)|原文)|^content-type:\s*(?:message\/rfc822|text\/rfc822-headers)|^(?:en-têtes de message d'origine|intestazioni originali del messaggio|ursprungshuvuden|oorspronkelijke berichtkoppen|cabeçalhos originais da mensagem)\s*:/im;

/** Where the copy of the original message starts in a text (a notice, a paste), or -1. */
export function originalMessageAt(text: string): number {
  return ORIGINAL_MESSAGE.exec(text)?.index ?? -1;
}

/**
 * A header line that only a mail's own header block carries, never a phone's display of a notice (which
 * shows From, To, Subject, Date) nor a delivery report: in a pasted fragment it is the copy of the
 * returned message, shown without the notice's marker line above it (a screenshot scrolled past it).
 *   Received: from mail.example.org (mail.example.org [192.0.2.9])
 *   MIME-Version: 1.0
 * Indented ones are a notice quoting the original's fields (Oracle's "  Message-id: <…>") and stay.
 */
const TRANSPORT_HEADER =
  /^(?:received|message-id|mime-version|dkim-signature|domainkey-signature|x-mailer|user-agent|in-reply-to|references|thread-index|thread-topic|authentication-results|received-spf|arc-seal|arc-message-signature|arc-authentication-results|x-received|x-originating-ip|x-google-dkim-signature|x-gm-message-state|x-ms-exchange-[a-z0-9-]{1,60}|x-ms-has-attach|x-ms-tnef-correlator)[ \t]*:/im;

/**
 * Where a pasted fragment's copy of the original message starts with its raw headers, no marker line
 * before them, or -1. (After a marker the copy is cut off by noticeLines anyway.)
 */
export function rawOriginalAt(text: string): number {
  const marker = originalMessageAt(text);
  const at = TRANSPORT_HEADER.exec(marker >= 0 ? text.slice(0, marker) : text)?.index ?? -1;
  if (at < 0) return -1;
  // The headers of a bounce pasted whole (one forwarded to the user, or nested in another) are followed
  // by its notice, which is read: a bounce's header block has a null Return-Path or a daemon's From.
  const blank = text.indexOf("\n\n", at);
  const block = text.slice(at, Math.min(blank < 0 ? text.length : blank, at + 4000));
  return block.split("\n").some(isBounceHeader) ? -1 : at;
}

/** Words of a bounce's own From: and Subject: lines (lower case). */
const BOUNCE_FROM = ["mailer-daemon", "postmaster", "mail delivery"];
const BOUNCE_SUBJECT = [
  "undeliver",
  "returned mail",
  "delivery status notification",
  "failure notice",
  "delivery failure",
  "mail delivery failed",
];

/** "Return-Path: <>", "From: MAILER-DAEMON@…", "Subject: Undelivered Mail …": a bounce's own header line. */
function isBounceHeader(line: string): boolean {
  const lower = line.toLowerCase();
  if (lower.startsWith("return-path:")) return lower.slice(12).trim() === "<>";
  if (lower.startsWith("from:")) return BOUNCE_FROM.some((w) => lower.includes(w));
  if (lower.startsWith("subject:")) return BOUNCE_SUBJECT.some((w) => lower.includes(w));
  return false;
}

const cache = new WeakMap<Message, string[]>();

/** Lines of the notice, from the top to the copy of the original message (computed once per message). */
export function noticeLines(message: Message): string[] {
  const known = cache.get(message);
  if (known) return known;
  const at = originalMessageAt(message.body);
  const lines = linesOf(at >= 0 ? message.body.slice(0, at) : message.body);
  cache.set(message, lines);
  return lines;
}

/**
 * Whether one of the notice's first `count` lines passes `test`: no copy of the lines (a format's detect()
 * runs on every text classified, every typed message).
 */
export function someNoticeLine(message: Message, count: number, test: (line: string) => boolean): boolean {
  const lines = noticeLines(message);
  for (let i = 0; i < lines.length && i < count; i++) if (test(lines[i]!)) return true;
  return false;
}

const lowerCache = new WeakMap<Message, string>();

/** The notice as one lower-cased string, for marker tests. */
export function noticeLower(message: Message): string {
  let lower = lowerCache.get(message);
  if (lower === undefined) {
    lower = noticeLines(message).join("\n").toLowerCase();
    lowerCache.set(message, lower);
  }
  return lower;
}
