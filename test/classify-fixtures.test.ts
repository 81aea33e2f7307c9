import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { classify } from "../knowledge/classify.ts";
import type { Reason, TopicId } from "../knowledge/types.ts";

const dir = join(import.meta.dirname, "fixtures", "bounces");
const read = (file: string) => new Uint8Array(readFileSync(join(dir, file)));

interface Expected {
  reason: Reason;
  topic: TopicId;
  status?: string;
  recipient?: string;
  domain?: string;
}

/** One row per fixture mail: what a support agent would want the assistant to say about it. */
const TABLE: readonly [file: string, expected: Expected | "no records"][] = [
  [
    "postfix-user-unknown.eml",
    { reason: "userunknown", topic: "user-unknown", status: "5.1.1", recipient: "j***@example.co.jp" },
  ],
  [
    "sonet-host-unknown.eml",
    { reason: "hostunknown", topic: "host-unknown", status: "5.1.2", domain: "aa2.sonet.example" },
  ],
  ["exim-mailbox-full.eml", { reason: "mailboxfull", topic: "mailbox-full", status: "5.2.2" }],
  ["sendmail-delay-warning.eml", { reason: "expired", topic: "delayed", status: "4.4.7" }],
  ["sendmail-expired.eml", { reason: "expired", topic: "expired" }],
  ["qmail-host-unknown.eml", { reason: "hostunknown", topic: "host-unknown", status: "5.1.2" }],
  [
    "office365-ja-recipient-not-found.eml",
    { reason: "userunknown", topic: "user-unknown", domain: "corp.example.com" },
  ],
  ["gmail-address-not-found.eml", { reason: "userunknown", topic: "user-unknown", domain: "gmail.com" }],
  ["gmail-unauthenticated.eml", { reason: "authfailure", topic: "auth-failed", status: "5.7.26" }],
  ["yahoo-failure-notice.eml", { reason: "userunknown", topic: "user-unknown", status: "5.1.1" }],
  ["docomo-refused-after-data.eml", { reason: "rejected", topic: "user-unknown", domain: "docomo.ne.jp" }],
  ["au-user-unknown.eml", { reason: "userunknown", topic: "user-unknown", domain: "ezweb.ne.jp" }],
  [
    "softbank-invalid-recipient.eml",
    { reason: "userunknown", topic: "user-unknown", domain: "i.softbank.jp" },
  ],
  ["postfix-iso-2022-jp-mailbox-full.eml", { reason: "mailboxfull", topic: "mailbox-full", status: "5.2.2" }],
  [
    "japanese-notice-user-unknown.eml",
    { reason: "filtered", topic: "user-unknown", domain: "mail.example.jp" },
  ],
  ["postfix-message-too-big.eml", { reason: "mesgtoobig", topic: "message-too-big", status: "5.3.4" }],
  ["postfix-relay-denied.eml", { reason: "norelaying", topic: "relay-denied" }],
  ["postfix-blocklisted.eml", { reason: "blocked", topic: "sender-blocklisted" }],
  ["auto-reply.eml", { reason: "vacation", topic: "not-a-bounce" }],
  ["complaint-report.eml", { reason: "feedback", topic: "not-a-bounce" }],
  [
    "notes-user-not-listed.eml",
    { reason: "userunknown", topic: "user-unknown", recipient: "s***@example.net" },
  ],
  ["imail-mailbox-full.eml", { reason: "mailboxfull", topic: "mailbox-full", domain: "example.org" }],
  ["courier-no-such-domain.eml", { reason: "hostunknown", topic: "host-unknown", domain: "examp1e.jp" }],
  [
    "domino-iso-2022-jp-not-listed.eml",
    { reason: "userunknown", topic: "user-unknown", recipient: "k***@example.co.jp" },
  ],
  ["fml-not-a-member.eml", { reason: "rejected", topic: "spam-blocked", domain: "lists.example.jp" }],
  ["forwarded-postfix-bounce.eml", { reason: "mailboxfull", topic: "mailbox-full", status: "5.2.2" }],
  ["zoho-host-not-reachable.eml", { reason: "expired", topic: "expired", domain: "office.example.co.jp" }],
  ["not-a-bounce.eml", "no records"],
  // Families with no sample in the development folder, written from the layouts their MTAs produce.
  [
    "x5-nested-report.eml",
    { reason: "userunknown", topic: "user-unknown", status: "5.1.1", recipient: "s***@example.org" },
  ],
  [
    "gsuite-address-rejected.eml",
    { reason: "userunknown", topic: "user-unknown", recipient: "t***@example.net" },
  ],
  [
    "gsuite-nxdomain.eml",
    { reason: "hostunknown", topic: "host-unknown", domain: "mispelled-domain.example" },
  ],
  [
    "googleworkspace-send-as.eml",
    { reason: "onhold", topic: "unknown", recipient: "y***@client.example.org" },
  ],
  [
    "smail-quota-exceeded.eml",
    { reason: "mailboxfull", topic: "mailbox-full", status: "5.2.2", recipient: "k***@mail.example.de" },
  ],
  [
    "smail-unknown-host.eml",
    { reason: "hostunknown", topic: "host-unknown", recipient: "t***@nowhere.example.invalid" },
  ],
  [
    "apachejames-no-such-user.eml",
    { reason: "filtered", topic: "user-unknown", recipient: "n***@example.org" },
  ],
  [
    "biglobe-mailbox-full.eml",
    { reason: "mailboxfull", topic: "mailbox-full", domain: "mail.biglobe.ne.jp" },
  ],
  ["powermta-inactive-mailbox.eml", { reason: "suspend", topic: "account-suspended", domain: "example.org" }],
  [
    "trendmicro-unable-to-deliver.eml",
    { reason: "userunknown", topic: "user-unknown", recipient: "k***@partner.example.jp" },
  ],
  ["verizon-no-such-user.eml", { reason: "userunknown", topic: "user-unknown", domain: "vtext.com" }],
  [
    "exchange-fr-recipient-not-found.eml",
    { reason: "userunknown", topic: "user-unknown", status: "5.1.1", recipient: "p***@example.fr" },
  ],
];

