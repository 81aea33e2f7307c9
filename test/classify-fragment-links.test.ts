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
