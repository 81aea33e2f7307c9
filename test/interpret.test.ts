import { describe, expect, it } from "vitest";
import type { DialogEvent } from "../dialogs/events.ts";
import { createInterpreter, languageOf, type SessionView } from "../dialogs/interpret.ts";
import { loadUi } from "../dialogs/ui.ts";
import { classify } from "../knowledge/classify.ts";
import { fixtureCarrierOf, fixtureKnowledge, fixtureMatchSymptom } from "./fixtures/knowledge.ts";

const interpret = createInterpreter({
  classify: (t) => classify(t),
  knowledge: fixtureKnowledge,
  matchSymptom: fixtureMatchSymptom,
  carrierOf: fixtureCarrierOf,
  ui: loadUi(),
});
const ja: SessionView = { lang: "ja", topic: null, pickingCarrier: false };
const text = (t: string, view: SessionView = ja) => interpret({ kind: "text", text: t }, view);

describe("interpreting what the user typed", () => {
  it.each<[string, DialogEvent[]]>([
    ["メニュー", [{ type: "MENU" }]],
    ["menu", [{ type: "LANGUAGE", lang: "en" }, { type: "MENU" }]],
    ["ＭＥＮＵ！", [{ type: "MENU" }]], // full-width letters come from a Japanese keyboard: stay in Japanese
    ["最初から", [{ type: "RESTART" }]],
    ["ヘルプ", [{ type: "HELP" }]],
    ["キャンセル。", [{ type: "CANCEL" }]],
    ["人と話したい", [{ type: "HUMAN" }]],
    ["はい", [{ type: "FEEDBACK", helpful: true }]],
    ["いいえ", [{ type: "FEEDBACK", helpful: false }]],
    ["症状:delayed", [{ type: "SYMPTOM", topic: "delayed" }]],
    ["送った覚えがないのに大量に届く", [{ type: "SYMPTOM", topic: "backscatter" }]],
    ["こんにちは", [{ type: "SMALL_TALK" }]],
    ["エラーメールが来ました", [{ type: "UNREADABLE" }]],
  ])("%s", async (input, events) => {
    expect(await text(input)).toEqual(events);
  });

  it("a paste that merely contains a command word is still a paste", async () => {
    const events = await text("help\nMailbox full");
    expect(events.at(-1)).toMatchObject({ type: "PASTE", diagnosis: { topic: "mailbox-full" } });
  });

  it("keeps only the masked facts of a bounce, and the carrier of the recipient", async () => {
    const [event] = await text(
      "<taro.yamada@docomo.ne.jp>: 550 5.1.1 Recipient address rejected: User unknown",
    );
    expect(event).toEqual({
      type: "PASTE",
      diagnosis: {
        topic: "user-unknown",
        source: "paste",
        status: "5.1.1",
        replyCode: "550",
        action: "failed",
        recipient: "t***@docomo.ne.jp",
        carrier: "docomo",
        detail: "550 5.1.1 Recipient address rejected: User unknown",
      },
    });
  });

  it("the user's own words about a flood of bounces decide over the bounce", async () => {
    const events = await text("送った覚えがない\nRecipient address rejected: User unknown");
    expect(events.at(-1)).toMatchObject({
      type: "PASTE",
      diagnosis: { topic: "backscatter", source: "paste" },
    });
  });

  it("keeps no words the user wrote around a paste, not even masked", async () => {
    const events = await text("山田です。お世話になります\nRecipient address rejected: User unknown");
    expect(events.at(-1)).toMatchObject({ type: "PASTE", diagnosis: { topic: "user-unknown", detail: "" } });
  });

  it("an English bounce does not switch a Japanese user to English; Japanese around it keeps Japanese", async () => {
    expect(await text("Mailbox full")).toEqual([expect.objectContaining({ type: "PASTE" })]);
    const en: SessionView = { ...ja, lang: "en" };
    expect((await text("戻ってきました\nMailbox full", en))[0]).toEqual({ type: "LANGUAGE", lang: "ja" });
  });

  it.each([
    ["私のアドレスは taro@example.jp です", true],
    ["090-1234-5678 に電話ください", true],
    ["パスワードは abc12345 です", true],
    // inside a bounce, the addresses are expected (and masked); a phone number is not
    ["<taro@example.jp>: Recipient address rejected: User unknown", false],
    ["電話 090-1234-5678\n<taro@example.jp>: Recipient address rejected: User unknown", true],
  ])("%s → personal-data warning: %s", async (input, warned) => {
    expect((await text(input)).some((e) => e.type === "PERSONAL_DATA")).toBe(warned);
  });

  it("matches follow-up labels only for the topic on screen, carrier names only while picking", async () => {
    const onTopic: SessionView = { ...ja, topic: "user-unknown" };
    expect(await text("前は届いていた", onTopic)).toEqual([
      { type: "FOLLOW_UP", topic: "user-unknown", id: "used-to-work", carriers: false },
    ]);
    expect(await text("前は届いていた", ja)).toEqual([{ type: "SMALL_TALK" }]);
    expect(await text("ドコモ", { ...onTopic, pickingCarrier: true })).toEqual([
      { type: "CARRIER", id: "docomo" },
    ]);
    expect(await text("ドコモ", onTopic)).toEqual([{ type: "SMALL_TALK" }]);
  });

  it("answers an over-long text without classifying it", async () => {
    let classified = false;
    const guarded = createInterpreter({
      classify: async (t) => {
        classified = true;
        return classify(t);
      },
      knowledge: fixtureKnowledge,
      matchSymptom: fixtureMatchSymptom,
      carrierOf: fixtureCarrierOf,
      ui: loadUi(),
    });
    const events = await guarded({ kind: "text", text: "Mailbox full ".repeat(20_000) }, ja);
    expect(events).toEqual([{ type: "UNSUPPORTED", kind: "too-long" }]);
    expect(classified).toBe(false);
  });
});

describe("interpreting taps", () => {
  it.each<[string, DialogEvent]>([
    ["a=symptom&topic=expired", { type: "SYMPTOM", topic: "expired" }],
    [
      "a=followup&topic=user-unknown&id=mobile-address",
      { type: "FOLLOW_UP", topic: "user-unknown", id: "mobile-address", carriers: true },
    ],
    ["a=followup&topic=user-unknown&id=gone-in-new-texts", { type: "MENU" }],
    ["a=carrier&id=au", { type: "CARRIER", id: "au" }],
    ["a=carrier&id=unknown-carrier", { type: "MENU" }],
    ["a=feedback&v=no&topic=delayed", { type: "FEEDBACK", helpful: false }],
    ["a=cmd&cmd=restart", { type: "RESTART" }],
    ["junk", { type: "MENU" }],
  ])("%s", async (data, event) => {
    expect(await interpret({ kind: "postback", data }, ja)).toEqual([event]);
  });
});

describe("languageOf", () => {
  it.each([
    ["こんにちは", "ja"],
    ["help me", "en"],
    ["メール bounced", "ja"],
    ["12345 !!", undefined],
  ])("%s → %s", (input, lang) => {
    expect(languageOf(input)).toBe(lang);
  });
});
