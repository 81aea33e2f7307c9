import { describe, expect, it } from "vitest";
import { classify } from "../knowledge/classify.ts";

async function first(paste: string) {
  const { records } = await classify(paste, { kind: "fragment" });
  return records[0];
}

/** Fragments whose deciding words stand outside the lines a reader would look at first. */
describe("classify: what a fragment says besides its code", () => {
  it("reads Gmail's own sentence about an address that could not be found as an unknown user", async () => {
    const r = await first(
      [
        "Your message wasn't delivered to mika.ono@example.com because the address couldn't be found, or is unable to receive mail.",
        "",
        "Learn more here: https://support.google.com/mail/?p=NoSuchUser",
      ].join("\n"),
    );
    expect([r?.reason, r?.topic]).toEqual(["userunknown", "user-unknown"]);
  });

  it("keeps the domain version of that sentence for the part after @", async () => {
    const r = await first(
      "Your message wasn't delivered to mika@exmaple.com because the domain exmaple.com couldn't be found. Check for typos or unnecessary spaces and try again.",
    );
    expect(r?.topic).toBe("host-unknown");
  });

  it("joins the server's words further down to a recipient entry that only names a code", async () => {
    const r = await first(
      [
        "Your message to the following email addresses was rejected:",
        "",
        "ren@example.net",
        "The recipient server rejected your message. See DSN code 5.1.0 in the help pages.",
        "",
        "mx.example.net gave this error:",
        "192.0.2.44 is not allowed to send from <example.org> per it's SPF Record. Please inspect your SPF settings.",
      ].join("\n"),
    );
    expect([r?.reason, r?.topic, r?.recipient]).toEqual(["authfailure", "auth-failed", "r***@example.net"]);
  });

  it("still reads an entry's code alone when nothing else in the paste says why", async () => {
    const r = await first(["ren@example.net", "550 5.1.1 mailbox unavailable"].join("\n"));
    expect([r?.status, r?.topic]).toEqual(["5.1.1", "user-unknown"]);
  });

  it("reads Exchange's and Outlook's own words for an unknown address without the diagnostic part", async () => {
    for (const paste of [
      "Delivery has failed to these recipients or groups:\n\nren@example.com\nThe email address you entered couldn't be found. Please check the recipient's email address and try to resend the message.",
      "ren@example.com\nThe e-mail address you entered couldn't be found.",
      "The recipient's e-mail address was not found in the recipient's e-mail system. Microsoft Exchange will not try to redeliver this message for you.",
    ]) {
      const r = await first(paste);
      expect([r?.reason, r?.topic], paste).toEqual(["userunknown", "user-unknown"]);
    }
  });

  it("reads Exim's DNS verdicts on a recipient as a domain that does not exist", async () => {
    for (const verdict of [
      "all relevant MX records point to non-existent hosts",
      "all host address lookups failed permanently",
    ]) {
      const r = await first(`  ren@exmaple.co.jp\n    ${verdict}`);
      expect([r?.reason, r?.topic], verdict).toEqual(["hostunknown", "host-unknown"]);
    }
  });

  it("reads the wordings other families' readers knew only with their notice's markers", async () => {
    const cases: [string, string, string][] = [
      [
        "<ren@example.jp>:\nSorry, I couldn't find a mail exchanger or IP address.",
        "notaccept",
        "host-unknown",
      ],
      [
        "<ren@example.jp>:\nSorry. Although I'm listed as a best-preference MX or A for that host,\nit isn't in my control/locals file, so I don't treat it as local. (#5.4.6)",
        "networkerror",
        "server-trouble",
      ],
      ["<ren@example.jp>:\nDNS lookup failed.", "networkerror", "server-trouble"],
      ["ren@example.jp\nMessage has exceeded maximum hop count", "networkerror", "server-trouble"],
      ["You are not a member of this mailing list (ml@example.jp).", "rejected", "spam-blocked"],
      ["ren@example.jp\nユーザー名がディレクトリのリストにありません", "userunknown", "user-unknown"],
    ];
    for (const [paste, reason, topic] of cases) {
      const r = await first(paste);
      expect([r?.reason, r?.topic], paste).toEqual([reason, topic]);
    }
  });

  it("reads a program the mail was piped to, with Sendmail's reason under it, as that program failing", async () => {
    const r = await first(
      [
        "   ----- The following addresses had permanent fatal errors -----",
        '"|/usr/local/bin/ticket-intake.py"',
        "    (reason: 127)",
      ].join("\n"),
    );
    expect([r?.reason, r?.topic]).toEqual(["mailererror", "server-trouble"]);
  });

  it("does not take an address's own entry for a program", async () => {
    const r = await first(["<ren@example.jp>", "    (reason: 550 5.1.1 User unknown)"].join("\n"));
    expect(r?.reason).toBe("userunknown");
  });

  it("knows Google Groups' refusal by its sentence when the lines naming Google Groups are off the screen", async () => {
    const r = await first(
      "We're writing to let you know that the group you tried to contact (staff) may not exist, or you may not have permission to post messages to the group.",
    );
    expect([r?.lhost, r?.reason]).toEqual(["GoogleGroups", "rejected"]);
  });
});

