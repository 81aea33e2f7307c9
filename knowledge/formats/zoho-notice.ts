import { newDraft } from "../bounce/draft.ts";
import { header, type Message } from "../bounce/message.ts";
import { noticeLines, someNoticeLine } from "../bounce/notice.ts";
import { firstAddress, squash } from "../bounce/text.ts";
import type { Format } from "./format.ts";

/**
 * Zoho Mail's own notices (X-ZohoMail header): one line per recipient with Zoho's error fields. Zoho as
 * the receiving side is formats/zoho.ts.
 *
 *   kijitora@example.co.jp Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 <kijitora@example.co.jp>... User Unknown
 *   kijitora@7jo.example.jp Error, ERROR_CODE :421, ERROR_CODE :, Host not reachable.
 *   [Status: Error, Address: <kijitora@6kaku.example.co.jp>, ResponseCode 421, , Host not reachable.]
 */
const LINE = /ERROR_CODE\s*:|^\[Status: /;

const isAddressLine = (l: string) => LINE.test(l.trim()) && l.includes("@");

export const zohoNotice: Format = {
  name: "Zoho",
  detect(m: Message) {
    if (!header(m, "x-zohomail") && m.kind !== "fragment") return false;
    return someNoticeLine(m, 60, isAddressLine);
  },
  parse(m: Message) {
    const drafts: { recipient: string; said: string[] }[] = [];
    for (const line of noticeLines(m).slice(0, 200)) {
      const t = line.trim();
      // The returned message's headers follow the notice without a separator line.
      if (/^received:/i.test(t)) break;
      if (!t || t.startsWith("-----")) continue;
      if (LINE.test(t) && t.includes("@")) drafts.push({ recipient: firstAddress(t), said: [t] });
      else drafts.at(-1)?.said.push(t);
    }
    return drafts.map(({ recipient, said }) => {
      const diagnosis = squash(
        said
          .join(" ")
          .replace(/ERROR_CODE\s*:\s*,?/g, " ")
          .replace(/ResponseCode/g, " "),
      );
      const replyCode = /(?:ERROR_CODE\s*:|ResponseCode)\s*([2-5]\d\d)\b/.exec(said.join(" "))?.[1] ?? "";
      // Zoho gave up on a server it could not reach after retrying.
      const unreachable = /host not reachable/i.test(diagnosis);
      return newDraft("Zoho", {
        recipient,
        diagnosis,
        replyCode,
        ...(unreachable ? { reason: "expired" as const, evidence: "Zoho: host not reachable" } : {}),
      });
    });
  },
};
