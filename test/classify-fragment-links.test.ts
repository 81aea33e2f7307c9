import { describe, expect, it } from "vitest";
import { classify } from "../knowledge/classify.ts";

async function first(paste: string) {
  const { records } = await classify(paste, { kind: "fragment" });
  return records[0];
}

/**
 * Google's replies end with a link to the help page of their error ("Learn more at
 * https://support.google.com/mail/?p=NoSuchUser … - gsmtp"): where a screen or a selection cut off the
 * sentence above it, the link's key still names the error.
 */
describe("classify: Google's help link in a fragment", () => {
  it.each([
    [
      "or unnecessary spaces. Learn more at https://support.google.com/mail/?p=NoSuchUser y3si6756.1 - gsmtp",
      "user-unknown",
    ],
    [
      "550 5.1.1 http://support.google.com/mail/bin/answer.py?answer=6596 ad1si1997204pbd.83 - gsmtp",
      "user-unknown",
    ],
    ["550 5.2.1 https://support.google.com/mail/?p=DisabledUser n15si22 - gsmtp", "account-suspended"],
    ["452 4.2.2 https://support.google.com/mail/?p=OverQuotaTemp x2si8 - gsmtp", "mailbox-full"],
    ["552 5.3.4 https://support.google.com/mail/?p=MsgSizeLimit x2si8 - gsmtp", "message-too-big"],
    ["550 5.2.1 https://support.google.com/mail/?p=ReceivingRatePerm p131si84 - gsmtp", "server-trouble"],
    ["550 5.7.1 https://support.google.com/mail/?p=UnsolicitedMessageError z9si3 - gsmtp", "spam-blocked"],
    ["550 5.7.26 https://support.google.com/mail/?p=DmarcRejection 98e67si64 - gsmtp", "auth-failed"],
    ["<<< 552-5.7.0 https://support.google.com/mail/answer/6590 to review our message", "spam-blocked"],
    [
      "550 5.7.25 https://support.google.com/mail/answer/81126#ip-practices z2si1 - gsmtp",
      "sender-blocklisted",
    ],
  ])("%s", async (line, topic) => {
    expect((await first(line))?.topic).toBe(topic);
  });

  it("a help link that names no error decides nothing", async () => {
    // Google's general page on bounced mail is linked from errors of every kind.
    const r = await first("Learn more here: https://support.google.com/mail/answer/7720");
    expect(r?.topic ?? "unknown").toBe("unknown");
  });
});

/**
 * A link to RFC 7505 (the null MX) names the rule where a cut lost "returned Null MX": Google's notice links it
 * twice, under "couldn't be found" and after the server's answer.
 */
describe("classify: the null MX's RFC linked in a fragment", () => {
  it("reads the domain as taking no mail", async () => {
    const r = await first(
      [
        "spaces and try again.",
        "",
        "Learn more here: https://www.rfc-editor.org/info/rfc7505",
        "(Warning: This link will take you to a third-party site)",
        "",
        "The response was:",
        "",
        "DNS Error: 80458680 DNS type 'mx' lookup of example.org responded with code NOERROR",
        "The domain example.org doesn't receive",
      ].join("\n"),
    );
    expect(r?.reason).toBe("notaccept");
    expect(r?.topic).toBe("host-unknown");
  });

  it("reads Google's sentence cut before 'Null MX' alike", async () => {
    const r = await first(
      "The domain example.org doesn't receive email according to the administrator: returned Null",
    );
    expect(r?.reason).toBe("notaccept");
  });
});

/** What a cut leaves of Google's notice of a server it could not reach, given up or still retried. */
describe("classify: Google's list of servers it could not reach", () => {
  it("a server that timed out, the sentence above it cut: given up", async () => {
    const r = await first(
      "to connect. Learn more at https://support.google.com/mail/answer/7720\n[mx1.example.org 192.0.2.222: timed out]",
    );
    expect(r?.reason).toBe("expired");
    expect(r?.topic).toBe("expired");
  });

  it("under Gmail's promise to tell of a failure to come: still retried", async () => {
    const r = await first(
      [
        "if the delivery fails permanently.",
        "",
        "The response was:",
        "",
        "The recipient server did not accept our requests to connect. Learn more at https://support.google.com/mail/answer/7720",
        "[mx1.example.org 192.0.2.222: timed out]",
      ].join("\n"),
    );
    expect(r?.topic).toBe("delayed");
  });
});
