import { copyDraft, type Draft, newDraft } from "../bounce/draft.ts";
import type { Message } from "../bounce/message.ts";
import { noticeLines, noticeLower } from "../bounce/notice.ts";
import { statusInText } from "../bounce/smtp.ts";
import { firstAddress, squash } from "../bounce/text.ts";
import { reasonOfStatus } from "../status-table.ts";
import type { Reason } from "../types.ts";
import type { Format } from "./format.ts";

/**
 * Gmail's own notices (Mail Delivery Subsystem <mailer-daemon@googlemail.com>).
 *
 * Older layout:
 *   Delivery to the following recipient failed permanently:
 *        userunknown@example.jp
 *   Technical details of permanent failure:
 *   Google tried to deliver your message, but it was rejected by the server for the recipient domain ...
 *   The error that the other server returned was:
 *   550 5.1.1 <userunknown@example.jp>... User Unknown
 *
 * Current layout (the Japanese app shows 「アドレス不明」 above it):
 *   ** Address not found **
 *   Your message wasn't delivered to x@example.jp because the address couldn't be found, ...
 *   (or: ... because the domain example.jp couldn't be found. ...)
 *   The response from the remote server was:
 *   550 5.1.1 The email account that you tried to reach does not exist.
 */

/** "(state 14)" at the end of an old Gmail error: which step failed and what it means. */
const STATES: ReadonlyMap<string, readonly [string, Reason]> = new Map(
  Object.entries({
    "6": ["MAIL", "failedstarttls"],
    "8": ["AUTH", "systemerror"],
    "9": ["AUTH", "failedstarttls"],
    "12": ["AUTH", "norelaying"],
    "13": ["EHLO", "blocked"],
    "14": ["RCPT", "userunknown"],
    "15": ["DATA", "filtered"],
    "17": ["DATA", "filtered"],
    "18": ["DATA", "filtered"],
  }),
);

/** Gmail's own sentences; the Google Workspace (G Suite) DNS wordings come before the older ones. */
const MESSAGES: readonly [string, Reason][] = [
  ["because the address couldn't be found. check for typos or unnecessary spaces", "userunknown"],
  ["because the address couldn't be found, or is unable to receive mail", "userunknown"],
  // "... wasn't delivered to x@example.jp because the domain example.jp couldn't be found": under the
  // same "Address not found" heading, but the part after @ is what is wrong.
  ["because the domain ", "hostunknown"],
  ["responded with code nxdomain", "networkerror"],
  [" had no relevant answers.", "networkerror"],
  ["null mx", "notaccept"],
  ["dns error: could not contact dns servers", "expired"],
  ["delivery to the following recipient has been delayed", "expired"],
  ["the recipient server did not accept our requests to connect", "expired"],
  ["dns error: domain name not found", "hostunknown"],
  ["dns error: dns server returned answer with no data", "hostunknown"],
];

/** Headings of the current layout (English and the Japanese app). */
const HEADINGS: readonly [string, Reason][] = [
  ["** address not found **", "userunknown"],
  ["アドレス不明", "userunknown"],
  ["** domain not found **", "hostunknown"],
  ["** message blocked **", "rejected"],
  ["メールのブロック", "rejected"],
];

/**
 * The same headings as the app shows them (the notice's HTML part): a title alone on its line, without
 * the asterisks. A screenshot of "Message blocked" above "Your message to x@example.jp has been blocked."
 * says no more than that heading does.
 */
const TITLES: readonly [string, Reason][] = [
  ["address not found", "userunknown"],
  ["domain not found", "hostunknown"],
  ["message blocked", "rejected"],
];

/** Whether `title` is a line of `lower` on its own (blanks around it aside). */
function titleLine(lower: string, title: string): boolean {
  for (let at = lower.indexOf(title); at !== -1; at = lower.indexOf(title, at + title.length)) {
    const start = lower.lastIndexOf("\n", at - 1) + 1;
    const end = lower.indexOf("\n", at + title.length);
    if (
      lower.slice(start, at).trim() === "" &&
      lower.slice(at + title.length, end === -1 ? undefined : end).trim() === ""
    )
      return true;
  }
  return false;
}

/** The heading of the notice, with asterisks or as the app's title. */
function headingIn(lower: string): readonly [string, Reason] | undefined {
  return HEADINGS.find(([h]) => lower.includes(h)) ?? TITLES.find(([t]) => titleLine(lower, t));
}

