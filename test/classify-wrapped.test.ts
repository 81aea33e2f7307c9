import { describe, expect, it } from "vitest";
import { unwrap } from "../knowledge/bounce/unwrap.ts";
import { classify } from "../knowledge/classify.ts";
import { wrapLikePhone } from "../knowledge/cli/paste.ts";

/** What the user will be told about: the first record's verdict. */
async function verdict(text: string) {
  const r = (await classify(text, { kind: "fragment" })).records[0];
  return r && { reason: r.reason, status: r.status, replyCode: r.replyCode, recipient: r.recipient };
}

/**
 * A phone's mail app wraps every line longer than the screen; a screenshot or a copy keeps those
 * breaks. Each bounce below is one the classifier reads on full lines; squeezed onto a narrow screen it
 * must read the same.
 */
const BOUNCES: Record<string, string> = {
  sendmail: [
    "   ----- The following addresses had permanent fatal errors -----",
    "<hanako.yamada@example.jp>",
    "    (reason: 550 5.1.1 <hanako.yamada@example.jp>... User Unknown)",
    "",
    "   ----- Transcript of session follows -----",
    "... while talking to mx.example.jp.:",
    ">>> RCPT To:<hanako.yamada@example.jp>",
    "<<< 550 5.1.1 <hanako.yamada@example.jp>... User Unknown",
    "550 5.1.1 <hanako.yamada@example.jp>... User Unknown",
  ].join("\n"),
  postfix: [
    "This is the mail system at host smtp.example.ne.jp.",
    "",
    "I'm sorry to have to inform you that your message could not",
    "be delivered to one or more recipients. It's attached below.",
    "",
    "<ichiro-suzuki-family-2024@docomo.ne.jp>: host mfsmax.docomo.ne.jp[203.0.113.9] said: 552",
    "    5.2.2 Mailbox full (in reply to RCPT TO command)",
  ].join("\n"),
  exim: [
    "A message that you sent could not be delivered to one or more of its",
    "recipients. This is a permanent error. The following address(es) failed:",
    "",
    "  kenta@example.org",
    "    SMTP error from remote mail server after RCPT TO:<kenta@example.org>:",
    "    host mx.example.org [192.0.2.10]: 550 5.1.2 Host unknown or domain lookup failed",
  ].join("\n"),
  japanese: [
    "このメールは以下の原因により届けることが出来ませんでした。",
    "宛先のメールアドレス（taro.example@ezweb.ne.jp）のメールボックスが容量を超えているため受信できません。",
    "550 5.2.2 mailbox is full",
  ].join("\n"),
};

