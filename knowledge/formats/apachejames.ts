import { type Draft, newDraft } from "../bounce/draft.ts";
import { header, type Message } from "../bounce/message.ts";
import { noticeLines } from "../bounce/notice.ts";
import { firstAddress, squash } from "../bounce/text.ts";
import type { Format } from "./format.ts";

/**
 * Apache James: Subject "[BOUNCE]"; the error first, then "Message details:" naming the recipients.
 *   Error message below:
 *   550 - Requested action not taken: no such user here
 *   Message details:
 *     Subject: Nyaaan
 *     RCPT TO: kijitora@example.org
 */
/** The notice layout of James's bounce mailet (also used by services built on James, see verizon.ts). */
export function jamesDrafts(m: Message, lhost: string): Draft[] {
  const lines = noticeLines(m);
  const details = lines.findIndex((l) => l.startsWith("Message details:"));
  if (details === -1) return [];
  const diagnosis = squash(lines.slice(0, details).join(" "));
  return lines
    .slice(details + 1)
    .filter((l) => /^\s*RCPT TO:/i.test(l))
    .map((l) => newDraft(lhost, { recipient: firstAddress(l), diagnosis, command: "" }));
}

export const apachejames: Format = {
  name: "ApacheJames",
  detect: (m: Message) =>
    m.subject === "[BOUNCE]" ||
    header(m, "message-id").includes(".JavaMail.") ||
    m.headers.get("received")?.some((r) => r.includes("JAMES SMTP Server")) === true,
  parse: (m: Message) => jamesDrafts(m, "ApacheJames"),
};
