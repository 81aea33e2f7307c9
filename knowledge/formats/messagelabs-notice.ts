import { blockText, recipientBlocks } from "../bounce/blocks.ts";
import { newDraft } from "../bounce/draft.ts";
import type { Message } from "../bounce/message.ts";
import { noticeLines, noticeLower } from "../bounce/notice.ts";
import type { Format } from "./format.ts";

/**
 * Symantec / Broadcom Email Security.cloud (MessageLabs) writes its own notice:
 *   This is the mail delivery agent at Symantec Email Security.cloud.
 *   I was unable to deliver your message to the following addresses:
 *
 *   kijitora@example.com
 *
 *   Reason: 550 kijitora@example.com... No such user
 *
 *   The message subject was: …
 *   The message identifier was: …
 * Its provider rules (messagelabs.ts) then apply, because the notice names who wrote it.
 */
/** A module constant: a regular expression literal in detect() would be a new object at every text classified. */
const NOTICE_LINE =
  /mail delivery agent at (?:symantec|messagelabs|broadcom)|^the message (?:identifier|reference) was: /m;

export const messagelabsNotice: Format = {
  name: "MessageLabs",
  // A screenshot often starts below the first line: the closing lines name the message the same way
  // in every notice ("The message identifier was: …", "The message reference was: server-….messagelabs.com!…").
  detect: (m: Message) => NOTICE_LINE.test(noticeLower(m)),
  parse(m: Message) {
    const lines = noticeLines(m);
    const start = lines.findIndex((l) => /unable to deliver your message to the following address/i.test(l));
    return recipientBlocks(lines.slice(start + 1), { blankEnds: false, maxLines: 3 })
      .filter((b) => !/^(?:the message|please|contact)/i.test(b.lines[0] ?? ""))
      .map((b) =>
        newDraft("MessageLabs", {
          recipient: b.address,
          diagnosis: blockText(b).replace(/^reason:\s*/i, ""),
          reportingMta: "messagelabs.com",
        }),
      );
  },
};
