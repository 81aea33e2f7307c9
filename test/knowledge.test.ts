import { describe, expect, it } from "vitest";
import { isServerStatus } from "../dialogs/interpret.ts";
import { loadUi } from "../dialogs/ui.ts";
import { classify } from "../knowledge/classify.ts";
import { describeCodes } from "../knowledge/codes.ts";
import { claimsMade } from "../knowledge/consistency.ts";
import {
  carrierOf,
  checkResendLines,
  type Knowledge,
  type Localized,
  loadKnowledge,
  withLinkUrl,
} from "../knowledge/knowledge.ts";
import { TOPIC_IDS, type TopicId } from "../knowledge/types.ts";

const knowledge = loadKnowledge();

/** Counted here independently of the loader: LINE counts labels in grapheme clusters. */
function graphemes(text: string): number {
  return [...new Intl.Segmenter("ja", { granularity: "grapheme" }).segment(text)].length;
}

function topic(id: TopicId) {
  return knowledge.topics.get(id)!;
}

/** Every text the assistant may show, with where it comes from. */
function allTexts(k: Knowledge): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  const add = (where: string, value: Localized | { ja: string[]; en: string[] } | undefined) => {
    if (!value) return;
    for (const lang of ["ja", "en"] as const)
      for (const text of ([] as string[]).concat(value[lang])) out.push({ where: `${where}.${lang}`, text });
  };
  for (const t of k.topics.values()) {
    for (const field of ["title", "menuLabel", "summary", "steps"] as const)
      add(`${t.id}.${field}`, t[field]);
    for (const f of t.followUps) {
      add(`${t.id}.${f.id}.label`, f.label);
      add(`${t.id}.${f.id}.answer`, f.answer);
      add(`${t.id}.${f.id}.steps`, f.steps);
    }
  }
  for (const l of k.links.values()) add(`link ${l.id}`, l.label);
  for (const c of k.carriers) {
    add(`carrier ${c.id}.name`, c.name);
    add(`carrier ${c.id}.allowSteps`, c.allowSteps);
  }
  return out;
}

describe("the shipped knowledge data", () => {
  it("loads and has exactly one topic per topic id, in the order of types.ts", () => {
    expect([...knowledge.topics.keys()]).toEqual([...TOPIC_IDS]);
    for (const [id, t] of knowledge.topics) expect(t.id).toBe(id);
  });

  // The ISP's returned-mail page (domain-knowledge.md §0): its example messages are facts and must appear
  // verbatim in the topic they belong to.
  it.each([
    ["host-unknown", ["Host unknown"]],
    ["user-unknown", ["User unknown"]],
    [
      "mailbox-full",
      [
        "Temporarily over quota",
        "The user(s) account is temporarily over quota",
        "Mailbox full",
        "Exceeded storage allocation",
      ],
    ],
    ["message-too-big", ["Message size exceeds (fixed) maximum message size"]],
    [
      "delayed",
      [
        "This is a warning message only you do not need to resend your message",
        "Will keep trying until message is * days old",
        "Message still undelivered after * hour",
      ],
    ],
    [
      "expired",
      [
        "Cannot send message for * days",
        "Cannot send message for zero seconds",
        "Cannot send message within * day",
        "Could not send message for past * hours",
        "Your message was not delivered within * days",
      ],
    ],
  ] as const)("%s lists every example message of the ISP page", (id, lines) => {
    expect(topic(id).examples).toEqual(expect.arrayContaining([...lines]));
  });

  it("gives every bounce topic example lines, except the two that have no fixed text", () => {
    const withoutExamples = [...knowledge.topics.values()]
      .filter((t) => t.examples.length === 0)
      .map((t) => t.id);
    expect(withoutExamples.sort()).toEqual(["backscatter", "unknown"]);
  });

  it.each([
    ["delayed", "no-need"],
    ["backscatter", "not-yours"],
    ["message-too-big", "after-fix"],
    ["user-unknown", "after-fix"],
    ["host-unknown", "after-fix"],
    ["mailbox-full", "later"],
    ["expired", "later"],
    ["sender-blocklisted", "later"],
    ["not-a-bounce", "no-need"],
  ] as const)("%s says resend: %s", (id, resend) => {
    expect(topic(id).resend).toBe(resend);
  });

  it("keeps quick-reply labels, link labels and carrier names within LINE's 20 graphemes, titles within 40", () => {
    const labels: string[] = [];
    for (const t of knowledge.topics.values()) {
      labels.push(t.menuLabel.ja, t.menuLabel.en, ...t.followUps.flatMap((f) => [f.label.ja, f.label.en]));
      expect(graphemes(t.title.ja)).toBeLessThanOrEqual(40);
      expect(graphemes(t.title.en)).toBeLessThanOrEqual(40);
    }
    for (const l of knowledge.links.values()) labels.push(l.label.ja, l.label.en);
    for (const c of knowledge.carriers) labels.push(c.name.ja, c.name.en);
    const tooLong = labels.filter((label) => graphemes(label) > 20);
    expect(tooLong).toEqual([]);
  });

  it("has 2–5 steps in both languages, and at most 4 follow-ups, for every topic", () => {
    for (const t of knowledge.topics.values()) {
      expect(t.steps.ja.length, t.id).toBeGreaterThanOrEqual(2);
      expect(t.steps.ja.length, t.id).toBeLessThanOrEqual(5);
      expect(t.steps.en.length, t.id).toBe(t.steps.ja.length);
      expect(t.followUps.length, t.id).toBeLessThanOrEqual(4);
    }
  });

  it("has no empty text and at most one emoji per text", () => {
    for (const { where, text } of allTexts(knowledge)) {
      expect(text.trim(), where).not.toBe("");
      expect(text.match(/\p{Extended_Pictographic}/gu)?.length ?? 0, where).toBeLessThanOrEqual(1);
    }
  });

  it("writes Japanese in です/ます: every Japanese summary ends politely", () => {
    for (const t of knowledge.topics.values())
      expect(t.summary.ja, t.id).toMatch(/(です|ます|ません|した|ください)。$/);
  });

  it("defines the links the dialogs need, all over https", () => {
    for (const id of ["qa-community", "virus-info", "returned-mail-page"])
      expect(knowledge.links.has(id)).toBe(true);
    expect(knowledge.links.get("returned-mail-page")!.url).toBe(
      "https://support.so-net.ne.jp/supportsitedetailpage?id=000012544",
    );
    for (const l of knowledge.links.values()) expect(new URL(l.url).protocol, l.id).toBe("https:");
  });
});

