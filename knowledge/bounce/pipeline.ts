import type { Format } from "../formats/format.ts";
import { FORMATS, GENERIC } from "../formats/index.ts";
import { dsnDrafts } from "../formats/rfc3464.ts";
import { heldOutTable } from "../holdout.ts";
import { expiryStillQueued, greylistDeferral } from "../reasons/expired.ts";
import { delayPhrase, saysStillQueued } from "./delay.ts";
import { copyDraft, type Draft, newDraft } from "./draft.ts";
import type { Message } from "./message.ts";
import { noticeLines } from "./notice.ts";
import { noticeAddressees } from "./notice-headers.ts";
import { hasSmtpCode, knownPhrase } from "./signals.ts";
import {
  commandInText,
  hostAfterReplyCode,
  preferStatus,
  remoteHostInText,
  replyCodeInText,
  statusInText,
} from "./smtp.ts";
import { domainOf, firstAddress, sameAddress, squash } from "./text.ts";

/** FORMATS, without those an evaluation holds out. */
let formats: readonly Format[] = FORMATS;
heldOutTable(({ names }) => {
  formats = FORMATS.filter((f) => !names.has(f.name));
});

/**
 * Message → one draft per recipient:
 * 1. the first format (formats/index.ts) whose markers match reads the human-readable notice;
 * 2. the delivery report (RFC 3464), if any, gives the recipient list and its fields win;
 * 3. what the notice said about each recipient fills what the report left empty;
 * 4. reply code, status, command and server are read from the diagnosis where still missing.
 */
// Module constants, not literals in draftsOf: a regular expression literal is a new object each time it is
// evaluated, and draftsOf runs on every text classified (every typed message).
const REPORT_FIELDS = /^final-recipient:/im;
const DELIVERED = /^action:\s*delivered/im;

export function draftsOf(message: Message): Draft[] {
  let fromText: Draft[] = [];
  let formatName = "";
  for (const format of formats) {
    if (!format.detect(message)) continue;
    fromText = format.parse(message);
    formatName = format.name;
    if (fromText.length > 0) break;
  }
  // Pasted report fields count as a report when the mail has no report part.
  const report = message.dsn || (REPORT_FIELDS.test(message.body) ? noticeLines(message).join("\n") : "");
  const fromReport = report ? dsnDrafts(report, formatName || "RFC3464") : [];

  // No family recognised the notice: the generic reader still finds what it says about each recipient.
  // (A report whose every Diagnostic-Code already carries a code or a known phrase does not need it.)
  const reportComplete =
    fromReport.length > 0 &&
    fromReport.every((r) => hasSmtpCode(r.diagnosis) || knownPhrase(r.diagnosis) !== undefined);
  if (fromText.length === 0 && !reportComplete && GENERIC.detect(message)) fromText = GENERIC.parse(message);
  else if (fromText.length > 0 && !reportComplete && fromText.every((d) => !saysWhy(d.diagnosis, message)))
    fillDiagnoses(fromText, GENERIC.parse(message));
  // A paste of the notice's header lines alone ("Subject: Delivery Status Notification (Delay)"): the
  // subject is all it says, and a delay warning's subject says enough (still retrying, no need to resend).
  if (fromText.length === 0 && fromReport.length === 0 && delaySubject(message))
    fromText = GENERIC.parse({ ...message, body: `${message.subject}\n${message.body}` });
  const drafts = fromReport.length > 0 ? mergeReport(fromReport, fromText) : fromText;
  // A pasted "Action: delivered" / "Status: 2.0.0" says the message arrived: a delivery notice.
  if (drafts.length === 0 && message.kind === "fragment" && DELIVERED.test(message.body)) {
    drafts.push(
      newDraft("fragment", {
        action: "delivered",
        status: "2.0.0",
        reason: "delivered",
        evidence: "Action: delivered",
      }),
    );
  }

  // No draft (a typed question, most texts the dialogs ask about): nothing to finish, no notice to build.
  if (drafts.length === 0) return drafts;
  const reporter = domainOf(firstAddress(message.from));
  for (const d of drafts) d.reportingMta ||= reporter;
  const notice = message.dsn
    ? ""
    : squash(`${message.subject} ${noticeLines(message).slice(0, 200).join(" ")}`);
  const delay = notice ? delayPhrase(notice) : undefined;
  const queued = delay === undefined && notice !== "" && saysStillQueued(notice);
  for (const d of drafts) finish(d, delay !== undefined, notice, queued);
  return notTheUser(dedupe(drafts), noticeAddressees(message));
}

/** A pasted notice's subject line is a delay warning's, and its body says nothing a reader took. */
function delaySubject(message: Message): boolean {
  return message.subject !== "" && delayPhrase(message.subject) !== undefined;
}

/**
 * The notice's own To: is the user who sent the failed mail: whatever read it as a recipient (a
 * paste's "To:" line taken for a recipient line) was wrong, and the record names no recipient rather
 * than the user's own address.
 */
function notTheUser(drafts: Draft[], addressees: readonly string[]): Draft[] {
  if (addressees.length === 0) return drafts;
  for (const d of drafts) if (addressees.some((a) => sameAddress(a, d.recipient))) d.recipient = "";
  return drafts;
}

/**
 * Whether a format's diagnosis explains anything. In a whole mail, any text it read does; in a paste, only
 * an SMTP code or a phrase one of the reasons knows: a fragment may hold the server's answer outside the
 * part the format reads (above a notice's list that the screen cut off).
 */