describe("classify: a fragment's 5.1.10 and code-led recipient entries", () => {
  it("reads Office 365's 5.1.10 as a recipient it could not find, not as a null MX", async () => {
    for (const paste of [
      "Clear the recipient Auto-Complete List in Outlook by following the steps in this article: Fix email delivery issues for error code 5.1.10 in Office 365, and then send the message again.",
      "ren@example.com\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'",
    ]) {
      const r = await first(paste);
      expect([r?.reason, r?.topic], paste).toEqual(["userunknown", "user-unknown"]);
    }
  });

  it("keeps a 5.1.10 that says the domain takes no mail for the part after @", async () => {
    for (const paste of [
      "<ren@example.net>: 556 5.1.10 Recipient address has null MX",
      "Status: 5.1.10 (host/domain does not accept mail)\nren@example.net",
    ]) {
      const r = await first(paste);
      expect([r?.reason, r?.topic], paste).toEqual(["notaccept", "host-unknown"]);
    }
  });

  it("takes Outlook's advice to retype the address as an address it could not find", async () => {
    const r = await first(
      "and then send the message again. Retype the entire recipient address before selecting Send.\n\nIf the problem continues, forward this message to your email admin.",
    );
    expect([r?.reason, r?.topic]).toEqual(["userunknown", "user-unknown"]);
  });

  it("reads a line that starts with the code and names the recipient as that recipient's entry", async () => {
    const { records } = await classify(
      [
        "5.2.1 <ren@example.jp>... User Unknown",
        '"mika@example.jp":',
        "SMTP error from remote server after RCPT command:",
        "host: mx.example.jp",
        "5.2.2 <mika@example.jp>... Mailbox Full",
      ].join("\n"),
      { kind: "fragment" },
    );
    expect(records.map((r) => [r.recipient, r.topic])).toEqual([
      ["r***@example.jp", "user-unknown"],
      ["m***@example.jp", "mailbox-full"],
    ]);
  });

  it("does not take the sender a code-led line names for a recipient", async () => {
    const r = await first(
      [
        "<ren@cox.example.net>: host mx.example.net[192.0.2.54] said: 550",
        "    5.1.0 <news@mailer.example.com> sender rejected. Refer to Error",
        "    Codes section for more information. (in reply to MAIL FROM command)",
      ].join("\n"),
    );
    expect(r?.recipient).toBe("r***@cox.example.net");
  });
});

describe("classify: the standard descriptions of the status codes, quoted without the code", () => {
  it("reads RFC 7372's authentication wordings as the reasons their codes stand for", async () => {
    const cases: [string, string][] = [
      ["Recipient address rejected: Multiple authentication checks failed", "authfailure"],
      ["550 Message rejected: SPF validation failed for example.org", "authfailure"],
      ["Rejected: No passing DKIM signature found", "authfailure"],
      ["Recipient address rejected: Reverse DNS validation failed", "requireptr"],
    ];
    for (const [paste, reason] of cases) {
      const r = await first(`ren@example.net\n${paste}`);
      expect(r?.reason, paste).toBe(reason);
    }
  });

  it("takes Gmail's heading over a temporary failure for a message still being retried", async () => {
    const r = await first(
      [
        "Technical details of temporary failure:",
        "The recipient server did not accept our requests to connect. Learn more at https://support.google.com/mail/answer/7720",
        "[example.org 192.0.2.153: socket error]",
      ].join("\n"),
    );
    expect([r?.action, r?.topic]).toEqual(["delayed", "delayed"]);
  });
});
