import { localDeliveryReason } from "../formats/local-delivery.ts";
import { providerReason } from "../formats/providers.ts";
import type { Facts, ReasonCheck } from "../reasons/check.ts";
import { keywordReason } from "../reasons/keywords.ts";
import { CHECKS, REASON_ORDER, type StepKind } from "../reasons/order.ts";
import { reasonOfStatus } from "../status-table.ts";
import type { Decision, Reason } from "../types.ts";
import type { Draft } from "./draft.ts";
import { knownPhrase } from "./signals.ts";
import { forMatching } from "./text.ts";

/**
 * Reasons a format may suggest that the general checks still get to overrule: they are what a format
 * says when it only knows that "something" failed.
 */
const OVERRULABLE = new Set<Reason>([
  "undefined",
  "onhold",
  "systemerror",
  "securityerror",
  "expired",
  "networkerror",
  "hostunknown",
  "userunknown",
]);

/**
 * REASON_ORDER's steps with their checks, split by kind, in order. Plain objects walked by index: the
 * classify command runs decide() mostly as baseline code, where `for (const [reason, kind] of ...)`
 * creates an iterator for the list and another for each step, and CHECKS[reason] is a keyed lookup.
 */
interface Step {
  reason: Reason;
  check: ReasonCheck | undefined;
}
const stepsOf = (wanted: StepKind): readonly Step[] =>
  REASON_ORDER.filter((s) => s[1] === wanted).map((s) => ({ reason: s[0], check: CHECKS[s[0]] }));
const PROBES = stepsOf("probe");
const PHRASES = stepsOf("phrase");

/** Diagnostic texts longer than this are cut before phrase matching (phrases sit near the start). */
const MAX_TEXT = 3000;

export function factsOf(d: Draft): Facts {
  const text = forMatching(d.diagnosis.length > MAX_TEXT ? d.diagnosis.slice(0, MAX_TEXT) : d.diagnosis);
  return {
    text,
    status: d.status,
    statusReason: reasonOfStatus(d.status),
    replyCode: d.replyCode,
    command: d.command,
    action: d.action,
    diagnosticType: d.diagnosticType,
  };
}

function byPhrase(reason: Reason, f: Facts): Decision {
  const own = CHECKS[reason]?.match(f.text);
  if (own) return { reason, basis: "phrase", evidence: `phrase: ${own.replace(/…/g, "...")}` };
  if (f.status && f.statusReason === reason)
    return { reason, basis: "status", evidence: `status ${f.status}` };
  // Decided by a related check (a filter that words its refusal like an unknown user, say).
  const other = knownPhrase(f.text);
  if (other) return { reason, basis: "phrase", evidence: `phrase: ${other.replace(/…/g, "...")}` };
  if (f.status) return { reason, basis: "status", evidence: `status ${f.status}` };
  return {
    reason,
    basis: "status",
    evidence: f.replyCode ? `reply code ${f.replyCode}` : `SMTP step ${f.command || "unknown"}`,
  };
}

