import { describe, expect, it } from "vitest";
import { deniesHurry } from "../dialogs/understand/feelings/denied.ts";

describe("round 33's readings of feeling (emo23)", () => {
  it("a hurry denied, in Japanese or English, is found; a hurry told or asked about is not a denial", () => {
    expect(deniesHurry("祭りの準備で忙しいですが急ぎではありません")).toBe(true);
    expect(deniesHurry("仕事は忙しいけど急ぎの用ではないので")).toBe(true);
    expect(deniesHurry("busy day but this isn't urgent")).toBe(true);
    expect(deniesHurry("急いでないです")).toBe(true);
    expect(deniesHurry("急いでるんだけど")).toBe(false);
    expect(deniesHurry("忙しいのに届かない")).toBe(false);
    expect(deniesHurry("this is urgent")).toBe(false);
  });
});
