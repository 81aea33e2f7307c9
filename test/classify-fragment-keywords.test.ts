import { describe, expect, it } from "vitest";
import { classify } from "../knowledge/classify.ts";

async function first(paste: string) {
  const { records } = await classify(paste, { kind: "fragment" });
  return records[0];
}

/**
 * A server of a family we have never seen words a known problem its own way: no phrase list has its
 * sentence, but a few plain words name the problem (knowledge/reasons/keywords.ts). Each wording here
 * is made up, so no phrase of reasons/*.ts decides it.
 */
describe("classify: a fragment in wording no phrase list has", () => {
  const cases: readonly [string, string, string][] = [
    ["550 Malware inside, message dropped", "virusdetected", "virus-detected"],
    ["552 Her storage is full now", "mailboxfull", "mailbox-full"],
    ["550 Sorry, the account was suspended by the owner", "suspend", "account-suspended"],
    ["554 Blacklisted at our gate", "blocked", "sender-blocklisted"],
    ["421 Service presently unavailable, come back later", "systemerror", "server-trouble"],
    ["554 5.7.1 Reverse DNS of your server looks wrong", "requireptr", "sender-blocklisted"],
    ["550 Turn on SMTP auth first", "securityerror", "auth-failed"],
    ["500 TLS is not supported on this host", "failedstarttls", "server-trouble"],
    ["550 Your IP 192.0.2.1 is on our block list", "blocked", "sender-blocklisted"],
    ["450 Rate limit reached, slow down", "toomanyconn", "server-trouble"],
    ["550 Content got blocked here", "policyviolation", "spam-blocked"],
    ["550 the sender got rejected today", "rejected", "spam-blocked"],
    ["550 5.1.0 the sender got rejected today", "rejected", "spam-blocked"],
    ["Tried for three days, giving up now", "expired", "expired"],
    ["550 No MX for that domain here", "hostunknown", "host-unknown"],
    ["421 Lost connection to peer while sending", "networkerror", "server-trouble"],
    ["552 Her mailbox exceeds its allowance", "mailboxfull", "mailbox-full"],
    ["554 Your IP has a poor reputation here", "badreputation", "sender-blocklisted"],
    ["452 She is receiving mail at a rate we cannot take", "speeding", "server-trouble"],
    ["550 We are not configured to relay for you", "norelaying", "relay-denied"],
    ["550 Blacklisted URL found in the body", "spamdetected", "spam-blocked"],
    ["541 Mail rejected at the border", "rejected", "spam-blocked"],
  ];
  for (const [paste, reason, topic] of cases)
    it(`reads ${reason} from its plain words`, async () => {
      const r = await first(`<aya@example.jp>: host mx.example.jp[192.0.2.7] said: ${paste}`);
      expect([r?.reason, r?.topic]).toEqual([reason, topic]);
      expect(r?.evidence).toMatch(/^words: /);
    });

  it("reads a DNSBL refusal cut before the list's name as a block, not as a server fault", async () => {
    // Postfix's reject_rbl_client text (Microsoft's too), "using zen.spamhaus.org" below the screen's edge.
    const r = await first("554 5.7.1 Service unavailable; Client host [192.0.2.9] blocked");
    expect([r?.reason, r?.topic]).toEqual(["blocked", "sender-blocklisted"]);
    // With no policy status the reply's plain text still reads as server trouble.
    expect((await first("421 Service unavailable"))?.topic).toBe("server-trouble");
  });

  it("reads the Japanese an ISP's help page translates a bounce into: a full mailbox, a message too big", async () => {
    // 「満杯」 is "full" too; 「容量」 of the mail sent (or its attachment) is the message's size, not the
    // mailbox's (which 「容量」 alone still reads).
    for (const [paste, topic] of [
      ["送信先のメールボックスが満杯で送信できませんでした。", "mailbox-full"],
      [
        "送信したメールの容量が送信先のメールサーバの容量を超えているため、送信できませんでした。",
        "message-too-big",
      ],
      ["添付ファイルの容量が大きすぎるため、配信できませんでした。", "message-too-big"],
      ["受信者のメールボックスの容量を超えたため、配信できませんでした。", "mailbox-full"],
    ]) {
      const r = await first(`<aya@example.jp>\n${paste}`);
      expect(r?.topic, paste).toBe(topic);
    }
  });

  it("needs the words in their order and close together", async () => {
    // Exim's "SMTP error from remote mail server" has "error" and "server", but no server error.
    const r = await first(
      "SMTP error from remote mail server after RCPT TO:<aya@example.jp>:\n    550 Nope, not today",
    );
    expect(r?.reason).toBe("onhold");
  });

  it("does not read host names, addresses or links", async () => {
    const r = await first(
      "<aya@spam-virus.example.jp>: host spam.example.jp[192.0.2.7] said: 550 see https://example.jp/virus/full",
    );
    expect(r?.reason).toBe("onhold");
  });

  it("does not read a header's name or a setting", async () => {
    const r = await first(
      [
        "X-Virus-Scanned: clamav at mx.example.jp",
        "X-Filter-Report: classifier=spam score=0",
        "<aya@example.jp>: host mx.example.jp[192.0.2.7] said: 550 Nope, not today",
      ].join("\n"),
    );
    expect(r?.reason).toBe("onhold");
  });

  it("reads 5.2.1 (mailbox disabled) by its words: a disabled account, not an unknown user", async () => {
    const r = await first(
      "<aya@example.jp>: host mx.example.jp[192.0.2.7] said: 550 5.2.1 Her account went inactive in spring",
    );
    expect([r?.reason, r?.topic]).toEqual(["suspend", "account-suspended"]);
  });

  it("reads an entry that names its problem in plain words only, with no code", async () => {
    // Cut above the notice's "could not be delivered": nothing else says this is a bounce.
    const r = await first(
      ["the following list of recipients:", "", "aya@example.jp:", "  Reason: storage completely full"].join(
        "\n",
      ),
    );
    // (Records carry the address masked: "a***@example.jp".)
    expect(r?.recipient).toMatch(/@example\.jp$/);
    expect([r?.reason, r?.topic]).toEqual(["mailboxfull", "mailbox-full"]);
  });

  it("reads a line's plain words only in a piece of a bounce, not in a typed question", async () => {
    const cut = await first(
      [
        "There was an error delivering your mail to <aya@example.jp>.",
        "",
        "Tried for 5 days. Giving up.",
      ].join("\n"),
    );
    expect([cut?.reason, cut?.topic]).toEqual(["expired", "expired"]);
    for (const typed of ["メールの保存容量って増やせますか", "Is there a rate limit for sending?"]) {
      const { records } = await classify(typed, { kind: "fragment" });
      expect(records).toEqual([]);
    }
  });

  it("takes no address quoted inside another entry's answer for an entry of its own", async () => {
    // The screen's top edge cut the first entry: its answer's quoted sender address starts a line.
    const r = await first(
      [
        "    <root@host.example.org>... Domain of sender address",
        "    root@host.example.org does not exist (in reply to MAIL FROM",
        "    command)",
        "",
        "<aya@example.jp>: host mx.example.jp[192.0.2.7] said: 553",
        "    5.1.8 <root@host.example.org>... Domain of sender address",
        "    root@host.example.org does not exist (in reply to MAIL FROM",
      ].join("\n"),
    );
    expect(r?.recipient).toMatch(/@example\.jp$/);
    expect(r?.topic).toBe("spam-blocked");
  });

  it("leaves a phrase or status that decides alone", async () => {
    const r = await first(
      "<aya@example.jp>: host mx.example.jp[192.0.2.7] said: 550 5.1.1 mailbox full of spam",
    );
    expect(r?.evidence).not.toMatch(/^words: /);
  });
});
