import { newDraft } from "../bounce/draft.ts";
import type { Message } from "../bounce/message.ts";
import { noticeLines } from "../bounce/notice.ts";
import { firstAddress, squash } from "../bounce/text.ts";
import type { Reason } from "../types.ts";
import type { Format } from "./format.ts";

/**
 * BIGLOBE and the cable ISPs on its system: "Returned mail: ..." from postmaster@*.biglobe.ne.jp.
 *      ----- The following addresses had delivery problems -----
 *   ********@***.biglobe.ne.jp
 *      ----- Non-delivered information -----
 *   The number of messages in recipient's mailbox exceeded the local limit.
 */
const PROVIDERS = /@(?:[a-z0-9-]+\.)*(?:biglobe|inacatv|tmtv|ttv)\.ne\.jp/i;
const MESSAGES: readonly [string, Reason][] = [
  ["mail delivery failed... user unknown", "filtered"],
  ["the number of messages in recipient's mailbox exceeded the local limit.", "mailboxfull"],
];

/** A module constant: a regular expression literal in detect() would be a new object at every text classified. */
const POSTMASTER = /postmaster@/i;

export const biglobe: Format = {
  name: "Biglobe",
  detect: (m: Message) =>
    POSTMASTER.test(m.from) && PROVIDERS.test(m.from) && m.subject.startsWith("Returned mail:"),
  parse(m: Message) {
    const lines = noticeLines(m);
    const start = lines.findIndex((l) =>
      l.includes("----- The following addresses had delivery problems -----"),
    );
    if (start === -1) return [];
    const recipients: string[] = [];
    const said: string[] = [];
    for (const line of lines.slice(start + 1)) {
      const t = line.trim();
      if (!t || t.includes("--")) continue;
      if (!t.includes(" ") && firstAddress(t)) recipients.push(firstAddress(t));
      else said.push(t);
    }
    const diagnosis = squash(said.join(" "));
    const lower = diagnosis.toLowerCase(); // once, not once per message tried
    const hit = MESSAGES.find((e) => lower.includes(e[0]));
    return recipients.map((recipient) =>
      newDraft("Biglobe", {
        recipient,
        diagnosis,
        ...(hit ? { reason: hit[1], evidence: `BIGLOBE: ${hit[0]}` } : {}),
      }),
    );
  },
};
