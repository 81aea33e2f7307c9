import { describe, expect, it } from "vitest";
import { classify } from "../knowledge/classify.ts";

/** Reason, topic and action of each record a pasted line gives. */
async function read(paste: string) {
  const { records } = await classify(paste, { kind: "fragment" });
  return records.map((r) => [r.reason, r.topic, r.action]);
}

describe("classify: a content filter's verdict decides, not the wording all its verdicts share", () => {
  it("reads amavisd-new's INFECTED verdict as a virus, though every amavis refusal starts alike", async () => {
    for (const paste of [
      "<hana@example.jp>: host mx1.example.jp[198.51.100.7] said: 554 5.7.0 Reject, id=20817-03 - INFECTED: Win.Trojan.Agent-1234 (in reply to end of DATA command)",
      "554 5.7.0 Reject, id=00412-11 - VIRUS: Eicar-Test-Signature",
    ]) {
      expect(await read(paste), paste).toEqual([["virusdetected", "virus-detected", "failed"]]);
    }
  });

  it("still reads amavisd-new's SPAM verdict as spam", async () => {
    expect(await read("554 5.7.0 Reject, id=31337-01 - spam")).toEqual([
      ["spamdetected", "spam-blocked", "failed"],
    ]);
  });

  it("reads a ClamAV filter's 'Virus found:' reply as a virus", async () => {
    expect(await read("550 5.7.1 Virus found: Doc.Dropper.Agent-99")).toEqual([
      ["virusdetected", "virus-detected", "failed"],
    ]);
  });
});

describe("classify: greylisting is a delay the sending server sorts out by itself", () => {
  it("reads Postgrey's and milter-greylist's temporary refusals as still being retried", async () => {
    for (const paste of [
      "<ken@example.net>: host mail.example.net[203.0.113.25] said: 450 4.2.0 <ken@example.net>: Recipient address rejected: Greylisted, see http://postgrey.example.org/help/example.net.html (in reply to RCPT TO command)",
      "451 4.7.1 Greylisting in action, please come back in 00:05:00",
      "421 Greylisted, please try again later",
    ]) {
      expect(await read(paste), paste).toEqual([["expired", "delayed", "delayed"]]);
    }
  });

  it("does not take greylisting's 4.7.1 for a block list", async () => {
    const [topic] = (await read("450 4.7.1 Client host greylisted, try again in 10 minutes")).map(
      (r) => r[1],
    );
    expect(topic).toBe("delayed");
  });

  it("says the mail failed for good when the notice says the server gave up retrying", async () => {
    const paste = [
      "Message expired after 5 days in the queue.",
      "<ken@example.net>: 451 4.7.1 Greylisted, please try again later",
    ].join("\n");
    expect(await read(paste)).toEqual([["expired", "expired", "failed"]]);
  });

  it("leaves a permanent refusal that mentions greylisting alone", async () => {
    const [first] = await read("550 5.7.1 Message rejected: sender greylisted too often");
    expect(first?.[2]).toBe("failed");
    expect(first?.[1]).not.toBe("delayed");
  });

  it("keeps an ordinary temporary refusal without greylisting words as it was", async () => {
    const [first] = await read("452 4.2.2 <ken@example.net>: Mailbox full");
    expect(first).toEqual(["mailboxfull", "mailbox-full", "failed"]);
  });
});

describe("classify: documented wordings of the big providers, read without the provider's host name", () => {
  it("reads Microsoft 365's refusal of the sending IP's traffic as a blocked sender", async () => {
    const [r] = await read(
      "550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.",
    );
    expect(r?.slice(0, 2)).toEqual(["blocked", "sender-blocklisted"]);
  });

  it("reads Microsoft 365's 'Server busy' to a new sending IP as a slow-down, not an authentication failure", async () => {
    const [r] = await read("451 4.7.500 Server busy. Please try again later from [198.51.100.3]. (AS760)");
    expect(r?.slice(0, 2)).toEqual(["speeding", "server-trouble"]);
  });

  it("reads Exchange's failed DNS query as a network failure, and a domain that does not exist as such", async () => {
    expect((await read("451 4.4.0 DNS query failed"))[0]?.slice(0, 2)).toEqual([
      "networkerror",
      "server-trouble",
    ]);
    expect(
      (
        await read(
          "451 4.4.0 DNS query failed. The error was: SMTPSEND.DNS.NonExistentDomain; nonexistent domain",
        )
      )[0]?.[1],
    ).toBe("host-unknown");
  });

  it("reads Yahoo's header refusal as a message that breaks the mail format", async () => {
    const [r] = await read("554 Message not allowed - Headers are not RFC compliant[291]");
    expect(r?.[0]).toBe("notcompliantrfc");
  });

  it("reads 'Virus found:' as a virus, and an anti-virus footer's 'No virus found in this message' not", async () => {
    const [r] = await read("550 5.7.1 Message rejected. Virus found: Js.Downloader.Agent-88");
    expect(r?.slice(0, 2)).toEqual(["virusdetected", "virus-detected"]);
    const [footer] = await read(
      "550 5.7.1 Message refused: No virus found in this message, but too many recipients",
    );
    expect(footer?.[0]).not.toBe("virusdetected");
  });
});

describe("classify: a sending server that gave up says so with its status", () => {
  it("reads Sendmail's 4.4.7 after refused connections as given up, not as a block list", async () => {
    const paste = [
      "----- Transcript of session follows -----",
      "<mio@example.ne.jp>... Deferred: Connection refused by mx2.example.ne.jp.",
      "Message could not be delivered for 5 days",
      "",
      "Final-Recipient: RFC822; mio@example.ne.jp",
      "Action: failed",
      "Status: 4.4.7",
    ].join("\n");
    const [r] = await read(paste);
    expect(r?.slice(0, 2)).toEqual(["expired", "expired"]);
  });

  it("still reads a refused connection without an expiry status as a refusal of the sending host", async () => {
    const [r] = await read("550 5.7.1 Connection refused by mx.example.org: your IP is on our block list");
    expect(r?.[1]).toBe("sender-blocklisted");
  });
});

describe("classify: Exim's own size refusal", () => {
  it("reads 'Message size exceeds maximum permitted' as a message too big", async () => {
    const [r] = await read("552 Message size exceeds maximum permitted");
    expect(r?.slice(0, 2)).toEqual(["mesgtoobig", "message-too-big"]);
  });
});
