import { newDraft } from "../bounce/draft.ts";
import { header, type Message } from "../bounce/message.ts";
import { noticeLines, someNoticeLine } from "../bounce/notice.ts";
import { firstAddress, squash } from "../bounce/text.ts";
import type { Reason } from "../types.ts";
import type { Format } from "./format.ts";

/**
 * Lotus Notes (HCL Notes) gateways: "Undeliverable message", the reason first and the address under
 * it, the returned message after "------- Returned Message --------".
 *
 *   ------- Failure Reasons  --------
 *
 *   User not listed in public Name & Address Book
 *   kijitora@example.com
 *
 *   ------- Returned Message --------
 */
const START = "------- failure reasons";

/** Notes' own words: they come from the gateway itself, whatever SMTP step was running. */
const MESSAGES: readonly [string, Reason][] = [
  ["user not listed in public name & address book", "userunknown"],
  ["ディレクトリのリストにありません", "userunknown"],
  ["message has exceeded maximum hop count", "networkerror"],
];

const startsFailureReasons = (l: string) => l.trim().toLowerCase().startsWith(START);

export const notes: Format = {
  name: "Notes",
  detect(m: Message) {
    return someNoticeLine(m, 40, startsFailureReasons);
  },
  parse(m: Message) {
    const lines = noticeLines(m);
    const start = lines.findIndex((l) => l.trim().toLowerCase().startsWith(START));
    if (start === -1) return [];
    const found: { recipient: string; said: string[] }[] = [];
    let said: string[] = [];
    for (const line of lines.slice(start + 1, start + 200)) {
      const t = line.trim();
      if (!t || t.startsWith("-")) continue;
      // The address stands alone on its line, after the reason it belongs to.
      if (!t.includes(" ") && firstAddress(t)) {
        found.push({ recipient: firstAddress(t), said });
        said = [];
      } else said.push(t);
    }
    if (found.length === 0) {
      // No address line: the returned message's To: names the recipient.
      const to = /^to:[ \t]*(.*)$/im.exec(m.original)?.[1] ?? header(m, "x-failed-recipients");
      found.push({ recipient: firstAddress(to), said });
    }
    return found.map(({ recipient, said: words }) => {
      const diagnosis = squash(words.join(" "));
      const lower = diagnosis.toLowerCase();
      const hit = MESSAGES.find(([w]) => lower.includes(w));
      return newDraft("Notes", {
        recipient,
        diagnosis,
        ...(hit ? { reason: hit[1], evidence: `Notes: ${hit[0]}` } : {}),
      });
    });
  },
};
