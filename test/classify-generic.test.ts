import { describe, expect, it } from "vitest";
import { classify } from "../knowledge/classify.ts";

/**
 * Bounces from servers no format file is written for: only the generic parts (status codes, SMTP
 * steps, phrase families, the order of checks) can read them. Each paste is our own wording of what
 * such servers write.
 */
async function reasonOf(paste: string): Promise<string | undefined> {
  return (await classify(paste)).records[0]?.reason;
}

// qmail-based servers keep qmail-remote's sentences under a heading of their own, which the qmail
// format does not recognise.
const HEAD = ["Delivery to the following address failed.", "", "<taro@example.org>:"];
const QMAIL_HEAD = [
  "Hi. This is the qmail-send program at mail.example.jp.",
  "I'm afraid I wasn't able to deliver your message to the following addresses.",
  "This is a permanent error; I've given up. Sorry it didn't work out.",
  "",
  "<taro@example.org>:",
];
const GAVE_UP = "I'm not going to try again; this message has been in the queue too long.";
const qmailLike = (...why: string[]) => [...HEAD, ...why, GAVE_UP].join("\n");
const qmail = (...why: string[]) => [...QMAIL_HEAD, ...why, GAVE_UP].join("\n");

describe("classify: a qmail-style 'gave up' line does not hide the cause before it", () => {
  it.each([
    [
      "the status code names a directory failure",
      qmailLike("The address book server did not answer. (#4.4.3)"),
      "systemerror",
    ],
    [
      "the same, read by the qmail format",
      qmail("The address book server did not answer. (#4.4.3)"),
      "systemerror",
    ],
    [
      "no SMTP connection could be made",
      qmailLike("Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)"),
      "networkerror",
    ],
    [
      "the greeting was refused (qmail's words for HELO)",
      qmailLike(
        "Connected to 192.0.2.7 but my name was rejected.",
        "Remote host said: 501 5.0.0 Bad HELO hostname",
      ),
      "blocked",
    ],
    ["nothing else is said: the retries ran out", qmailLike("Connection to 192.0.2.7 timed out."), "expired"],
  ])("%s", async (_case, paste, reason) => {
    expect(await reasonOf(paste)).toBe(reason);
  });
});

describe("classify: phrase families that servers word in many ways", () => {
  it.each([
    [
      "no PTR record",
      "550 5.7.1 Mail from 192.0.2.9 refused: no PTR record for the connecting address",
      "requireptr",
    ],
    [
      "a reverse DNS entry is required",
      "554 Sending hosts need a valid reverse DNS entry (192.0.2.9)",
      "requireptr",
    ],
    [
      "a DNSBL named by its zone",
      "554 5.7.1 Service unavailable; client [192.0.2.9] listed by zen.spamhaus.org",
      "blocked",
    ],
    [
      "a provider's own blocklist",
      "550 Your address 192.0.2.9 is on our blocklist, see the postmaster page",
      "blocked",
    ],
    [
      "a virus in an attachment",
      "550 5.7.0 Message refused: a virus was found in an attachment",
      "virusdetected",
    ],
    [
      "a deactivated account",
      "550 5.2.1 <taro@example.com>: this account has been deactivated by the administrator",
      "suspend",
    ],
    [
      "an hourly sending limit worded with 5.1.1",
      "550 5.1.1 <taro@example.com> 192.0.2.9 sent too many messages this hour",
      "speeding",
    ],
    [
      "an SPF check that failed",
      "550 5.7.1 SPF validation failed for the sending domain example.jp",
      "authfailure",
    ],
    [
      "no SPF/DKIM (Gmail's 5.7.1 wording)",
      "550-5.7.1 This message does not have authentication information or fails to",
      "authfailure",
    ],
    ["an RBL without naming it", "554 5.7.1 Client host rejected: sender IP found in RBL", "blocked"],
    ["a blacklisted IP address", "554 5.7.1 The IP address 192.0.2.9 has been blacklisted here", "blocked"],
    ["relaying refused in other words", "550 Relaying not permitted for taro@example.com", "norelaying"],
    ["a message too large", "552 Message is too large for this mailbox server", "mesgtoobig"],
    ["spam judged by a filter", "554 5.7.1 The message was identified as spam by our filter", "spamdetected"],
    [
      "Postfix's unknown reverse client hostname",
      "450 4.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.9]",
      "requireptr",
    ],
    ["a full inbox", "550 Sorry, the recipient's inbox is full right now", "mailboxfull"],
    ["a full mail folder", "The message could not be stored because the mail folder is full.", "mailboxfull"],
    [
      "a refusal for policy reasons",
      "554 Mail from hanako@example.jp refused for policy reasons",
      "policyviolation",
    ],
    [
      "a mailbox storage limit reached",
      "550 The recipient's mailbox storage limit has been reached",
      "mailboxfull",
    ],
    [
      "a server that cannot do TLS",
      "The error that the other server returned was: 500 Remote server does not support TLS",
      "failedstarttls",
    ],
    [
      "TLS required but not offered",
      "TLS is required, but was not offered by host mx.example.com[192.0.2.1]",
      "failedstarttls",
    ],
    ["a hop count over the limit", "554 5.4.14 Hop count exceeded", "networkerror"],
    ["a routing loop", "554 Message refused: routing loop between relays", "networkerror"],
    [
      "Postfix's DNS trouble, the reply cut off at the screen's edge",
      "<taro@example.org>: Name service error for name=example.org type=MX: Malformed",
      "networkerror",
    ],
    [
      "Postfix's DNS answer that the domain does not exist",
      "<taro@example.org>: Name service error for name=example.org type=A: Host not found",
      "hostunknown",
    ],
  ])("%s", async (_case, paste, reason) => {
    expect(await reasonOf(paste)).toBe(reason);
  });

  it("does not read 'rdns' in a server's host name as a reverse DNS complaint", async () => {
    const paste =
      "<taro@example.com>: host mx1.rdns.example.net[192.0.2.1] said: 554 5.7.1 Message rejected as spam (in reply to end of DATA command)";
    expect(await reasonOf(paste)).toBe("spamdetected");
  });

  it("does not take the sender's own locked login (SMTP AUTH) for a suspended recipient", async () => {
    expect(await reasonOf("535 5.7.8 Authentication failed: account is locked")).not.toBe("suspend");
  });

  it("does not read an anti-virus footer's 'No virus found' as a virus", async () => {
    expect(
      await reasonOf("550 5.7.1 Message refused: No virus found in this message, but it broke a rule"),
    ).not.toBe("virusdetected");
  });

  it("does not read a virus scanner's header stamp as a virus", async () => {
    const paste = [
      "X-Virus-Scanned: clamav at mx.example.com",
      "X-Spam-Status: No",
      "",
      "<taro@example.com>: host mx.example.com[192.0.2.1] said: 550 5.1.1 <taro@example.com>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command)",
    ].join("\n");
    expect(await reasonOf(paste)).toBe("userunknown");
  });
});

