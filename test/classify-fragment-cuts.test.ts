import { describe, expect, it } from "vitest";
import { classify } from "../knowledge/classify.ts";
import { cleanOcrText } from "../knowledge/ocr/clean.ts";

async function first(paste: string) {
  const { records } = await classify(paste, { kind: "fragment" });
  return records[0];
}

/** What a screenshot or a paste keeps of a notice: its top cut off, its rows broken or joined. */
describe("classify: fragments cut by the screen", () => {
  it("reads on past the end of Postfix's introduction cut at 'returned message.' (no copy starts there)", async () => {
    const r = await first(
      [
        "returned message.",
        "",
        "                   The mail system",
        "",
        "<aya@example.jp>: host mx.example.jp[192.0.2.7] said: 550 5.1.1 <aya@example.jp>:",
        "    Recipient address rejected: User unknown in local recipient table",
      ].join("\n"),
    );
    expect([r?.reason, r?.topic]).toEqual(["userunknown", "user-unknown"]);
  });

  it.each([
    ["unknown in local recipient table"],
    ["in virtual alias table (in reply to RCPT TO command)"],
    ["    <aya@example.jp>: Recipient address rejected: User\n    unknown in virtual mailbox table"],
  ])(
    "reads Postfix's 'User unknown in … table' with 'User unknown' cut off the screen's top: %s",
    async (paste) => {
      expect((await first(paste))?.topic).toBe("user-unknown");
    },
  );

  it("reads Postfix's 'connect to …:25: Connection refused' as the server not answering, not a cut 'refused by' block", async () => {
    // Before, the line's last words were completed as blocked.ts's "connection refused by" (a block list).
    for (const paste of [
      "<aya@example.jp>: connect to mx.example.jp[192.0.2.7]:25: Connection refused",
      "delivery temporarily suspended: connect to\n    mx.example.jp[192.0.2.7]:25: Connection refused",
    ])
      expect((await first(paste))?.topic, paste).toBe("server-trouble");
    // Sendmail's "Connection refused by host" is the block it was.
    expect((await first("Deferred: Connection refused by mx.example.jp."))?.reason).toBe("blocked");
  });

  it("reads on past Sendmail's first line cut at 'original message was received at'", async () => {
    const r = await first(
      [
        "original message was received at Mon, 21 May 2018 13:40:50 +0900",
        "from p2.example.ne.jp [198.51.100.22]",
        "",
        "   ----- The following addresses had permanent fatal errors -----",
        "<aya@example.jp>",
        "    (reason: 552 5.2.2 Mailbox full)",
      ].join("\n"),
    );
    expect([r?.reason, r?.topic]).toEqual(["mailboxfull", "mailbox-full"]);
  });

  it("still knows which server answered when the line starts at its name ('host' scrolled away)", async () => {
    const r = await first(
      [
        "    eu-smtp-inbound-2.mimecast.com[198.51.100.40] said: 554 Host network not",
        "    allowed - see the Mimecast help pages (in reply to RCPT TO command)",
      ].join("\n"),
    );
    expect(r).toMatchObject({ remoteHost: "eu-smtp-inbound-2.mimecast.com", reason: "policyviolation" });
  });

  it("knows the server that leads a reply line with its name, and so whose rules apply", async () => {
    // MessageLabs asks for SMTP authentication: its own rule, not the general "relay without
    // authentication" (relay-denied), though the notice's address and closing lines are off the screen.
    const lines = [
      "Reason: 550-Please turn on SMTP Authentication in your mail client.",
      "550-mail0.bemta0.messagelabs.com [198.51.100.21]:22222 is not permitted to",
      "550 relay through this server without authentication.",
    ];
    expect(await first(lines.join("\n"))).toMatchObject({
      remoteHost: "mail0.bemta0.messagelabs.com",
      reason: "securityerror",
      topic: "auth-failed",
    });
    // The same, as OCR read it: "mail0" as "mai LO".
    const ocr = cleanOcrText(lines.join("\n").replace("mail0", "mai LO"));
    expect(await first(ocr)).toMatchObject({
      remoteHost: "mail0.bemta0.messagelabs.com",
      reason: "securityerror",
    });
    // A server named inside a sentence is no answering server.
    const sentence = await first("550 5.7.1 Your host mx.example.net [192.0.2.7] is listed; see the list");
    expect(sentence?.remoteHost).toBe("");
    // Nor is a status code before an address.
    expect((await first("550 5.7.1 [192.0.2.7] blocked using a list"))?.remoteHost).toBe("");
  });

  it("does not take any word before a bracketed address for a server", async () => {
    const r = await first("Sorry [192.0.2.9] said: 550 5.1.1 User unknown");
    expect(r?.remoteHost).toBe("");
  });

  it("reads QQ Mail's frequency limits without its host name", async () => {
    for (const paste of [
      "550 Ip frequency limited. http://service.mail.qq.com/cgi-bin/help?subtype=1 (in reply to end of DATA command)",
      "550 Connection frequency limited",
      // cut at the top: the refusal's first word, or all but its help link, above the screen's edge
      "frequency limited [V2VkIEFwcg=/RkNGMjlF Blocked IP 192.0.2.22].",
      "    http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000725 (in",
    ]) {
      const r = await first(paste);
      expect([r?.reason, r?.topic], paste).toEqual(["toomanyconn", "server-trouble"]);
    }
  });

  it("reads Postfix's lost connection as a network failure", async () => {
    const r = await first(
      "<aki@example.org>: lost connection with mx.example.org[203.0.113.8] while sending RCPT TO",
    );
    expect([r?.reason, r?.topic]).toEqual(["networkerror", "server-trouble"]);
  });

  it("recognises a MessageLabs notice by its closing lines when its first line is off the screen", async () => {
    const r = await first(
      [
        "yui@example.org",
        "",
        "Reason: 550 yui@example.org... No such user",
        "",
        "The message subject was: Lunch",
        "The message identifier was: AB/CD-01234-56789012",
      ].join("\n"),
    );
    expect(r).toMatchObject({ lhost: "MessageLabs", reason: "userunknown", topic: "user-unknown" });
  });

  it("reads IMail's remote answer when it starts on the row of 'Body of message generated response:'", async () => {
    const r = await first(
      [
        "undeliverable to sora@example.jp",
        "",
        "Body of message generated response: 550-Message rejected as spam by Content Filtering.",
        "550 Ref: mx3.example.jp 2026-12-02 (see the postmaster page)",
      ].join("\n"),
    );
    expect([r?.lhost, r?.reason, r?.topic]).toEqual(["IMailServer", "spamdetected", "spam-blocked"]);
  });

  it("joins a row holding only the codes to the explanation the screen moved below it", async () => {
    const r = await first(
      [
        "mx.example.net [192.0.2.30] did not like our RCPT TO:",
        "550 5.1.1",
        "<takumi.nakamura@example.net>: Recipient address rejected: User unknown in virtual mailbox table",
        "",
        "Message headers follow.",
      ].join("\n"),
    );
    expect(r).toMatchObject({ status: "5.1.1", replyCode: "550", topic: "user-unknown" });
  });

  it("reads a reason the screen's bottom edge cut in two, when nothing else was read", async () => {
    const r = await first(
      [
        "                   The mail system",
        "",
        "<hanako@shop.example.jp>: connect to shop.example.jp[192.0.2.7]:25: Connection",
        "    timed",
      ].join("\n"),
    );
    expect(r).toMatchObject({ reason: "expired", evidence: "phrase: connection timed out" });
  });

  it("reads a phrase in parts cut right after its first part, and no shorter first part", async () => {
    // Yahoo's "dd This user doesn't have a yahoo.co.jp account" with the domain below the screen's edge.
    const yahoo = await first(
      "Sorry, we were unable to deliver your message to the following address.\n\n<taro@yahoo.co.jp>:\n554 delivery error: dd This user doesn't have a",
    );
    expect(yahoo?.topic).toBe("user-unknown");
    // "unable to connect …daemon" is a server fault, but a screen cut after "unable to connect" may be a
    // refused connection as well: read as nothing.
    const connect = await first("<hanako@shop.example.jp>: 451 4.4.0 unable to connect");
    expect(connect?.reason).not.toBe("systemerror");
  });

  it("leaves a cut line unread when its last words begin phrases of several reasons", async () => {
    // "recipient address rejected: …" goes on as an unknown user, a refused domain, greylisting, …
    const r = await first("<hanako@shop.example.jp>: Recipient address rejected:");
    expect(r?.reason).not.toBe("userunknown");
    expect(r?.topic).toBe("unknown");
  });

  it("leaves a cut line unread when it may be the notice's own 'could not be delivered' sentence", async () => {
    // "… your message could not" goes on "be delivered to one or more recipients" in Postfix's notice;
    // it was completed as an expiry ("your message could not be delivered for more than …").
    for (const paste of [
      "This is the mail system at host mail.example.com.\n\nI'm sorry to have to inform you that your message could not",
      "This is the mail system at host mail.example.com.\n\nI'm sorry to have to inform you that your message could",
      "<hanako@shop.example.jp>:\nReason: Unable to deliver message",
      "The following recipients",
    ]) {
      const r = await first(paste);
      expect(r?.topic ?? "unknown", paste).toBe("unknown");
    }
    // The whole phrase is read as before.
    expect((await first("Your message could not be delivered for more than 5 days."))?.reason).toBe(
      "expired",
    );
    // Words that name the reason before the notice's words still complete it.
    const lookups = await first("<hanako@shop.example.jp>:\nall host address lookups failed");
    expect(lookups?.reason).toBe("hostunknown");
  });

  it("completes a reason the screen's edge cut after a code, as the whole line reads", async () => {
    // Gmail's rate limit with 5.2.1 was read by the code alone (a disabled mailbox, filtered).
    const rate = await first("said: 550-5.2.1 The user you are trying to contact is receiving mail at a");
    expect([rate?.reason, rate?.topic]).toEqual(["speeding", "server-trouble"]);
    const relay = await first(
      "<hanako@shop.example.jp>: host mx.example.jp[192.0.2.7] said: 550 5.7.1 This system is not configured",
    );
    expect([relay?.reason, relay?.topic]).toEqual(["norelaying", "relay-denied"]);
    // Words that decide nothing against the code leave the code's reading as it was.
    expect((await first("550 5.1.1 <hanako@shop.example.jp>: The following recipients"))?.reason).toBe(
      "userunknown",
    );
  });

  it("reads a time-out in plain words on a line that names the server with its address, no recipient on screen", async () => {
    // BSD's "Operation timed out" for Linux's "Connection timed out": plain words, read only in a
    // bounce's text; a server's name with its bracketed address ("mx.example.jp[192.0.2.7]") is one.
    for (const paste of [
      "connect to mx.example.jp[192.0.2.7]:25: Operation timed out",
      "conversation with mx.example.jp[2001:db8::25] timed out while receiving the initial server greeting",
    ]) {
      const r = await first(paste);
      expect([r?.reason, r?.topic], paste).toEqual(["expired", "expired"]);
    }
    // A typed sentence with the same words is no bounce.
    expect(await first("my mail app says the operation timed out")).toBeUndefined();
  });

  it("does not complete a phrase at the top edge, nor where a reason was already read", async () => {
    // "… deliver this message" ends a phrase of too many connections: an uncut line starting so is not it.
    expect((await first("This message could not be delivered.\nuser unknown"))?.reason).toBe("filtered");
    expect((await first("This message could not be delivered."))?.topic).toBe("unknown");
    // A reason read elsewhere in the fragment stands; the last line is not completed.
    const r = await first(
      "550 5.2.2 <hanako@shop.example.jp>: mailbox full\nconnect to shop.example.jp: Connection timed",
    );
    expect(r?.reason).toBe("mailboxfull");
  });

  it("completes no phrase at the bottom edge from words that end another reason's sentence as they stand", async () => {
    // "does not exist" begins one provider's rejection code ("… does not exist E2110") but ends a
    // domain's or a user's sentence far more often; "mailbox unavailable" ends "Requested action not
    // taken: mailbox unavailable" (an unknown user) as well as beginning a suspension's phrase.
    for (const paste of ["example.jp does not exist", "mailbox unavailable"])
      expect((await first(paste))?.topic ?? "unknown", paste).toBe("unknown");
    // Gmail's sentence goes on "disabled", "inactive" or "over quota" after "is": no guess.
    for (const paste of [
      "The email account that you tried to reach is",
      "The user(s) account is temporarily",
    ])
      expect((await first(paste))?.topic ?? "unknown", paste).toBe("unknown");
    // Words that begin one reason's phrases and end none are still completed: the ISP page's example.
    expect((await first("Message size exceeds fixed maximum"))?.topic).toBe("message-too-big");
    // Words that begin one reason's phrases and end none are still completed.
    expect((await first("connect to mx.example.jp[192.0.2.7]:25: Connection timed"))?.topic).toBe("expired");
  });

  it("reads a reason whose first words are above the screen's top edge, when nothing else was read", async () => {
    // The words shown end one reason's phrase only: it is read as that phrase.
    for (const [paste, topic] of [
      [
        "not available, closing transmission channel\n\n--EBFE0.1532585958/relay.example.jp",
        "sender-blocklisted",
      ],
      ["find a gateway for hanako@shop.example.jp\n", "expired"],
      // The phrase ends where the sentence does: its last word is read without the full stop.
      ["account that you tried to reach is disabled. Learn more at", "account-suspended"],
      ["recipient server did not accept our requests to connect.", "expired"],
      ["in my badrcptto list (#5.7.1))\n\n   ----- Transcript of session follows -----", "user-unknown"],
      // Under the subject the mail app shows: the first line after it is where the screen starts.
      [
        "Returned mail: see transcript for details\n\nnot available, closing transmission channel",
        "sender-blocklisted",
      ],
    ]) {
      const r = await first(paste!);
      expect([r?.topic, r?.evidence.startsWith("phrase: ")], paste).toEqual([topic, true]);
    }
  });

  it("leaves a line's first words unread when they may be the SMTP dialogue or the notice's own sentence", async () => {
    // Postfix's "(in reply to RCPT TO command)" ends a user-unknown phrase, and nearly every Postfix line.
    expect((await first("to RCPT TO command)"))?.topic ?? "unknown").toBe("unknown");
    // "the mail to" ends a network-error phrase; the line goes on as Amazon SES's notice does.
    const ses = await first("the mail to the following recipients:\nhanako@shop.example.jp");
    expect(ses?.topic ?? "unknown").toBe("unknown");
    // A line in the middle of the fragment is not its start: nothing is completed there.
    expect(
      (await first("<hanako@shop.example.jp>:\nSome text\nnot available, closing transmission channel"))
        ?.reason,
    ).not.toBe("blocked");
  });

  it("leaves a report field after a line of codes where it is", async () => {
    const { records } = await classify("550 5.1.1\nStatus: 5.1.1\nAction: failed", { kind: "fragment" });
    expect(records.map((r) => r.status)).toEqual(["5.1.1"]);
  });
});

