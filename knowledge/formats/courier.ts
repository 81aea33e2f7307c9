import { blockText, recipientBlocks } from "../bounce/blocks.ts";
import { newDraft } from "../bounce/draft.ts";
import { header, type Message } from "../bounce/message.ts";
import { noticeLines, noticeLower } from "../bounce/notice.ts";
import { mentionsAny } from "../bounce/text.ts";
import type { Reason } from "../types.ts";
import type { Format } from "./format.ts";

/**
 * Courier MTA: "NOTICE: mail delivery status." from "Courier mail server at host". The recipient, the
 * server it talked to, the last command (">>>") and the answer ("<<<"):
 *
 *                              UNDELIVERABLE MAIL
 *   Your message to the following recipients cannot be delivered:
 *
 *   <kijitora@example.jp>:
 *       mx.example.jp [192.0.2.45]:
 *   >>> RCPT TO:<kijitora@example.jp>
 *   <<< 550 5.1.1 <kijitora@example.jp>... User Unknown
 *
 * Courier's own words (when no server answered) have no reply code: "<<< No such domain."
 */
const MARKERS = ["undeliverable mail", "delays in delivering your message"];

/** Courier's own messages (module.esmtp/esmtpclient.c). */
const MESSAGES: readonly [string, Reason][] = [
  ["no such domain.", "hostunknown"],
  ["this domain's dns violates rfc 1035.", "systemerror"],
  ["dns lookup failed.", "networkerror"],
];

// Module constants: a regular expression literal in detect() would be a new object at every text classified.
const COURIER_MESSAGE_ID = /^<courier\.[0-9A-F]+\./;
const TRANSCRIPT_LINE = /^(?:>>>|<<<) /m;

export const courier: Format = {
  name: "Courier",
  detect(m: Message) {
    if (m.from.includes("Courier mail server at ")) return true;
    if (COURIER_MESSAGE_ID.test(header(m, "message-id"))) return true;
    const notice = noticeLower(m);
    if (notice.includes("running the courier mail server")) return true;
    return m.kind === "fragment" && MARKERS.some((k) => notice.includes(k)) && TRANSCRIPT_LINE.test(notice);
  },
  parse(m: Message) {
    const lines = noticeLines(m);
    const start = lines.findIndex((l) => mentionsAny(l, MARKERS));
    if (start === -1) return [];
    const delayed = lines[start]!.toLowerCase().includes("delays");
    return recipientBlocks(lines.slice(start + 1), { blankEnds: true }).map((b) => {
      const command = /^>>>\s*([A-Z]{4})/m.exec(b.lines.join("\n"))?.[1] ?? "";
      const said = b.lines
        .filter((l) => l.trimStart().startsWith("<<<"))
        .map((l) => l.trimStart().slice(3).trim())
        .join(" ");
      const diagnosis = said || blockText(b);
      const lower = diagnosis.toLowerCase();
      const hit = MESSAGES.find(([w]) => lower.startsWith(w));
      return newDraft("Courier", {
        recipient: b.address,
        diagnosis,
        command: command === "RCPT" || command === "DATA" || command === "MAIL" ? command : "",
        ...(delayed ? { action: "delayed" as const } : {}),
        ...(hit ? { reason: hit[1], evidence: `Courier: ${hit[0]}` } : {}),
      });
    });
  },
};
