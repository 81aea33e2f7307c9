import { copyDraft, type Draft, newDraft } from "../bounce/draft.ts";
import { header, type Message } from "../bounce/message.ts";
import { noticeLines, noticeLower } from "../bounce/notice.ts";
import { hasSmtpCode, knownPhrase } from "../bounce/signals.ts";
import { findAddresses, firstAddress, mentionsAny, squash, trimRuns } from "../bounce/text.ts";
import type { Reason } from "../types.ts";
import type { Format } from "./format.ts";

/**
 * Microsoft Exchange (2003 to Exchange Online / Office 365 / Outlook.com): "Undeliverable: ..." or
 * 「配信不能: ...」 from postmaster / System Administrator (システム管理者).
 *
 * Exchange 2007 and later:
 *   Delivery has failed to these recipients or groups:
 *   Diagnostic information for administrators:
 *   Generating server: mta.example.jp
 *   kijitora@example.jp
 *   #550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##
 *   Remote Server returned '550 5.2.2 <kijitora@example.jp>... Mailbox Full'
 *
 * Exchange 2003:
 *   Your message did not reach some or all of the intended recipients.
 *   The following recipient(s) could not be reached:
 *         kijitora@example.com on 4/29/01 11:34:45 PM
 *               The recipient name is not recognized
 *               MSEXCH:IMS:KIJITORA CAT:EXAMPLE:EXCHANGE 0 (000C05A6) Unknown Recipient
 */
const SUBJECTS = [
  "undeliverable",
  "配信不能",
  "non remis",
  "non_remis_",
  "non recapitabile",
  "olevererbart",
  "unzustellbar",
  "onbestelbaar",
  "não entregue",
  "não_entregue",
];
/** "Diagnostic information for administrators" in the languages Exchange writes it (en, ja, fr, it, sv, nl, pt). */
const DIAGNOSTIC_STARTS = [
  "diagnostic information for administrators",
  "管理者向けの診断情報",
  "error details",
  "informations de diagnostic pour les administrateurs",
  "informazioni di diagnostica per gli amministratori",
  "diagnostisk information för administratörer",
  "diagnostische gegevens voor beheerders",
  "informações de diagnóstico para administradores",
];
const MARKERS = [
  ...DIAGNOSTIC_STARTS.filter((d) => d !== "error details"),
  "delivery has failed to these recipients",
  "did not reach the following recipient",
  "the following recipient(s) could not be reached",
  "rejected your message to the following email address",
  "your message couldn't be delivered",
  "このメールは、受信者全員または一部に届きませんでした",
  "次の受信者またはグループへの配信に失敗しました",
];

/** Exchange 2007+ NDR codes ("RESOLVER.ADR.RecipNotFound") and what they mean. */
const NDR_CODES: ReadonlyMap<string, Reason> = new Map(
  Object.entries({
    "smtpsend.dns.nonexistentdomain": "hostunknown",
    "smtpsend.dns.mxloopback": "networkerror",
    "resolver.adr.badprimary": "systemerror",
    "resolver.adr.recipnotfound": "userunknown",
    "resolver.adr.recipientnotfound": "userunknown",
    "resolver.adr.exrecipnotfound": "userunknown",
    "resolver.adr.reciplimit": "toomanyconn",
    "resolver.adr.invalidinsmtp": "systemerror",
    "resolver.adr.ambiguous": "systemerror",
    "resolver.rst.authrequired": "securityerror",
    "resolver.rst.notauthorized": "rejected",
    "resolver.rst.recipsizelimit": "exceedlimit",
    "queue.expired": "expired",
  }),
);

/** Exchange 2003 MSEXCH error numbers. */
const MSEXCH_CODES: ReadonlyMap<string, Reason> = new Map(
  Object.entries({
    "000C05A6": "userunknown",
    "000C0595": "filtered",
    "00010256": "systemerror",
    "000D06B5": "systemerror",
    "00120270": "networkerror",
    "00050311": "contenterror",
    "000502CC": "contenterror",
    "000B0981": "securityerror",
  }),
);

/** Exchange 2003 wording without a code. */
const MESSAGES: readonly [string, Reason][] = [
  ["the recipient name is not recognized", "userunknown"],
  ["wasn't found at", "userunknown"],
  ["recipient not found", "filtered"],
];

/**
 * The code in "(MSEXCH:IMS:KIJITORA CAT:EXAMPLE:EXCHANGE 0 (000C05A6) Unknown Recipient)": the first
 * parenthesis after "msexch:", if it holds 8 hex digits. What /msexch:[^(]*\(([0-9a-f]{8})\)/ finds, in
 * one pass (the pattern rescans to the end from every "msexch:" when no "(" follows).
 */
