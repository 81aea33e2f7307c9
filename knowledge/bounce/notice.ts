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
 * One pattern, so the body is scanned once, with one run of dashes in front of all the phrases: a pattern
 * per marker would rescan a long run of dashes once per marker.
 */
const ORIGINAL_MESSAGE =
  /^[-=_*#| \t]*(?:original (?:message|mail|e-?mail)\b|returned message|unsent message follows|undelivered message (?:follows|attached)|message headers? follows?|message text follows|(?:the )?headers? of the original message|below (?:this|the next) line is a copy|(?:enclosed is|this is) a copy of (?:the|your) (?:message|mail)|bounced e-?mail:|(?:以下は)?元の(?:メッセージ|メール)|原文)|^content-type:\s*(?:message\/rfc822|text\/rfc822-headers)|^(?:en-têtes de message d'origine|intestazioni originali del messaggio|ursprungshuvuden|oorspronkelijke berichtkoppen|cabeçalhos originais da mensagem)\s*:/im;

/** Where the copy of the original message starts in a text (a notice, a paste), or -1. */
export function originalMessageAt(text: string): number {
  return ORIGINAL_MESSAGE.exec(text)?.index ?? -1;
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
