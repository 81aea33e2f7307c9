import { newDraft } from "../bounce/draft.ts";
import { header, type Message } from "../bounce/message.ts";
import { noticeLines, someNoticeLine } from "../bounce/notice.ts";
import { firstAddress, squash } from "../bounce/text.ts";
import type { Reason } from "../types.ts";
import type { Format } from "./format.ts";

/**
 * Ipswitch / Progress IMail Server: "Undeliverable Mail" with X-Mailer: <SMTP32 v8.22>. One line per
 * recipient, "<what happened>: <address>", or "undeliverable to <address>" followed by what the remote
 * server said.
 *
 *   Invalid final delivery userid: kijitora@example.co.jp
 *
 *   undeliverable to kijitora@example.jp
 *   Body of message generated response:
 *   550-REJECTED - Blacklisted URL in message. (example.com) in [black].
 */
const RESPONSE = "body of message generated response:";

/** IMail's own words (the remote server's words, after RESPONSE, go through the reason checks). */
const MESSAGES: readonly [string, Reason][] = [
  ["unknown host", "hostunknown"],
  ["unknown user", "userunknown"],
  ["invalid final delivery userid", "userunknown"],
  ["user mailbox exceeds allowed size", "mailboxfull"],
  ["requested action not taken: virus detected", "virusdetected"],
  ["delivery failed ", "expired"],
];

// "Unknown user: kijitora@example.com": a label, then the address as the whole rest of the line.
const LABELLED = /^([A-Za-z][A-Za-z ]{7,60}):\s*<?([^\s<>@]+@[^\s<>@]+?)>?\s*$/;
const UNDELIVERABLE = /^undeliverable to\s+<?([^\s<>@]+@[^\s<>@]+?)>?\s*$/i;

function isImailLine(line: string): boolean {
  const t = line.trim();
  const m = LABELLED.exec(t);
  if (m) return MESSAGES.some(([w]) => m[1]!.toLowerCase().startsWith(w.trim()));
  return UNDELIVERABLE.test(t);
}

export const imail: Format = {
  name: "IMailServer",
  detect(m: Message) {
    if (header(m, "x-mailer").startsWith("<SMTP32 v")) return true;
    if (m.subject.startsWith("Undeliverable Mail")) return someNoticeLine(m, 30, isImailLine);
    // Pasted: the IMail lines themselves.
    return m.kind === "fragment" && someNoticeLine(m, 30, isImailLine);
  },
  parse(m: Message) {
    const drafts: { recipient: string; said: string; extra: string[] }[] = [];
    let extra: string[] | undefined;
    for (const line of noticeLines(m).slice(0, 300)) {
      const t = line.trim();
      if (!t) continue;
      const labelled = LABELLED.exec(t);
      const undeliverable = UNDELIVERABLE.exec(t);
      if (labelled || undeliverable) {
        const recipient = firstAddress(labelled ? labelled[2]! : undeliverable![1]!);
        drafts.push({ recipient, said: labelled ? t : "", extra: [] });
        extra = undefined;
      } else if (t.toLowerCase().startsWith(RESPONSE)) {
        extra = drafts.at(-1)?.extra;
        // The response may follow on the same line (a paste or a screenshot's rows joined).
        const rest = t.slice(RESPONSE.length).trim();
        if (rest) extra?.push(rest);
      } else if (extra) extra.push(t);
    }
    return drafts.map(({ recipient, said, extra: more }) => {
      const diagnosis = squash(`${said} ${more.join(" ")}`);
      const lower = said.toLowerCase();
      const hit = MESSAGES.find(([w]) => lower.startsWith(w));
      return newDraft("IMailServer", {
        recipient,
        diagnosis,
        ...(hit ? { reason: hit[1], evidence: `IMail: ${hit[0].trim()}` } : {}),
      });
    });
  },
};