describe("classify: a delivery report whose Diagnostic-Code is not typed SMTP", () => {
  const report = (diagnostic: string) =>
    [
      "Final-Recipient: rfc822; taro@example.cat",
      "Action: failed",
      "Status: 5.0.0",
      `Diagnostic-Code: ${diagnostic}`,
    ].join("\n");
  it.each([
    ["an untyped server answer is still read by its words", "unknown; No such domain.", "hostunknown"],
    ["a local program's complaint stays a mailer error", "X-Unix; no such domain", "mailererror"],
  ])("%s", async (_case, diagnostic, reason) => {
    expect(await reasonOf(report(diagnostic))).toBe(reason);
  });
});

describe("classify: the reporting server's own directory lookup means no such user, whatever the step", () => {
  it.each([
    [
      "Exchange's categorizer code, quoted without the SMTP step",
      "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'",
      "userunknown",
    ],
    [
      "a Notes server's address book",
      "Delivery to the following address failed:\n\ntaro@example.com\nUser not listed in public Name & Address Book",
      "userunknown",
    ],
    [
      "a carrier's filter worded like an unknown user stays a filter",
      "<taro@example.ne.jp>: host mx.example.ne.jp[192.0.2.1] said: 550 Unknown user taro@example.ne.jp (in reply to end of DATA command)",
      "filtered",
    ],
  ])("%s", async (_case, paste, reason) => {
    expect(await reasonOf(paste)).toBe(reason);
  });
});

describe("classify: ways of saying 'no such user' at RCPT TO", () => {
  const atRcpt = (said: string) =>
    `<taro@example.com>: host mx.example.com[192.0.2.1] said: ${said} (in reply to RCPT TO command)`;
  it.each([
    ["550 Mailbox unavailable"],
    ["550 Sorry, that account does not exist"],
    ["550 No such account here"],
    ["550 The user doesn't exist"],
    ["550 Bad destination mailbox address"],
  ])("%s", async (said) => {
    expect(await reasonOf(atRcpt(said))).toBe("userunknown");
  });

  it("leaves a temporary 'mailbox unavailable' (450) to its status code", async () => {
    expect(await reasonOf(atRcpt("450 4.2.1 Mailbox unavailable, try again later"))).not.toBe("userunknown");
  });

  it("does not take SES's category name 'Unknown address error' for a verdict", async () => {
    const paste = "The reason for the problem: 5.1.0 - Unknown address error 550 '5.7.1 Access denied'";
    expect(await reasonOf(paste)).not.toBe("userunknown");
  });
});

describe("classify: a Japanese notice that says the address does not exist", () => {
  it("points to the unknown-address advice (no SMTP step: filtered or userunknown, same topic)", async () => {
    const paste = [
      "以下のアドレスにメールを送信できませんでした。",
      "taro@example.com",
      "このメールアドレスは存在しません。",
    ].join("\n");
    const record = (await classify(paste)).records[0];
    expect(record?.topic).toBe("user-unknown");
  });
});

describe("classify: an hourly sending limit is told from a delay that retries within the hour", () => {
  it.each([
    ["550 5.7.1 192.0.2.9 exceeded the recipients this hour allowed for the sender", "speeding"],
    [
      "Delivery to the following recipient has been delayed:\n\ntaro@example.com\n\nThe server will try again this hour.",
      "expired",
    ],
  ])("%s", async (paste, reason) => {
    expect(await reasonOf(paste)).toBe(reason);
  });
});
