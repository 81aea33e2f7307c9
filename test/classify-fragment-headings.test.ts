import { describe, expect, it } from "vitest";
import { classify } from "../knowledge/classify.ts";

async function first(paste: string) {
  const { records } = await classify(paste, { kind: "fragment" });
  return records[0];
}

/** A notice's own words above or below the server's line decide what the line alone cannot. */
describe("classify: a notice's heading or closing words in a fragment", () => {
  it.each([
    ["The user(s) account is temporarily over quota.", "mailboxfull", "mailbox-full"],
    ["The user(s) account is disabled.", "suspend", "account-suspended"],
  ])("au's heading '%s' decides over the 'user unknown' line under it", async (heading, reason, topic) => {
    // au writes "user unknown" on the recipient's line whatever the heading says; without the mail's
    // From: and Received: lines the heading is what names au's notice.
    const r = await first(
      [heading, "", "", "<taro@ezweb.ne.jp>: 550 user unknown (in reply to RCPT TO command)"].join("\n"),
    );
    expect([r?.reason, r?.topic]).toEqual([reason, topic]);
    // A screenshot cut at the top may keep the heading without its first word.
    const cut = await first([heading.replace("The ", ""), "<taro@ezweb.ne.jp>: user unknown"].join("\n"));
    expect([cut?.reason, cut?.topic]).toEqual([reason, topic]);
  });

  it("an expiry under OpenSMTPD's report that the mail is still queued is a delay", async () => {
    const lines = [
      "    list of recipients:",
      "",
      "aya@example.jp: Envelope expired",
      "",
      "    Please note that this is only a temporary failure report.",
      "    The message is kept in the queue for up to 7 days.",
      "    You DO NOT NEED to re-send the message to these recipients.",
    ];
    expect((await first(lines.join("\n")))?.topic).toBe("delayed");
    // A lasting fault under the same report keeps its own advice (no MX: check the domain).
    const noMx = lines.join("\n").replace("Envelope expired", "No MX found for domain");
    expect((await first(noMx))?.topic).toBe("host-unknown");
    // Without the report's words the expiry is the end of the tries.
    expect((await first(lines.slice(0, 3).join("\n")))?.topic).toBe("expired");
  });

  it("Gmail's delay notice cut below its retry sentence is still a delay", async () => {
    const r = await first(
      [
        "47 more hours. You'll be notified if the delivery fails permanently.",
        "",
        "The response was:",
        "",
        "The recipient server did not accept our requests to connect. Learn more at https://support.google.com/mail/answer/7720",
        "[mx.example.jp 192.0.2.7: timed out]",
      ].join("\n"),
    );
    expect(r?.topic).toBe("delayed");
  });

  it("a notice still retrying that names a full mailbox gets the full-mailbox advice", async () => {
    const r = await first(
      [
        "Technical details of temporary failure:",
        "The error that the other server returned was: 450 450 4.2.2 <aya@example.jp>... Mailbox Full",
      ].join("\n"),
    );
    expect([r?.reason, r?.topic, r?.action]).toEqual(["mailboxfull", "mailbox-full", "delayed"]);
    // Still retrying with nothing lasting named: wait, no need to resend.
    const timedOut = await first(
      "Technical details of temporary failure:\nThe error that the other server returned was: 421 4.4.2 Connection timed out",
    );
    expect(timedOut?.topic).toBe("delayed");
  });
});
