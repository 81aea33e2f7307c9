import { type Draft, newDraft } from "../bounce/draft.ts";
import { header, type Message } from "../bounce/message.ts";
import { noticeLines, someNoticeLine } from "../bounce/notice.ts";
import { commandInText } from "../bounce/smtp.ts";
import { findAddresses, squash } from "../bounce/text.ts";
import type { Format } from "./format.ts";

/**
 * Trend Micro InterScan Messaging Security Suite (now Trend Vision One email security): From
 * "InterScan MSS", a MIME boundary named after InterScan, and a short transcript per recipient.
 *
 *   Sent <<< RCPT TO:<kijitora@example.co.jp>
 *   Received >>> 550 5.1.1 <kijitora@example.co.jp>... user unknown
 *
 * or only its own sentence, which it writes when the recipient's server refused the address:
 *   Reason:  Unable to deliver message to <kijitora@example.jp> (and other recipients in the same domain).
 */
const UNABLE = "unable to deliver message to <";

/** A module constant: a regular expression literal in detect() would be a new object at every text classified. */
const INTERSCAN_SENDER = /^"?interscan/i;

const namesInterScan = (l: string) => l.includes(" InterScan ");

export const trendmicro: Format = {
  name: "TrendMicro",
  detect(m: Message) {
    return (
      INTERSCAN_SENDER.test(m.from) ||
      header(m, "content-type").includes("InterScan") ||
      someNoticeLine(m, 20, namesInterScan)
    );
  },
  parse(m: Message) {
    const drafts: Draft[] = [];
    let current: Draft | undefined;
    const start = (recipient: string) => {
      if (current && (current.recipient === recipient || !current.recipient)) {
        current.recipient = recipient;
        return current;
      }
      current = newDraft("TrendMicro", { recipient });
      drafts.push(current);
      return current;
    };
    for (const raw of noticeLines(m).slice(0, 300)) {
      const line = raw.trim();
      const lower = line.toLowerCase();
      if (lower.startsWith("sent <<< ")) {
        const d = start(findAddresses(line).at(-1) ?? "");
        d.command = commandInText(line);
      } else if (lower.startsWith("received >>> ")) {
        (current ?? start("")).diagnosis = squash(line.slice("received >>> ".length));
      } else if (lower.includes(UNABLE)) {
        const d = start(findAddresses(line.slice(lower.indexOf(UNABLE)))[0] ?? "");
        d.diagnosis = squash(line.replace(/^reason:\s*/i, ""));
        d.reason = "userunknown";
        d.evidence = "TrendMicro: unable to deliver message to";
      }
    }
    return drafts.filter((d) => d.recipient);
  },
};
