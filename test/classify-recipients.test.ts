import { describe, expect, it } from "vitest";
import { classify } from "../knowledge/classify.ts";

/**
 * Issue #11, items 1 and 2: the failed recipients come from the bounce (DSN fields, the SMTP transcript,
 * "following addresses" lists, "<addr>:" lines), never from the notice's own headers, whose To: is the
 * user; and every failed recipient gets its record.
 */

const recipients = async (paste: string) => (await classify(paste)).records.map((r) => r.recipient);

const USER = "taro.yamada@xa2.so-net.ne.jp";

describe("recipients come from the bounce, not from the notice's headers", () => {
  it("the acceptance paste of issue #11: To:, Subject:, then the SMTP line", async () => {
    const { kind, records } = await classify(
      `To: ${USER}\nSubject: Returned mail: see transcript for details\n550 5.1.1 <ken@example.com>... User unknown`,
    );
    expect(kind).toBe("fragment");
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      topic: "user-unknown",
      status: "5.1.1",
      recipient: "k***@example.com",
    });
    expect(records[0]!.diagnosis, "the Subject line is not the server's explanation").not.toContain(
      "Subject",
    );
    expect(records[0]!.diagnosis).not.toContain("transcript");
  });

  it.each([
    [
      "Japanese labels, as a phone's mail app copies them",
      `差出人: Mail Delivery Subsystem <MAILER-DAEMON@xa2.so-net.ne.jp>\n宛先: ${USER}\n件名: Undelivered Mail Returned to Sender\n日付: 2025年3月14日 9:00`,
    ],
    [
      "full-width colons and blank lines between the headers",
      `差出人：MAILER-DAEMON@xa2.so-net.ne.jp\n\n宛先：${USER}\n\n件名：Returned mail`,
    ],
    [
      "the user's own words before the headers",
      `こんなメールが来ました。${USER} から送ったのに\nFrom: MAILER-DAEMON@xa2.so-net.ne.jp\nTo: Taro <${USER}>\nDate: Fri, 14 Mar 2025 09:00:00 +0900\nSubject: Undeliverable: hello`,
    ],
    ["a folded To: with two addresses", `To: ${USER},\n    taro@example.net\nSubject: failure notice`],
    [
      "Japanese labels without colons, as some apps show them (OCR joins the date to its label)",
      `件名 Undelivered Mail Returned to Sender\n差出人 MAILER-DAEMON\n宛先 ${USER}\n日付2025/03/14 9:00`,
    ],
  ])("%s", async (_name, headers) => {
    for (const bounce of [
      "550 5.1.1 <ken@example.com>... User unknown",
      "<ken@example.com>: host mx.example.com[192.0.2.1] said: 550 5.1.1 User unknown (in reply to RCPT TO command)",
      "   ----- The following addresses had permanent fatal errors -----\n<ken@example.com>\n    (reason: 550 5.1.1 User unknown)",
      "Final-Recipient: rfc822; ken@example.com\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown",
    ]) {
      const records = (await classify(`${headers}\n\n${bounce}`)).records;
      expect(
        records.map((r) => r.recipient),
        bounce,
      ).toEqual(["k***@example.com"]);
      for (const r of records) expect(r.diagnosis).not.toMatch(/Subject|件名|宛先|Undeliverable: hello/);
    }
  });

  it("a header alone says nothing a server said, and names no recipient", async () => {
    const records = (await classify(`To: ${USER}\nSubject: Returned mail: User unknown`)).records;
    for (const r of records) {
      expect(r.recipient).toBe("");
      expect(r.diagnosis).not.toContain("Subject");
    }
  });

  it("when the only address besides the user's is in the transcript, that one is the recipient", async () => {
    const paste = `To: ${USER}\nSubject: Returned mail\n\n>>> MAIL From:<${USER}>\n<<< 250 ok\n>>> RCPT To:<ken@example.com>\n<<< 550 5.1.1 User unknown`;
    expect(await recipients(paste)).toEqual(["k***@example.com"]);
  });

  it("keeps a Japanese notice's 宛先/理由 list: that 宛先 is the failed recipient", async () => {
    for (const paste of [
      "次のあて先へのメールを配信できませんでした。\n\n宛先: nakamura@mail.example.jp\n理由: 宛先のメールアドレスが見つかりません。",
      "宛先: nakamura@mail.example.jp\n理由: 宛先のメールアドレスが見つかりません。",
      "宛先 nakamura@mail.example.jp\n理由 宛先のメールアドレスが見つかりません。",
    ])
      expect(await recipients(paste), paste).toEqual(["n***@mail.example.jp"]);
  });

  it("the copy of the original message further down is not the notice's header: its To: is the recipient", async () => {
    const paste = [
      "This message was created automatically by mail delivery software.",
      "A message that you sent could not be delivered to one or more of its recipients.",
      "",
      "Received: from mail.example.jp by mx.example.com",
      "From: Taro <taro@example.jp>",
      "To: <ken@example.com>",
      "Subject: hello",
    ].join("\n");
    expect(await recipients(paste)).toEqual(["k***@example.com"]);
  });

  it.each([
    [
      "the user's words: from this address",
      "taro@example.jp から送ったら戻ってきました\n550 5.1.1 User unknown",
    ],
    [
      "the user's words: my address is",
      "私のアドレスは taro@example.jp です。\n550 5.1.1 Recipient address rejected: User unknown",
    ],
    ["the transcript's MAIL FROM", ">>> MAIL FROM:<taro@example.jp>\n<<< 550 5.7.1 Sender rejected"],
  ])("the sender's address is never the recipient: %s", async (_what, paste) => {
    expect(await recipients(paste)).toEqual([""]);
  });

  it("an address the user sent to is the recipient (に/へ, RCPT TO)", async () => {
    expect(await recipients("taro@example.com に送ったら User unknown と出ました")).toEqual([
      "t***@example.com",
    ]);
    const transcript =
      ">>> MAIL FROM:<taro@example.jp>\n<<< 250 ok\n>>> RCPT TO:<ken@example.com>\n<<< 550 5.1.1 User unknown";
    expect(await recipients(transcript)).toEqual(["k***@example.com"]);
  });

  it("a carrier address made of a phone number is the recipient, masked", async () => {
    expect(await recipients(`To: ${USER}\n<09012345678@docomo.ne.jp>: 550 Unknown user`)).toEqual([
      "0***@docomo.ne.jp",
    ]);
  });
});

