import { describe, expect, it } from "vitest";
import { classify } from "../knowledge/classify.ts";
import { cleanOcrText } from "../knowledge/ocr/clean.ts";
import { layoutText, type OcrWord } from "../knowledge/ocr/layout.ts";

/**
 * From what OCR saw to the mail's text: the layout of words on a phone screen (layout.ts) and what the
 * phone and the OCR model add (clean.ts). The words here are placed as tesseract reports them for a
 * 750-pixel-wide screenshot: 16-pixel margins at 2×, rows 44 pixels apart, letters ~18 pixels wide.
 */

const LETTER = 18;
const PITCH = 44;
const MARGIN = 32;

/** Screen rows (leading blanks = indentation, "" = an empty row) as OCR words with boxes. */
function wordsOf(rows: string[]): OcrWord[] {
  const words: OcrWord[] = [];
  rows.forEach((row, r) => {
    let x = MARGIN + (row.length - row.trimStart().length) * 0.45 * LETTER;
    for (const text of row.trim().split(" ").filter(Boolean)) {
      words.push({
        text,
        left: x,
        top: 500 + r * PITCH,
        width: text.length * LETTER,
        height: 30,
        conf: 95,
        row: `${r}`,
      });
      x += text.length * LETTER + 0.45 * LETTER;
    }
  });
  return words;
}

const page = (rows: string[]) => ({ width: 750, words: wordsOf(rows) });

describe("OCR layout: rows back into the mail's lines", () => {
  it("joins a row the screen wrapped (the next word would not have fitted) and keeps a short one", () => {
    const text = layoutText(
      page([
        "<<< 550 5.1.1 <user@example.jp>... User", // 39 letters: "Unknown" would not fit after it
        "Unknown",
        "Thank you.", // short: its writer ended it
        "Bye",
      ]),
    );
    expect(text).toBe("<<< 550 5.1.1 <user@example.jp>... User Unknown\nThank you.\nBye");
  });

  it("keeps blank lines (a taller gap) and indentation (counted in blanks)", () => {
    const text = layoutText(
      page([
        "The following address(es) failed:",
        "",
        "  kenta@example.org",
        "    SMTP error from remote mail server",
      ]),
    );
    expect(text).toBe(
      "The following address(es) failed:\n\n  kenta@example.org\n    SMTP error from remote mail server",
    );
  });

  it("joins an address the screen broke after its hyphen without a blank", () => {
    const text = layoutText(page(["Delivery to this address failed: libsisimai-", "2@example.jp"]));
    expect(text).toBe("Delivery to this address failed: libsisimai-2@example.jp");
  });
});

describe("OCR cleaning", () => {
  it("drops the status bar and the mail app's header, keeps the subject on a line of its own", () => {
    const text = cleanOcrText(
      [
        "9:41 87%",
        "< 受信 ^",
        "oO Mail Delivery System 10:15",
        "宛 先 : 自 分 詳 細",
        "Undelivered Mail Returned to Sender",
        "2025 年 11 月 3 日 10:15",
        "This is the mail system at host example.jp.",
      ].join("\n"),
    );
    expect(text).toBe("Undelivered Mail Returned to Sender\n\nThis is the mail system at host example.jp.");
  });

  it("turns look-alike dashes into a separator but keeps the long-vowel mark in words", () => {
    expect(cleanOcrText("ーーーー Transcript of session follows -—")).toBe(
      "---- Transcript of session follows --",
    );
    expect(cleanOcrText("サーバーのエラーです")).toBe("サーバーのエラーです");
  });

  it("removes the OCR model's blanks inside Japanese, and mends glued or swapped letters", () => {
    expect(cleanOcrText("メ ー ル ア ド レ ス が 見 つ か り ま せ ん")).toBe(
      "メールアドレスが見つかりません",
    );
    expect(cleanOcrText("Amessage that you sent could not be delivered")).toBe(
      "A message that you sent could not be delivered",
    );
    expect(cleanOcrText("| will be out of the office")).toBe("I will be out of the office");
    expect(cleanOcrText("＜ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ＞… User unknown")).toBe(
      "<taro@example.jp>... User unknown",
    );
  });

  it("leaves a screenshot the classifier reads like the paste of the same bounce", async () => {
    const ocr = [
      "9:41 87%",
      "Mail Delivery System",
      "宛 先 : 自 分",
      "Returned mail: see transcript for details",
      "ーーーー Transcript of session follows ーーーー",
      "<<< 550 5.1.1 <user@example.jp>... User Unknown",
    ].join("\n");
    const [record] = (await classify(cleanOcrText(ocr), { kind: "fragment" })).records;
    expect(record).toMatchObject({ reason: "userunknown", status: "5.1.1", recipient: "u***@example.jp" });
  });

  it("is linear: 5,000 characters of anything are cleaned at once", () => {
    for (const junk of ["ー".repeat(5000), " 宛".repeat(2500), "9:41\n".repeat(1000), "| a ".repeat(1250)]) {
      const t0 = performance.now();
      cleanOcrText(junk);
      expect(performance.now() - t0).toBeLessThan(200);
    }
  });
});
