import type { Message } from "./message.ts";
import { linesOf } from "./text.ts";

/**
 * Lines that start the copy of the returned message inside a notice. Everything from there on was
 * written by the user (and holds their personal data), not by the server: formats never read it.
 *   ------ This is a copy of the message, including all the headers. ------   (Exim)
 *   --- Below this line is a copy of the message.                              (qmail)
 *   ----- Original message follows -----  /  -------original message          (Sendmail, m-FILTER)
 *   |------------------------- Message text follows: ------------------------|  (Smail 3)
 */
export const ORIGINAL_MESSAGE_MARKERS: readonly RegExp[] = [
  /^[-=_*#| \t]*(?:original (?:message|mail|e-?mail)\b|returned message|unsent message follows|undelivered message (?:follows|attached)|message headers? follows?|message text follows)/i,
  /^[-=_*# \t]*(?:the )?headers? of the original message/i,
  /^[-=_*# \t]*below (?:this|the next) line is a copy/i,
  /^[-=_*# \t]*(?:enclosed is|this is) a copy of (?:the|your) (?:message|mail)/i,
  /^[-=_*# \t]*bounced e-?mail:/i,
  /^content-type:\s*(?:message\/rfc822|text\/rfc822-headers)/i,
  /^[-=_*# \t]*(?:以下は)?元の(?:メッセージ|メール)/,
  /^[-=_*# \t]*原文/,
  // Exchange's "Original message headers:" in French, Italian, Swedish, Dutch, Portuguese.
  /^(?:en-têtes de message d'origine|intestazioni originali del messaggio|ursprungshuvuden|oorspronkelijke berichtkoppen|cabeçalhos originais da mensagem)\s*:/i,
];

/** The markers as one multi-line pattern: one scan of the body instead of one test per line and marker. */
const ANY_MARKER = new RegExp(ORIGINAL_MESSAGE_MARKERS.map((m) => `(?:${m.source})`).join("|"), "im");

const cache = new WeakMap<Message, string[]>();

/** Lines of the notice, from the top to the copy of the original message (computed once per message). */
export function noticeLines(message: Message): string[] {
  const known = cache.get(message);
  if (known) return known;
  const m = ANY_MARKER.exec(message.body);
  const lines = linesOf(m ? message.body.slice(0, m.index) : message.body);
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
