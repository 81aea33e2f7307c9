import { describe, expect, it } from "vitest";
import { deniesHurry } from "../dialogs/understand/feelings/denied.ts";
import { startleOver } from "../dialogs/understand/feelings/passed.ts";
import { patientTurnAt, withoutPatientTurn } from "../dialogs/understand/feelings/played-down.ts";

const felt = ["ハラハラ", "ドキッ", "不安", "ドキドキ"];

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

  it("one rule of a feeling set aside by a contrast, then patience or calm: any contrast of contrasts.ts, calm now", () => {
    expect(withoutPatientTurn("ハラハラするけど気長に待ちます", felt)).not.toContain("ハラハラ");
    expect(withoutPatientTurn("ドキドキしますが、のんびり待ちます", felt)).not.toContain("ドキドキ");
    expect(withoutPatientTurn("ドキッとしたけど、今はもう大丈夫", felt)).not.toContain("ドキッ");
    expect(withoutPatientTurn("不安だけど、どうしたらいい？", felt)).toContain("不安");
    expect(patientTurnAt("ハラハラしたけれども気長に待ちます")).toBe(6);
    expect(patientTurnAt("アドレスが、もう大丈夫かわからない")).toBe(-1);
    const feltIn = (t: string) => (t.includes("怖") ? "worried" : undefined);
    expect(startleOver("ドキッとしたけど、もう大丈夫。相手に知らせる？", feltIn)).toBe(true);
    expect(startleOver("ドキッとしたけど、また怖くなってきた", feltIn)).toBe(false);
  });
});
