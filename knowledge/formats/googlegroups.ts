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
// The words below, and the patterns of detect(), are module constants: detect() runs on every text classified
// (every typed message), and an array or regular expression literal is a new object each time it is evaluated.
const GOOGLE_GROUPS = ["google groups"];
const REFUSED = ["permission to post", "does not exist"];
const REFUSAL = ["permission to post", "group you tried to contact"];
const GROUP_NAMED = ["the group you tried to contact ("];
const GROUP_REFUSED = ["may not exist", "permission to post"];
const GROUP_JA = ["グループ"];
const REFUSED_JA = ["存在しない", "投稿する権限"];
const GOOGLE_DAEMON = /mailer-daemon@google(?:mail)?\.com/i;
const GROUP_ADDRESS = /googlegroups\.com/i;
const GROUPS_NAMED = /google (?:groups|グループ)/i;

/** The group's own words, English or Japanese: it does not exist or you may not post to it. */
function groupRefusal(text: string): boolean {
  const lower = text.toLowerCase();
  return (
    lower.includes("groups.google.com/support") ||
    followedWithin(lower, GOOGLE_GROUPS, REFUSED, 600) ||
    followedWithin(lower, REFUSAL, GOOGLE_GROUPS, 600) ||
    // A screenshot of the sentence alone, the "Google Groups" lines around it scrolled away.
    followedWithin(lower, GROUP_NAMED, GROUP_REFUSED, 200) ||
    followedWithin(lower, GROUP_JA, REFUSED_JA, 200)
  );
}

export const googlegroups: Format = {
  name: "GoogleGroups",
  detect(m: Message) {
    if (m.kind === "fragment") return groupRefusal(m.body.slice(0, 3000));
    if (!GOOGLE_DAEMON.test(m.from)) return false;
    // The group's own refusal names Google Groups; a plain "no such address" from Google does not.
    return GROUP_ADDRESS.test(header(m, "x-failed-recipients")) && GROUPS_NAMED.test(m.body);
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
