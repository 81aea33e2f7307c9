/**
 * The shared vocabulary of the classifier. Everything else in the project (dialogs, bot, CLI, metrics)
 * reads bounces through these types only.
 */

/** Sisimai's reason names: the common vocabulary of bounce classification, so evaluations compare directly. */
export const REASONS = [
  // failures
  "userunknown",
  "hostunknown",
  "mailboxfull",
  "mesgtoobig",
  "exceedlimit",
  "expired",
  "filtered",
  "rejected",
  "blocked",
  "spamdetected",
  "policyviolation",
  "securityerror",
  "authfailure",
  "requireptr",
  "badreputation",
  "notcompliantrfc",
  "suspend",
  "systemerror",
  "systemfull",
  "networkerror",
  "norelaying",
  "notaccept",
  "syntaxerror",
  "toomanyconn",
  "speeding",
  "contenterror",
  "virusdetected",
  "hasmoved",
  "mailererror",
  "failedstarttls",
  "onhold",
  "undefined",
  // not failures
  "delivered",
  "feedback",
  "vacation",
] as const;
export type Reason = (typeof REASONS)[number];

/**
 * Advice topics: stable ids used by dialogs, knowledge data files, metrics and the rich menu.
 * The first seven come from the ISP's returned-mail page; keep these ids as they are (operators and
 * outside checks rely on them).
 */
export const TOPIC_IDS = [
  "host-unknown",
  "user-unknown",
  "mailbox-full",
  "message-too-big",
  "delayed",
  "expired",
  "backscatter",
  // what real servers say beyond the ISP page
  "auth-failed", // SPF/DKIM/DMARC: the sender could not be authenticated (e.g. 550-5.7.26)
  "spam-blocked", // the content or volume looked like spam
  "sender-blocklisted", // the sending server's IP is on a block list / bad reputation / no PTR
  "relay-denied", // the outgoing server refused to relay: SMTP AUTH / wrong server
  "account-suspended", // the recipient's account is disabled or suspended
  "address-syntax", // the address is malformed (full-width chars, "..", two "@")
  "virus-detected", // an attachment was flagged as malware
  "server-trouble", // temporary trouble at a server: full disk, network, too many connections
  "not-a-bounce", // auto-reply, delivery notice, spam complaint report: nothing failed
  "unknown", // a bounce we cannot explain: the assistant offers the menu / escalation
] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

export type DsnAction = "failed" | "delayed" | "delivered" | "expanded" | "relayed" | "";

/** One bounced (or reported) recipient. Flat on purpose: it is printed, logged (masked) and stored as is. */
export interface BounceRecord {
  /** Sisimai reason name. */
  reason: Reason;
  /** Advice topic the assistant uses for this record. */
  topic: TopicId;
  /** RFC 3463 enhanced status code ("5.1.1"), or "" when none could be found or inferred. */
  status: string;
  /** DSN action. "delayed" means the server is still retrying. */
  action: DsnAction;
  /** SMTP reply code ("550"), or "". */
  replyCode: string;
  /** The remote server's explanation (Diagnostic-Code or the quoted SMTP reply), personal data masked. */
  diagnosis: string;
  /** The server that answered (host name or IP), or "". Server names are not personal data. */
  remoteHost: string;
  /** Recipient address, masked for display ("t***@docomo.ne.jp"), or "" when the bounce does not name one. */
  recipient: string;
  /** Recipient's domain ("docomo.ne.jp"), or "": lets the dialog recognise carrier addresses. */
  recipientDomain: string;
  /** 0..1: how sure the classifier is (1 = a DSN field decided, low = a guess from a fragment). */
  confidence: number;
  /**
   * The verdict rests on a code alone that says only "refused by the receiver's rules" (550 5.7.1 with
   * the words after it cut off, or naming no rule): the likeliest reading, kept for counts, which the
   * chat does not show as a diagnosis (it asks for the words after the code). Internal: the CLI's JSON
   * lines leave it out.
   */
  guessFromPolicyCode: boolean;
  /**
   * The verdict rests on a code alone that names only the class of its cause (5.1.0 "an address", a bare
   * 550 "mailbox unavailable": status-table.ts classOnlyCode): the class's key in codes.yaml `classes`
   * ("5.1", "550"), or "". The topic is the advice that fits the class; the chat says what the code
   * means, that next step, and asks for the line that names the cause. Internal, as above.
   */
  codeClassOnly: string;
  /** Which field or phrase decided the reason, e.g. "status 5.1.1" or "phrase: mailbox full". Masked. */
  evidence: string;
  /** The MTA family whose format was decoded ("Postfix", "RFC3464", "fragment", ...). */
  lhost: string;
}

export type InputKind = "mail" | "fragment";

export interface Classification {
  /** Whether the input was read as a whole RFC 5322 message or as pasted text. */
  kind: InputKind;
  /** One record per bounced recipient; empty when the input is not a bounce (or nothing was recognised). */
  records: BounceRecord[];
}

/** How a reason was decided, from strongest to weakest. */
export type Basis = "format" | "provider" | "status" | "phrase" | "fallback" | "none";

/** A reason and why: what formats, providers and the general checks return (bounce/decide.ts). */
export interface Decision {
  reason: Reason;
  basis: Basis;
  /** Human-readable: which field or phrase decided ("status 5.1.1", "phrase: user unknown"). */
  evidence: string;
}