/** The ordered steps of reasons/order.ts, then the status code alone, then the weak fallbacks. */
export function decide(d: Draft): Decision {
  if (d.reason && !OVERRULABLE.has(d.reason)) {
    return { reason: d.reason, basis: "format", evidence: d.evidence ?? `format ${d.lhost}` };
  }
  if (d.status.startsWith("2."))
    return { reason: "delivered", basis: "status", evidence: `status ${d.status}` };

  const f = factsOf(d);
  const provider = localDeliveryReason(d, f) ?? providerReason(d, f);
  if (provider) return provider;

  const smtpLike = d.diagnosticType === "" || d.diagnosticType.toUpperCase() === "SMTP";
  if (smtpLike) {
    for (let i = 0; i < PROBES.length; i++) {
      const { reason, check } = PROBES[i]!;
      // What the format suggested stands when its turn comes, unless a more specific check matched first.
      // (expired's early probe is greylisting only: a format's "gave up" is weighed after the probes.)
      if (d.reason === reason && reason !== "expired")
        return { reason, basis: "format", evidence: d.evidence ?? `format ${d.lhost}` };
      if (check?.probe(f)) return byPhrase(reason, f);
    }
  }
  // What the format suggested beats a phrase found anywhere in the text.
  const formatReason = d.reason === "expired" && causeBesidesRetries(f) ? undefined : d.reason;
  if (formatReason && formatReason !== "undefined" && formatReason !== "onhold") {
    return { reason: formatReason, basis: "format", evidence: d.evidence ?? `format ${d.lhost}` };
  }
  const statusIsVague = f.statusReason === "" || OVERRULABLE.has(f.statusReason);
  if (statusIsVague || !smtpLike) {
    for (let i = 0; i < PHRASES.length; i++) {
      const { reason, check } = PHRASES[i]!;
      if (!check?.match(f.text)) continue;
      if (reason === "expired" && causeBesidesRetries(f)) continue;
      return byPhrase(reason, f);
    }
  }
  // A report whose Diagnostic-Code type is not SMTP ("unknown; No such domain.") still quotes the
  // server's words: the probe reasons' phrases are read too, unless a local program wrote them.
  if (!smtpLike && statusIsVague && !d.diagnosticType.toUpperCase().startsWith("X-UNIX")) {
    for (let i = 0; i < PROBES.length; i++) {
      const { reason, check } = PROBES[i]!;
      if (check?.match(f.text)) return byPhrase(reason, f);
    }
  }
  // A status that names no particular problem (x.y.0 "other", 5.7.1 "delivery not authorized") says
  // less than the server's own words: "550 5.7.1 IP address blacklisted by recipient". So does 5.2.1
  // "mailbox disabled", given for unknown and for disabled accounts alike ("550 5.2.1 The email account
  // that you tried to reach is inactive"). Not for a local program's complaint ("X-Unix; no such
  // domain": a mailer error whatever it says).
  const vague =
    !f.statusReason ||
    f.status.endsWith(".0") ||
    f.status === "5.7.1" ||
    f.status === "4.7.1" ||
    f.status === "5.2.1";
  const words = vague && !localProgram(d) ? keywordReason(f) : undefined;
  // "Service unavailable" is the plain text of a 554 or 550 reply; under a policy status (x.7.x: refused
  // by a rule, RFC 3463) it says no more than that, not that the server is broken.
  const serverWordsUnderPolicy = words?.reason === "systemerror" && f.status.slice(1, 3) === ".7";
  const named =
    (words?.reason === "expired" && causeBesidesRetries(f)) || serverWordsUnderPolicy ? undefined : words;
  if (named) return byWords(named);
  if (f.statusReason) return { reason: f.statusReason, basis: "status", evidence: `status ${f.status}` };

  const cls = f.status.slice(0, 3);
  if (cls === "5.6" || cls === "4.6") return fallback("contenterror", `status ${f.status}`);
  if (cls === "5.7" || cls === "4.7") return fallback("securityerror", `status ${f.status}`);
  if (localProgram(d)) return fallback("mailererror", "local delivery program");
  // RFC 5321 551: "User not local; please try <forward-path>": the mailbox moved.
  if (f.replyCode === "551" && !f.status) return fallback("hasmoved", "reply code 551");
  // A refused greeting (even a 501 "invalid domain name" for the HELO argument) turns the sending
  // host away, not one message: checked before the reply code's syntax-error reading.
  if (refusedGreeting(d)) return fallback("blocked", `refused at ${d.command}`);
  if (CHECKS.syntaxerror?.probe(f)) return fallback("syntaxerror", `reply code ${f.replyCode}`);
  if (d.action === "delayed") return fallback("expired", "action delayed");
  // The server answered the connection itself with a refusal (Postfix: "host mx.example.jp[192.0.2.1]
  // refused to talk to me: 421 Service not available"): the sending host is not welcome. Not under a
  // network and routing status (RFC 3463 X.4): "450 4.4.316 Connection refused [Socket error code 10061]"
  // is a connection that failed on the way, no server listening, the reply the sending server's own.
  if (d.command === "CONN" && /^[45]\d\d$/.test(f.replyCode))
    return cls === "5.4" || cls === "4.4"
      ? fallback("networkerror", `status ${f.status}`)
      : fallback("blocked", "refused at connection");
  const vacation = CHECKS.vacation?.match(f.text);
  if (vacation) return { reason: "vacation", basis: "phrase", evidence: `phrase: ${vacation}` };
  if (f.text) return { reason: "onhold", basis: "none", evidence: "no known phrase or code" };
  return { reason: "undefined", basis: "none", evidence: "no diagnostic text" };
}

/** A report whose Diagnostic-Code is a local program's ("X-Unix; 127"). */
function localProgram(d: Draft): boolean {
  return d.diagnosticType.toUpperCase().startsWith("X-UNIX");
}

function byWords(named: { reason: Reason; words: string }): Decision {
  return { reason: named.reason, basis: "phrase", evidence: `words: ${named.words}` };
}

/**
 * "Gave up after retrying" (qmail: "this message has been in the queue too long") says how long the
 * sender tried, not why it failed: a status code that names a cause, or a refusal of the greeting,
 * tells more.
 */
function causeBesidesRetries(f: Facts): boolean {
  if (f.statusReason && f.statusReason !== "expired") return true;
  return f.command === "EHLO" || f.command === "HELO";
}

/** A final refusal at HELO/EHLO; a deferred one is still being retried (expired's "action delayed"). */
function refusedGreeting(d: Draft): boolean {
  return (d.command === "EHLO" || d.command === "HELO") && d.action !== "delayed";
}

function fallback(reason: Reason, evidence: string): Decision {
  return { reason, basis: "fallback", evidence };
}
