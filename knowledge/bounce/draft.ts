import type { DsnAction, Reason } from "../types.ts";

/**
 * One recipient as a format decoded it, before the reason is decided and before anything is masked.
 * Internal only: it still holds the raw address and text, so it never leaves the classifier.
 */
export interface Draft {
  /** The bounced address as written in the bounce ("" when the bounce names none). */
  recipient: string;
  action: DsnAction;
  /** RFC 3463 status from a Status: field or the text ("5.1.1"), or "". */
  status: string;
  /** SMTP reply code ("550"), or "". */
  replyCode: string;
  /** The server's explanation, on one line (whitespace collapsed). */
  diagnosis: string;
  /** Type of the Diagnostic-Code field ("SMTP", "X-UNIX", ...), or "". */
  diagnosticType: string;
  /** SMTP command the server answered ("RCPT", "DATA", "MAIL", "HELO", "EHLO", "CONN", "STARTTLS"), or "". */
  command: string;
  /** The server that answered, or "". */
  remoteHost: string;
  /** The server that wrote the bounce (Reporting-MTA, or the domain of the bounce's From), or "". */
  reportingMta: string;
  /** Set by a format when its own wording settles the reason (auto-reply, complaint report, provider code). */
  reason?: Reason;
  /** Why the format set the reason; shown as evidence. */
  evidence?: string;
  /** Name of the format that decoded this recipient. */
  lhost: string;
  /**
   * The action is "delayed" because the notice's words say it is still retrying ("will be retried",
   * "temporary failure"), not because a report's Action: field says so (record.ts topicFor).
   */
  delayedByWords: boolean;
}

/**
 * Every draft has the same fields in the same order (`reason` and `evidence` too, undefined until a format
 * sets them), so they all share one hidden class: the code that reads drafts (finish, decide, toRecord)
 * sees one shape, not one per combination of fields a format happened to pass.
 */
export function newDraft(lhost: string, fields: Partial<Draft> = {}): Draft {
  return {
    recipient: "",
    action: "",
    status: "",
    replyCode: "",
    diagnosis: "",
    diagnosticType: "",
    command: "",
    remoteHost: "",
    reportingMta: "",
    reason: undefined,
    evidence: undefined,
    lhost,
    delayedByWords: false,
    ...fields,
  };
}

/**
 * `{ ...d, ...changes }` in newDraft's one shape. A spread copy gets a hidden class of its own (V8 clones
 * the source's layout into a new map): drafts made that way by five formats and the report merge gave the
 * code that reads drafts up to seven shapes, so its property reads went megamorphic.
 */
export function copyDraft(d: Draft, changes: Partial<Draft>): Draft {
  return Object.assign(newDraft(d.lhost, d), changes);
}
