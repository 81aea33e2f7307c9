/**
 * Reading SMTP details out of a diagnostic text: the enhanced status code (RFC 3463), the reply code
 * (RFC 5321) and the command the server was answering. Every scan here is a bounded regex or a plain
 * substring search.
 */

// "5.1.1", "4.7.650", "5.7.26"; not part of a version number, an IP address or a longer number.
const STATUS_IN_TEXT = /(?<![\d.A-Za-z])([245])\.([0-7])\.(\d{1,3})(?![\d]|\.\d)/g;

// Module constants: a regular expression literal in a function is a new object each time it is evaluated.
const STATUS = /^[245]\.\d{1,3}\.\d{1,3}$/;
const REPLY_CODE = /^[245][0-7]\d$/;

/** Is this a well-formed enhanced status code? */
export function isStatus(code: string): boolean {
  return STATUS.test(code);
}

/** Is this a well-formed SMTP reply code? */
export function isReplyCode(code: string): boolean {
  return REPLY_CODE.test(code);
}

/**
 * The most specific status code written in the text. "X.0.0", "4.4.7" and any "X.Y.0" (RFC 3463: detail
 * 0 is "other or undefined") say little, so a more specific code wins over them; otherwise the first
 * one written wins. An MTA's summary often comes first and the remote server's own code later:
 *   5.1.0 - Unknown address error 550 '5.7.1 <x@example.jp>... Access denied'
 */
export function statusInText(text: string, replyCode = ""): string {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  const wantClass = replyCode ? replyCode[0] : "";
  let vague = "";
  STATUS_IN_TEXT.lastIndex = 0;
  for (let m = STATUS_IN_TEXT.exec(sample); m; m = STATUS_IN_TEXT.exec(sample)) {
    if (wantClass && m[1] !== wantClass) continue;
    const code = `${m[1]}.${m[2]}.${m[3]}`;
    if (m[3] === "0" || code === "4.4.7") {
      // Of the vague ones, a subject ("5.2.0": mailbox) says more than none ("5.0.0").
      if (!vague || (vague.endsWith(".0.0") && m[2] !== "0")) vague = code;
      continue;
    }
    return code;
  }
  return vague;
}

