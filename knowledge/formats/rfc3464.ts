import { type Draft, newDraft } from "../bounce/draft.ts";
import type { Message } from "../bounce/message.ts";
import { firstAddress, linesOf, squash } from "../bounce/text.ts";
import { heldOutTable } from "../holdout.ts";
import type { DsnAction } from "../types.ts";
import type { Format } from "./format.ts";
import { POWERMTA_CATEGORY_FIELD, powerMtaReason } from "./powermta.ts";

/**
 * The machine-readable delivery report of RFC 3464 (message/delivery-status): per-message fields, then
 * one group of fields per recipient.
 *
 *   Reporting-MTA: dns; mx.example.jp
 *
 *   Final-Recipient: rfc822; kijitora@example.co.jp
 *   Action: failed
 *   Status: 5.1.1
 *   Remote-MTA: dns; mx01.example.co.jp
 *   Diagnostic-Code: smtp; 550 5.1.1 <kijitora@example.co.jp>... User Unknown
 */

const RECIPIENT_FIELDS = new Set(["final-recipient", "original-recipient", "x-actual-recipient"]);
const GROUP_FIELDS = new Set([
  ...RECIPIENT_FIELDS,
  "action",
  "status",
  "remote-mta",
  "diagnostic-code",
  "last-attempt-date",
  "will-retry-until",
  "x-supplementary-info",
  "x-display-name",
  POWERMTA_CATEGORY_FIELD,
]);

interface Fields {
  [name: string]: string | undefined;
}

/**
 * A recipient's group with every field of GROUP_FIELDS undefined until read: one shape for every group
 * (objects given their fields in the order a report lists them had one hidden class per order, and
 * dsnDrafts' reads of them went megamorphic).
 */
function newFields(): Fields {
  return {
    "final-recipient": undefined,
    "original-recipient": undefined,
    "x-actual-recipient": undefined,
    action: undefined,
    status: undefined,
    "remote-mta": undefined,
    "diagnostic-code": undefined,
    "last-attempt-date": undefined,
    "will-retry-until": undefined,
    "x-supplementary-info": undefined,
    "x-display-name": undefined,
    [POWERMTA_CATEGORY_FIELD]: undefined,
  };
}

/** The per-recipient field groups of a delivery report, continuation lines unfolded. */
export function fieldGroups(text: string): Fields[] {
  const groups: Fields[] = [];
  let current: Fields | undefined;
  let last = "";
  let gap = false; // a blank line since the current group got its last field
  for (const line of linesOf(text, 4000)) {
    if (line.trim() === "") {
      gap = true;
      last = "";
      continue;
    }
    if (/^[ \t]/.test(line) && current && last) {
      current[last] += ` ${line.trim()}`;
      continue;
    }
    const m = /^([A-Za-z][A-Za-z0-9-]{1,40}):(.*)/.exec(line); // the value is trimmed below
    const name = m ? m[1]!.toLowerCase() : "";
    if (!m || !GROUP_FIELDS.has(name)) {
      last = "";
      continue;
    }
    // RFC 3464 separates recipients by blank lines; some MTAs don't, so a repeated field also starts one.
    if (!current || gap || current[name] !== undefined) {
      current = newFields();
      groups.push(current);
    }
    gap = false;
    current[name] = m[2]!.trim();
    last = name;
    if (groups.length > 500) break;
  }
  return groups.filter((g) => g["final-recipient"] || g["original-recipient"] || g["x-actual-recipient"]);
}

/** "rfc822; <x@example.jp>" → "x@example.jp" */
function addressOfField(value: string | undefined): string {
  if (!value) return "";
  const after = value.includes(";") ? value.slice(value.indexOf(";") + 1) : value;
  return firstAddress(after);
}