describe("classify: soft-wrapped text (a narrow screen's line breaks)", () => {
  for (const [name, text] of Object.entries(BOUNCES)) {
    it(`reads a ${name} bounce wrapped at 28, 36 and 44 columns as on full lines`, async () => {
      const whole = await verdict(text);
      expect(whole?.reason).not.toMatch(/^(undefined|onhold)$/);
      for (const columns of [28, 36, 44]) {
        const wrapped = wrapLikePhone(text, columns);
        expect(wrapped.split("\n").length, `${columns} columns`).toBeGreaterThan(text.split("\n").length);
        expect(await verdict(wrapped), `${name} at ${columns} columns`).toEqual(whole);
      }
    });
  }

  it("reads the examples of issue #10 as on one line", async () => {
    expect(await verdict("<<< 550 5.1.1\n<user@example.jp>... User\nUnknown")).toEqual(
      await verdict("<<< 550 5.1.1 <user@example.jp>... User Unknown"),
    );
    const fatal =
      "----- The following addresses had permanent fatal\nerrors -----\n<user@example.jp>\n(reason: 550 5.1.1 User unknown)";
    expect(await verdict(fatal)).toEqual(
      await verdict(
        "----- The following addresses had permanent fatal errors -----\n<user@example.jp>\n(reason: 550 5.1.1 User unknown)",
      ),
    );
  });

  it("reads a bounce whose long unbroken word ran past the screen's edge as on full lines", async () => {
    // A screen that moves a word too long for the rest of a line to the next and lets a word longer
    // than a line run past the edge ("(TCP|192.0.2.10|…)" below): the longest line is then no measure
    // of the screen's width, the longest line with a blank inside is.
    const keepingWords = (text: string, columns: number) =>
      text
        .split("\n")
        .map((line) => {
          const rows: string[] = [];
          let row = line.slice(0, line.length - line.trimStart().length);
          for (const word of line.trimStart().split(" ")) {
            if (row.trim() !== "" && `${row} ${word}`.length > columns) {
              rows.push(row);
              row = word;
            } else row = row.trim() === "" ? row + word : `${row} ${word}`;
          }
          return [...rows, row].join("\n");
        })
        .join("\n");
    const text = [
      "  Recipient address: yamamoto@example.jp",
      "  Reason: Remote SMTP server has rejected address",
      "  Diagnostic code: smtp;550 5.1.1 <yamamoto@example.jp>... User Unknown",
      "  Remote system: dns;mx1.example.jp (TCP|192.0.2.10|47323|192.0.2.225|25) (mx1.example.jp ESMTP SENDMAIL-VM)",
    ].join("\n");
    const whole = await verdict(text);
    expect(whole).toMatchObject({ reason: "userunknown", status: "5.1.1" });
    for (const columns of [26, 32, 40]) {
      const wrapped = keepingWords(text, columns);
      expect(wrapped).toContain("\n(TCP|192.0.2.10|47323|192.0.2.225|25)\n");
      expect(await verdict(wrapped), `${columns} columns`).toEqual(whole);
    }
  });

  it("joins the text after an entry's colon with a blank: a colon then a word is no cut inside a word", async () => {
    expect(unwrap("<taro@example.org>: connect to\nexample.org[192.0.2.25]:25:\nConnection timed out")).toBe(
      "<taro@example.org>: connect to example.org[192.0.2.25]:25: Connection timed out",
    );
    // Cut at the screen's bottom after "to RCPT": read as the same text on full lines.
    const wrapped = [
      "<hanako-tanaka@example.ne.jp>: host",
      "mx.example.ne.jp[192.0.2.10] said:",
      "550",
      "    <hanako-tanaka@example.ne.jp>:",
      "Recipient address rejected. (in reply",
      "to RCPT",
    ].join("\n");
    const whole = [
      "<hanako-tanaka@example.ne.jp>: host mx.example.ne.jp[192.0.2.10] said: 550",
      "    <hanako-tanaka@example.ne.jp>: Recipient address rejected. (in reply to RCPT",
    ].join("\n");
    expect(await verdict(whole)).toMatchObject({ reason: "userunknown" });
    expect(await verdict(wrapped)).toEqual(await verdict(whole));
  });

  it("reads an explanation as one block where an indented link left an empty row before it", async () => {
    // The link does not fit after its line's indentation: the screen leaves the blanks alone on a row
    // (an empty line once copied or read from the pixels) and puts the link at the margin below. The
    // refusal's code comes after the link.
    const text = [
      "<ren.kimura@cox.net>: host mx.cox.example[192.0.2.54] said: 550",
      "    5.1.0 <shop@example.jp> sender rejected. The refusal codes are listed at",
      "    https://www.cox.com/residential/support/email-error-codes.html for reference.",
      "    AUP#CXSNDR (in reply to MAIL FROM command)",
    ].join("\n");
    const whole = await verdict(text);
    expect(whole).toMatchObject({ reason: "authfailure" });
    for (const columns of [28, 36, 44]) {
      const wrapped = wrapLikePhone(text, columns);
      expect(wrapped, `${columns} columns`).toContain("\n\nhttps://");
      expect(unwrap(wrapped), `${columns} columns`).not.toContain("\n\n");
      expect(await verdict(wrapped), `${columns} columns`).toEqual(whole);
    }
    // An empty line between two paragraphs stays.
    const paragraphs =
      "    The message could not be delivered to one of\n\nhttps://help.example.net/why is the page";
    expect(unwrap(paragraphs)).toBe(paragraphs);
  });

  it("joins the rest of a server's answer to the reply code that ends a line", () => {
    const cut = [
      "   ----- The following addresses had",
      "permanent fatal errors -----",
      "<saburo.kato.family@example.ne.jp>",
      "    (reason: 550",
      "<saburo.kato.family@example.ne.jp>:",
      "User unknown)",
    ].join("\n");
    // An address with its colon alone on a line starts a recipient's entry, but not after a bare code.
    expect(unwrap(cut).split("\n").slice(1)).toEqual([
      "<saburo.kato.family@example.ne.jp>",
      "    (reason: 550 <saburo.kato.family@example.ne.jp>: User unknown)",
    ]);
    // Also where the address's first part, up to a hyphen, would have fitted after the code.
    const transcript = [
      "... while talking to mx.example.ne.jp.:",
      ">>> DATA",
      "<<< 550",
      "<saburo-kato-family-2020@example.ne.jp>:",
      "User unknown",
    ].join("\n");
    expect(unwrap(transcript).split("\n").slice(2)).toEqual([
      "<<< 550 <saburo-kato-family-2020@example.ne.jp>: User unknown",
    ]);
  });

  it("joins what a parenthesis holds to its label at a line's end: the program the mail was piped to", async () => {
    // Sendmail's entry for a program that failed, its "(expanded from:" label cut from the address; the
    // address alone on the next row read as a recipient's entry, and the program's failure was lost.
    const cut = [
      "   ----- The following",
      "addresses had permanent fatal",
      "errors -----",
      '"|/usr/local/bin/nyaan-filter.py"',
      "    (reason: 127)",
      "    (expanded from:",
      "<filter-program@example.jp>)",
      "",
      "   ----- Transcript of session",
      "follows -----",
      "Permission denied",
    ].join("\n");
    expect(unwrap(cut).split("\n").slice(2, 4)).toEqual([
      "    (reason: 127)",
      "    (expanded from: <filter-program@example.jp>)",
    ]);
    expect(await verdict(cut)).toMatchObject({ reason: "mailererror" });
  });

  it("joins a report field's value to its name or type at a line's end: the recipient the report names", async () => {
    // A Postfix notice's delivery report on a narrow screen: the recipient too long for the row's rest
    // after "rfc822;" moved down whole, and the report named no one; its Status alone was read.
    const cut = [
      "<taro-yamada@example.ne.jp>: host",
      "mx.example.ne.jp[192.0.2.1] said:",
      "    550 5.1.1 User unknown (in",
      "reply to RCPT TO command)",
      "",
      "Final-Recipient: rfc822;",
      "taro-yamada@example.ne.jp",
      "Original-Recipient:",
      "rfc822;taro-yamada@example.ne.jp",
      "Action: failed",
      "Status: 5.1.1",
    ].join("\n");
    expect(unwrap(cut).split("\n").slice(-4)).toEqual([
      "Final-Recipient: rfc822; taro-yamada@example.ne.jp",
      "Original-Recipient: rfc822;taro-yamada@example.ne.jp",
      "Action: failed",
      "Status: 5.1.1",
    ]);
    expect(await verdict(cut)).toMatchObject({ reason: "userunknown", recipient: "t***@example.ne.jp" });
    // A notice's label of two words: the sender's address below it is no recipient's entry.
    const labelled = [
      "Could not be delivered because of",
      "",
      "550 5.1.1 User unknown",
      "",
      "The following recipients were",
      "affected:",
      "    hanako-suzuki@example.jp",
      "",
      "Original Sender:",
      "<taro-yamada@example.ne.jp>",
    ].join("\n");
    expect(unwrap(labelled).split("\n").at(-1)).toBe("Original Sender: <taro-yamada@example.ne.jp>");
  });

  it("reads a server's host and address the screen cut anywhere, its digits as OCR read them", async () => {
    // docomo's own reading ("550 Unknown user" after DATA is its refusal) needs its host, cut at "]" or
    // inside the address, with an O read for a zero.
    for (const cut of [
      "host\nmfsmax.docomo.ne.jp[203.0.113.240\n] said: 550 Unknown user\ntaro@example.ne.jp (in reply to\nend of DATA command)",
      "host\nmfsmax.docomo.ne.jp[203.0.1\n13.24O] said: 550 Unknown user\ntaro@example.ne.jp (in reply to\nend of DATA command)",
    ]) {
      expect(await verdict(cut), cut).toMatchObject({ reason: "rejected", replyCode: "550" });
    }
    // Without the host, the same words are an unknown user: the host is what decided.
    expect(
      await verdict("550 Unknown user taro@example.ne.jp (in reply to end of DATA command)"),
    ).toMatchObject({
      reason: "filtered",
    });
    // Google's own reading of its refusal, the IPv6 address with O for 0 in two places.
    const google = [
      "<taro@example.com>: host",
      "    gmail-smtp-in.l.google.com[2404:680O:4008:cO5::1a] said: 550-5.7.1",
      "    Messages with multiple addresses in From: header are not accepted.",
    ].join("\n");
    expect((await classify(google, { kind: "fragment" })).records[0]?.evidence).toMatch(/^Google: /);
  });

  it("reads the end of a long entry joined from many rows as it reads a short one's", () => {
    // unwrap looks only at a joined entry's first and last characters (linear in the text): a reply code at
    // the end of a sentence of five rows still carries the address below it, and a closed sentence of five
    // rows still ends before the next recipient's address.
    const said =
      "The mail server mx.example.jp[192.0.2.1] of the recipient answered the message we tried to deliver for you with an error, and it said: 550";
    expect(unwrap(`${wrapLikePhone(said, 36)}\n<hanako@example.jp>... User unknown`)).toBe(
      `${said} <hanako@example.jp>... User unknown`,
    );
    const closed =
      "The mail server mx.example.jp[192.0.2.1] of the recipient could not deliver the message we tried to send for you (mailbox full).";
    expect(unwrap(`${wrapLikePhone(closed, 36)}\n<hanako@example.jp> mailbox full`)).toBe(
      `${closed}\n<hanako@example.jp> mailbox full`,
    );
  });

  it("reads the row a recipient's indented explanation left empty under its entry as no blank line", async () => {
    // "<taro@example.jp>: host" ⏎ "    mx.example.jp[192.0.2.1] said: 550 …": the host does not fit after
    // the four blanks, which stay alone on a row (an empty line in the text) above it.
    const cut = [
      "<taro.yamada@example.jp>: host",
      "",
      "mx01.mail.example.ne.jp[192.0.2.250]",
      "said: 550",
      "    <taro.yamada@example.jp>: User",
      "unknown (in reply to RCPT TO",
      "command)",
    ].join("\n");
    expect(unwrap(cut)).toBe(
      [
        "<taro.yamada@example.jp>: host",
        "    mx01.mail.example.ne.jp[192.0.2.250] said: 550",
        "    <taro.yamada@example.jp>: User unknown (in reply to RCPT TO command)",
      ].join("\n"),
    );
    expect(await verdict(cut)).toMatchObject({ reason: "userunknown", replyCode: "550" });
    // After a finished sentence, an empty line is the writer's.
    const paragraphs =
      "Your message could not be delivered.\n\nmx01.mail.example.ne.jp[192.0.2.250]\nsaid: 550";
    expect(unwrap(paragraphs)).toContain("delivered.\n\n");
  });

  it("reads an empty row right after a reply code that says it goes on ('550-5.7.1') as no blank line", async () => {
    // A multi-line reply's "550-" says more lines follow: no server ends its answer there, however wide the
    // widest row makes the screen look (a slip like "gsrntp" for "gsmtp" widens it).
    const cut = [
      "<hanako@example.com>: host mx.example.com[2001:db8::1a]",
      "    said: 550-5.7.1",
      "",
      "[2001:db8:10:20::5      13] This message",
      "    does not meet our sender authentication",
      "    requirements (SPF). gsrntp (in reply to end",
      "    of DATA command)",
    ].join("\n");
    expect(unwrap(cut)).not.toContain("\n\n");
    expect(await verdict(cut)).toMatchObject({ reason: "authfailure", replyCode: "550" });
  });

  it("reads an address under a reply code that says it goes on ('550-5.1.1') as the reply's words", async () => {
    // "550-" says the reply's words follow: the address below the code is no new recipient's entry whose
    // explanation lacks the code, whether the server wrote it or Amazon SES quotes it ("550-'5.1.1").
    for (const code of ["said: 550-5.1.1", "5.1.0 - Unknown address error 550-'5.1.1"]) {
      const cut = [code, "<hanako@example.com>:", "Recipient address rejected:"].join("\n");
      expect(await verdict(cut), code).toMatchObject({ reason: "userunknown", status: "5.1.1" });
    }
  });

  it("starts a recipient's entry where an address starts a line as the entry before it did", async () => {
    // Both entries begin "<address> Invalid": the second is no part of the first's "User Unknown".
    const list = [
      "taro.yamada@example.co.jp Invalid",
      "Address, ERROR_CODE :550,",
      "ERROR_CODE :5.2.1",
      "<taro.yamada@example.co.jp>...",
      "User Unknown",
      "hanako.sato@example.co.jp Invalid",
      "Address, ERROR_CODE :550,",
    ].join("\n");
    expect(unwrap(list).split("\n")).toEqual([
      "taro.yamada@example.co.jp Invalid Address, ERROR_CODE :550, ERROR_CODE :5.2.1 <taro.yamada@example.co.jp>... User Unknown",
      "hanako.sato@example.co.jp Invalid Address, ERROR_CODE :550,",
    ]);
    // The same under an indented explanation ("on <date>" after each address, Exchange's list).
    const exchange = [
      "taro@example.co.jp on Thu, 29 Apr",
      "2007 16:51:51 -0500",
      "    The recipient name is not",
      "recognized",
      "hanako@example.co.jp on Thu, 29 Apr",
      "2007 16:51:51 -0500",
    ].join("\n");
    expect(unwrap(exchange).split("\n")).toEqual([
      "taro@example.co.jp on Thu, 29 Apr 2007 16:51:51 -0500",
      "    The recipient name is not recognized",
      "hanako@example.co.jp on Thu, 29 Apr 2007 16:51:51 -0500",
    ]);
    // On a narrower screen each address is alone on its row, the word after it moved down whole: joined
    // with a blank (no cut inside the address), and the second entry still starts a line of its own.
    const narrow = [
      "Your mail could not reach",
      "these addresses:",
      "",
      "taro.yamada@example.co.jp",
      "Invalid Address,",
      "ERROR_CODE :550,",
      "ERROR_CODE :5.2.1",
      "<taro.yamada@example.co.jp>..",
      ". User Unknown",
      "hanako.sato@example.co.jp",
      "Invalid Address,",
      "ERROR_CODE :550,",
      "ERROR_CODE :5.2.2",
      "<hanako.sato@example.co.jp>..",
      ". Mailbox Full",
    ].join("\n");
    expect(
      unwrap(narrow)
        .split("\n")
        .map((l) => l.slice(0, 42)),
    ).toEqual([
      "Your mail could not reach these addresses:",
      "",
      "taro.yamada@example.co.jp Invalid Address,",
      "hanako.sato@example.co.jp Invalid Address,",
    ]);
    const entries = (await classify(narrow, { kind: "fragment" })).records;
    expect(entries.map((r) => r.topic)).toEqual(["user-unknown", "mailbox-full"]);
    // After a colon the address is what the colon introduced, however the entry began.
    const said = "<taro@example.jp>: host mx.example.jp said:\n<taro@example.jp>: User unknown";
    expect(unwrap(said)).toBe("<taro@example.jp>: host mx.example.jp said: <taro@example.jp>: User unknown");
  });

  it("keeps the lines of a Sendmail transcript apart where each recipient's reply starts", async () => {
    // "554 <x@…>... Remote protocol error" after a full stop, and "550 5.1.1" whose address went below,
    // after the server's own line: each is a reply of its own, not the end of the line before.
    const transcript = [
      ">>> MAIL From:<shironeko@example.co.jp>",
      "<<< 501 <shironeko@example.co.jp>... no",
      "access from mail server which is an",
      "open relay.",
      "554 <kijitora@example.org>... Remote",
      "protocol error",
      "<<< 551 not our customer",
      "550 5.1.1",
      "<mikeneko@example.org>... User unknown",
    ].join("\n");
    expect(unwrap(transcript).split("\n")).toEqual([
      ">>> MAIL From:<shironeko@example.co.jp>",
      "<<< 501 <shironeko@example.co.jp>... no access from mail server which is an open relay.",
      "554 <kijitora@example.org>... Remote protocol error",
      "<<< 551 not our customer",
      "550 5.1.1 <mikeneko@example.org>... User unknown",
    ]);
    // After a colon the codes are what it introduced.
    expect(
      unwrap("<taro@example.jp>: host mx.example.jp said:\n550 5.1.1\n<taro@example.jp>... User unknown"),
    ).toBe("<taro@example.jp>: host mx.example.jp said: 550 5.1.1 <taro@example.jp>... User unknown");
    // Sendmail's text after "<x@…>..." stays on its line though it starts like a field ("Deferred: …").
    const deferred =
      "<<< 421\n<this-local-part-is-long@example.ne.jp>...\nDeferred: 421 Message could not be\ndelivered for 8 hours";
    expect(unwrap(deferred)).toBe(
      "<<< 421 <this-local-part-is-long@example.ne.jp>... Deferred: 421 Message could not be delivered for 8 hours",
    );
    expect(await verdict(deferred)).toMatchObject({ reason: "expired" });
  });

  it("starts a row of its own where a status starts one after a host, as GMX writes each recipient's reply", async () => {
    // The screen was wider than any row with a blank shows: "host: mx.example.jp" and the status below
    // it would seem to be one line cut in two. A status follows a reply code or a colon, not a host.
    const text = [
      '"mikeneko@example.jp":',
      "SMTP error from remote",
      "server after RCPT command:",
      "host: mx.example.jp",
      "5.2.1",
      "<mikeneko@example.jp>...",
      "User Unknown",
    ].join("\n");
    const [before, reply] = unwrap(text).split("\n").slice(-2);
    expect(before).toMatch(/ host: mx\.example\.jp$/);
    expect(reply).toBe("5.2.1 <mikeneko@example.jp>... User Unknown");
    expect(await verdict(text)).toMatchObject({ status: "5.2.1", recipient: "m***@example.jp" });
    // After a reply code or a colon the status goes on with it.
    const diagnostic =
      "Reason: Remote SMTP server\nhas rejected address\nDiagnostic code: smtp;550\n5.2.1 <taro@example.jp>...\nUser Unknown";
    expect(unwrap(diagnostic)).toMatch(/ smtp;550 5\.2\.1 <taro@example\.jp>\.\.\. User Unknown$/);
  });

  it("keeps Sendmail's own verdict apart from the server's answer it quotes", async () => {
    const transcript = [
      ">>> DATA",
      "<<< 554 delivery error: dd This",
      "user doesn't have a example.com",
      "account",
      "554 5.0.0 Service unavailable",
    ].join("\n");
    expect(unwrap(transcript).split("\n")).toEqual([
      ">>> DATA",
      "<<< 554 delivery error: dd This user doesn't have a example.com account",
      "554 5.0.0 Service unavailable",
    ]);
  });

  it("reads a screen that keeps hyphenated words whole: a row of one word past its edge shows it", async () => {
    // "(this-is-not-…)" ran past the edge though "(this-" would have fitted after "account": this screen
    // breaks at blanks only, so the words before it were moved down whole, not ended by their writer.
    const text = [
      "<<< 554 delivery error: dd This",
      "user doesn't have a example.com",
      "account",
      "(this-is-not-a-real-user-address@example.com)",
      "[0] - mta107.mail.example.com",
      "554 5.0.0 Service unavailable",
    ].join("\n");
    expect(unwrap(text).split("\n")).toEqual([
      "<<< 554 delivery error: dd This user doesn't have a example.com account (this-is-not-a-real-user-address@example.com) [0] - mta107.mail.example.com",
      "554 5.0.0 Service unavailable",
    ]);
    expect(await verdict(text)).toMatchObject({ reason: "filtered" });
    // A screen that breaks after hyphens leaves a short row before such a word to its writer.
    expect(unwrap("Please send it again to\nneko-no-te@example.jp later on today.")).toBe(
      "Please send it again to\nneko-no-te@example.jp later on today.",
    );
    // A rule of dashes starts its own row, however long.
    expect(
      unwrap("Included is a copy of the header:\n-----------------------------------------\nReceived: x"),
    ).toBe("Included is a copy of the header:\n-----------------------------------------\nReceived: x");
  });

  it("joins an address broken after a hyphen without a blank", () => {
    expect(unwrap("Delivery to the following recipient failed: libsisimai-\n2@example.jp")).toBe(
      "Delivery to the following recipient failed: libsisimai-2@example.jp",
    );
  });

  it("joins Japanese text without a blank, and a cut URL without one", () => {
    const text = "このメールは以下の原因により届けることが出来ません\nでした。";
    expect(unwrap(text)).toBe("このメールは以下の原因により届けることが出来ませんでした。");
    expect(unwrap("See the page\nhttps://support.example.com/mail/erro\nr-codes.html for more")).toContain(
      "https://support.example.com/mail/error-codes.html",
    );
  });

  it("leaves the lines of a text nobody wrapped as they are", () => {
    const report = [
      "Final-Recipient: rfc822; taro@example.jp",
      "Action: failed",
      "Status: 5.1.1",
      "Diagnostic-Code: smtp; 550 5.1.1 <taro@example.jp>: Recipient address rejected",
    ].join("\n");
    expect(unwrap(report)).toBe(report);
    // A line ended by its writer: the next word would have fitted.
    expect(unwrap("Hello,\nthis is the mail system at host example.jp.")).toBe(
      "Hello,\nthis is the mail system at host example.jp.",
    );
  });

  // How long these take is measured by npm run bench:classify (bench/adversarial.ts TEXT_ADVERSARIAL).
  it("leaves 5,000 characters of short lines as they are: none of them was cut by a screen", () => {
    for (const junk of ["a-\n".repeat(1700), "@.\n".repeat(1700)]) expect(unwrap(junk)).toBe(junk);
  });

  it("joins 80 lines of one width, which a screen cut, into one line", () => {
    const junk = `${"x".repeat(60)}\n`.repeat(80);
    const [first, ...rest] = unwrap(junk).split("\n");
    expect(first!.replace(/ /g, "")).toBe("x".repeat(60 * 80));
    expect(rest.join("")).toBe("");
  });
});
