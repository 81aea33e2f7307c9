import { newDraft } from "../bounce/draft.ts";
import type { Message } from "../bounce/message.ts";
import { noticeLines } from "../bounce/notice.ts";
import { firstAddress, squash } from "../bounce/text.ts";
import type { Reason } from "../types.ts";
import type { Format } from "./format.ts";

/**
 * HCL (Lotus) Domino: "DELIVERY FAILURE: ..." with three labelled sections.
 *
 *   Your message
 *     Subject: Test
 *   was not delivered to:
 *     kijitora@example.net
 *   because:
 *     User some.name (kijitora@example.net) not listed in Domino Directory
 */

/** Domino's own words, in the languages it ships with. */
const MESSAGES: readonly [string, Reason][] = [
  ["not listed in domino directory", "userunknown"],
  ["not listed in public name & address book", "userunknown"],
  ["no se encuentra en el directorio de domino", "userunknown"],
  ["non répertorié dans l'annuaire domino", "userunknown"],
  ["domino ディレクトリには見つかりません", "userunknown"],
  ["cannot route mail to user", "filtered"],
  ["several matches found in domino directory", "systemerror"],
];

function sections(lines: readonly string[]) {
  const recipients: string[] = [];
  const because: string[] = [];
  let section = "";
  for (const line of lines.slice(0, 200)) {
    const t = line.trim();
    const lower = t.toLowerCase();
    if (lower === "was not delivered to:") section = "to";
    else if (lower === "because:") section = "because";
    else if (lower.startsWith("your message")) section = "message";
    else if (!t) continue;
    else if (section === "to" && firstAddress(t)) recipients.push(firstAddress(t));
    else if (section === "because") because.push(t);
  }
  return { recipients, because: squash(because.join(" ")) };
}

const NOT_DELIVERED = "was not delivered to:";
const BECAUSE = "because:";

/** A module constant: a regular expression literal in detect() would be a new object at every text classified. */
const FAILURE_SUBJECT = /^DELIVERY[ _]FAILURE/i;

export const domino: Format = {
  name: "Domino",
  detect(m: Message) {
    if (FAILURE_SUBJECT.test(m.subject)) return true;
    // Both lines among the notice's first 60, trimmed, in any case. Only a line of their length is
    // lower-cased (every mail is asked: no copy of the 60 lines).
    const lines = noticeLines(m);
    let notDelivered = false;
    let because = false;
    for (let i = 0; i < lines.length && i < 60; i++) {
      const line = lines[i]!;
      if (line.length < BECAUSE.length) continue;
      const t = line.trim();
      if (t.length === NOT_DELIVERED.length) notDelivered ||= t.toLowerCase() === NOT_DELIVERED;
      else if (t.length === BECAUSE.length) because ||= t.toLowerCase() === BECAUSE;
    }
    return notDelivered && because;
  },
  parse(m: Message) {
    const { recipients, because } = sections(noticeLines(m));
    const lower = because.toLowerCase();
    const hit = MESSAGES.find(([w]) => lower.includes(w));
    return recipients.map((recipient) =>
      newDraft("Domino", {
        recipient,
        diagnosis: because,
        ...(hit ? { reason: hit[1], evidence: `Domino: ${hit[0]}` } : {}),
      }),
    );
  },
};
