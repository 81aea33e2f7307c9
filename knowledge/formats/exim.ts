import { copyDraft, type Draft, newDraft } from "../bounce/draft.ts";
import { header, type Message } from "../bounce/message.ts";
import { noticeLines, noticeLower } from "../bounce/notice.ts";
import { findAddresses, firstAddress, squash } from "../bounce/text.ts";
import type { Reason } from "../types.ts";
import type { Format } from "./format.ts";

/**
 * Exim: "Mail delivery failed: returning message to sender" from Mail Delivery System, with an
 * X-Failed-Recipients header.
 *
 *   This message was created automatically by mail delivery software.
 *
 *   A message that you sent could not be delivered to one or more of its
 *   recipients. This is a permanent error. The following address(es) failed:
 *
 *     kijitora@example.jp
 *       SMTP error from remote mail server after RCPT TO:<kijitora@example.jp>:
 *       host mx.example.jp [192.0.2.153]: 550 5.1.1 <kijitora@example.jp>... User Unknown
 */
const MARKERS = [
  "this message was created automatically by mail delivery software",
  "could not be delivered to one or more of its",
  "could not be delivered to all of its recipients",
  "has not yet been delivered to one or more of its recipients",
  "recipient addresses that were\nincorrectly constructed",
  "recipient addresses that were incorrectly constructed",
];

/** Exim's own words for some failures (messages in exim's deliver.c, route.c, transports). */
const MESSAGES: readonly [string, Reason][] = [
  ["user not found", "userunknown"],
  ["all host address lookups failed permanently", "hostunknown"],
  ["all relevant mx records point to non-existent hosts", "hostunknown"],
  ["unrouteable address", "hostunknown"],
  ["mailbox is full", "mailboxfull"],
  ["error: quota exceed", "mailboxfull"],
  ["quota exceeded", "mailboxfull"],
  ["message is too big", "mesgtoobig"],
  ["an mx or srv record indicated no smtp service", "notaccept"],
  ["no host found for existing smtp connection", "notaccept"],
  ["angle-brackets nested too deep", "syntaxerror"],
  ['expected word or "<"', "syntaxerror"],
  ["domain missing in source-routed address", "syntaxerror"],
  ["malformed address:", "syntaxerror"],
  ["delivery to file forbidden", "systemerror"],
  ["delivery to pipe forbidden", "systemerror"],
  ["local delivery failed", "systemerror"],
  ["lmtp error after ", "systemerror"],
  ['too many "received" headers', "contenterror"],
  ["retry timeout exceeded", "expired"],
  ["no action is required on your part", "expired"],
  ["retry time not reached for any host", "expired"],
  ["all hosts have been failing for a long time", "expired"],
  ["delay reason: ", "expired"],
  ["has been frozen", "expired"],
  ["was frozen on arrival by ", "expired"],
  ["no immediate delivery", "expired"],
];

/** Splits the list of failed addresses into one entry per address (two-space indent starts one). */
function entries(lines: readonly string[]): { first: string; body: string[] }[] {
  const out: { first: string; body: string[] }[] = [];
  for (const line of lines) {
    if (/^\s*-{3,}/.test(line)) break;
    if (/^\S/.test(line) && out.length > 0 && line.trim() !== "") break;
    const startsEntry =
      /^ {1,3}\S/.test(line) && (firstAddress(line) !== "" || /^\s*(?:pipe|save) to /i.test(line));
    if (startsEntry) out.push({ first: line.trim(), body: [] });
    else if (out.length > 0 && line.trim()) out[out.length - 1]!.body.push(line.trim());
    if (out.length > 200) break;
  }
  return out;
}

export const exim: Format = {
  name: "Exim",
  detect(m: Message) {
    if (header(m, "x-failed-recipients")) return true;
    const subject = m.subject.toLowerCase();
    if (
      ["mail delivery failed", "mail failure", "message frozen", "warning: message "].some((t) =>
        subject.startsWith(t),
      )
    )
      return true;
    if (subject.includes("error(s) in forwarding or filtering")) return true;
    const notice = noticeLower(m);
    return MARKERS.some((k) => notice.includes(k));
  },
  parse(m: Message) {
    const lines = noticeLines(m);
    const start = lines.findIndex((l) =>
      /(?:address(?:\(es\))?|recipients?) failed:\s*$|^\s*could not be delivered to|incorrectly constructed:\s*$/i.test(
        l,
      ),
    );
    const list = entries(start === -1 ? lines : lines.slice(start + 1));
    // "The following text was generated during the delivery attempt:" adds the remote server's words.
    const genAt = lines.findIndex((l) => /following text was generated during the delivery attempt/i.test(l));
    const generated =
      genAt === -1
        ? ""
        : squash(
            lines
              .slice(genAt + 1, genAt + 20)
              .filter((l) => !/^-{3,}/.test(l.trim()))
              .join(" "),
          );

    const drafts: Draft[] = list.map((e) => {
      const text = squash([e.first, ...e.body].join(" "));
      const recipient =
        firstAddress(e.first.replace(/^(?:pipe|save) to .*$/i, "")) ||
        firstAddress(e.body.find((l) => /generated (?:by|from)/i.test(l)) ?? "") ||
        firstAddress(text);
      const diagnosis = squash(`${e.body.join(" ")} ${list.length === 1 ? generated : ""}`) || text;
      const d = newDraft("Exim", {
        recipient,
        diagnosis: /^(?:pipe|save) to /i.test(e.first) ? `${e.first} ${diagnosis}` : diagnosis,
      });
      const lower = d.diagnosis.toLowerCase();
      const hit = MESSAGES.find(([w]) => lower.includes(w));
      return hit ? copyDraft(d, { reason: hit[1], evidence: `Exim: ${hit[0]}` }) : d;
    });
    if (drafts.length > 0) return drafts;
    // No list: the X-Failed-Recipients header still names them.
    return findAddresses(header(m, "x-failed-recipients")).map((r) => newDraft("Exim", { recipient: r }));
  },
};
