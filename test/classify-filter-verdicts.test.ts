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