describe("advice that matters", () => {
  it("user unknown offers 'it used to work' and 'mobile address', the latter leading to the carrier picker", () => {
    const followUps = topic("user-unknown").followUps;
    expect(followUps.find((f) => f.id === "used-to-work")?.carriers).toBeFalsy();
    expect(followUps.find((f) => f.id === "mobile-address")?.carriers).toBe(true);
  });

  it("too big names the 20 MB limit and the ~15 MB of files that may already exceed it", () => {
    const t = topic("message-too-big");
    const all = [t.summary.ja, ...t.steps.ja, ...t.followUps.map((f) => f.answer.ja)].join("\n");
    expect(all).toContain("20MB");
    expect(all).toContain("15MB");
    expect([t.summary.en, ...t.steps.en].join("\n")).toContain("20 MB");
  });

  it("backscatter says not to open links or attachments, points to the virus page and to escalation", () => {
    const t = topic("backscatter");
    expect(t.steps.ja[0]).toMatch(/リンク.*開かず/);
    expect(t.steps.en[0]).toMatch(/Don't open links or attachments/);
    expect(t.links).toEqual(expect.arrayContaining(["virus-info", "qa-community"]));
  });

  it("relay denied gives the outgoing server and port 587", () => {
    const steps = topic("relay-denied").steps.en.join("\n");
    expect(steps).toContain("mail.so-net.ne.jp");
    expect(steps).toContain("587");
  });

  it("sender blocklisted escalates instead of asking the user to fix something", () => {
    expect(topic("sender-blocklisted").links).toContain("qa-community");
  });

  it("never asks the user to click or open a link in the returned mail", () => {
    for (const { where, text } of allTexts(knowledge)) {
      expect(text, where).not.toMatch(/(click|tap|open) the link/i);
      expect(text, where).not.toMatch(/リンクを(クリック|タップ|開い)/);
    }
  });
});

describe("carrierOf", () => {
  it.each([
    ["docomo.ne.jp", "docomo"],
    ["DoCoMo.ne.jp", "docomo"],
    ["ｄｏｃｏｍｏ．ｎｅ．ｊｐ", "docomo"],
    ["docomo.ne.jp.", "docomo"],
    ["taro@docomo.ne.jp", "docomo"],
    ["@ezweb.ne.jp", "au"],
    ["biz.ezweb.ne.jp", "au"],
    ["au.com", "au"],
    ["i.softbank.jp", "softbank"],
    ["x.i.softbank.jp", "softbank"],
    ["softbank.ne.jp", "softbank"],
    ["ymobile.ne.jp", "ymobile"],
    ["uqmobile.jp", "uq"],
    ["rakumail.jp", "rakuten"],
  ])("%s → %s", (domain, id) => {
    expect(carrierOf(knowledge, domain)?.id).toBe(id);
  });

  it.each([
    "gmail.com",
    "so-net.ne.jp",
    "notdocomo.ne.jp", // ends like a carrier domain, but is not a subdomain of it
    "docomo.ne.jp.example.com",
    "softbank.jp", // the parent of i.softbank.jp is not a carrier mail domain
    "",
  ])("%s is not a carrier", (domain) => {
    expect(carrierOf(knowledge, domain)).toBeUndefined();
  });
});

describe("withLinkUrl (QA_COMMUNITY_URL)", () => {
  it("replaces one link's url in a copy", () => {
    const changed = withLinkUrl(knowledge, "qa-community", "https://qa.example.jp/returned-mail");
    expect(changed.links.get("qa-community")!.url).toBe("https://qa.example.jp/returned-mail");
    expect(changed.links.get("qa-community")!.label).toEqual(knowledge.links.get("qa-community")!.label);
    expect(knowledge.links.get("qa-community")!.url).not.toBe("https://qa.example.jp/returned-mail");
  });

  it("refuses a url that is not https, and an unknown link id", () => {
    expect(() => withLinkUrl(knowledge, "qa-community", "http://qa.example.jp/")).toThrow(/https/);
    expect(() => withLinkUrl(knowledge, "no-such-link", "https://qa.example.jp/")).toThrow(/no-such-link/);
  });
});

describe("consistent advice (claims.yaml, fixedBy, resend)", () => {
  const ui = loadUi();
  const made = (id: TopicId) =>
    claimsMade(topic(id), knowledge.claims, {
      text: ui.diagnosis.resend[topic(id).resend],
      from: "ui.yaml",
    });

  it("checks the shipped data with its resend lines and finds no contradiction", () => {
    expect(() =>
      checkResendLines(knowledge, ui.diagnosis.resend, ui.diagnosis.noResendLineFor),
    ).not.toThrow();
  });

  it("the disabled-account answer says there is nothing to fix, and resending only to a new address", () => {
    const claims = new Set(made("account-suspended").map((c) => c.claim));
    expect(claims).toContain("nothing-to-fix");
    expect(claims).toContain("new-address-only");
    expect(claims).not.toContain("fix-first");
  });

  it("every claim is made by some shipped text, in both languages (no phrase list is dead)", () => {
    const seen = new Set(TOPIC_IDS.flatMap((id) => made(id).map((c) => `${c.claim}.${c.lang}`)));
    const expected = knowledge.claims.flatMap((c) => [`${c.id}.ja`, `${c.id}.en`]);
    expect(expected.filter((c) => !seen.has(c))).toEqual([]);
  });

  it("a phrase inside a longer phrase of another claim does not count (no need to send it again)", () => {
    const delayed = made("delayed").filter((c) => c.field === "summary");
    expect(delayed.map((c) => [c.lang, c.claim])).toEqual([
      ["ja", "do-not-resend"],
      ["en", "do-not-resend"],
    ]);
  });
});

describe("codes with their meaning (codes.yaml)", () => {
  const describe_ = (status: string, reply: string, lang: "ja" | "en" = "ja") =>
    describeCodes(knowledge.codes, status, reply, lang);

  it.each([
    ["5.2.3", "552", "ja", "552 5.2.3：メールが大きすぎる"],
    ["5.2.3", "552", "en", "552 5.2.3: the message is too big"],
    ["5.1.1", "550", "ja", "550 5.1.1：宛先のアドレスが見つからない"],
    // not listed itself: its group (5.7: a refusal by the receiver's rules)
    ["5.7.1", "554", "ja", "554 5.7.1：相手側の決まりで断られた"],
    // no status: the reply code
    ["", "552", "ja", "552：容量の上限を超えた"],
  ] as const)("%s %s (%s) → %s", (status, reply, lang, shown) => {
    expect(describe_(status, reply, lang)).toBe(shown);
  });

  it("shows nothing for codes it cannot explain", () => {
    expect(describe_("5.0.0", "")).toBe("");
    expect(describe_("", "599")).toBe("");
    expect(describe_("", "")).toBe("");
  });

  it("explains the codes of every example line in the topics", async () => {
    const unexplained: string[] = [];
    for (const t of knowledge.topics.values())
      for (const line of t.examples) {
        const [record] = (await classify(line)).records;
        const status = record && isServerStatus(record.status) ? record.status : "";
        const reply = record?.replyCode ?? "";
        if ((status || reply) && !describe_(status, reply)) unexplained.push(`${t.id}: ${line}`);
      }
    expect(unexplained).toEqual([]);
  });
});
