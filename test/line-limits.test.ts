import { describe, expect, it } from "vitest";
import { checkMessages, graphemeLength } from "../platform/line-limits.ts";

const text = (t: string, extra: object = {}) => ({ type: "text", text: t, ...extra });
const chip = (label: string) => ({ type: "action", action: { type: "message", label, text: label } });
const properties = (messages: unknown) => checkMessages(messages).map((v) => v.property);

describe("checkMessages: LINE's limits", () => {
  it("accepts an ordinary reply", () => {
    expect(checkMessages([text("こんにちは", { quickReply: { items: [chip("メニュー")] } })])).toEqual([]);
  });

  it("allows one to five messages per request", () => {
    expect(properties([])).toEqual(["messages"]);
    expect(properties(Array.from({ length: 6 }, () => text("x")))).toEqual(["messages"]);
    expect(properties(Array.from({ length: 5 }, () => text("x")))).toEqual([]);
  });

  it("limits text to 5000 UTF-16 units", () => {
    expect(properties([text("あ".repeat(5000))])).toEqual([]);
    expect(properties([text("あ".repeat(5001))])).toEqual(["messages[0].text"]);
  });

  it("allows at most 13 quick-reply items with labels of at most 20 graphemes", () => {
    const items = Array.from({ length: 14 }, (_, i) => chip(`項目${i}`));
    expect(properties([text("x", { quickReply: { items } })])).toEqual(["messages[0].quickReply.items"]);
    expect(properties([text("x", { quickReply: { items: [chip("あ".repeat(21))] } })])).toEqual([
      "messages[0].quickReply.items[0].action.label",
    ]);
  });

  it("counts an emoji with modifiers as one grapheme", () => {
    expect(graphemeLength("👍🏽")).toBe(1);
    expect(properties([text("x", { quickReply: { items: [chip(`${"あ".repeat(19)}👍🏽`)] } })])).toEqual([]);
  });

  it("limits postback data to 300 characters", () => {
    const postback = { type: "action", action: { type: "postback", label: "はい", data: "d".repeat(301) } };
    expect(properties([text("x", { quickReply: { items: [postback] } })])).toEqual([
      "messages[0].quickReply.items[0].action.data",
    ]);
  });

  it("checks Flex altText and button labels deep inside the bubble", () => {
    const bubble = {
      type: "bubble",
      footer: {
        type: "box",
        layout: "vertical",
        contents: [
          { type: "button", action: { type: "uri", label: "b".repeat(41), uri: "https://example.com" } },
        ],
      },
    };
    expect(properties([{ type: "flex", altText: "a".repeat(1501), contents: bubble }])).toEqual([
      "messages[0].altText",
      "messages[0].contents.footer.contents[0].action.label",
    ]);
  });

  it("rejects unknown message types and non-arrays", () => {
    expect(properties([{ type: "hologram" }])).toEqual(["messages[0].type"]);
    expect(properties("hello")).toEqual(["messages"]);
  });
});
