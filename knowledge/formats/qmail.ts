import { blockText, recipientBlocks } from "../bounce/blocks.ts";
import { copyDraft, newDraft } from "../bounce/draft.ts";
import type { Message } from "../bounce/message.ts";
import { noticeLines, noticeLower } from "../bounce/notice.ts";
import { includesAny, mentionsAny } from "../bounce/text.ts";
import type { Reason } from "../types.ts";
import type { Format } from "./format.ts";

/**
 * qmail and its clones: "failure notice" from MAILER-DAEMON.
 *
 *   Hi. This is the qmail-send program at mx.example.jp.
 *   I'm afraid I wasn't able to deliver your message to the following addresses.
 *
 *   <kijitora@example.jp>:
 *   192.0.2.153 does not like recipient.
 *   Remote host said: 550 5.1.1 <kijitora@example.jp>... User Unknown
 *   Giving up on 192.0.2.153.
 */
const STARTS = [
  "hi. this is the qmail",
  "sorry, we were unable to deliver your message to the following address", // Yahoo (qmail-based)
  "he/her is not ",
  "unable to deliver your message to the following addresses",
  "su mensaje no pudo ser entregado",
  "this is the machine generated message from mail service",
  "this is the mail delivery agent at",
  "unable to deliver message to the following address",
  "unfortunately, your mail was not delivered to the following address:",
  "your mail message to the following address",
  "your message to the following addresses",
];

/** qmail-remote writes which step failed in fixed words. */
const COMMANDS: readonly [string, string][] = [
  [" but greeting failed", "CONN"],
  [" but my name was rejected", "EHLO"],
  [" but sender was rejected", "MAIL"],
  [" does not like recipient", "RCPT"],
  [" failed on data command", "DATA"],
  [" failed after i sent the message", "DATA"],
];

/** Fixed qmail (and qmail-ldap) messages and what they mean. */
const MESSAGES: readonly [string, Reason][] = [
  ["sorry, i couldn't find any host ", "hostunknown"],
  ["sorry, i couldn't find a mail exchanger or ip address", "notaccept"],
  ["no mailbox here by that name", "userunknown"],
  ["disk quota exceeded", "mailboxfull"],
  ["message size exceeds fixed maximum message size:", "mesgtoobig"],
  ["the message exeeded the maximum size the user accepts", "exceedlimit"],
  ["mailaddress is administrativ", "suspend"],
  ["sorry, i wasn't able to establish an smtp connection", "networkerror"],
  ["sorry. although i'm listed as a best-preference mx or a for that host", "networkerror"],
  ["requested action not taken: mailbox unavailable (not enough free space)", "systemfull"],
  ["unable to contact ldap server", "systemerror"],
  ["temporary failure in ldap lookup", "systemerror"],
  ["timeout while performing search on ldap server", "systemerror"],
  ["bad interpreter: no such file or directory", "systemerror"],
  ["system error", "systemerror"],
];

export const qmail: Format = {
  name: "qmail",
  detect(m: Message) {
    if (m.subject.toLowerCase() === "failure notice") return true;
    if (m.headers.get("received")?.some((r) => r.includes("(qmail "))) return true;
    return includesAny(noticeLower(m), STARTS);
  },
  parse(m: Message) {
    const lines = noticeLines(m);
    const start = lines.findIndex((l) => mentionsAny(l, STARTS));
    if (start === -1) return [];
    return recipientBlocks(lines.slice(start + 1), { blankEnds: true }).map((b) => {
      const text = blockText(b);
      const lower = text.toLowerCase();
      const command = COMMANDS.find(([w]) => lower.includes(w))?.[1] ?? "";
      const d = newDraft("qmail", { recipient: b.address, diagnosis: text, command });
      if (command === "EHLO")
        return copyDraft(d, { reason: "blocked" as const, evidence: "qmail: my name was rejected" });
      const said = b.lines.find((l) => l.toLowerCase().startsWith("remote host said:"))?.toLowerCase() ?? "";
      const gaveUp = lower.includes("this message has been in the queue too long");
      if (command === "RCPT" && gaveUp) return copyDraft(d, { reason: "onhold" as const });
      for (const source of [said, lower]) {
        const hit = source && MESSAGES.find(([w]) => source.includes(w));
        if (hit) return copyDraft(d, { reason: hit[1], evidence: `qmail: ${hit[0].trim()}` });
      }
      // Retried until the queue lifetime ran out, with no more specific message than
      //   unable to connect to remote server [192.0.2.1:25]: Operation timed out
      //   I'm not going to try again; this message has been in the queue too long.
      if (gaveUp)
        return copyDraft(d, { reason: "expired" as const, evidence: "qmail: in the queue too long" });
      // The same attempt with the sentence after it below the screen's edge: a connection that timed out
      // is a server that never answered, as in every other family's notice ("Connection timed out").
      if (lower.includes("timed out"))
        return copyDraft(d, { reason: "expired" as const, evidence: "qmail: connection timed out" });
      if (lower.includes("unable to"))
        return copyDraft(d, { reason: "systemerror" as const, evidence: "qmail: unable to" });
      return d;
    });
  },
};