describe("classify: whole mails written by the common MTAs and providers", () => {
  it.each(TABLE)("%s", async (file, expected) => {
    const result = await classify(read(file));
    expect(result.kind).toBe("mail");
    if (expected === "no records") {
      expect(result.records).toEqual([]);
      return;
    }
    expect(result.records).toHaveLength(1);
    const [record] = result.records;
    expect(record).toMatchObject({ reason: expected.reason, topic: expected.topic });
    if (expected.status) expect(record!.status).toBe(expected.status);
    if (expected.recipient) expect(record!.recipient).toBe(expected.recipient);
    if (expected.domain) expect(record!.recipientDomain).toBe(expected.domain);
  });
});

describe("classify: line ends and charsets", () => {
  const variants: readonly [name: string, convert: (lf: string) => string][] = [
    ["CRLF", (lf) => lf.replace(/\n/g, "\r\n")],
    ["bare CR (old Mac)", (lf) => lf.replace(/\n/g, "\r")],
  ];
  for (const file of [
    "postfix-user-unknown.eml",
    "qmail-host-unknown.eml",
    "postfix-iso-2022-jp-mailbox-full.eml",
  ]) {
    for (const [name, convert] of variants) {
      it(`reads ${file} with ${name} line ends like the original`, async () => {
        const lf = Buffer.from(read(file)).toString("latin1");
        const converted = new Uint8Array(Buffer.from(convert(lf), "latin1"));
        const [a, b] = [await classify(read(file)), await classify(converted)];
        expect(b.records.map((r) => [r.reason, r.status, r.recipient])).toEqual(
          a.records.map((r) => [r.reason, r.status, r.recipient]),
        );
      });
    }
  }

  it("decodes an ISO-2022-JP notice, so the Japanese text is readable in the diagnosis path", async () => {
    const { records } = await classify(read("postfix-iso-2022-jp-mailbox-full.eml"));
    expect(records[0]!.diagnosis).toContain("Mailbox full");
  });
});

describe("classify: personal data in display fields", () => {
  it("masks the recipient and any address inside the server's text, but keeps the domain", async () => {
    const { records } = await classify(read("postfix-user-unknown.eml"));
    const record = records[0]!;
    expect(record.recipient).toBe("j***@example.co.jp");
    expect(record.recipientDomain).toBe("example.co.jp");
    expect(record.diagnosis).not.toContain("jiro.tanaka");
    expect(JSON.stringify(record)).not.toContain("jiro.tanaka");
  });
});
