import { describe, expect, it } from "vitest";
import { keepsBreak } from "../knowledge/bounce/unwrap.ts";
import { classify } from "../knowledge/classify.ts";
import { cleanOcrText, firstBounceLine } from "../knowledge/ocr/clean.ts";
import { layoutText, type OcrWord } from "../knowledge/ocr/layout.ts";

/**
 * From what OCR saw to the mail's text: the layout of words on a phone screen (layout.ts) and what the
 * phone and the OCR model add (clean.ts). The words here are placed as tesseract reports them for a
 * 750-pixel-wide screenshot: 16-pixel margins at 2×, rows 44 pixels apart, letters ~18 pixels wide.
 */

const LETTER = 18;
const PITCH = 44;
const MARGIN = 32;

/** Screen rows (leading blanks = indentation, "" = an empty row) as OCR words with boxes. */
function wordsOf(rows: string[]): OcrWord[] {
  const words: OcrWord[] = [];
  rows.forEach((row, r) => {
    let x = MARGIN + (row.length - row.trimStart().length) * 0.45 * LETTER;
    for (const text of row.trim().split(" ").filter(Boolean)) {
      words.push({
        text,
        left: x,
        top: 500 + r * PITCH,
        width: text.length * LETTER,
        height: 30,
        conf: 95,
        row: `${r}`,
      });
      x += text.length * LETTER + 0.45 * LETTER;
    }
  });
  return words;
}

const page = (rows: string[]) => ({ width: 750, words: wordsOf(rows) });