function msexchCode(lower: string): string | undefined {
  for (let at = lower.indexOf("msexch:"); at !== -1; ) {
    const open = lower.indexOf("(", at);
    if (open === -1) return undefined;
    const code = /^\(([0-9a-f]{8})\)/.exec(lower.slice(open, open + 10))?.[1];
    if (code) return code.toUpperCase();
    at = lower.indexOf("msexch:", open);
  }
  return undefined;
}

function withReason(d: Draft): Draft {
  const lower = d.diagnosis.toLowerCase();
  const ndr = /\b((?:resolver|queue|smtpsend)\.[a-z.]+)/.exec(lower)?.[1];
  const byNdr = ndr ? NDR_CODES.get(ndr) : undefined;
  if (byNdr) return copyDraft(d, { reason: byNdr, evidence: `Exchange: ${ndr}` });
  const code = msexchCode(lower);
  const byCode = code ? MSEXCH_CODES.get(code) : undefined;
  if (byCode) return copyDraft(d, { reason: byCode, evidence: `Exchange: ${code}` });
  const hit = MESSAGES.find(([w]) => lower.includes(w));
  return hit ? copyDraft(d, { reason: hit[1], evidence: `Exchange: ${hit[0]}` }) : d;
}

// "Generating server: mx.example.jp" and its translations (fr, it, sv, nl, pt), and the receiving side.
const GENERATING =
  /^(?:generating server|receiving server|dsn generated by|生成元サーバー|受信サーバー|serveur de g[ée]n[ée]ration|serveur de réception|server di generazione|server di ricezione|genererande server|mottagande server|bronserver|servidor de origem)\s*[:：]\s*(\S+)/i;

/** "Diagnostic information for administrators": an address alone on a line, then the server's answer. */
function diagnosticSection(lines: readonly string[]): Draft[] {
  const start = lines.findIndex((l) => mentionsAny(l, DIAGNOSTIC_STARTS));
  if (start === -1) return [];
  const drafts: Draft[] = [];
  let remoteHost = "";
  let generatedBy = "";
  for (const raw of lines.slice(start + 1)) {
    const line = raw.trim();
    if (!line) continue;
    const generating = GENERATING.exec(line);
    if (generating) {
      if (/^(?:receiving|受信|serveur de réception|server di ricezione|mottagande server)/i.test(line))
        remoteHost = generating[1]!.toLowerCase();
      else generatedBy = generating[1]!.toLowerCase();
      continue;
    }
    if (!/\s/.test(line) && line.includes("@") && firstAddress(line)) {
      drafts.push(
        newDraft("Exchange", { recipient: firstAddress(line), remoteHost, reportingMta: generatedBy }),
      );
      continue;
    }
    const last = drafts[drafts.length - 1];
    if (!last) continue;
    if (hasSmtpCode(line) || /remote server|returned '/i.test(line) || /^#/.test(line)) {
      last.diagnosis = squash(`${last.diagnosis} ${trimRuns(line, "#")}`);
    } else if (!last.remoteHost && /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(line))
      last.remoteHost = line.toLowerCase();
  }
  return drafts;
}

/**
 * The address of "kijitora@example.com on 4/29/01 11:34:45 PM" or "IMCEAEX-_O=…:SMTP=x@example.com; on …":
 * the first word before " on ", after its last ":smtp=", without a ";" at its end. By hand: as one pattern
 * (/^\s*(?:\S*:smtp=)?(\S+@\S+?);?\s+on\s+\S/i) the three overlapping runs backtrack cubically.
 */
function oldLayoutAddress(line: string): string | undefined {
  const word = /^\s*(\S+)\s+on\s+\S/i.exec(line)?.[1];
  if (!word) return undefined;
  const smtp = word.toLowerCase().lastIndexOf(":smtp=");
  let address = smtp !== -1 && word.indexOf("@", smtp) !== -1 ? word.slice(smtp + 6) : word;
  if (address.endsWith(";")) address = address.slice(0, -1);
  const at = address.indexOf("@");
  return at > 0 && at < address.length - 1 ? address : undefined;
}

/** Exchange 2003: "kijitora@example.com on 4/29/01 11:34:45 PM" then indented explanation lines. */
function oldLayout(lines: readonly string[]): Draft[] {
  const drafts: Draft[] = [];
  for (const line of lines) {
    const entry = oldLayoutAddress(line);
    if (entry && firstAddress(entry)) {
      drafts.push(newDraft("Exchange2003", { recipient: firstAddress(entry) }));
      continue;
    }
    const last = drafts[drafts.length - 1];
    if (last && /^\s/.test(line) && line.trim()) last.diagnosis = squash(`${last.diagnosis} ${line.trim()}`);
  }
  return drafts;
}

