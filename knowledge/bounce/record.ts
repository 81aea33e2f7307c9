import { maskAddress, maskPii } from "../pii.ts";
import { classOnlyCode, POLICY_CODE_GUESS, privateStatus, saysOnlyPolicy } from "../status-table.ts";
import { topicOf } from "../topic-of-reason.ts";
import type { Basis, BounceRecord, Decision, InputKind, TopicId } from "../types.ts";
import type { Draft } from "./draft.ts";
import { saysTemporary } from "./temporary.ts";
import { domainOf, forMatching } from "./text.ts";

const CONFIDENCE: Record<Basis, number> = {
  format: 0.9,
  provider: 0.9,
  status: 0.85,
  phrase: 0.8,
  fallback: 0.4,
  none: 0.1,
};

/** Wordings of a malformed address; they get the address-syntax advice whatever the reason name. */
const SYNTAX_PHRASES = [
  "bad destination mailbox address syntax",
  "illegal envelope to: address",
  "invalid address format",
  "not valid rfc5321 syntax",
  "not valid rfc 5321 syntax",
  "syntax error in address",
  "address syntax",
];

/**
 * Japanese mobile carriers answer a refusal by the recipient's reception filter with "unknown user"
 * wording even when they refuse after DATA (reason "rejected" in Sisimai's terms). For the user the
 * advice is the same as for an unknown address: check it, or ask the recipient to allow the domain.
 */
const CARRIER_DOMAINS = [
  "docomo.ne.jp",
  "ezweb.ne.jp",
  "au.com",
  "softbank.ne.jp",
  "i.softbank.jp",
  "ymobile.ne.jp",
  "uqmobile.jp",
  "rakumail.jp",
];

const AU_DOMAINS = /(?:^|\.)(?:ezweb\.ne\.jp|au\.com)$/;
const NO_SUCH_DOMAIN = /\bnxdomain\b|domain name not found|no such domain|non-?existent domain/i;

function isCarrier(domain: string): boolean {
  return CARRIER_DOMAINS.some((c) => domain === c || domain.endsWith(`.${c}`));
}

/**
 * Faults of the recipient's side that stay until someone fixes them: a notice still retrying that names
 * one ("Technical details of temporary failure: … 450 4.2.2 … Mailbox Full") is advised by the fault
 * (the recipient must free space, the address or domain must be right), not "wait, no need to resend".
 */
const LASTING: ReadonlySet<TopicId> = new Set([
  "user-unknown",
  "host-unknown",
  "mailbox-full",
  "message-too-big",
  "account-suspended",
]);

function topicFor(draft: Draft, decision: Decision, status: string, codeClass: string): TopicId {
  // A bare 550 or 553 to a recipient ("…said: 550" cut there): the mailbox was unavailable, which the
  // address's advice (check it, ask the recipient) answers first; the chat says it is the class only.
  if (codeClass === "550" || codeClass === "553") return "user-unknown";
  let topic = topicOf(decision.reason, draft.action, status);
  if (topic === "delayed" && draft.delayedByWords) {
    const fault = topicOf(decision.reason, "", status);
    if (LASTING.has(fault)) topic = fault;
  }
  if (decision.reason === "rejected" && isCarrier(domainOf(draft.recipient))) {
    if (/unknown user|user unknown/i.test(draft.diagnosis)) return "user-unknown";
  }
  // au answers mail to an address it cannot take (malformed, or not an au domain at all) with
  // "554 <addr>: Relay access denied": the address is the problem, not the sender's server.
  if (decision.reason === "norelaying" && AU_DOMAINS.test(domainOf(draft.recipient)))
    return /\.\.|\.@|^\./.test(draft.recipient) ? "address-syntax" : "user-unknown";
  // 535 / X.7.8 "authentication credentials invalid": the user's own login at the sending server
  // (wrong mail password) was refused; the fix is in the mail app's outgoing settings.
  if (decision.reason === "securityerror" && (draft.replyCode === "535" || /^[45]\.7\.8$/.test(status)))
    return "relay-denied";
  // The recipient's domain does not exist in DNS: Sisimai files that under networkerror, but for the
  // user it is a mistyped or vanished domain ("DNS type 'mx' lookup of example.jp responded with code
  // NXDOMAIN").
  if (decision.reason === "networkerror" && NO_SUCH_DOMAIN.test(draft.diagnosis)) return "host-unknown";
  if (topic === "user-unknown" || topic === "host-unknown" || topic === "unknown") {
    const text = forMatching(draft.diagnosis.slice(0, 2000));
    if (SYNTAX_PHRASES.some((p) => text.includes(p))) return "address-syntax";
  }
  return topic;
}

/** Whether a draft without a status says its failure is temporary: its action, reply code or words. */
function isTemporary(draft: Draft): boolean {
  if (draft.action === "delayed") return true;
  if (draft.replyCode) return draft.replyCode.startsWith("4");
  return saysTemporary(draft.diagnosis);
}

/**
 * The published record: reason, topic and codes settled, everything personal masked. `verdictOnly`:
 * the server's texts that would need masking (diagnosis, evidence) are left empty instead, for callers
 * that print only the verdict and the masked recipient (the classify CLI's JSON lines): masking those
 * texts is a good part of the work per mail.
 */
export function toRecord(
  draft: Draft,
  decision: Decision,
  kind: InputKind,
  verdictOnly = false,
): BounceRecord {
  const reason = decision.reason;
  const notFailure = reason === "delivered" || reason === "feedback" || reason === "vacation";
  const status = draft.status || (notFailure ? "" : privateStatus(reason, isTemporary(draft)));
  const phraseOnly = decision.basis === "phrase" && kind === "fragment";
  // Only the code decided, and the code says only "refused by policy" (550 5.7.1 with its words cut off).
  const byCode = decision.basis === "status" || decision.basis === "fallback";
  const policyCodeOnly = byCode && saysOnlyPolicy(draft.status);
  // A piece in which only a code that names a class of cause decided (5.1.0), or a bare 550 / 553 was
  // all there was to read. A whole mail keeps its verdict: there is no more of it to ask for.
  const codeClass =
    kind === "fragment" && ((byCode && draft.status) || (reason === "onhold" && !draft.status))
      ? classOnlyCode(draft.status, draft.replyCode, draft.command)
      : "";
  return {
    reason,
    topic: topicFor(draft, decision, status, codeClass),
    status,
    action: draft.action,
    replyCode: reason === "feedback" || reason === "vacation" ? "" : draft.replyCode,
    diagnosis: verdictOnly ? "" : maskPii(draft.diagnosis.slice(0, 1000)),
    remoteHost: draft.remoteHost,
    recipient: draft.recipient ? maskAddress(draft.recipient) : "",
    recipientDomain: domainOf(draft.recipient),
    confidence:
      policyCodeOnly || codeClass ? POLICY_CODE_GUESS : phraseOnly ? 0.6 : CONFIDENCE[decision.basis],
    guessFromPolicyCode: policyCodeOnly,
    codeClassOnly: codeClass,
    evidence: verdictOnly ? "" : maskPii(decision.evidence.slice(0, 200)),
    lhost: draft.lhost,
  };
}
