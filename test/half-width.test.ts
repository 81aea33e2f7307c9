import { describe, expect, it } from "vitest";
import { buildHalfWidthReader } from "../dialogs/understand/half-width.ts";

describe("half-width katakana typed on an old phone is read as people type today", () => {
  const read = buildHalfWidthReader([
    "エラーメールって何？",
    "パスワードを変えたい",
    "アドレスが違う",
    "メーラーデーモン",
  ]);

  it("keeps the data's katakana words and writes endings and particles in hiragana, voicing marks joined", () => {
    expect(read("ｴﾗｰﾒｰﾙｯﾃﾅﾆ")).toBe("エラーメールってなに");
    expect(read("ﾊﾟｽﾜｰﾄﾞｶｴﾀﾎｳｶﾞｲｲ?")).toBe("パスワードかえたほうがいい?");
    expect(read("ｱﾄﾞﾚｽﾏﾁｶﾞｯﾃﾙｯﾃｺﾄ?")).toBe("アドレスまちがってるってこと?");
    expect(read("ﾒｰﾗｰﾃﾞｰﾓﾝｯﾃﾀﾞﾚ")).toBe("メーラーデーモンってだれ");
  });

  it("leaves what is not half-width as typed, and a text without any alone", () => {
    expect(read("これﾅﾆ？ メール")).toBe("これなに？ メール");
    expect(read("エラーメールってなに")).toBeUndefined();
    expect(read("user unknown ｡")).toBeUndefined();
  });
});