describe("several recipients", () => {
  it("the two-recipient paste of issue #11: one record each, with its own reason and masked address", async () => {
    const { records } = await classify(
      [
        "<mika@example.jp>: host mx.example.jp[192.0.2.3] said: 552 5.2.2 Mailbox full",
        "<aki@example.com>: host mx.example.com[192.0.2.4] said: 550 5.1.1 User unknown",
      ].join("\n"),
    );
    expect(records.map((r) => [r.recipient, r.topic, r.status])).toEqual([
      ["m***@example.jp", "mailbox-full", "5.2.2"],
      ["a***@example.com", "user-unknown", "5.1.1"],
    ]);
  });

  it("with headers, a preamble and personal data around them, still the two recipients and never the user", async () => {
    const paste = [
      "名前は山田太郎です。電話 090.1111.2206 に連絡ください",
      "差出人: MAILER-DAEMON@xa2.so-net.ne.jp",
      `宛先: ${USER}`,
      "件名: Undelivered Mail Returned to Sender",
      "",
      "This is the mail system at host mgate1.so-net.ne.jp.",
      "",
      "<mika@example.jp>: host mx.example.jp[192.0.2.3] said: 552 5.2.2 Mailbox full",
      "<aki@example.com>: host mx.example.com[192.0.2.4] said: 550 5.1.1 User unknown",
    ].join("\n");
    const { records } = await classify(paste);
    expect(records.map((r) => r.recipient)).toEqual(["m***@example.jp", "a***@example.com"]);
    expect(JSON.stringify(records)).not.toMatch(/taro|t\*\*\*@xa2|山田|1111/);
  });
});
