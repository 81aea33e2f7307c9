import { describe, expect, it } from "vitest";
import { classify } from "../knowledge/classify.ts";
import { POLICY_CODE_GUESS } from "../knowledge/status-table.ts";

async function records(paste: string) {
  return (await classify(paste, { kind: "fragment" })).records;
}

/**
 * Screenshots and pastes that hold only part of the server's answer, or mostly the copy of the mail that
 * came back: what was read is reported, nothing is guessed, and the user's own mail is never read.
 */
describe("classify: a fragment cut right after the reply code", () => {
  it("reports a bare 550 and the server that said it, with no reason made up: its class's advice, marked as the code's only", async () => {
    const [r] = await records("<mio@example.net>: host mx1.example.net[198.51.100.7] said: 550");
    expect(r).toMatchObject({
      reason: "onhold",
      // RFC 5321 550, "mailbox unavailable": checking the address is the class's first step.
      topic: "user-unknown",
      codeClassOnly: "550",
      replyCode: "550",
      remoteHost: "mx1.example.net",
      recipient: expect.stringContaining("@example.net"),
    });
  });

  it("does the same for a report's Diagnostic-Code that keeps only its number", async () => {
    const [r] = await records(["Remote-MTA: dns; mx2.example.org", "Diagnostic-Code: smtp; 554"].join("\n"));
    expect([r?.reason, r?.topic, r?.replyCode]).toEqual(["onhold", "unknown", "554"]);
  });

  it("still says nothing for a fragment with neither a code nor a known phrase", async () => {
    expect(await records("<mio@example.net>: host mx1.example.net[198.51.100.7] said:")).toEqual([]);
  });

  it("reads the answer on the lines under a row that ends with the code, down to the SMTP step", async () => {
    // The screen cut off "<x@y>: host ... said:" above; the refusal and its step are four rows further.
    const [r] = await records(
      [
        "550",
        "    5.1.0 <news@sender.example.com> sender rejected. See the list of",
        "    error codes at",
        "    https://help.example.net/mail/error-codes for more",
        "    details. (in reply to MAIL FROM command)",
      ].join("\n"),
    );
    expect([r?.reason, r?.topic]).toEqual(["rejected", "spam-blocked"]);
  });
});

describe("classify: a policy code with no words that say which policy", () => {
  it("keeps the likeliest verdict for a bare 550 5.7.1 but marks it a guess from the code", async () => {
    const [r] = await records("<mio@example.net>: host mx1.example.net[198.51.100.7] said: 550 5.7.1");
    expect([r?.reason, r?.topic, r?.status]).toEqual(["securityerror", "auth-failed", "5.7.1"]);
    expect(r?.confidence).toBe(POLICY_CODE_GUESS);
    expect(r?.guessFromPolicyCode).toBe(true);
  });

  it("does the same for 4.7.1, 4.7.0 and 5.7.0 alone, and words that name no policy change nothing", async () => {
    for (const paste of [
      "450 4.7.1",
      "421 4.7.0 Try again later",
      "550 5.7.0",
      "554 5.7.1 Message rejected",
      // A reply's plain text under a policy status: refused by a rule, not a server out of order.
      "554 5.7.1 Service unavailable",
    ]) {
      const [r] = await records(paste);
      expect(r?.guessFromPolicyCode, paste).toBe(true);
    }
  });

  it("is no guess once the words say which policy, nor for a code that says what went wrong", async () => {
    for (const paste of [
      "550 5.7.1 Message rejected as spam by Content Filtering",
      "554 5.7.1 <ken@example.com>: Relay access denied",
      "550 5.7.26 This mail has been blocked because the sender is unauthenticated",
      "550 5.1.1",
      "550 5.7.13",
    ]) {
      const [r] = await records(paste);
      expect(r?.guessFromPolicyCode, paste).toBe(false);
    }
  });
});

describe("classify: a code that names only a class of cause, read alone", () => {
  it("marks 5.1.0, 5.2.0, 5.3.0 and 5.4.0 with their class (RFC 3463 X.Y.0) and keeps the table's verdict", async () => {
    for (const [paste, codeClass, topic] of [
      ["The reason for the problem:\n5.1.0 - Unknown address error", "5.1", "user-unknown"],
      ["550 5.2.0", "5.2", "user-unknown"],
      ["554 5.3.0", "5.3", "server-trouble"],
      ["550 5.4.0", "5.4", "server-trouble"],
    ] as const) {
      const [r] = await records(paste);
      expect([r?.codeClassOnly, r?.topic, r?.confidence], paste).toEqual([
        codeClass,
        topic,
        POLICY_CODE_GUESS,
      ]);
    }
  });

  it("reads a bare 553 to a recipient as the address's class, and no 550 at another step or under a status", async () => {
    const [r] = await records(">>> RCPT TO:<mio@example.org>\n<<< 553");
    expect([r?.reason, r?.topic, r?.codeClassOnly]).toEqual(["onhold", "user-unknown", "553"]);
    const [mail] = await records(">>> MAIL FROM:<me@example.jp>\n<<< 550");
    expect(mail?.codeClassOnly).toBe("");
    const [undefinedStatus] = await records("550 5.0.0");
    expect([undefinedStatus?.codeClassOnly, undefinedStatus?.topic]).toEqual(["", "unknown"]);
  });

  it("is no class once the words say the cause, nor for a status that names one, nor in a whole mail", async () => {
    for (const paste of ["550 5.1.0 <x@example.com>... User unknown", "550 5.1.1", "550 Unknown user"])
      expect((await records(paste))[0]?.codeClassOnly, paste).toBe("");
    const mail = [
      "From: MAILER-DAEMON@example.jp",
      "To: me@example.jp",
      "Subject: Undelivered Mail Returned to Sender",
      "",
      "<x@example.com>: host mx.example.com[192.0.2.1] said: 550 5.1.0",
    ].join("\n");
    expect((await classify(mail, { kind: "mail" })).records[0]?.codeClassOnly).toBe("");
  });
});

