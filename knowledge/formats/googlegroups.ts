import { newDraft } from "../bounce/draft.ts";
import { header, type Message } from "../bounce/message.ts";
import { noticeLines } from "../bounce/notice.ts";
import { findAddresses, followedWithin, squash } from "../bounce/text.ts";
import type { Format } from "./format.ts";

/**
 * Google Groups refusing a post: the group does not exist or the sender may not post to it.
 *   X-Failed-Recipients: libsisimai@googlegroups.com
 *   「連絡しようとしたグループ（libsisimai）が存在しないか、グループにメッセージを投稿する権限がない可能性があります。」
 */
/** The group's own words, English or Japanese: it does not exist or you may not post to it. */
function groupRefusal(text: string): boolean {
  const lower = text.toLowerCase();
  return (
    lower.includes("groups.google.com/support") ||
    followedWithin(lower, ["google groups"], ["permission to post", "does not exist"], 600) ||
    followedWithin(lower, ["permission to post", "group you tried to contact"], ["google groups"], 600) ||
    // A screenshot of the sentence alone, the "Google Groups" lines around it scrolled away.
    followedWithin(
      lower,
      ["the group you tried to contact ("],
      ["may not exist", "permission to post"],
      200,
    ) ||
    followedWithin(lower, ["グループ"], ["存在しない", "投稿する権限"], 200)
  );
}

export const googlegroups: Format = {
  name: "GoogleGroups",
  detect(m: Message) {
    if (m.kind === "fragment") return groupRefusal(m.body.slice(0, 3000));
    if (!/mailer-daemon@google(?:mail)?\.com/i.test(m.from)) return false;
    // The group's own refusal names Google Groups; a plain "no such address" from Google does not.
    return (
      /googlegroups\.com/i.test(header(m, "x-failed-recipients")) &&
      /google (?:groups|グループ)/i.test(m.body)
    );
  },
  parse(m: Message) {
    const listed = findAddresses(header(m, "x-failed-recipients"));
    const recipients = listed.length > 0 ? listed : [""];
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