describe("classify: Exchange's section for administrators cut at the bottom edge", () => {
  // Office 365 quotes the receiving server's words in the part for people; the section below repeats them
  // for administrators, and that copy is what the screen's edge cut.
  const top = [
    "mx.example.jp gave this error:",
    "Remote server returned unknown recipient or mailbox unavailable -> 550 <aya@example.jp>: User unknown",
    "",
    "Diagnostic information for administrators:",
    "",
    "Generating server: TY2PR01MB0000.jpnprd01.prod.outlook.com",
    "",
    "aya@example.jp",
    "mx.example.jp",
  ];
  it("reads the reason the part for people names when the section's copy is cut", async () => {
    const r = await first([...top, "Remote Server returned '550 5.1.351 Remote"].join("\n"));
    expect([r?.reason, r?.topic, r?.recipient]).toEqual(["userunknown", "user-unknown", "a***@example.jp"]);
  });
  it("keeps the section's own reason when it names one", async () => {
    const r = await first(
      [...top, "Remote Server returned '552 5.2.2 <aya@example.jp>... Mailbox Full'"].join("\n"),
    );
    expect([r?.reason, r?.topic]).toEqual(["mailboxfull", "mailbox-full"]);
  });
});

describe("classify: a connection that failed on the way, cut from its notice", () => {
  it("reads a network status (X.4) with a refused connection as the network's fault, not a block", async () => {
    for (const line of [
      "Server at mx.example.jp (192.0.2.1) returned '450 4.4.316 Connection refused [Message=Socket error code 10061]'",
      "aya@example.jp\n451 4.4.0 Connection refused",
    ]) {
      const r = await first(line);
      expect([r?.reason, r?.topic]).toEqual(["networkerror", "server-trouble"]);
    }
    // The server's own refusal of the greeting is still the sending host turned away.
    const greeting = await first(
      "host mx.example.jp[192.0.2.1] refused to talk to me: 421 Service not available",
    );
    expect(greeting?.reason).toBe("blocked");
  });

  it("reads qmail's timed-out connection as given up when the sentence after it is cut off", async () => {
    const r = await first(
      [
        "Unable to deliver message to the following address(es).",
        "",
        "<aya@example.org>:",
        "unable to connect to remote server [192.0.2.222:25]: Operation timed",
        "out",
        "I'm not going to",
      ].join("\n"),
    );
    expect([r?.reason, r?.topic]).toEqual(["expired", "expired"]);
  });
});

describe("screenshots: a carrier's domain survives OCR's '.jo' for '.jp'", () => {
  it("mends '.ne.jo', '.co.jo' and the like, and leaves other .jo names alone", () => {
    expect(cleanOcrText("<taro.y@docomo.ne.jo>: User unknown")).toBe("<taro.y@docomo.ne.jp>: User unknown");
    expect(cleanOcrText("host lsean.ezweb.ne. jo[203.0.113.4] said:")).toBe(
      "host lsean.ezweb.ne.jp[203.0.113.4] said:",
    );
    expect(cleanOcrText("<info@shop.example.co.jo>")).toBe("<info@shop.example.co.jp>");
    expect(cleanOcrText("<info@example.com.jo> www.gov.jo")).toBe("<info@example.com.jo> www.gov.jo");
  });
});
