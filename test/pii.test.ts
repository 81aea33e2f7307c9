import { describe, expect, it } from "vitest";
import {
  containsPii,
  findPii,
  isMyNumber,
  maskAddress,
  maskPii,
  myNumberCheckDigit,
} from "../knowledge/pii.ts";

const kinds = (text: string) => findPii(text).map((f) => f.kind);

describe("personal data detection", () => {
  it("finds a mail address and keeps only its first letter and domain", () => {
    expect(maskPii("宛先 taro.yamada@docomo.ne.jp に届きません")).toBe("宛先 t***@docomo.ne.jp に届きません");
  });

  it("finds Japanese phone numbers in the usual spellings", () => {
    for (const phone of [
      "090-1234-5678",
      "09012345678",
      "03-1234-5678",
      "+81 90 1234 5678",
      "０９０ー１２３４ー５６７８",
    ]) {
      expect(kinds(`電話 ${phone} まで`), phone).toEqual(["phone"]);
    }
  });

  it("masks every digit of phone numbers in a row, even where a card-like run spans two of them", () => {
    expect(maskPii("090-1234-5678 090-1234-5678 090-1234-5678")).toBe(
      "***-****-**** ***-****-**** ***-****-****",
    );
  });

  it("finds postal codes written with 〒 or a hyphen", () => {
    expect(kinds("〒1234567")).toEqual(["postal"]);
    expect(maskPii("住所 123-4567 東京都")).toBe("住所 ***-**** 東京都");
  });

  it("finds card numbers only when the Luhn check passes", () => {
    expect(kinds("card 4111 1111 1111 1111")).toEqual(["card"]);
    expect(kinds("card 4111 1111 1111 1112")).not.toContain("card");
  });

  it("computes the My Number check digit from the official test vectors", () => {
    expect(myNumberCheckDigit("12345678901")).toBe(8);
    expect(myNumberCheckDigit("98765432109")).toBe(3);
    expect(myNumberCheckDigit("00000000000")).toBe(0);
    expect(isMyNumber("123456789018")).toBe(true);
    expect(isMyNumber("123456789012")).toBe(false);
  });

  it("masks every 12-digit run as a possible My Number", () => {
    expect(maskPii("番号 1234 5678 9018")).toBe("番号 **** **** ****");
  });

  it("masks the value after password words but not the word itself", () => {
    expect(maskPii("パスワードは hunter22 です")).toBe("パスワードは ******** です");
    expect(maskPii("password: s3cr3t!")).toBe("password: ********");
    expect(containsPii("パスワードを忘れました")).toBe(false);
  });

  it("leaves bounce vocabulary alone: status codes, dates, IP addresses, sizes", () => {
    const bounce = "550 5.1.1 Date: 2024-01-15 09:30:00 +0900 from 192.168.10.1 size 20971520 bytes";
    expect(findPii(bounce)).toEqual([]);
  });

  it("masks an address without an @ as fully hidden", () => {
    expect(maskAddress("")).toBe("");
    expect(maskAddress("postmaster")).toBe("***");
  });

  it("stays fast on a long run that looks almost like an address", () => {
    const started = performance.now();
    maskPii(`${"a.".repeat(300_000)}@`);
    maskPii("a@".repeat(200_000));
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