function oldLayout(lines: readonly string[]): Draft[] {
  const start = lines.findIndex((l) => l.startsWith("Delivery to the following recipient"));
  if (start === -1) return [];
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  for (const line of lines.slice(start)) {
    if (!line.trim()) continue;
    if (
      line.startsWith(" ") &&
      line.includes("@") &&
      firstAddress(line) &&
      line.trim().split(/\s+/).length === 1
    ) {
      current = newDraft("Gmail", {
        reportingMta: "googlemail.com",
        recipient: firstAddress(line),
      });
      drafts.push(current);
    } else if (current) current.diagnosis += ` ${line.trim()}`;
  }
  return drafts.map((d) => {
    const diagnosis = squash(d.diagnosis);
    const lower = diagnosis.toLowerCase();
    const state = /\(state (\d+)\)/.exec(diagnosis)?.[1];
    let reason: Reason | undefined;
    let command = "";
    const known = state ? STATES.get(state) : undefined;
    if (known) [command, reason] = known;
    reason ??= MESSAGES.find(([w]) => lower.includes(w))?.[1];
    if (reason) {
      // A specific status code in the text says more than the state number.
      const status = statusInText(diagnosis);
      if (status && !/\.0\./.test(status) && !status.endsWith(".0"))
        reason = reasonOfStatus(status) || reason;
    }
    return copyDraft(d, {
      diagnosis,
      command,
      ...(reason ? { reason, evidence: `Gmail: ${state ? `state ${state}` : "notice"}` } : {}),
    });
  });
}

function currentLayout(lines: readonly string[], original = ""): Draft[] {
  const text = lines.join("\n");
  const to =
    /(?:wasn't|was not) delivered to\s+([^\s@]+@\S+?)\s+because/i.exec(text) ??
    /problem delivering your message to\s+(\S+@[A-Za-z0-9.-]+[A-Za-z])/i.exec(text) ??
    /your message to\s+(\S+@[A-Za-z0-9.-]+[A-Za-z])\s+has been blocked/i.exec(text);
  const at = lines.findIndex((l) => /^the response (?:from the remote server )?was:/i.test(l.trim()));
  const said = at === -1 ? "" : squash(lines.slice(at + 1, at + 8).join(" "));
  const lower = text.toLowerCase();
  const heading = headingIn(lower);
  // The Japanese app shows only a heading like 「アドレス不明」 above the details: that alone still says a lot.
  if (!to && at === -1 && !heading) return [];
  const draft = newDraft("Gmail", {
    reportingMta: "googlemail.com",
    recipient: to ? firstAddress(to[1]!) : firstAddress(/^to:[ \t]*(.*)$/im.exec(original)?.[1] ?? ""),
    diagnosis: said || squash(text.slice(0, 600)),
  });
  // Gmail's own sentence ("... because the address couldn't be found") may stand above the response.
  const whole = squash(text.slice(0, 4000)).toLowerCase();
  const diagnosisLower = draft.diagnosis.toLowerCase(); // once, not once per message tried
  const message =
    MESSAGES.find((e) => diagnosisLower.includes(e[0])) ?? MESSAGES.find((e) => whole.includes(e[0]));
  if (message) return [copyDraft(draft, { reason: message[1], evidence: `Gmail: ${message[0]}` })];
  return [
    heading && !said ? copyDraft(draft, { reason: heading[1], evidence: `Gmail: ${heading[0]}` }) : draft,
  ];
}

/** A module constant: a regular expression literal in detect() would be a new object at every text classified. */
const GOOGLE_DAEMON = /mailer-daemon@google(?:mail)?\.com/;

export const gmail: Format = {
  name: "Gmail",
  detect(m: Message) {
    const from = m.from.toLowerCase();
    if (GOOGLE_DAEMON.test(from) && m.subject.includes("Delivery Status Notification")) return true;
    const notice = noticeLower(m);
    return (
      notice.includes("delivery to the following recipient") ||
      notice.includes("** delivery incomplete **") ||
      notice.includes("** message not delivered **") ||
      headingIn(notice) !== undefined
    );
  },
  parse(m: Message) {
    const lines = noticeLines(m);
    const old = oldLayout(lines);
    return old.length > 0 ? old : currentLayout(lines, m.original);
  },
};
