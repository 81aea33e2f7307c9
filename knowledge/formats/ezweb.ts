import { copyDraft, type Draft, newDraft } from "../bounce/draft.ts";
import { header, type Message } from "../bounce/message.ts";
import { noticeLines, noticeLower } from "../bounce/notice.ts";
import { firstAddress, squash } from "../bounce/text.ts";
import type { Reason } from "../types.ts";
import type { Format } from "./format.ts";

/**
 * au (KDDI) mail servers' own notices: "Mail System Error - Returned Mail" from Postmaster@ezweb.ne.jp
 * or Postmaster@au.com.
 *   The user(s) account is temporarily over quota.
 *   <***@ezweb.ne.jp>: 550 user unknown (in reply to RCPT TO command)
 *   -- or --
 *   Each of the following recipients was rejected by a remote mail server.
 *      Recipient: <******@ezweb.ne.jp>
 *      >>> RCPT TO:<******@ezweb.ne.jp>
 *      <<< 550 <******@ezweb.ne.jp>: User unknown
 */
const MESSAGES: readonly [string, Reason][] = [
  ["your message was not delivered within ", "expired"],
  ["user(s) account is temporarily over quota", "mailboxfull"],
  ["each of the following recipients was rejected by a remote mail server", "onhold"],
  ["user(s) account is disabled.", "suspend"],
  ["user(s) account is temporarily limited.", "suspend"],
];

/**
 * The first words of au's own headings above the recipient lines ("The user(s) account is temporarily
 * over quota.", "… is disabled."): no other server writes "user(s)". A paste or a screenshot of the
 * notice has no From:, Subject: or Received: to tell it by, and the SMTP line under the heading says
 * "user unknown" whatever the heading says, so the heading alone names the family. Matched (here and in
 * MESSAGES) without its "The": a screenshot cut at the top often starts right after it.
 */
const HEADING = "user(s) account is ";

// Module constants: a regular expression literal in isEzweb (detect) would be a new object at every text classified.
const EZWEB_POSTMASTER = /postmaster@(?:ezweb\.ne\.jp|au\.com)/i;
const EZWEB_MESSAGE_ID = /\.(?:ezweb\.ne\.jp|au\.com)>/;

function isEzweb(m: Message): boolean {
  if (noticeLower(m).includes(HEADING)) return true;
  let signs = 0;
  if (EZWEB_POSTMASTER.test(m.from)) signs++;
  if (m.subject === "Mail System Error - Returned Mail") signs++;
  if (
    (m.headers.get("received") ?? []).some(
      (r) => r.includes("ezweb.ne.jp (EZweb Mail) with") || r.includes(".au.com ("),
    )
  )
    signs++;
  if (EZWEB_MESSAGE_ID.test(header(m, "message-id"))) signs++;
  return signs >= 2;
}

export const ezweb: Format = {
  name: "EZweb",
  detect: isEzweb,
  parse(m: Message) {
    const lines = noticeLines(m).filter((l) => !/^-{20,}/.test(l.trim()));
    const drafts: Draft[] = [];
    const preamble: string[] = [];
    for (const raw of lines) {
      const line = raw.trim();
      if (!line) continue;
      const named = /^(?:Recipient:\s*)?<([^<>\s@]+@[^<>\s]+)>/.exec(line);
      if (named) {
        drafts.push(
          newDraft("EZweb", {
            recipient: firstAddress(named[1]!),
            diagnosis: squash(`${preamble.join(" ")} ${line}`),
          }),
        );
        continue;
      }
      const last = drafts[drafts.length - 1];
      if (last) last.diagnosis = squash(`${last.diagnosis} ${line}`);
      else preamble.push(line);
    }
    const filteredBySpam = header(m, "x-spasign") === "NG";
    return drafts.map((d) => {
      if (filteredBySpam) return copyDraft(d, { reason: "filtered" as const, evidence: "au: X-SPASIGN NG" });
      const lower = d.diagnosis.toLowerCase();
      const hit = MESSAGES.find(([w]) => lower.includes(w));
      return hit ? copyDraft(d, { reason: hit[1], evidence: `au: ${hit[0]}` }) : d;
    });
  },
};
