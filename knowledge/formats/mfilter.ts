import { newDraft } from "../bounce/draft.ts";
import type { Message } from "../bounce/message.ts";
import { noticeLines, noticeLower } from "../bounce/notice.ts";
import { firstAddress, squash } from "../bounce/text.ts";
import type { Format } from "./format.ts";

/**
 * m-FILTER (Digital Arts), common at Japanese companies: a Japanese notice with the failed address,
 * then the server's words and the SMTP command in sections of their own.
 *   以下のメールアドレスへの送信に失敗しました。
 *   kijitora@example.com
 *   -------server message
 *   550 unknown user <kijitora@example.com>
 *   -------SMTP command
 *   DATA
 */
/** A module constant: a regular expression literal in detect() would be a new object at every text classified. */
const MFILTER_SENDER = /m-filter/i;

export const mfilter: Format = {
  name: "mFILTER",
  detect: (m: Message) => MFILTER_SENDER.test(m.from) || noticeLower(m).includes("---server message"),
  parse(m: Message) {
    const lines = noticeLines(m);
    const server = lines.findIndex((l) => /^-{3,}server message/i.test(l.trim()));
    if (server === -1) return [];
    const command = lines.findIndex((l) => /^-{3,}smtp command/i.test(l.trim()));
    const said = squash(lines.slice(server + 1, command > server ? command : server + 6).join(" "));
    const sent =
      command === -1 ? "" : (lines.slice(command + 1).find((l) => l.trim()) ?? "").trim().toUpperCase();
    const recipient =
      lines
        .slice(0, server)
        .map(firstAddress)
        .find((a) => a) ?? firstAddress(said);
    return [
      newDraft("mFILTER", {
        recipient,
        diagnosis: said,
        command: /^(?:RCPT|MAIL|DATA|HELO|EHLO)/.test(sent) ? sent.slice(0, 4) : "",
      }),
    ];
  },
};
