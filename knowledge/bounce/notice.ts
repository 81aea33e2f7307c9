import type { Message } from "./message.ts";
import { linesOf } from "./text.ts";

/**
 * Lines that start the copy of the returned message inside a notice. Everything from there on was
 * written by the user (and holds their personal data), not by the server: formats never read it.
 */
export const ORIGINAL_MESSAGE_MARKERS: readonly string[] = [
  "----- original message follows",
  "----- unsent message follows",
  "----- message text follows",
  "----- the header of the original message is following",
  "--- below this line is a copy of the message",
  "--- original message follows",
  "--- the header of the original message is following",
  "------ this is a copy of the message",
  "------ this is a copy of your message",
  "-----original message-----",
  "------ original message",
  "content-type: message/rfc822",
  "content-type: text/rfc822-headers",
  "original message headers:",
  "original message follows",
  "undelivered message attached",
  "bounced e-mail:",
  "--- 以下は元のメッセージ",
  "元のメッセージ",
];

const cache = new WeakMap<Message, string[]>();

/** Lines of the notice, from the top to the copy of the original message (computed once per message). */
export function noticeLines(message: Message): string[] {
  const known = cache.get(message);
  if (known) return known;
  let lines = linesOf(message.body);
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim().toLowerCase();
    if (t.length > 8 && ORIGINAL_MESSAGE_MARKERS.some((m) => t.startsWith(m))) {
      lines = lines.slice(0, i);
      break;
    }
  }
  cache.set(message, lines);
  return lines;
}

/** The notice as one lower-cased string, for marker tests. */
export function noticeLower(message: Message): string {
  return noticeLines(message).join("\n").toLowerCase();
}
