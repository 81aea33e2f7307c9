import { describe, expect, it } from "vitest";
import { classify } from "../knowledge/classify.ts";

async function first(paste: string) {
  const { records } = await classify(paste, { kind: "fragment" });
  return records[0];
}

/**
 * An out-of-office reply pasted or screenshotted ("is this an error?") is worded by a person, each their
 * own way: the parts most share (away, on vacation or leave, a reply on return, limited access to mail)
 * tell it, not one template's sentence (knowledge/reasons/vacation.ts). Each wording here is made up.
 */
describe("classify: an automatic out-of-office reply in its writer's own words", () => {
  const replies = [
    "Thank you for your email. I'm currently on vacation with limited access to email.",
    "Hello, I am currently on leave until 12 August and will answer your message upon my return.",
    "I'm out of the office this week; I will reply upon my return on Monday.",
    "I will be back in the office on 3 January. For urgent matters please call the front desk.",
    "ただいま休暇中のため、返信が遅れます。ご了承ください。",
    "誠に勝手ながら、8月13日から16日まで休暇をいただいております。",
    "出張中のため、メールの確認が遅れる場合がございます。",
    "Vielen Dank für Ihre Nachricht. Ich bin bis zum 5. Mai nicht im Büro.",
  ];
  for (const paste of replies)
    it(`is no failure: ${paste.slice(0, 40)}…`, async () => {
      const r = await first(paste);
      expect(r?.reason).toBe("vacation");
      expect(r?.topic).toBe("not-a-bounce");
    });

  it("a user telling of their own failure beside an absence is no auto-reply", async () => {
    for (const told of [
      "休暇中のため送れなかったメールが戻ってきた",
      "Out of office until Monday and my mail bounced",
    ])
      expect((await first(told))?.reason, told).not.toBe("vacation");
  });

  it("a bounce that quotes the recipient's absence is still a bounce", async () => {
    const r = await first(
      "Delivery to the following recipient failed permanently:\n\n  taro@example.jp\n\n550 5.1.1 User unknown (I am on vacation until May)",
    );
    expect(r?.topic).toBe("user-unknown");
  });

  it("a failure worded near an absence is not taken for one", async () => {
    const r = await first("552 5.2.2 Mailbox full: the user is away and the quota is exceeded");
    expect(r?.topic).toBe("mailbox-full");
  });
});