// A reply code at the start of the text or after a space, colon, parenthesis or "said:" and followed by
// a space, a hyphen (multi-line reply) or the end; "550-5.7.1" and "<<< 550 ..." both count.
const REPLY_IN_TEXT = /(?:^|[\s:(>"'\]])([245][0-7]\d)(?=[\s-]|$)(?![-\s]*\d{2,}[/:-])/g;

/** The first SMTP reply code in the text, or "". */
export function replyCodeInText(text: string): string {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  REPLY_IN_TEXT.lastIndex = 0;
  for (let m = REPLY_IN_TEXT.exec(sample); m; m = REPLY_IN_TEXT.exec(sample)) {
    const before = sample.slice(Math.max(0, m.index - 1), m.index + 1);
    // Skip numbers that are clearly something else: "#550" in an id, "port 587", a year-like "2021".
    if (/[#]/.test(before)) continue;
    return m[1]!;
  }
  return "";
}

/**
 * Which status to keep when the Status: field and the text disagree. The field is the MTA's summary and
 * often vaguer ("5.0.0", "4.4.7", "5.3.0") than the code the remote server wrote.
 */
export function preferStatus(field: string, inText: string, replyCode = ""): string {
  if (!field) return inText;
  if (!inText || field === inText) return field;
  const replyClass = replyCode[0];
  if (replyClass && field[0] !== inText[0]) {
    if (replyClass === field[0]) return field;
    if (replyClass === inText[0]) return inText;
  }
  const fieldVague = /^\d\.0\.0$/.test(field) || field === "4.4.7" || field === "4.7.0";
  if (fieldVague) return /^\d\.0\.0$/.test(inText) ? field : inText;
  if (/^\d\.0\.0$/.test(inText)) return field;
  if (/^\d\.\d\.0$/.test(field) && !/^\d\.\d\.0$/.test(inText)) return inText;
  // Generic system / protocol codes in the field: the remote server's own code tells more.
  if (/^5\.3\./.test(field) || /^\d\.5\.[1245]$/.test(field)) return inText;
  if (field === "5.1.1") return /\.0$/.test(inText) || inText.startsWith("5.5.") ? field : inText;
  if (field === "5.1.3" && inText.startsWith("5.7.")) return inText;
  return field;
}

const COMMANDS: readonly [RegExp, string][] = [
  [/\bSTARTTLS\b/gi, "STARTTLS"],
  [/\bRCPT\b|\[RCPT_TO\]/g, "RCPT"],
  [/\bMAIL FROM\b|\bMAIL\b(?= command)/gi, "MAIL"],
  [/\bDATA\b|end of data|end of message|after data/gi, "DATA"],
  [/\bEHLO\b/g, "EHLO"],
  [/\bHELO\b/g, "HELO"],
  [/\bAUTH\b/g, "AUTH"],
];

/**
 * qmail-remote (and the many qmail-based servers) never names the command; it says which step failed
 * in words of its own: "Connected to 192.0.2.1 but sender was rejected."
 */
const QMAIL_STEPS: readonly (readonly [string, string])[] = [
  ["but my name was rejected", "HELO"],
  ["but sender was rejected", "MAIL"],
  ["does not like recipient", "RCPT"],
  ["failed after i sent the message", "DATA"],
  ["failed on data command", "DATA"],
];

/**
 * The SMTP command a reply answered, from phrases like "(in reply to RCPT TO command)",
 * "after RCPT TO:<...>", ">>> DATA" or "after end of data". The last command named wins, because
 * transcripts list commands in the order they were sent.
 */
export function commandInText(text: string): string {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  const lower = sample.toLowerCase();
  let best = "";
  let bestAt = -1;
  for (let i = 0; i < COMMANDS.length; i++) {
    // By index, not `for (const [pattern, name] of ...)`: baseline code would make two iterators a step.
    const pattern = COMMANDS[i]![0];
    const name = COMMANDS[i]![1];
    let last = -1;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(sample); m; m = pattern.exec(sample)) {
      // "RCPT" inside an address or host name (RCPT@example.jp) is not a command.
      const next = sample[m.index + m[0].length];
      if (next === "@" || next === ".") continue;
      last = m.index;
    }
    if (last > bestAt) {
      best = name;
      bestAt = last;
    }
  }
  if (!best) best = QMAIL_STEPS.find((step) => lower.includes(step[0]))?.[1] ?? "";
  // Postfix's smtpd_recipient_restrictions answer at RCPT TO: "Recipient address rejected: ...".
  if (!best && lower.includes("recipient address rejected")) return "RCPT";
  if (
    !best &&
    /initial connection|greeting|connect(?:ion)? (?:to|refused)|banner|refused to talk to me/.test(lower)
  )
    return "CONN";
  return best;
}

/**
 * "host mx.example.jp[192.0.2.1] said:", "host mx.example.jp [192.0.2.1]:", "Remote-MTA: dns; mx.example.jp".
 * Here and below, the address in brackets (IPv4 or IPv6) may hold OCR's look-alikes, an O for a zero, an l
 * or an I for a one (no hex digit is one of them): a screen cuts a long "host[address]" anywhere, and a
 * cut address escapes knowledge/ocr/clean.ts's mending. Only the host's name is taken.
 */
const REMOTE_HOST =
  /\b(?:host|server|while talking to|from|by)\s+([A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){1,8})\.?\s*(?:\[[0-9a-fA-FOolI.:]{3,45}\])?\s*(?:said|:|refused|$)/im;

/**
 * The same Postfix line with its first word cut off (a screenshot or a paste that starts mid-line):
 * "mx.example.jp[192.0.2.1] said: 550 ..." at the very start of the text.
 */
const LEADING_HOST =
  /^([A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){1,8})\.? ?\[[0-9a-fA-FOolI.:]{3,45}\]:? ?said\b/;

/**
 * A server named with its address in brackets at the start of a reply line, no verb before it
 * (MessageLabs: "550-mail0.bemta0.messagelabs.com [198.51.100.21]:22222 is not permitted to relay"):
 * right after the reply code, so a host named in a sentence is not taken, and starting with a letter, so
 * a status code before an address ("550 5.7.1 [192.0.2.7] blocked") is not.
 */
const CODE_THEN_HOST =
  /\b[245]\d\d[ -]([A-Za-z][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){1,8}) ?\[[0-9a-fA-FOolI.:]{3,45}\]/;

/** The server named right after a reply code ("550-mx.example.jp [192.0.2.1]: …"), or "". */
export function hostAfterReplyCode(text: string): string {
  const m = CODE_THEN_HOST.exec(text.length > 2000 ? text.slice(0, 2000) : text);
  return m ? m[1]!.toLowerCase() : "";
}

/** A server name the text says answered, or "". */
export function remoteHostInText(text: string): string {
  const sample = text.length > 2000 ? text.slice(0, 2000) : text;
  const m = REMOTE_HOST.exec(sample) ?? LEADING_HOST.exec(sample);
  return m ? m[1]!.toLowerCase() : "";
}
