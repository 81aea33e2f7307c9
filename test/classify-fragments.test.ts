import { describe, expect, it } from "vitest";
import { classify } from "../knowledge/classify.ts";

/** What people actually paste from a phone: a line or two, Japanese around it, lines re-wrapped. */
describe("classify: pasted fragments", () => {
  it("reads the one SMTP line a user copied", async () => {
    const { kind, records } = await classify(
      "550 5.1.1 <taro@example.jp>: Recipient address rejected: User unknown",
    );
    expect(kind).toBe("fragment");
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      reason: "userunknown",
      topic: "user-unknown",
      status: "5.1.1",
      replyCode: "550",
      recipient: "t***@example.jp",
      recipientDomain: "example.jp",
    });
  });

  it("reads Microsoft's words over the vague status they come with: a full mailbox, a provider's refusal", async () => {
    // Exchange's store answers a full mailbox with 5.2.0 (read alone: a filter) and the exception's name.
    const full = await classify(
      "Remote Server returned '554 5.2.0 STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded; Failed to process message due to a permanent exception'",
    );
    expect(full.records[0]).toMatchObject({ reason: "mailboxfull", topic: "mailbox-full" });
    // Outlook's notice for a refusal of the message, with no code in what was copied.
    const refused = await classify(
      "Your message couldn't be delivered because the recipient's email provider rejected it.",
    );
    expect(refused.records[0]).toMatchObject({ reason: "rejected", topic: "spam-blocked" });
  });

  it("reads a delay warning's subject line pasted alone (with the notice's From: above it) as still retrying", async () => {
    for (const paste of [
      "Subject: Delivery Status Notification (Delay)",
      "件名: Delivery Status Notification (Delay)",
      "From: MAILER-DAEMON\nSubject: Warning: could not send message for past 4 hours",
    ]) {
      const { records } = await classify(paste);
      expect(
        records.map((r) => [r.topic, r.action]),
        paste,
      ).toEqual([["delayed", "delayed"]]);
    }
    // A failure's subject alone says no reason: nothing is made up.
    expect((await classify("Subject: Undelivered Mail Returned to Sender")).records).toEqual([]);
  });

  it("reads Gmail's delay heading as still retrying", async () => {
    // Gmail heads its delay notice "Delivery incomplete" ("There was a temporary problem delivering …").
    const { records } = await classify("** Delivery incomplete **", { kind: "fragment" });
    expect(records.map((r) => r.topic)).toEqual(["delayed"]);
  });

  it("takes Gmail's failure heading for part of a bounce, with no reason made up", async () => {
    for (const paste of [
      "** Message not delivered **",
      "There was a problem delivering your message to",
      // Microsoft's IIS / Exchange 2007 notice
      "Delivery to the following recipients failed.",
    ]) {
      const { records } = await classify(paste, { kind: "fragment" });
      expect(
        records.map((r) => r.topic),
        paste,
      ).toEqual(["unknown"]);
    }
  });

  it("keeps the user's own Japanese words out of the recipient address", async () => {
    for (const paste of [
      "私の電話は090-1234-5678です。taro@example.com に送ったら User unknown と出ました",
      "田中さんtanaka@ezweb.ne.jp: User unknown",
    ]) {
      const { records } = await classify(paste);
      expect(records).toHaveLength(1);
      expect(records[0]!.recipient, paste).toMatch(/^[a-z]\*\*\*@(example\.com|ezweb\.ne\.jp)$/);
    }
  });

  it("reads a content filter's spam verdict as spam, not as a failed sender check, whatever its 5.7.1", async () => {
    for (const paste of [
      "554 5.7.1 Message rejected: spam content detected",
      "554 5.7.1 This message has been blocked because it contains spam",
    ]) {
      const { records } = await classify(paste);
      expect(
        records.map((r) => [r.reason, r.topic]),
        paste,
      ).toEqual([["spamdetected", "spam-blocked"]]);
    }
  });

  it("reads the delivery report's own fields of a delay warning as still retrying, without the Final-Recipient line", async () => {
    for (const paste of [
      "Action: delayed\nStatus: 4.4.1",
      "Status: 4.4.7\nWill-Retry-Until: Fri, 4 Dec 2026 10:00:00 +0900",
    ]) {
      const { records } = await classify(paste);
      expect(
        records.map((r) => [r.action, r.topic]),
        paste,
      ).toEqual([["delayed", "delayed"]]);
    }
  });

  it("understands the Gmail app's Japanese heading alone", async () => {
    const { records } = await classify("「アドレス不明」と表示されました");
    expect(records.map((r) => r.topic)).toEqual(["user-unknown"]);
  });

  it("reads a Postfix notice the app re-wrapped, with a Japanese question before it", async () => {
    const paste = [
      "この英語のメールは何ですか？",
      "<mama.0412@docomo.ne.jp>: host mfsmax.docomo.ne.jp[203.0.113.240] said:",
      "550 Unknown user mama.0412@docomo.ne.jp (in reply",
      "to end of DATA command)",
    ].join("\n");
    const { records } = await classify(paste);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ topic: "user-unknown", recipientDomain: "docomo.ne.jp" });
  });

  it("reads today's Office 365 notice as pasted from Outlook", async () => {
    const paste = [
      "Your message to kenji@corp.example.com couldn't be delivered.",
      "kenji wasn't found at corp.example.com.",
      "Action Required  Recipient",
      "Unknown To address",
    ].join("\n");
    const { records } = await classify(paste);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      reason: "userunknown",
      topic: "user-unknown",
      recipientDomain: "corp.example.com",
    });
  });

  it("tells an authentication block from a spam block", async () => {
    const auth = await classify(
      "550-5.7.26 This mail has been blocked because the sender is unauthenticated.",
    );
    const spam = await classify(
      "550-5.7.1 Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked.",
    );
    expect(auth.records.map((r) => r.topic)).toEqual(["auth-failed"]);
    expect(spam.records.map((r) => r.topic)).toEqual(["spam-blocked"]);
  });

  it("says 'still retrying' for a delay warning, so nobody resends", async () => {
    const { records } = await classify(
      "THIS IS A WARNING MESSAGE ONLY.\nYOU DO NOT NEED TO RESEND YOUR MESSAGE.\nDelivery to the following recipient has been delayed:\n\n     yuki@example.org\n",
    );
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ action: "delayed", topic: "delayed" });
  });

  it.each([
    ["Gmail app card", "メールのブロック\nexample.co.jp でメールがブロックされました", "spam-blocked"],
    [
      "Gmail's English card as the app shows it, its title without asterisks",
      "Message blocked\nYour message to ken@example.org has been blocked.",
      "spam-blocked",
    ],
    ["Gmail's English title alone", "Domain not found", "host-unknown"],
    [
      "Outlook's Japanese notice",
      "配信不能: お見積り\nこのメールは、受信者全員または一部に届きませんでした。\n無効な受信者",
      "user-unknown",
    ],
    ["Outlook's one line", "不明なアドレスです", "user-unknown"],
    ["docomo", "550 Unknown user taro.k@docomo.ne.jp", "user-unknown"],
    ["docomo's full box", "552 Too much mail data", "mailbox-full"],
    ["SoftBank", "550 Invalid recipient: <ichiro@i.softbank.jp>", "user-unknown"],
    ["au, malformed address", "554 <hana..@ezweb.ne.jp>: Relay access denied", "address-syntax"],
    ["au, address it cannot take", "554 <hana@ezweb.ne.jp>: Relay access denied", "user-unknown"],
    ["relay refused elsewhere", "554 5.7.1 <ken@example.org>: Relay access denied", "relay-denied"],
    ["a wrong SMTP password", "535 5.7.8 Error: authentication failed", "relay-denied"],
    ["a help page's translation", "このメールは以下の原因により届けることが出来ませんでした", "unknown"],
  ])("maps %s to its topic", async (_name, paste, topic) => {
    const { records } = await classify(paste);
    expect(records.map((r) => r.topic)).toEqual([topic]);
  });

  it.each([
    ["OpenSMTPD", "sato@example.jp: No MX found for domain example.jp", "notaccept"],
    ["OpenSMTPD", "sato@example.jp: Temporary failure in MX lookup", "networkerror"],
    [
      "KDDI",
      "Could not be delivered to: <sato@examp1e.jp>\nAs the remote domain doesnt exist.",
      "hostunknown",
    ],
    ["Google", "DNS Error: DNS type 'mx' lookup of examp1e.jp responded with code NXDOMAIN", "networkerror"],
    ["EZweb", "The user(s) account is temporarily limited.", "suspend"],
  ])("reads %s's own sentence pasted without its layout: %s", async (_family, paste, reason) => {
    const { records } = await classify(paste);
    expect(records.map((r) => r.reason)).toEqual([reason]);
  });

  it("knows OCN's Japanese paragraph is a bounce even without the English part", async () => {
    const paste = [
      "The following sentences are Japanese.",
      "このメールは、お送りいただいたメールが一部の宛先に配送できなかったことをお知らせするものです。",
    ].join("\n");
    const { records } = await classify(paste);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ reason: "onhold", topic: "unknown" });
  });

  it("recognises a pasted out-of-office reply and a plain chat message as no bounce", async () => {
    const away = await classify(
      "I am out of the office until Monday and will respond to you upon my return.",
    );
    expect(away.records.map((r) => r.topic)).toEqual(["not-a-bounce"]);
    const chat = await classify("こんにちは。メールの送り方を教えてください。");
    expect(chat.records).toEqual([]);
  });

  it("never echoes personal data from the paste in display fields", async () => {
    const { records } = await classify(
      "550 5.1.1 <hanako.yamada@example.co.jp>... User unknown\n電話 090-1234-5678 までお願いします",
    );
    const shown = JSON.stringify(records);
    expect(shown).not.toContain("hanako.yamada");
    expect(shown).not.toContain("090-1234-5678");
  });

  it("can be told to read a paste that looks like headers as a fragment", async () => {
    const paste =
      "Final-Recipient: rfc822; taro@example.jp\nAction: failed\nStatus: 5.2.2\nDiagnostic-Code: smtp; 552 5.2.2 Mailbox full";
    const auto = await classify(paste);
    const forced = await classify(paste, { kind: "fragment" });
    expect(auto.kind).toBe("fragment");
    expect(forced.records.map((r) => r.reason)).toEqual(["mailboxfull"]);
  });
  it("keeps a bare 'could not be delivered' as a bounce of unknown reason", async () => {
    const { records } = await classify("This message could not be delivered. Please try again later.");
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ reason: "onhold" });
  });

  it("reads a spam filter's refusal without any status code", async () => {
    const { records } = await classify(
      "Your message to: taro@example.org was blocked by our Spam Firewall. The email you sent with the following subject has NOT BEEN DELIVERED:",
    );
    expect(records.map((r) => r.reason)).toEqual(["spamdetected"]);
  });

  it("reads an Exim list of malformed recipient addresses", async () => {
    const paste = [
      "A message that you sent contained one or more recipient addresses that were",
      "incorrectly constructed:",
      "",
      "  taro@example.com <hanako@example.net>: malformed address: <hanako@example.net> may not follow taro@example.com",
    ].join("\n");
    const { records } = await classify(paste);
    expect(records.map((r) => r.reason)).toEqual(["syntaxerror"]);
  });

  it("reads a recipient's reply under its entry as that entry's: the step it answered is named above it", async () => {
    // GMX lists each recipient, the step ("after RCPT command"), the host, then the reply naming the
    // address again. The same words after DATA would be a filter's (a carrier's reception setting).
    const paste = [
      '"taro@example.jp":',
      "SMTP error from remote server after RCPT command:",
      "host: mx.example.jp",
      "5.2.1 <taro@example.jp>... User Unknown",
      '"hanako@example.jp":',
      "SMTP error from remote server after RCPT command:",
      "host: mx.example.jp",
      "5.2.2 <hanako@example.jp>... Mailbox Full",
    ].join("\n");
    const { records } = await classify(paste, { kind: "fragment" });
    expect(records.map((r) => [r.recipient, r.reason])).toEqual([
      ["t***@example.jp", "userunknown"],
      ["h***@example.jp", "mailboxfull"],
    ]);
  });

  it("takes the recipient from a RCPT TO: line of a details list", async () => {
    const paste = [
      "Error: Invalid user address",
      "550 - Requested action not taken: no such user here",
      "Message details:",
      "  RCPT TO: taro@example.com",
    ].join("\n");
    const { records } = await classify(paste);
    expect(records[0]?.recipientDomain).toBe("example.com");
  });
  it("reads a qmail notice that gave up after the queue lifetime as expired", async () => {
    const paste = [
      "Hi. This is the qmail-send program at mail.example.jp.",
      "I'm afraid I wasn't able to deliver your message to the following addresses.",
      "This is a permanent error; I've given up. Sorry it didn't work out.",
      "",
      "<taro@example.org>:",
      "unable to connect to remote server [192.0.2.1:25]: Operation timed out",
      "I'm not going to try again; this message has been in the queue too long.",
    ].join("\n");
    const { records } = await classify(paste);
    expect(records.map((r) => r.reason)).toEqual(["expired"]);
  });
  it("reads the providers' own error-page numbers and wordings", async () => {
    const iua = await classify(
      "<taro@i.ua>: host mx.i.ua[192.0.2.1] said: 550 Mailbox was not used for more than 3 months. See https://mail.i.ua/err/3/ (in reply to RCPT TO command)",
    );
    expect(iua.records.map((r) => r.reason)).toEqual(["suspend"]);
    const cloudflare = await classify(
      "<taro@example.com>: host route1.mx.cloudflare.net[192.0.2.2] said: 554 5.7.1 192.0.2.9 found on one or more DNSBLs (in reply to RCPT TO command)",
    );
    expect(cloudflare.records.map((r) => r.reason)).toEqual(["blocked"]);
  });
  it("knows the provider by its own link or code when the screen cut off the recipient and the server", async () => {
    const read = async (text: string) =>
      (await classify(text, { kind: "fragment" })).records.map((r) => [r.reason, r.evidence]);
    // Cox's block-list code under a plain "sender rejected"; no host name left on the screen.
    expect(
      await read(
        [
          "550 5.1.0 <news@shop.example.com> sender rejected. Refer to Error Codes",
          "section at https://www.cox.com/residential/support/email-error-codes.html",
          "for more information. AUP#CDRBL (in reply to MAIL FROM command)",
        ].join("\n"),
      ),
    ).toEqual([["blocked", "Cox: AUP#CDRBL"]]);
    // GoDaddy's code with its short link, quoted by a notice that does not name the server.
    expect(
      await read(
        "550 5.7.1 192.0.2.7 is not allowed to send from <example.net> per its SPF Record. IB508 <http://x.co/srbounce>",
      ),
    ).toEqual([["authfailure", "GoDaddy: IB508"]]);
    // Orange's label: its 999 is a block, though the words only say "try later".
    expect(
      await read(
        "421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]",
      ),
    ).toEqual([["blocked", "FrancePTT: code 999"]]);
    // Without the provider's mark the same words are read as anyone's: a refused sender.
    expect((await read("550 5.1.0 <news@shop.example.com> sender rejected"))[0]?.[0]).toBe("rejected");
  });
  it("reads Gmail's own sentence above a response that does not name the step", async () => {
    const paste = [
      "** Message not delivered **",
      "",
      "Your message couldn't be delivered to taro@example.com because the address couldn't be found.",
      "Check for typos or unnecessary spaces and try again.",
      "",
      "The response was:",
      "",
      "The email account that you tried to reach does not exist.",
    ].join("\n");
    const { records } = await classify(paste);
    expect(records.map((r) => r.reason)).toEqual(["userunknown"]);
  });
  it("reads an old Sendmail transcript whose 'Remote protocol error' points to the reply above", async () => {
    const paste = [
      "   ----- Transcript of session follows -----",
      "While talking to mx.example.edu:",
      ">>> MAIL From:<hanako@example.jp>",
      "<<< 550 Insecure Mail Relay",
      "554 <taro@example.edu>... Remote protocol error",
    ].join("\n");
    const { records } = await classify(paste);
    expect(records.map((r) => r.reason)).toEqual(["norelaying"]);
  });
  it("explains Sendmail's bare 'Service unavailable' by the local mailer's line above it", async () => {
    const paste = [
      "   ----- The following addresses had permanent fatal errors -----",
      "<taro@example.net>",
      "",
      "   ----- Transcript of session follows -----",
      "mail.local: unknown user: taro",
      "554 <taro@example.net>... Service unavailable",
    ].join("\n");
    const { records } = await classify(paste);
    expect(records.map((r) => r.reason)).toEqual(["userunknown"]);
  });
  it("takes Sendmail's own verdict under the server's answer as the recipient's status, as its report would", async () => {
    // The server answered the DATA step with no status; Sendmail's line below it says 5.1.1 (its report's
    // Status: field, which a screenshot of the transcript leaves out).
    const answer = [
      "   ----- Transcript of session follows -----",
      "... while talking to mx.example.ne.jp.:",
      ">>> DATA",
      "<<< 550 <jiro@example.ne.jp>: Recipient address rejected: User unknown",
    ];
    const verdict = ["550 5.1.1 <jiro@example.ne.jp>... User unknown", "<<< 503 No recipients specified"];
    const withVerdict = await classify([...answer, ...verdict].join("\n"));
    expect(withVerdict.records[0]).toMatchObject({ reason: "userunknown", status: "5.1.1" });
    // Without it, an unknown user answered after DATA reads as a filter's refusal, as before.
    const without = await classify(answer.join("\n"));
    expect(without.records[0]).toMatchObject({ reason: "filtered", topic: "user-unknown" });
  });
  it("takes a status comment as the explanation when a report field has no Diagnostic-Code", async () => {
    const paste = [
      "Final-Recipient: rfc822;taro@example.net",
      "Action: delayed",
      "Status: 4.0.0 (example.net: host name lookup failure)",
    ].join("\n");
    const { records } = await classify(paste);
    expect(records.map((r) => r.reason)).toEqual(["networkerror"]);
  });

  it("reads the server's answer above a notice's 'address(es) failed:' list when the list is cut off", async () => {
    // A provider that repeats Exim's notice under its own words; the screenshot ends at the list.
    const paste = [
      "  taro@example.jp",
      "    SMTP error from remote mail server after RCPT TO:<taro@example.jp>:",
      "    host mx.example.jp [192.0.2.1]: 550 5.1.1 <taro@example.jp>... User Unknown",
      "",
      "This message was created automatically by mail delivery software.",
      "",
      "A message that you sent could not be delivered to one or more of its",
      "recipients. This is a permanent error. The following address(es) failed:",
      "",
      "  taro@example.jp",
    ].join("\n");
    const { records } = await classify(paste, { kind: "fragment" });
    expect(records.map((r) => [r.reason, r.status])).toEqual([["userunknown", "5.1.1"]]);
  });

  it("reads Sendmail's 'could not be delivered for N hours' as a message the server gave up on", async () => {
    const paste = [
      "<taro@example.jp>... Deferred: 421 Service not available",
      "Message could not be delivered for 8 hours",
      "Message will be deleted from queue",
    ].join("\n");
    const { records } = await classify(paste, { kind: "fragment" });
    expect(records.map((r) => r.reason)).toEqual(["expired"]);
  });

  it("keeps every line of a server's answer the screen wrapped over four lines", async () => {
    // The third line holds the words that name the reason; the first two and the last carry none.
    const paste = [
      "    mx.example.jp[192.0.2.9] said: 550-5.7.1",
      "    [192.0.2.1 11] This message has a",
      "    550 5.7.1 duplicate header: Subject. Fix it",
      "    and send again (in reply to end of DATA command)",
    ].join("\n");
    const { records } = await classify(paste, { kind: "fragment" });
    expect(records.map((r) => [r.reason, r.status])).toEqual([["notcompliantrfc", "5.7.1"]]);
  });

  it("reads Gmail's 'Address not found' as a domain problem when it says the domain couldn't be found", async () => {
    const paste = [
      "** Address not found **",
      "",
      "Your message wasn't delivered to hanako@exmaple.jp because the domain exmaple.jp couldn't be",
      "found. Check for typos or unnecessary spaces and try again.",
    ].join("\n");
    const { records } = await classify(paste, { kind: "fragment" });
    expect(records.map((r) => [r.reason, r.topic])).toEqual([["hostunknown", "host-unknown"]]);
    const address = paste.replace("the domain exmaple.jp", "the address");
    const again = await classify(address, { kind: "fragment" });
    expect(again.records.map((r) => r.topic)).toEqual(["user-unknown"]);
  });
});
