import { newDraft } from "../bounce/draft.ts";
import { header, type Message } from "../bounce/message.ts";
import { noticeLines } from "../bounce/notice.ts";
import { hasSmtpCode } from "../bounce/signals.ts";
import { firstAddress, forMatching, mentionsAny, squash } from "../bounce/text.ts";
import { match as vacationMatch } from "../reasons/vacation.ts";
import type { Format } from "./format.ts";

/**
 * Automatic replies (RFC 3834): "Out of Office", "Automatic reply: ...", 「自動応答」. Nothing failed;
 * the recipient is the person who answered.
 *   Auto-Submitted: auto-replied
 *   Subject: Automatic reply: Nyaan
 */
const SUBJECTS = [
  "auto:",
  "auto response:",
  "automatic reply:",
  "out of office:",
  "out of the office:",
  "自動応答",
  "自動返信",
  "不在",
];
const NOT_PEOPLE = ["root@", "postmaster@", "mailer-daemon@"];
const BOUNCE_WORDS = [
  "undeliver",
  "delivery status",
  "delivery failure",
  "returned mail",
  "failure notice",
  "配信不能",
  "配送不能",
];

/** A user telling of a failure in their own words (「休暇中のため送れなかったメールが戻ってきた」). */
const FAILURE_TOLD = ["bounced", "came back", "戻ってき", "返ってき", "エラー"];

// Module constants, not literals in the functions: a regular expression literal is a new object each time
// it is evaluated, and detect() runs on every text classified (every typed message).
const PASTED_AUTO_SUBMITTED = /^[ \t]*auto-submitted:[ \t]*auto-replied\b/im;
const AUTO_SUBMITTED = /^auto-(?:generated|replied|notified)/;
const REPLY_CODE = /\b[45]\d\d\b/;

/** A pasted out-of-office text: its own words, and nothing that looks like a bounce or tells of one. */
function isPastedAutoReply(m: Message): boolean {
  if (m.kind !== "fragment") return false;
  const text = m.body.slice(0, 4000);
  // A pasted header on its own: "Auto-Submitted: auto-replied".
  if (PASTED_AUTO_SUBMITTED.test(text)) return true;
  return (
    vacationMatch(forMatching(text)) !== undefined &&
    !mentionsAny(text, BOUNCE_WORDS) &&
    !mentionsAny(text, FAILURE_TOLD)
  );
}

function isAutoReply(m: Message): boolean {
  if (m.kind !== "mail") return isPastedAutoReply(m);
  const from = m.from.toLowerCase();
  const subject = m.subject.toLowerCase();
  if (NOT_PEOPLE.some((p) => from.includes(p)) || header(m, "to").toLowerCase().startsWith("root@"))
    return false;
  if (subject.includes("security information for") || subject.includes("mail failure -")) return false;
  if (m.dsn || BOUNCE_WORDS.some((w) => subject.includes(w))) return false;
  const auto = header(m, "auto-submitted").toLowerCase();
  return (
    AUTO_SUBMITTED.test(auto) ||
    header(m, "precedence").toLowerCase().startsWith("auto_reply") ||
    header(m, "x-apple-action").toLowerCase().startsWith("vacation") ||
    header(m, "x-autoreply") !== "" ||
    SUBJECTS.some((s) => subject.startsWith(s) || (s.length <= 4 && subject.includes(s)))
  );
}

export const autoreply: Format = {
  name: "RFC3834",
  detect(m: Message) {
    // A notice quoting SMTP replies is a bounce, whatever its headers say.
    return isAutoReply(m) && !noticeLines(m).some((l) => hasSmtpCode(l) && REPLY_CODE.test(l));
  },
  parse(m: Message) {
    const recipient = firstAddress(m.from) || firstAddress(header(m, "return-path"));
    if (!recipient && m.kind === "mail") return [];
    return [
      newDraft("RFC3834", {
        recipient,
        diagnosis: squash(noticeLines(m).slice(0, 20).join(" ")).slice(0, 500),
        reason: "vacation",
        evidence: "automatic reply",
      }),
    ];
  },
};
