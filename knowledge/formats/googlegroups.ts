import { newDraft } from "../bounce/draft.ts";
import { header, type Message } from "../bounce/message.ts";
import { noticeLines } from "../bounce/notice.ts";
import { findAddresses, squash } from "../bounce/text.ts";
import type { Format } from "./format.ts";

/**
 * Google Groups refusing a post: the group does not exist or the sender may not post to it.
 *   X-Failed-Recipients: libsisimai@googlegroups.com
 *   「連絡しようとしたグループ（libsisimai）が存在しないか、グループにメッセージを投稿する権限がない可能性があります。」
 */
export const googlegroups: Format = {
  name: "GoogleGroups",
  detect(m: Message) {
    if (!/mailer-daemon@google(?:mail)?\.com/i.test(m.from)) return false;
    // The group's own refusal names Google Groups; a plain "no such address" from Google does not.
    return (
      /googlegroups\.com/i.test(header(m, "x-failed-recipients")) &&
      /google (?:groups|グループ)/i.test(m.body)
    );
  },
  parse(m: Message) {
    const recipients = findAddresses(header(m, "x-failed-recipients"));
    const diagnosis = squash(noticeLines(m).slice(0, 12).join(" "));
    return recipients.map((recipient) =>
      newDraft("GoogleGroups", {
        recipient,
        diagnosis,
        reason: "rejected",
        evidence: "Google Groups: cannot post to the group",
      }),
    );
  },
};
