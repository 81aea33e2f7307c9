import type { Reason } from "./types.ts";

/**
 * What an enhanced status code (RFC 3463, RFC 5248 registry) says about the reason by itself.
 * Codes missing here ("X.0.0", "4.4.0", "5.7.0" ...) are too vague to decide anything alone.
 */
const REASON_BY_STATUS: ReadonlyMap<string, Reason> = new Map(
  Object.entries({
    "2.1.5": "delivered", // destination address valid
    "4.1.6": "hasmoved", // mailbox has moved
    "4.1.7": "rejected", // bad sender's mailbox address syntax
    "4.1.8": "rejected", // bad sender's system address
    "4.1.9": "systemerror", // relayed to a non-compliant mailer
    "4.2.1": "blocked", // mailbox disabled (temporarily: mostly rate limiting at big providers)
    "4.2.2": "mailboxfull",
    "4.2.3": "exceedlimit", // message length exceeds administrative limit
    "4.2.4": "filtered", // mailing list expansion problem
    "4.3.1": "systemfull", // mail system full
    "4.3.2": "notaccept", // system not accepting network messages
    "4.3.3": "systemerror",
    "4.3.5": "systemerror", // system incorrectly configured
    "4.4.1": "expired", // no answer from host
    "4.4.2": "networkerror", // bad connection
    "4.4.3": "systemerror", // directory server failure
    "4.4.4": "networkerror", // unable to route
    "4.4.5": "systemfull", // mail system congestion
    "4.4.6": "networkerror", // routing loop
    "4.4.7": "expired", // delivery time expired
    "4.4.8": "networkerror",
    "4.5.3": "systemerror", // too many recipients
    "4.5.5": "systemerror", // wrong protocol version
    "4.6.0": "contenterror",
    "4.6.2": "contenterror",
    "4.6.5": "contenterror",
    "4.7.1": "blocked", // delivery not authorized
    "4.7.2": "blocked",
    "4.7.5": "securityerror", // cryptographic failure
    "4.7.6": "securityerror",
    "4.7.7": "securityerror",
    "4.7.12": "securityerror",
    "4.7.15": "securityerror",
    "4.7.16": "mesgtoobig",
    "4.7.24": "authfailure", // SPF validation error
    "4.7.25": "requireptr", // reverse DNS validation failed
    "4.7.26": "authfailure", // must pass SPF or DKIM
    "5.1.0": "userunknown", // other address status
    "5.1.1": "userunknown", // bad destination mailbox address
    "5.1.2": "hostunknown", // bad destination system address
    "5.1.3": "userunknown", // bad destination mailbox address syntax
    "5.1.4": "filtered", // ambiguous destination
    "5.1.6": "hasmoved",
    "5.1.7": "rejected",
    "5.1.8": "rejected",
    "5.1.9": "systemerror",
    "5.1.10": "notaccept", // null MX (RFC 7505)
    "5.2.0": "filtered",
    "5.2.1": "filtered", // mailbox disabled, not accepting messages
    "5.2.2": "mailboxfull",
    "5.2.3": "exceedlimit",
    "5.2.4": "filtered",
    "5.3.0": "systemerror",
    "5.3.1": "systemfull",
    "5.3.2": "notaccept",
    "5.3.3": "systemerror",
    "5.3.4": "mesgtoobig", // message too big for system
    "5.3.5": "systemerror",
    "5.4.0": "networkerror",
    "5.4.3": "systemerror",
    "5.4.4": "hostunknown", // unable to route
    "5.5.2": "syntaxerror",
    "5.5.3": "toomanyconn", // too many recipients
    "5.5.4": "systemerror",
    "5.5.5": "systemerror",
    "5.5.6": "syntaxerror",
    "5.6.0": "contenterror",
    "5.6.1": "contenterror",
    "5.6.2": "contenterror",
    "5.6.3": "contenterror",
    "5.6.5": "contenterror",
    "5.6.6": "contenterror",
    "5.6.7": "contenterror",
    "5.6.8": "contenterror",
    "5.6.9": "contenterror",
    "5.7.0": "securityerror",
    // 5.7.1, delivery not authorized: the text usually says why. When it says nothing we can read, this
    // (auth-failed advice) is still right most often: of the labelled corpus's 35 records with 5.7.1,
    // auth-failed and spam-blocked have 10 each (then blocklisted 7, user-unknown 5), and of the nine
    // whose words decide nothing even with their family unseen, 6 are auth-failed (round 23, shots8).
    "5.7.1": "securityerror",
    "5.7.2": "securityerror",
    "5.7.3": "securityerror",
    "5.7.4": "securityerror",
    "5.7.5": "securityerror",
    "5.7.6": "securityerror",
    "5.7.7": "securityerror",
    "5.7.8": "securityerror", // authentication credentials invalid
    "5.7.9": "securityerror",
    "5.7.10": "securityerror",
    "5.7.11": "securityerror",
    "5.7.13": "suspend", // user account disabled
    "5.7.14": "securityerror",
    "5.7.15": "securityerror",
    "5.7.16": "mesgtoobig",
    "5.7.17": "hasmoved", // mailbox owner has changed
    "5.7.18": "hasmoved", // domain owner has changed
    "5.7.19": "securityerror",
    "5.7.20": "authfailure", // no passing DKIM signature
    "5.7.21": "authfailure",
    "5.7.22": "authfailure",
    "5.7.23": "authfailure", // SPF validation failed
    "5.7.24": "authfailure",
    "5.7.25": "requireptr",
    "5.7.26": "authfailure", // multiple authentication checks failed
    "5.7.27": "notaccept", // sender address has null MX
    "5.7.28": "spamdetected", // mail flood
    "5.7.29": "authfailure", // ARC validation failed
    "5.7.30": "failedstarttls", // REQUIRETLS support required
  }),
);