export function normaliseAction(value: string): DsnAction {
  const v = value.trim().toLowerCase();
  if (v.startsWith("fail")) return "failed";
  if (v.startsWith("delay")) return "delayed";
  if (v.startsWith("deliver")) return "delivered";
  if (v.startsWith("relay")) return "relayed";
  if (v.startsWith("expand")) return "expanded";
  return "";
}

/**
 * "Reporting-MTA: dns; mx.example.jp" → "mx.example.jp" (the type is optional; the value may be folded onto
 * the next line). By hand: in one pattern the blanks before the type and inside it overlap and backtrack.
 */
function reportingMtaOf(text: string): string {
  const field = /^reporting-mta:/im.exec(text);
  if (!field) return "";
  const blanks = /\s*/y;
  blanks.lastIndex = field.index + field[0].length;
  blanks.exec(text);
  let at = blanks.lastIndex;
  const semi = text.indexOf(";", at);
  const eol = text.indexOf("\n", at);
  if (semi !== -1 && (eol === -1 || semi < eol)) {
    blanks.lastIndex = semi + 1;
    blanks.exec(text);
    at = blanks.lastIndex;
  }
  return /^[A-Za-z0-9.-]+/.exec(text.slice(at, at + 256))?.[0].toLowerCase() ?? "";
}

/** Whether PowerMTA's bounce-category field is read (eval:families holds it out with the PowerMTA family). */
let readPowerMta = true;
heldOutTable(({ names }) => {
  readPowerMta = !names.has("PowerMTA");
});

/** One draft per recipient group of a delivery report. */
export function dsnDrafts(text: string, lhost = "RFC3464"): Draft[] {
  const drafts: Draft[] = [];
  const reportingMta = reportingMtaOf(text);
  for (const g of fieldGroups(text)) {
    const recipient =
      addressOfField(g["final-recipient"]) ||
      addressOfField(g["original-recipient"]) ||
      addressOfField(g["x-actual-recipient"]);
    // Without a Diagnostic-Code, a comment after the status is the only explanation:
    //   Status: 4.0.0 (cat.example.net: host name lookup failure)
    const comment = /^\s*[245]\.\d{1,3}\.\d{1,3}\s*\((.{1,300})\)/.exec(g.status ?? "")?.[1] ?? "";
    const generic = /^(?:permanent|temporary|persistent|transient) failure$|^other\b|\bundefined\b/i;
    const code = g["diagnostic-code"] ?? (generic.test(comment.trim()) ? "" : comment);
    const semi = code.indexOf(";");
    const typed = semi > 0 && semi < 20 && /^[A-Za-z][A-Za-z0-9-]*$/.test(code.slice(0, semi).trim());
    const category = readPowerMta ? powerMtaReason(g[POWERMTA_CATEGORY_FIELD]) : undefined;
    drafts.push(
      newDraft(lhost, {
        recipient,
        action: normaliseAction(g.action ?? ""),
        status: /^\s*([245]\.\d{1,3}\.\d{1,3})/.exec(g.status ?? "")?.[1] ?? "",
        diagnosis: squash(
          `${typed ? code.slice(semi + 1) : code}${g["diagnostic-code"] && comment && !generic.test(comment.trim()) ? ` (${comment})` : ""}`,
        ),
        diagnosticType: typed ? code.slice(0, semi).trim().toUpperCase() : "",
        reportingMta,
        remoteHost: (g["remote-mta"] ?? "")
          .replace(/^[^;]*;\s*/, "")
          .replace(/[\s[][\s\S]*/, "") // from the first blank or "[" on
          .toLowerCase(),
        ...(category ? { reason: category, evidence: `PowerMTA: ${g[POWERMTA_CATEGORY_FIELD]}` } : {}),
      }),
    );
  }
  return drafts;
}

/** A report with no notice we recognise: the delivery report alone. */
export const rfc3464: Format = {
  name: "RFC3464",
  detect: (m: Message) => m.dsn !== "",
  parse: (m: Message) => dsnDrafts(m.dsn),
};