/** The part for people: addresses listed under "Delivery has failed to these recipients". */
function peopleLayout(lines: readonly string[]): Draft[] {
  const start = lines.findIndex((l) => mentionsAny(l, MARKERS));
  if (start === -1) return [];
  const drafts: Draft[] = [];
  for (const line of lines.slice(start, start + 40)) {
    if (mentionsAny(line, DIAGNOSTIC_STARTS)) break;
    const addresses = findAddresses(line);
    if (
      addresses.length > 0 &&
      line.trim().length < 200 &&
      drafts.every((d) => d.recipient !== addresses[0])
    ) {
      drafts.push(newDraft("Exchange", { recipient: addresses[0]! }));
    } else if (drafts.length > 0 && line.trim()) {
      const last = drafts[drafts.length - 1]!;
      last.diagnosis = squash(`${last.diagnosis} ${line.trim()}`);
    }
  }
  return drafts;
}

/**
 * Office 365 today: "Your message to x@example.jp couldn't be delivered." / "x wasn't found at
 * example.jp." and, further down, "Status code: 550 5.1.10".
 */
function modernLayout(lines: readonly string[]): Draft[] {
  const text = lines.join("\n");
  // No "@" before the address's own: with it the two runs could split "a@b@c…" anywhere.
  const to = /your message to\s+<?([^\s<>@]+@[^\s<>]+?)>?\s+couldn't be delivered/i.exec(text);
  if (!to) return [];
  const said = lines.filter((l) =>
    /wasn't found at|isn't found at|couldn't be delivered|^\s*status code:/i.test(l),
  );
  return [
    newDraft("Exchange", {
      recipient: firstAddress(to[1]!),
      diagnosis: squash(said.join(" ")),
      reportingMta: "outlook.com",
    }),
  ];
}

/**
 * One recipient whose answer in the section for administrators names no reason, and the part for people
 * above the section that does: the server's own words quoted there ("mx.example.jp gave this error:
 * Remote server returned unknown recipient or mailbox unavailable -> 550 <x@example.jp>: User unknown")
 * while the screen's bottom edge cut the section's copy ("Remote Server returned '550 5.1.351 Remote").
 */
function withWordsAbove(drafts: Draft[], lines: readonly string[]): Draft[] {
  if (drafts.length !== 1 || knownPhrase(drafts[0]!.diagnosis) !== undefined) return drafts;
  const start = lines.findIndex((l) => mentionsAny(l, DIAGNOSTIC_STARTS));
  const said = lines.slice(0, Math.max(0, start)).filter((l) => knownPhrase(l) !== undefined);
  if (said.length === 0) return drafts;
  return [copyDraft(drafts[0]!, { diagnosis: squash(`${drafts[0]!.diagnosis} ${said.join(" ")}`) })];
}

// Module constants: a regular expression literal in detect() would be a new object at every text classified.
const COULD_NOT_DELIVER = /your message to \S+ couldn't be delivered/;
const EXCHANGE_MAILER = /exchange|internet mail service/i;

export const exchange: Format = {
  name: "Exchange",
  detect(m: Message) {
    const subject = m.subject.toLowerCase();
    const notice = noticeLower(m);
    const marked = MARKERS.some((k) => notice.includes(k)) || COULD_NOT_DELIVER.test(notice);
    if (marked) return true;
    const mailer = `${header(m, "x-mailer")} ${header(m, "x-mimeole")}`;
    return (
      SUBJECTS.some((s) => subject.startsWith(s)) &&
      (EXCHANGE_MAILER.test(mailer) || header(m, "x-ms-exchange-message-is-ndr") !== "")
    );
  },
  parse(m: Message) {
    const lines = noticeLines(m);
    const found = diagnosticSection(lines);
    const people = peopleLayout(lines);
    const modern = modernLayout(lines);
    const drafts =
      found.length > 0
        ? withWordsAbove(found, lines)
        : oldLayout(lines).length > 0
          ? oldLayout(lines)
          : modern.length > 0
            ? modern
            : people;
    // The people part often says more in words ("The recipient's mailbox is full") than the codes.
    for (const d of drafts) {
      const words = people.find((p) => p.recipient.toLowerCase() === d.recipient.toLowerCase());
      if (words && words !== d && !d.diagnosis) d.diagnosis = words.diagnosis;
    }
    return drafts.map(withReason);
  },
};