function saysWhy(diagnosis: string, message: Message): boolean {
  if (message.kind !== "fragment") return diagnosis !== "";
  return diagnosis !== "" && (hasSmtpCode(diagnosis) || knownPhrase(diagnosis) !== undefined);
}

/**
 * A format recognised the notice but found no explanation in it (a layout it does not know, only the
 * X-Failed-Recipients header): what the generic reader finds stands in.
 */
function fillDiagnoses(drafts: Draft[], generic: readonly Draft[]): void {
  for (const [i, d] of drafts.entries()) {
    const g =
      generic.find((x) => sameAddress(x.recipient, d.recipient)) ??
      (generic.length === drafts.length ? generic[i] : generic.length === 1 ? generic[0] : undefined);
    if (g?.diagnosis) d.diagnosis = g.diagnosis;
  }
}

function mergeReport(fromReport: Draft[], fromText: Draft[]): Draft[] {
  return fromReport.map((r, i) => {
    const t =
      fromText.find((x) => sameAddress(x.recipient, r.recipient)) ??
      (fromText.length === fromReport.length ? fromText[i] : fromText.length === 1 ? fromText[0] : undefined);
    if (!t) return r;
    const textSaysMore = t.diagnosis.length > 0 && (r.diagnosis === "" || t.diagnosis.includes(r.diagnosis));
    return copyDraft(r, {
      recipient: r.recipient || t.recipient,
      diagnosis: textSaysMore ? t.diagnosis : r.diagnosis,
      command: r.command || t.command,
      replyCode: r.replyCode || t.replyCode,
      status: r.status || t.status,
      remoteHost: r.remoteHost || t.remoteHost,
      reportingMta: r.reportingMta || t.reportingMta,
      action: r.action || t.action,
      reason: t.reason ?? r.reason,
      evidence: t.evidence ?? r.evidence,
      lhost: t.lhost,
    });
  });
}

/**
 * A multi-line SMTP reply repeats its codes on every line ("550-5.7.1 ... 550-5.7.1 ... 550 5.7.1 ...");
 * squashed onto one line they split the server's sentence. Keep the codes once, at the front.
 */
const REPEATED_CODES = /(?<=^|\s)([245]\d\d)[ -](?:([245]\.\d{1,3}\.\d{1,3})(?=\s))?/g;

export function joinReplyLines(text: string): string {
  const m = /(?:^|\s)([245]\d\d)-(?:([245]\.\d{1,3}\.\d{1,3})\s)?/.exec(text);
  if (!m) return text;
  const [reply, status] = [m[1]!, m[2]];
  // Every "550-" / "550 " (with "5.7.1 " after it when that is the status) goes; other codes stay.
  const body = text
    .replace(REPEATED_CODES, (whole, code: string, again: string | undefined) =>
      code !== reply ? whole : again === undefined || again === status ? " " : ` ${again} `,
    )
    .replace(/\s+/g, " ")
    .trim();
  const at = text.indexOf(m[0].trim());
  const before = text.slice(0, at).trim();
  return `${before ? `${before} ` : ""}${reply} ${status ? `${status} ` : ""}${body.slice(before.length).trim()}`;
}

/**
 * Reads the SMTP details out of the diagnosis where the format did not set them. `notice`: the notice's
 * text (squashed), read for an Action the report did not give.
 */
/** `queued`: the notice says the mail is still in the queue (delay.ts saysStillQueued). */
function finish(d: Draft, delayNotice: boolean, notice: string, queued: boolean): void {
  const unjoined = squash(d.diagnosis);
  d.diagnosis = joinReplyLines(unjoined);
  const text = d.diagnosis;
  if (!d.replyCode) d.replyCode = replyCodeInText(text);
  const inText = statusInText(text, d.replyCode);
  d.status = preferStatus(d.status, inText, d.replyCode);
  if (d.replyCode && d.status && d.replyCode[0] !== d.status[0]) {
    // A reply code of the other class is usually a quoted number, not the server's answer.
    const again = replyCodeInText(text.replace(d.replyCode, ""));
    if (again && again[0] === d.status[0]) d.replyCode = again;
  }
  if (!d.command) d.command = commandInText(text);
  // Joining a multi-line reply drops its repeated codes, and with them what marks a host that leads a line.
  if (!d.remoteHost) d.remoteHost = remoteHostInText(text) || hostAfterReplyCode(unjoined);
  if (d.reason === "feedback" || d.reason === "vacation") d.action = "";
  else if (!d.action) {
    d.delayedByWords = delayNotice;
    d.action =
      delayNotice || retried(d, notice) || (queued && expiryStillQueued(d.diagnosis))
        ? "delayed"
        : d.status.startsWith("2.")
          ? "delivered"
          : "failed";
  }
}

/** A greylisting deferral the sending server retries by itself, unless the notice says it gave up. */
function retried(d: Draft, notice: string): boolean {
  return greylistDeferral(d.diagnosis, d.status, d.replyCode, notice);
}

/** The same recipient twice (listed by the notice and again by a transcript) is one record. */
function dedupe(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const twin = d.recipient ? out.find((o) => sameAddress(o.recipient, d.recipient)) : undefined;
    if (!twin) out.push(d);
    else if (!twin.diagnosis && d.diagnosis) Object.assign(twin, { ...d, recipient: twin.recipient });
  }
  return out;
}