/**
 * Codes of the IANA registry (RFC 3463, 5248 and later) that Sisimai's table leaves out. They only
 * decide when no phrase or provider rule did: before, such a bounce fell through to a vague fallback.
 */
const MORE_BY_STATUS: ReadonlyMap<string, Reason> = new Map(
  Object.entries({
    "4.7.13": "suspend", // user account disabled
    "4.7.20": "authfailure", // no passing DKIM signature
    "4.7.21": "authfailure",
    "4.7.22": "authfailure",
    "4.7.23": "authfailure", // SPF validation failed
    "4.7.27": "notaccept", // sender address has null MX
    "4.7.28": "spamdetected", // mail flood
    "4.7.29": "authfailure", // ARC validation failed
    "4.7.30": "failedstarttls", // REQUIRETLS support required
    "5.4.2": "networkerror", // bad connection
    "5.4.6": "networkerror", // routing loop detected
    "5.4.7": "expired", // delivery time expired
    "5.7.12": "securityerror", // a password transition is needed
  }),
);

export function reasonOfStatus(status: string): Reason | "" {
  return REASON_BY_STATUS.get(status) ?? MORE_BY_STATUS.get(status) ?? "";
}

/**
 * Codes that say only that a server refused the mail by its own rules, not which rule: X.7.0 "other or
 * undefined security status" and X.7.1 "delivery not authorized, message refused" (RFC 3463). The
 * server's words after the code say why; without them, any verdict is a guess. Of the labelled corpus's
 * 35 records with 5.7.1, the likeliest topic (auth-failed) has 10: spam-blocked 10, sender-blocklisted 7,
 * user-unknown 5, relay-denied 2, account-suspended 1; its 3 with 5.7.0 are all spam-blocked.
 */
export function saysOnlyPolicy(status: string): boolean {
  return status === "5.7.1" || status === "5.7.0" || status === "4.7.1" || status === "4.7.0";
}

/**
 * Codes that name the class of a cause and not the cause (RFC 3463 X.Y.0, "other or undefined" status of
 * a subject: 5.1.0 an address, 5.2.0 a mailbox, 5.3.0 the mail system, 5.4.0 the network or routing; RFC
 * 5321's reply 550 "mailbox unavailable" and 553 "mailbox name not allowed" given with no status at all,
 * to a recipient's address or at no step named): the class's key in codes.yaml `classes` ("5.1", "550"),
 * or "". The server's words after the code say which cause; without them a verdict is the class's
 * likeliest reading (the record says so: codeClassOnly). The labelled records with 5.1.0 are a refused
 * sender (7), too many connections (3) and a failed authentication (1), none an unknown user; of those
 * with reply code 550, 58 % an unknown user or a reception filter; of pieces cut right after a bare 550
 * or 553 (eval:fragment-seeds, dev half, five draws), 20 of 21.
 */
export function classOnlyCode(status: string, replyCode: string, command: string): string {
  if (status) return CLASS_STATUSES.has(status) ? status.slice(0, 3) : "";
  if (command !== "" && command !== "RCPT") return "";
  return replyCode === "550" || replyCode === "553" ? replyCode : "";
}
const CLASS_STATUSES: ReadonlySet<string> = new Set(["5.1.0", "5.2.0", "5.3.0", "5.4.0"]);

/**
 * A record's confidence when its verdict rests on such a code alone (no phrase, format or provider
 * decided): about how often the likeliest reading is right. The verdict stays (it is still the best
 * one for a count of bounces); the record says it is a guess (`guessFromPolicyCode`), and the chat shows
 * the line read and asks for the words after the code.
 */
export const POLICY_CODE_GUESS = 0.3;

/**
 * Sisimai's private codes for a reason when the bounce gave no status: "5.0.9xx" (permanent) and
 * "4.0.9xx" (temporary). Using the same numbers keeps our output comparable with theirs.
 */
const PRIVATE_CODE: Partial<Record<Reason, number>> = {
  authfailure: 926,
  badreputation: 975,
  blocked: 971,
  contenterror: 960,
  exceedlimit: 923,
  expired: 947,
  failedstarttls: 976,
  filtered: 910,
  hasmoved: 916,
  hostunknown: 912,
  mailboxfull: 922,
  mailererror: 939,
  mesgtoobig: 934,
  networkerror: 944,
  norelaying: 909,
  notaccept: 932,
  notcompliantrfc: 974,
  onhold: 901,
  policyviolation: 972,
  rejected: 918,
  requireptr: 973,
  securityerror: 970,
  spamdetected: 980,
  speeding: 946,
  suspend: 921,
  syntaxerror: 902,
  systemerror: 930,
  systemfull: 931,
  toomanyconn: 945,
  undefined: 900,
  userunknown: 911,
  virusdetected: 981,
};

/** The private code for a reason, or "" (delivered, feedback, vacation have none). */
export function privateStatus(reason: Reason, temporary: boolean): string {
  const n = PRIVATE_CODE[reason];
  if (n === undefined) return "";
  if (temporary) {
    if (reason === "hasmoved" || reason === "hostunknown" || reason === "userunknown") return "";
    return `4.0.${reason === "filtered" ? 924 : n}`;
  }
  return `5.0.${n}`;
}
