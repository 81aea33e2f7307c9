import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fold, nfkc } from "../knowledge/fold.ts";
import { foldSymptomText, joinsLatinWords, SEPARATORS } from "../knowledge/symptom-text.ts";

/** The folding as it was written before the one-pass loop: a chain of replaces (symptom-text.ts foldAnew). */
function foldByReplaces(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/['\u2019]/g, "")
    .replace(/[\u30A1-\u30F6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60))
    .replace(/[ぁぃぅぇぉっゃゅょゎ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 1))
    .replace(SEPARATORS, (run: string, offset: number, whole: string) =>
      joinsLatinWords(whole[offset - 1] ?? "", whole[offset + run.length] ?? "") ? " " : "",
    );
}

/** Characters where the folding has something to do: kana small and large, marks, apostrophes, emoji, width. */
const TRICKY = [
  ..."aZ09 -_'’.,!?、。「」ァィゥェォッャュョヮヵヶアカガーぁぃっゎゕあ漢字\u3000\t\nｱｲﾞＭＢ＃・…~〜\uFE0F",
  "😭",
  "👍🏻",
  "\uD800",
  "\uDC00",
];

describe("foldSymptomText", () => {
  it("folds as the chain of replaces it stands for", () => {
    for (const text of [
      "Wi-Fi の パスワード",
      "didn’t arrive",
      "20 MB",
      "ウィルス？！",
      "メール😭来ない",
      "ｴﾗｰ ﾒｰﾙ",
    ])
      expect(foldSymptomText(text)).toBe(foldByReplaces(text));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TRICKY), { maxLength: 16 }), (chars) => {
        const text = chars.join("");
        expect(foldSymptomText(text)).toBe(foldByReplaces(text));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => {
        expect(foldSymptomText(text)).toBe(foldByReplaces(text));
      }),
    );
  });
});

describe("fold and nfkc", () => {
  it("give what they stand for, whatever was folded just before", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TRICKY, "ＡＢＣ", "ｶﾀｶﾅ"), { maxLength: 30 }), (pieces) => {
        for (const piece of pieces) {
          expect(fold(piece)).toBe(piece.normalize("NFKC").toLowerCase());
          expect(nfkc(piece)).toBe(piece.normalize("NFKC"));
        }
      }),
    );
  });
});
