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
  ];
  for (const [paste, reason, topic] of cases)
    it(`reads ${reason} from its plain words`, async () => {
      const r = await first(`<aya@example.jp>: host mx.example.jp[192.0.2.7] said: ${paste}`);
      expect([r?.reason, r?.topic]).toEqual([reason, topic]);
      expect(r?.evidence).toMatch(/^words: /);
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

  it("leaves a phrase or status that decides alone", async () => {
    const r = await first(
      "<aya@example.jp>: host mx.example.jp[192.0.2.7] said: 550 5.1.1 mailbox full of spam",
    );
    expect(r?.evidence).not.toMatch(/^words: /);
  });
});