describe("OCR layout: rows back into the mail's lines", () => {
  it("joins a row the screen wrapped (the next word would not have fitted) and keeps a short one", () => {
    const text = layoutText(
      page([
        "<<< 550 5.1.1 <user@example.jp>... User", // 39 letters: "Unknown" would not fit after it
        "Unknown",
        "Thank you.", // short: its writer ended it
        "Bye",
      ]),
    );
    expect(text).toBe("<<< 550 5.1.1 <user@example.jp>... User Unknown\nThank you.\nBye");
  });

  it("keeps blank lines (a taller gap) and indentation (counted in blanks)", () => {
    const text = layoutText(
      page([
        "The following address(es) failed:",
        "",
        "  kenta@example.org",
        "    SMTP error from remote mail server",
      ]),
    );
    expect(text).toBe(
      "The following address(es) failed:\n\n  kenta@example.org\n    SMTP error from remote mail server",
    );
  });

  it("joins a field to the address the screen moved to the next row, though OCR read it as two words", () => {
    // "<kij" alone would have fitted after "RFC822;": the screen moved the whole address.
    const text = layoutText(page(["Final-Recipient: RFC822;", "<kij itora@example.net>", "Action: failed"]));
    expect(text).toBe("Final-Recipient: RFC822; <kij itora@example.net>\nAction: failed");
    expect(cleanOcrText(text)).toBe("Final-Recipient: RFC822; <kijitora@example.net>\nAction: failed");
    // A finished entry still ends its line: the next address is the next recipient's.
    expect(keepsBreak("<taro@example.jp>: User unknown;", "<hanako@example.jp>: User unknown")).toBe(true);
    expect(keepsBreak("Original-Recipient: rfc822;", "<taro@example.jp>")).toBe(false);
  });

  it("reads the row an indented long URL left empty as no blank line", () => {
    // The URL does not fit after the four blanks: the screen leaves them alone on a row and puts the
    // URL at the margin below. A short line after a real blank line stays where it was.
    const rows = [
      "<taro@example.jp>: host mx.example.jp",
      "    said: 550 5.1.0 sender rejected.",
      "    Refer to",
      "",
      "https://example.jp/help/errorcode.htm",
      "    (in reply to MAIL FROM command)",
    ];
    expect(layoutText(page(rows))).toBe(
      [...rows.slice(0, 3), "    https://example.jp/help/errorcode.htm", rows[5]].join("\n"),
    );
    const blankLine = [
      ...rows.slice(0, 2),
      "    Refer to the help page.",
      "",
      "Thank you for using our mail.",
    ];
    expect(layoutText(page(blankLine))).toBe(blankLine.join("\n"));
  });

  it("reads the row a recipient's indented explanation left empty under its entry as no blank line", async () => {
    // Postfix's entry stops at "host"; the host, too long for the row after four blanks, went below.
    const rows = [
      "<taro.yamada@example.jp>: host",
      "",
      "mx-01.mail.example.ne.jp[192.0.2.250]",
      "said: 550 5.1.1 User unknown",
    ];
    const text = layoutText(page(rows));
    expect(text).toBe(
      [rows[0], "    mx-01.mail.example.ne.jp[192.0.2.250] said: 550 5.1.1 User unknown"].join("\n"),
    );
    const [record] = (await classify(text, { kind: "fragment" })).records;
    expect(record).toMatchObject({ reason: "userunknown", replyCode: "550" });
    // After a finished sentence the gap is a blank line, however long the next word.
    const blankLine = ["Your message could not be", "delivered.", "", rows[2]!, "said: 550"];
    expect(layoutText(page(blankLine))).toBe([...blankLine.slice(0, 3), `${rows[2]} said: 550`].join("\n"));
  });

  it("takes no blank line between two body rows from marks OCR read close together in the header", () => {
    // Icons beside the sender read as tiny rows a few pixels apart: they are no measure of the body's spacing.
    const marks: OcrWord[] = [100, 125, 150].map((top, i) => ({
      text: "©:",
      left: 700,
      top,
      width: 20,
      height: 30,
      conf: 30,
      row: `mark${i}`,
    }));
    const body = wordsOf(["This is an email abuse report", "for a message from 192.0.2.50."]);
    const lines = layoutText({ width: 750, words: [...marks, ...body] })
      .split("\n")
      .slice(-2);
    expect(lines).toEqual(["This is an email abuse report", "for a message from 192.0.2.50."]);
  });

  it("keeps apart two rows that start alike, though the first reaches the screen's edge (a list, not a sentence)", () => {
    const rows = ["The message identifier was: EE/EE-00001", "The message reference was: server-0"];
    expect(layoutText(page(rows))).toBe(rows.join("\n"));
    // A sentence's rest that starts otherwise is still joined.
    expect(layoutText(page(["The message identifier was: EE/EE-00001", "and more"]))).toBe(
      "The message identifier was: EE/EE-00001 and more",
    );
  });

  it("joins an address the screen broke after its hyphen without a blank", () => {
    const text = layoutText(page(["Delivery to this address failed: libsisimai-", "2@example.jp"]));
    expect(text).toBe("Delivery to this address failed: libsisimai-2@example.jp");
  });

  it("reads a Japanese row whose first character's ink starts inside its square as no indentation", () => {
    // Full-width characters 30 pixels wide, rows 30 tall: a kana such as ド or く is drawn narrower than its
    // square, so its ink starts some 10 pixels after the margin (over 1.2 blanks of the address's letters). The row is the screen's wrap of the sentence above, which ends at the screen's edge; a
    // row indented by a full-width blank (a whole square) stays indented.
    const row = (text: string, left: number, r: number, width = text.length * 30): OcrWord => ({
      text,
      left,
      top: 500 + r * PITCH,
      width,
      height: 30,
      conf: 90,
      row: `${r}`,
    });
    const words = [
      row("(taro@example.jp)", MARGIN, 0, 17 * LETTER),
      row("宛先ドメインが見つかりませんでした。アドレスの", MARGIN, 2, 22 * 30),
      row("ドメイン部分をご確認ください。", MARGIN + 10.5, 3),
      row("送信元：", MARGIN, 4),
      row("再送してください。", MARGIN + 30, 5),
    ];
    expect(layoutText({ width: 750, words })).toBe(
      "(taro@example.jp)\n\n宛先ドメインが見つかりませんでした。アドレスのドメイン部分をご確認ください。\n送信元：\n  再送してください。",
    );
  });
});

