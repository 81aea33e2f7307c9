import { describe, expect, it } from "vitest";
import { classify } from "../knowledge/classify.ts";

async function first(paste: string) {
  return (await classify(paste, { kind: "fragment" })).records[0];
}

/**
 * A temporary failure (RFC 3463 class 4) whose words name no reason: the recipient's server could not take
 * the mail for the moment, so the advice is the temporary-trouble one (wait, send again later), not "we
 * could not read it" (issue 10: 「temporary failure 4.3.0」 came back as partly read).
 */
describe("classify: a temporary failure that names no reason", () => {
  it.each([
    "temporary failure 4.3.0",
    "451 4.3.0 Temporary failure",
    "<kijitora@example.net>: host mx.example.net[192.0.2.1] said: 451 4.3.0",
    "450 4.0.0 Temporary failure",
    "4.1.0 temporary failure",
    "4.2.0 temporary failure",
    "451 4.4.0 DNS temporary failure",
    "421 4.5.0 temporary failure",
    // No code: a reply code or the words alone say it is temporary.
    "450 Temporary failure",
    "<kijitora@example.net>: temporary failure",
    "This message could not be delivered due to a recipient error. Please try again later.",
    "一時的なエラーのため配信できませんでした。しばらくしてから再送してください。",
  ])("%s", async (paste) => {
    const r = await first(paste);
    expect([r?.reason, r?.topic]).toEqual(["onhold", "server-trouble"]);
    expect(r?.status.startsWith("4.")).toBe(true);
  });

  it("keeps the reason a 4.x.x code or the words name", async () => {
    const cases: [string, string][] = [
      ["452 4.2.2 Mailbox full", "mailbox-full"],
      ["452 4.3.1 Insufficient system storage", "server-trouble"],
      ["450 4.1.1 <x@example.jp>: Recipient address rejected: User unknown", "user-unknown"],
      ["451 4.3.0 Temporary failure: mailbox full", "mailbox-full"],
      ["4.6.0 temporary failure", "spam-blocked"],
    ];
    for (const [paste, topic] of cases) expect((await first(paste))?.topic, paste).toBe(topic);
    // A policy code alone stays a marked guess (dialogs/interpret/policy-code.ts asks for the words).
    expect((await first("421 4.7.0 temporary failure"))?.guessFromPolicyCode).toBe(true);
  });

  it("gives a bare 4.2.1 or 4.3.2 the temporary-trouble advice, not a block list or a missing domain", async () => {
    for (const paste of ["450 4.2.1", "452 4.3.2 System not accepting network messages"])
      expect((await first(paste))?.topic, paste).toBe("server-trouble");
    expect((await first("450 4.2.1 Mailbox disabled"))?.topic).toBe("account-suspended");
  });

  it("is no temporary trouble when the code or the words say the failure is permanent", async () => {
    expect((await first("550 5.0.0 Temporary failure"))?.topic).toBe("unknown");
    expect((await first("<kijitora@example.net>: permanent failure, temporary failure"))?.topic).not.toBe(
      "server-trouble",
    );
  });

  it("reads no bounce in a person's question about the words", async () => {
    expect(await classify("Is this a temporary failure?")).toMatchObject({ records: [] });
    expect(await classify("temporary failureって何？")).toMatchObject({ records: [] });
  });
});
