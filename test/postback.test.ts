import { describe, expect, it } from "vitest";
import { decodePostback, encodePostback, type Postback } from "../dialogs/postback.ts";

describe("postback data", () => {
  it.each<Postback>([
    { a: "symptom", topic: "user-unknown" },
    { a: "followup", topic: "backscatter", id: "virus-scan" },
    { a: "carrier", id: "softbank" },
    { a: "feedback", helpful: false, topic: "delayed" },
    { a: "cmd", cmd: "human" },
  ])("round-trips %j within LINE's 300 characters", (p) => {
    const data = encodePostback(p);
    expect(data.length).toBeLessThanOrEqual(300);
    expect(decodePostback(data)).toEqual(p);
  });

  it("understands the rich menu's topic tiles", () => {
    expect(decodePostback("topic:backscatter")).toEqual({ a: "symptom", topic: "backscatter" });
    expect(decodePostback("topic:nonsense")).toBeUndefined();
  });

  it.each([
    "",
    "a=symptom&topic=not-a-topic",
    "a=followup&topic=user-unknown&id=../../etc",
    "a=feedback&v=maybe&topic=delayed",
    "a=cmd&cmd=rm",
    "a=unknown",
    `a=carrier&id=${"x".repeat(400)}`,
    "%%%",
  ])("refuses %j", (data) => {
    expect(decodePostback(data)).toBeUndefined();
  });
});
