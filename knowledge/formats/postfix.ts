import { blockText, recipientBlocks } from "../bounce/blocks.ts";
import { newDraft } from "../bounce/draft.ts";
import { header, type Message } from "../bounce/message.ts";
import { noticeLines, noticeLower } from "../bounce/notice.ts";
import type { Format } from "./format.ts";

/**
 * Postfix: "Undelivered Mail Returned to Sender" from MAILER-DAEMON (Mail Delivery System).
 *
 *   This is the mail system at host mx.example.jp.
 *   ...
 *                      The mail system
 *
 *   <kijitora@example.jp>: host mx.example.jp[192.0.2.22] said: 550 5.2.1
 *       <kijitora@example.jp>... User Unknown (in reply to RCPT TO command)
 *
 * Japanese ISPs running Postfix (OCN) put a Japanese paragraph above the same list.
 */
const SUBJECTS = ["undelivered mail returned to sender", "delayed mail (still being retried)"];
const MARKERS = ["this is the mail system at host", "the postfix program", "the mail system\n"];

/** A module constant: a regular expression literal in detect() would be a new object at every text classified. */
const POSTFIX_REPORT = /x-postfix/i;

export const postfix: Format = {
  name: "Postfix",
  detect(m: Message) {
    const subject = m.subject.toLowerCase();
    if (SUBJECTS.some((s) => subject.startsWith(s))) return true;
    if (POSTFIX_REPORT.test(m.dsn)) return true;
    const notice = noticeLower(m);
    return MARKERS.some((k) => notice.includes(k)) || header(m, "x-postfix-queue-id") !== "";
  },
  parse(m: Message) {
    const lines = noticeLines(m);
    // The list follows the centred "The mail system" line when there is one.
    const start = lines.findIndex((l) => /^\s*the mail system\s*$/i.test(l));
    return recipientBlocks(start === -1 ? lines : lines.slice(start + 1)).map((b) =>
      newDraft("Postfix", { recipient: b.address, diagnosis: blockText(b) }),
    );
  },
};
