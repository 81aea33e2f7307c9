import { newDraft } from "../bounce/draft.ts";
import { header, type Message } from "../bounce/message.ts";
import { noticeLines } from "../bounce/notice.ts";
import { firstAddress, squash } from "../bounce/text.ts";
import type { Reason } from "../types.ts";
import type { Format } from "./format.ts";

/**
 * fml, the mailing-list manager common in Japan: a notice from "<list>-admin@" with X-MLServer, one line
 * naming the address in angle brackets, then "Original mail as follows:".
 *
 *   Subject: Loop Alert: Duplicated Message-ID (neko ML)
 *   Duplicated Message-ID in <neko@example.co.jp>.
 *
 *   You are not a member of this mailing list <neko-meeting@example.org>.
 */
const BODY: readonly [string, Reason][] = [
  [" header may cause mail loop", "rejected"],
  ["not member article from ", "rejected"],
  ["reject mail from ", "rejected"],
  ["reject spammers:", "rejected"],
  ["you are not a member of this mailing list", "rejected"],
  ["duplicated message-id", "systemerror"],
  ["security alert:", "securityerror"],
  [" has detected a loop condition so that", "systemerror"],
  ["loop back warning:", "systemerror"],
];
const SUBJECT: readonly [string, Reason][] = [
  [" are not member", "rejected"],
  ["not member article from ", "rejected"],
  ["reject mail ", "rejected"],
  ["spam mail from a spammer is rejected", "rejected"],
  ["fml system error message", "systemerror"],
  ["loop alert: ", "systemerror"],
  ["loop back warning: ", "systemerror"],
  ["warning: unix from loop", "systemerror"],
  ["security alert", "securityerror"],
];

// Module constants: a regular expression literal in detect() would be a new object at every text classified.
const ADMIN_SENDER = /-admin@/i;
const FML_MESSAGE_ID = /\.FML/;

export const fml: Format = {
  name: "FML",
  detect(m: Message) {
    if (header(m, "x-mlserver") && ADMIN_SENDER.test(m.from)) return true;
    return FML_MESSAGE_ID.test(header(m, "message-id")) && ADMIN_SENDER.test(m.from);
  },
  parse(m: Message) {
    const lines = noticeLines(m).filter((l) => l.trim() !== "");
    const drafts: { recipient: string; said: string[] }[] = [];
    for (const line of lines.slice(0, 100)) {
      const named = /<([^<>\s@]+@[^<>\s]+)>/.exec(line);
      if (named) drafts.push({ recipient: firstAddress(named[1]!), said: [line.trim()] });
      else drafts.at(-1)?.said.push(line.trim());
    }
    const subject = m.subject.toLowerCase();
    return drafts.map(({ recipient, said }) => {
      const diagnosis = squash(said.join(" "));
      const lower = diagnosis.toLowerCase();
      const hit = BODY.find(([w]) => lower.includes(w)) ?? SUBJECT.find(([w]) => subject.includes(w));
      return newDraft("FML", {
        recipient,
        diagnosis,
        ...(hit ? { reason: hit[1], evidence: `fml: ${hit[0].trim()}` } : {}),
      });
    });
  },
};