describe("classify: a fragment that shows the copy of the returned mail", () => {
  const copy = [
    "Return-Path: <rin@example.org>",
    "Received: from out.example.org (out.example.org [192.0.2.40])",
    "\tby mx.example.jp with ESMTP id 7F3A2",
    "Message-ID: <abc123@example.org>",
    "MIME-Version: 1.0",
    "From: Rin <rin@example.org>",
    "To: sota@example.jp",
    "Subject: Re: schedule",
    "",
    "Sorry, my mailbox is full this week, so please write to my other address.",
  ];

  it("gives no verdict from the user's own words under the copy's raw headers", async () => {
    expect(await records(copy.join("\n"))).toEqual([]);
  });

  it("reads the error line above the copy, not the words in it, and finds the recipient in its To:", async () => {
    const [r, ...more] = await records(["host mx.example.jp[192.0.2.8] said: 550", "", ...copy].join("\n"));
    expect(more).toEqual([]);
    expect(r).toMatchObject({ reason: "onhold", replyCode: "550", recipientDomain: "example.jp" });
  });

  it("keeps reading a returned-mail notice that was pasted whole, its own headers first", async () => {
    const [r] = await records(
      [
        "Return-Path: <>",
        "Received: by relay.example.net (Postfix) id 4B1C9",
        "From: MAILER-DAEMON@relay.example.net (Mail Delivery System)",
        "Subject: Undelivered Mail Returned to Sender",
        "MIME-Version: 1.0",
        "",
        "<sota@example.jp>: host mx.example.jp[192.0.2.8] said: 552 5.2.2 Mailbox full",
        "    (in reply to RCPT TO command)",
      ].join("\n"),
    );
    expect([r?.reason, r?.topic]).toEqual(["mailboxfull", "mailbox-full"]);
  });

  it("keeps a notice that quotes the original's fields, indented, above its reason", async () => {
    const [r] = await records(
      [
        "This report relates to a message you sent with the following header fields:",
        "",
        "  Message-id: <x1@example.org>",
        "  Subject: Lunch",
        "",
        "Your message cannot be delivered to the following recipients:",
        "",
        "  Recipient address: sota@example.jp",
        "  Reason: Remote SMTP server has rejected address",
        "  Diagnostic code: smtp;550 5.1.1 <sota@example.jp>... User unknown",
      ].join("\n"),
    );
    expect([r?.reason, r?.topic]).toEqual(["userunknown", "user-unknown"]);
  });
});

describe("classify: Domino's directory lookup without the notice's section lines", () => {
  it("reads 'not listed in Domino Directory' as an unknown user, in each language it ships with", async () => {
    for (const line of [
      "  User Taro Yamada (taro@example.co.jp) not listed in Domino Directory",
      "  Usuario Taro Yamada (taro@example.co.jp) no se encuentra en el directorio de Domino",
      "  Utilisateur Taro Yamada (taro@example.co.jp) non répertorié dans l'annuaire Domino",
    ]) {
      const [r] = await records(line);
      expect([r?.reason, r?.topic], line).toEqual(["userunknown", "user-unknown"]);
    }
  });
});

describe("classify: family wordings on a screen that shows none of the family's marker lines", () => {
  it("reads qmail's, qmail-ldap's and Exim's own answers as their reasons", async () => {
    const cases: [string, string, string][] = [
      ["<ken@example.org>:\nSorry, no mailbox here by that name. (#5.1.1)", "userunknown", "user-unknown"],
      [
        "<ken@example.org>:\nSorry, I couldn't find any host named example.org. (#5.1.2)",
        "hostunknown",
        "host-unknown",
      ],
      [
        "<ken@example.org>:\nmailaddress is administratively disabled. (#5.2.1)",
        "suspend",
        "account-suspended",
      ],
      [
        "<ken@example.org>:\nThe message exeeded the maximum size the user accepts",
        "exceedlimit",
        "message-too-big",
      ],
      ["<ken@example.org>:\nTemporary failure in LDAP lookup. (#4.4.3)", "systemerror", "server-trouble"],
      ["  ken@example.org\n    an MX or SRV record indicated no SMTP service", "notaccept", "host-unknown"],
    ];
    for (const [paste, reason, topic] of cases) {
      const [r] = await records(paste);
      expect([r?.reason, r?.topic], paste).toEqual([reason, topic]);
    }
  });
});
