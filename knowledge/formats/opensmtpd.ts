import { copyDraft, newDraft } from "../bounce/draft.ts";
import type { Message } from "../bounce/message.ts";
import { noticeLines, noticeLower } from "../bounce/notice.ts";
import { firstAddress, squash } from "../bounce/text.ts";
import type { Reason } from "../types.ts";
import type { Format } from "./format.ts";

/**
 * OpenSMTPD: "Delivery status notification: error" from Mailer Daemon.
 *       This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail.
 *       An error has occurred while attempting to deliver a message for
 *       the following list of recipients:
 *   kijitora@example.jp: 550 5.2.2 <kijitora@example.jp>... Mailbox Full
 */
const MESSAGES: readonly [string, Reason][] = [
  ["envelope expired", "expired"],
  ["could not retrieve credentials", "securityerror"],
  ["invalid domain name", "hostunknown"],
  ["domain does not exist", "hostunknown"],
  ["address family mismatch on destination mxs", "networkerror"],
  ["all routes to destination blocked", "networkerror"],
  ["bad dns lookup error code", "networkerror"],
  ["could not retrieve source address", "networkerror"],
  ["loop detected", "networkerror"],
  ["network error on destination mxs", "networkerror"],
  ["no valid route to remote mx", "networkerror"],
  ["no valid route to destination", "networkerror"],
  ["temporary failure in mx lookup", "networkerror"],
  ["destination seem to reject all mails", "notaccept"],
  ["no mx found for domain", "notaccept"],
  ["no mx found for destination", "notaccept"],
];

export const opensmtpd: Format = {
  name: "OpenSMTPD",
  detect: (m: Message) => noticeLower(m).includes("this is the mailer-daemon, please do not reply to this"),
  parse(m: Message) {
    const lines = noticeLines(m);
    const start = lines.findIndex((l) => /following\s*$|list of recipients:/i.test(l));
    return lines
      .slice(start + 1)
      .map((l) => /^([^\s@]+@\S+?):\s+(\S.*)$/.exec(l.trim()))
      .filter((x): x is RegExpExecArray => x !== null && firstAddress(x[1]!) !== "")
      .map((x) => {
        const d = newDraft("OpenSMTPD", { recipient: firstAddress(x[1]!), diagnosis: squash(x[2]!) });
        const lower = d.diagnosis.toLowerCase(); // once, not once per message tried
        const hit = MESSAGES.find((e) => lower.includes(e[0]));
        return hit ? copyDraft(d, { reason: hit[1], evidence: `OpenSMTPD: ${hit[0]}` }) : d;
      });
  },
};