describe("OCR cleaning", () => {
  it("drops the status bar and the mail app's header, keeps the subject on a line of its own", () => {
    const text = cleanOcrText(
      [
        "9:41 87%",
        "< 受信 ^",
        "oO Mail Delivery System 10:15",
        "宛 先 : 自 分 詳 細",
        "Undelivered Mail Returned to Sender",
        "2025 年 11 月 3 日 10:15",
        "This is the mail system at host example.jp.",
      ].join("\n"),
    );
    expect(text).toBe("Undelivered Mail Returned to Sender\n\nThis is the mail system at host example.jp.");
  });

  it("drops iOS Mail's header when OCR reads the sender, time and 宛先 as one row, and its date after the subject", () => {
    const text = cleanOcrText(
      [
        "9:41 87%",
        "Mail Delivery System 10:15 0宛 先 : 自 分 詳 細",
        "",
        "Delivery Status Notification (Failure) 2025 年 11 月 3 日 10:15",
        "",
        "** Address not found **",
      ].join("\n"),
    );
    expect(text).toBe("Delivery Status Notification (Failure)\n\n** Address not found **");
  });

  it("drops Gmail's header (subject first, then the sender, then 'To 自分'), keeps the subject", () => {
    for (const to of ["To 自 分 、", "To 自分 v", "To 目分 >"]) {
      const text = cleanOcrText(
        [
          "9:41 87%",
          "< 受信",
          "Undelivered Mail Returned to Sender [受信トレィ |",
          "",
          "(u Mail Delivery System 11月3日",
          to,
          "",
          "<taro@example.jp>: host mx.example.jp said: 550 5.1.1 User unknown",
          "From: <hanako@example.org>",
        ].join("\n"),
      );
      expect(text).toBe(
        "Undelivered Mail Returned to Sender\n\n<taro@example.jp>: host mx.example.jp said: 550 5.1.1 User unknown\nFrom: <hanako@example.org>",
      );
    }
  });

  it("starts the body right below Gmail's 'To 自分' when OCR read no subject above the sender", () => {
    const text = cleanOcrText(
      [
        "9:41 87%",
        "(受信 =",
        "ru) Mail Delivery System 11月3日",
        "To 自分 v",
        "550 Ip frequency",
        "      limited [V2VkIEFw Blocked",
      ].join("\n"),
    );
    // Not taken for the subject and set apart from the rest of its reply.
    expect(text).toBe("550 Ip frequency\n      limited [V2VkIEFw Blocked");
  });

  it("keeps a quoted From: header further down (only a sender line at the top is the app's)", () => {
    const lines = [
      "taro@example.jp Invalid Address, ERROR_CODE :550",
      "",
      "Received: from mx",
      "Date: Fri",
      "From: Hanako <h@example.org>",
      "To: <taro@example.jp>",
    ];
    expect(cleanOcrText(lines.join("\n"))).toBe(lines.join("\n"));
  });

  it("removes blanks OCR put inside an address in angle brackets or before a host's top-level domain", () => {
    expect(cleanOcrText("<otsu- sakaba-hunter -neko@ezweb.ne. jp>: User unknown")).toBe(
      "<otsu-sakaba-hunter-neko@ezweb.ne.jp>: User unknown",
    );
    expect(cleanOcrText("550 <kij itora@example.co.jp>... host lsean.ezweb.ne. jp[27.85.176.228]")).toBe(
      "550 <kijitora@example.co.jp>... host lsean.ezweb.ne.jp[27.85.176.228]",
    );
    // Not an address, or a sentence's end: left alone.
    expect(cleanOcrText("<<< 550 too many > from the U.S. and co. com")).toBe(
      "<<< 550 too many > from the U.S. and co. com",
    );
    expect(cleanOcrText("< 受信 a@b > x")).toBe("< 受信 a@b > x");
  });

  it("mends the 'l' of 'mail' that OCR split off and read twice", () => {
    expect(cleanOcrText("user unknown. Command output: procmai lL: Couldn't create")).toBe(
      "user unknown. Command output: procmail: Couldn't create",
    );
    expect(cleanOcrText("<taro-hotmai L@hotmai lL. com>")).toBe("<taro-hotmail@hotmail.com>");
    // Words that are not a broken "mail" stay.
    const kept = "mail to email; gmail.com, Mai Lee, umai Ltd, Ha Mai L. Tran";
    expect(cleanOcrText(kept)).toBe(kept);
  });

  it("mends a letter OCR read for a digit in a reply or status code, and leaves words alone", async () => {
    // The status code alone says what went wrong here: read as "5.1.l", nothing would be found.
    const misread = cleanOcrText("S50 5.1.l <kijitora@example.jp>... Recipient");
    expect(misread).toBe("550 5.1.1 <kijitora@example.jp>... Recipient");
    const [record] = (await classify(misread, { kind: "fragment" })).records;
    expect(record).toMatchObject({ reason: "userunknown", status: "5.1.1", topic: "user-unknown" });
    expect(cleanOcrText("host mx.example.jp said: 55O-5.2.2 Over quota")).toBe(
      "host mx.example.jp said: 550-5.2.2 Over quota",
    );
    expect(cleanOcrText("Diagnostic-Code: smtp; 4S1 4.4.O timeout")).toBe(
      "Diagnostic-Code: smtp; 451 4.4.0 timeout",
    );
    // At a line's end, the status moved below it by a narrow screen.
    expect(cleanOcrText("said: 55O\n    5.1.0\n<x@example.com> sender")).toBe(
      "said: 550\n    5.1.0\n<x@example.com> sender",
    );
    expect(cleanOcrText("<<< 55O\n<taro@example.jp>: Recipient")).toBe(
      "<<< 550\n<taro@example.jp>: Recipient",
    );
    // A code at a sentence's end keeps its full stop.
    expect(cleanOcrText("Status: 5.1.l.")).toBe("Status: 5.1.1.");
    // Not codes: a model name, a version, letters with dots, a page count, a word with one digit.
    const kept = "Galaxy S50 and 5.l.x, S.O.S, page 4SO of 5OO, ISO 5S0 x, (55O) y, size S50\nx";
    expect(cleanOcrText(kept)).toBe(kept);
  });

  it("mends look-alikes in host names and links: 'Ll' for 'l', a blank after a hyphen or a scheme's colon", async () => {
    expect(cleanOcrText("550-mail0.bemta0.messageLlabs.com is not permitted <nyaan@Llibsisimai.org>")).toBe(
      "550-mail0.bemta0.messagelabs.com is not permitted <nyaan@libsisimai.org>",
    );
    expect(cleanOcrText("see https: //community.example.com/docs")).toBe(
      "see https://community.example.com/docs",
    );
    const ocr = [
      "    us-smtp- inbound-1.mimecast.com[192.0.2.221] said: 554 Host network not",
      "    allowed - https: //community.mimecast.com/docs/DOC-1369#554",
    ].join("\n");
    expect(cleanOcrText(ocr)).toContain("us-smtp-inbound-1.mimecast.com[192.0.2.221]");
    // The gateway's host decides whose rules apply: Mimecast's refusal, not a generic block list.
    const [record] = (await classify(cleanOcrText(ocr), { kind: "fragment" })).records;
    expect(record).toMatchObject({ reason: "policyviolation" });
    // Words and sentences stay: a name starting "Ll", a hyphen before a plain word, a dash before a link.
    const kept = "Dear Llewellyn; well- known. x-ray - https://example.com; LLC";
    expect(cleanOcrText(kept)).toBe(kept);
  });

  it("joins a host name OCR broke after a dot, where the word before it is a server's name", async () => {
    expect(cleanOcrText("mail-inbound. libsisimai.net [192.0.2.25] did not like our RCPT TO:")).toBe(
      "mail-inbound.libsisimai.net [192.0.2.25] did not like our RCPT TO:",
    );
    const ocr = "Your mail to x@example.jp was rejected by 550-mail0. bemta0.messagelabs.com [198.51.100.21]";
    expect(cleanOcrText(ocr)).toContain("550-mail0.bemta0.messagelabs.com [198.51.100.21]");
    // A sentence's last word (no digit, no hyphen) before a host name, and an id that ends in no
    // top-level domain, stay apart.
    const kept =
      "from the client. 550-mail0.bemta0.messagelabs.com; not accepted. v14si1155795plk.134 - gsmtp";
    expect(cleanOcrText(kept)).toBe(kept);
    expect(cleanOcrText("Unknown user. example.com said so")).toBe("Unknown user. example.com said so");
  });

  it("splits two words of a reason's phrase that OCR read as one ('notfind', 'forthe')", async () => {
    const glued = "Routing: Could notfind a gateway for kijitora@example.co.jp";
    expect(cleanOcrText(glued)).toBe("Routing: Could not find a gateway for kijitora@example.co.jp");
    const [split] = (await classify(cleanOcrText(glued), { kind: "fragment" })).records;
    const [plain] = (
      await classify("Routing: Could not find a gateway for kijitora@example.co.jp", { kind: "fragment" })
    ).records;
    expect(split).toEqual(plain);
    expect(plain?.reason).not.toBe("onhold");
    // Words the phrases write as one, and words that are no two words of a phrase, stay.
    const kept = "The mailbox cannot take it: username inbox Notfound";
    expect(cleanOcrText(kept)).toBe(kept);
  });

  it("mends the words of key phrases OCR misread: rn for m, 1, I or | for l, 0 for o", async () => {
    const misread = "550 5.2.2 <taro@example.jp>: Mai1box fuII";
    expect(cleanOcrText(misread)).toBe("550 5.2.2 <taro@example.jp>: Mailbox full");
    expect(cleanOcrText("The rnailbox is fu|l, c0nnection timed 0ut, N0 such user")).toBe(
      "The mailbox is full, connection timed out, No such user",
    );
    // One letter with look-alikes only besides: "t00" is "too" (qmail's "in the queue too long").
    expect(cleanOcrText("this message has been in the queue t00 long.")).toBe(
      "this message has been in the queue too long.",
    );
    // The notices' own words, which the formats look for ("TechnicaI details of permanent fai1ure").
    expect(cleanOcrText("TechnicaI details of permanent fai1ure, IncIuded is a copy, while taIking to")).toBe(
      "Technical details of permanent failure, Included is a copy, while talking to",
    );
    // Read as the same line without the slips.
    const slipped = await classify(cleanOcrText("said: 550 User unkn0wn (in rep1y to RCPT TO cornmand)"), {
      kind: "fragment",
    });
    const plain = await classify("said: 550 User unknown (in reply to RCPT TO command)", {
      kind: "fragment",
    });
    expect(slipped.records).toEqual(plain.records);
    expect(plain.records[0]).toMatchObject({ reason: "userunknown", replyCode: "550" });
    // An "m" read as "rn" at a word's start, where no English word has one: "rny" is "my".
    expect(cleanOcrText("your envelope recipient is in rny badrcptto list, upon rny return")).toBe(
      "your envelope recipient is in my badrcptto list, upon my return",
    );
    // Words the lists know, an address's local part, a host that is no provider's, ids and codes stay,
    // and so does a two-letter word that was not a zero ("arn" of an Amazon ARN is not "am").
    const kept =
      "kijitora@exarnple.jp taro1@example.jp arn:aws:ses:us-east-1 Illinois server1 a1b2c3 5.1.1 mail0.x.jp";
    expect(cleanOcrText(kept)).toBe(kept);
  });

  it("reads a recipient named twice, once with a look-alike slip, as one recipient", async () => {
    // The first entry's address came back "examp1e.org", the report's right: one recipient, whose entry
    // says why (read as two, the report's recipient had no explanation and the notice read as unexplained).
    const text = [
      "Your message cannot be delivered to the following recipients:",
      "",
      "  Recipient address: sabineko@examp1e.org",
      "  Reason: Remote SMTP server has rejected address",
      "  Diagnostic code: smtp; 550 5.1.1 User Unknown",
      "  Recipient address: mikeneko@example.org",
      "  Reason: Remote SMTP server has rejected address",
      "  Diagnostic code: smtp; 550 5.1.1 User Unknown",
      "",
      "Reporting-MTA: dns; mailbox0.example.org",
      "",
      "Action: failed",
      "Status: 5.0.0",
      "Final-recipient: rfc822;sabineko@example.org",
    ].join("\n");
    const [first] = (await classify(cleanOcrText(text), { kind: "fragment" })).records;
    expect(first).toMatchObject({ reason: "userunknown", replyCode: "550", recipient: "s***@example.org" });
  });

  it("mends a provider's host name OCR misread, and an address in brackets with an O for a zero", async () => {
    expect(cleanOcrText("host mfsmax.docorno.ne.jp[203.0.113.9] said: 550 Unknown user")).toBe(
      "host mfsmax.docomo.ne.jp[203.0.113.9] said: 550 Unknown user",
    );
    const ocr = "us-smtp-inbound-1.rnimecast.corn[2O7.211.30.221] said: 554 Host network not allowed";
    expect(cleanOcrText(ocr)).toBe(
      "us-smtp-inbound-1.mimecast.com[207.211.30.221] said: 554 Host network not allowed",
    );
    // Mimecast's own reading of its refusal, as for the text without the slips.
    const [record] = (await classify(cleanOcrText(ocr), { kind: "fragment" })).records;
    expect(record).toMatchObject({ reason: "policyviolation" });
    expect(cleanOcrText("see example.c0m and example.0rg; corn.example.jp")).toBe(
      "see example.com and example.org; corn.example.jp",
    );
  });

  it("reads a frame of long-vowel marks with the Japanese model's blanks between them as dashes", () => {
    expect(cleanOcrText("ー ー ー ー - Transcript of session follows ー ー ー -")).toBe(
      "----- Transcript of session follows ----",
    );
    expect(cleanOcrText("ス ー パ ー の サ ー バ ー")).toBe("スーパーのサーバー");
    // ASCII dashes and blanks are left as they were.
    expect(cleanOcrText("Note - - see above")).toBe("Note - - see above");
  });

  it("turns look-alike dashes into a separator but keeps the long-vowel mark in words", () => {
    expect(cleanOcrText("ーーーー Transcript of session follows -—")).toBe(
      "---- Transcript of session follows --",
    );
    expect(cleanOcrText("サーバーのエラーです")).toBe("サーバーのエラーです");
  });

  it("removes the OCR model's blanks inside Japanese, and mends glued or swapped letters", () => {
    expect(cleanOcrText("メ ー ル ア ド レ ス が 見 つ か り ま せ ん")).toBe(
      "メールアドレスが見つかりません",
    );
    expect(cleanOcrText("Amessage that you sent could not be delivered")).toBe(
      "A message that you sent could not be delivered",
    );
    expect(cleanOcrText("| will be out of the office")).toBe("I will be out of the office");
    expect(cleanOcrText("＜ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ＞… User unknown")).toBe(
      "<taro@example.jp>... User unknown",
    );
  });

  it("leaves a screenshot the classifier reads like the paste of the same bounce", async () => {
    const ocr = [
      "9:41 87%",
      "Mail Delivery System",
      "宛 先 : 自 分",
      "Returned mail: see transcript for details",
      "ーーーー Transcript of session follows ーーーー",
      "<<< 550 5.1.1 <user@example.jp>... User Unknown",
    ].join("\n");
    const [record] = (await classify(cleanOcrText(ocr), { kind: "fragment" })).records;
    expect(record).toMatchObject({ reason: "userunknown", status: "5.1.1", recipient: "u***@example.jp" });
  });

  it("reads Sendmail's notice whose frames of dashes OCR read a dash short, and 'RCPT T0:'", async () => {
    const ocr = [
      "Returned mail: see transcript for details",
      "",
      "   ---- The following addresses had permanent fatal errors ---",
      "<taro@example.org>",
      "    (reason: 550 5.2.1 <taro@example.org>... User Unknown)",
      "",
      "   --- Transcript of session follows -",
      "... while talking to mx.example.org.:",
      ">>> RCPT T0:<taro@example.org>",
      "<<< 550 5.2.1 <taro@example.org>... User Unknown",
    ].join("\n");
    const [record] = (await classify(cleanOcrText(ocr), { kind: "fragment" })).records;
    expect(record).toMatchObject({ lhost: "Sendmail", reason: "userunknown", status: "5.2.1" });
  });

  it("keeps the body's first line when the mail has no subject (the date follows the recipient line)", () => {
    const text = cleanOcrText(
      [
        "Mail Delivery System 10:15 0宛 先 : 自 分 詳 細",
        "2025 年 11 月 3 日 10:15",
        "Sent <<< RCPT TO:<taro@example.jp> Received >>> 550 5.1.1",
        "<taro@example.jp>... user unknown",
      ].join("\n"),
    );
    expect(text).toBe(
      "Sent <<< RCPT TO:<taro@example.jp> Received >>> 550 5.1.1\n<taro@example.jp>... user unknown",
    );
  });

  it("shows a screenshot's line that only says the mail was not delivered, the notice's own before the subject", () => {
    expect(
      firstBounceLine("Non Delivery Notification\n\n指定された送信先はエラーのためお届けできませんでした。"),
    ).toBe("指定された送信先はエラーのためお届けできませんでした。");
    expect(firstBounceLine("This message could not be delivered.")).toBe(
      "This message could not be delivered.",
    );
    // The subject alone is still what was read; a code or an address goes first.
    expect(firstBounceLine("Undelivered Mail Returned to Sender\n")).toBe(
      "Undelivered Mail Returned to Sender",
    );
    expect(
      firstBounceLine("Undelivered Mail Returned to Sender\n\n<taro@example.jp>: temporary failure"),
    ).toBe("<taro@example.jp>: temporary failure");
    expect(firstBounceLine("9:41\n今日の天気は晴れ")).toBeUndefined();
  });

  it("shows a daemon's first line when nothing below it was on the screen, and the failure line when it was", () => {
    expect(firstBounceLine("Nyaan\n\nThis is the mail system at host mx.example.jp.")).toBe(
      "This is the mail system at host mx.example.jp.",
    );
    expect(firstBounceLine("Hi. This is the qmail-send program at mx.example.jp.")).toBe(
      "Hi. This is the qmail-send program at mx.example.jp.",
    );
    // Below it, the sentence that says the mail was not delivered is the more telling line.
    expect(
      firstBounceLine(
        "This is the mail system at host mx.example.jp.\n\nI'm sorry to have to inform you that your message could not be delivered",
      ),
    ).toBe("I'm sorry to have to inform you that your message could not be delivered");
    // A Japanese mail app's subject that says only 「配信エラー」 is what was read.
    expect(firstBounceLine("メール配信エラー")).toBe("メール配信エラー");
  });

  it("shows the notice's line, not the user's own address on a header row the app labelled", () => {
    const notice = "<hanako@example.co.jp>: host mx.example.co.jp[192.0.2.1] said: 550";
    expect(
      firstBounceLine(`宛先 taro@docomo.ne.jp\n件名 Undelivered Mail Returned to Sender\n\n${notice}`),
    ).toBe(notice);
    expect(firstBounceLine(`To: taro@so-net.ne.jp\n\nSubject: Undelivered Mail\n\n${notice}`)).toBe(notice);
    // Nothing of the notice read: the header row is still what was read.
    expect(firstBounceLine("To: taro@so-net.ne.jp\n\nSubject: Nyaan")).toBe("To: taro@so-net.ne.jp");
  });

  // How long these take is measured by npm run bench:classify (bench/adversarial.ts TEXT_ADVERSARIAL).
  it.each([
    ["a run of long-vowel marks, read as the dashes they look like", "ー".repeat(5000), "-".repeat(5000)],
    ["blanks OCR put between Japanese letters", " 宛".repeat(2500), "宛".repeat(2500)],
    ["a blank run before the date", `${" ".repeat(4990)}3月3日`, "3月3日"],
    ["a zero misread in a command, however often", "RCPT T0:".repeat(600), "RCPT TO:".repeat(600)],
  ])("cleans 5,000 characters of %s", (_what, junk, cleaned) => {
    expect(cleanOcrText(junk)).toBe(cleaned);
  });

  it.each([
    ["clock-like lines", "9:41\n".repeat(1000)],
    ["table bars", "| a ".repeat(1250)],
    ["broken addresses", "<a@b ".repeat(1000)],
    ["dotted letters", "a.b. ".repeat(1000)],
  ])("keeps what 5,000 characters of %s say, less only what the phone adds", (_what, junk) => {
    const cleaned = cleanOcrText(junk);
    expect(cleaned.length).toBeGreaterThan(junk.length * 0.9);
    expect(cleaned.length).toBeLessThanOrEqual(junk.length);
  });
});
