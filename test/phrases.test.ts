import { describe, expect, it } from "vitest";
import { readingTable } from "../dialogs/understand/normalize.ts";
import { foldedReading, phraseMatcher } from "../dialogs/understand/phrases.ts";

const table = readingTable(new Map([["困", "こま"]]));
const feelings = phraseMatcher(
  [
    ["frustrated", ["困っている", "困ってる", "最悪", "😭"]],
    ["urgent", ["急いで"]],
  ] as const,
  table,
);

describe("a list of phrases taken out of a message (the words of feeling before reading a question)", () => {
  it("leaves what else the message says as it was written: its question mark and its katakana", () => {
    const rest = feelings.strip("最悪。スパムが多いのはなぜですか？");
    expect(rest).not.toContain("最悪");
    expect(rest).toContain("スパムが多いのはなぜですか?"); // NFKC: the full-width ？ as ?
  });

  it("finds a phrase in katakana, in its reading and with another ending", () => {
    // The ending a phrase leaves open (る of 困ってる) may stay: it asks nothing.
    expect(feelings.strip("コマッテル、どうすれば")).not.toContain("コマッテ");
    expect(feelings.strip("こまってます、どうすれば")).toContain("どうすれば");
    expect(feelings.strip("こまってます、どうすれば")).not.toContain("こまって");
    expect(feelings.strip("急いでます！再送していい？")).toContain("再送していい?");
  });

  it("blanks every occurrence, in place: what is left keeps its positions", () => {
    // A phrase in every sentence, as in a long message (bench/hostile-texts.ts); る is the ending left open.
    const text = "困ってる/急いで。".repeat(300);
    const rest = feelings.strip(text);
    expect(rest).toHaveLength(text.length);
    expect(rest).toBe("   る/   。".repeat(300));
  });

  it("takes emoji out too, with or without their variation selector", () => {
    expect(feelings.strip("届かない😭").trim()).toBe("届かない");
    expect(feelings.strip("届かない\u{1F62D}\uFE0F").trim()).toBe("届かない");
  });

  it("finds a phrase of two Latin words however the text joins them, as the phrase's own folding does", () => {
    // A needsNot phrase written 「Wi-Fiのパスワード」 folds to "wi fiの…": found in "Wi-Fi", "wi fi", "Ｗｉ－Ｆｉ".
    const others = phraseMatcher([[true, ["Wi-Fiのパスワード"]]] as const, table);
    for (const typed of [
      "Wi-Fiのパスワード忘れた",
      "wi fiのパスワード忘れた",
      "Ｗｉ－Ｆｉのパスワード忘れた",
    ])
      expect(others.strip(typed).trim()).toBe("忘れた");
    // Joined with nothing between, it is another word: a phrase written "wifi" is needed for "WiFi".
    expect(others.strip("WiFiのパスワード忘れた")).toContain("パスワード");
  });
});

describe("phrases matched as written (a question's needsNot)", () => {
  it("keeps a phrase's last kana, which as a verb's ending would be left out: 「なんです」 is no 「なんで」", () => {
    const asWritten = phraseMatcher([[true, ["なんです"]]] as const, table, true);
    expect(asWritten.strip("なんで戻ってきたの")).toBe("なんで戻ってきたの");
    expect(asWritten.strip("締め切りなんです！")).toBe("締め切り    !");
    // Matched as symptoms are, 「なんです」's す is an ending other forms replace: it leaves 「なんで」.
    const withEndings = phraseMatcher([[true, ["なんです"]]] as const, table);
    expect(withEndings.strip("なんで戻ってきたの").trim()).toBe("戻ってきたの");
  });
});

describe("phrases found in a text's reading (kanji words replaced by their kana)", () => {
  const read = readingTable(
    new Map([
      ["設定", "せってい"],
      ["大事", "だいじ"],
      ["容量", "ようりょう"],
      ["相手", "あいて"],
    ]),
  );
  const match = phraseMatcher(
    [
      ["scorn", ["どうせ"]],
      ["important", ["大事な"]],
      ["stopped", ["ていしてる"]],
      ["full", ["相手の容量"]],
    ] as const,
    read,
  );

  it("finds a phrase that starts and ends on a word read, in kanji or kana", () => {
    expect(match("どうせ無理でしょ")).toBe("scorn");
    expect(match("だいじなメールなのに")).toBe("important");
    expect(match("大事なメール")).toBe("important");
  });

  it("finds no phrase that starts or ends inside a word read", () => {
    // せってい holds せ: 「どう設定」 reads どうせってい, where 「どうせ」 ends inside 設定.
    expect(match("相手にどう設定してもらえばいい？")).toBeUndefined();
    // 「停止してる」 typed in kana: せっていしてる holds it from inside 設定.
    expect(match("あかうんとがていしてるって")).toBe("stopped");
    expect(match("設定してるのに")).toBeUndefined();
  });

  it("lets a needle that left out a conjugating ending end inside the last word read", () => {
    // 「相手の容量」's needle あいてのようりょ (う left out, as an ending) ends inside 容量 (ようりょう).
    expect(match("あいての容量がいっぱい")).toBe("full");
  });

  it("tells where the readings lie in the folded text, whatever the folding drops", () => {
    const { folded, spans } = foldedReading("容量、相手 ok", read);
    expect(folded).toBe("ようりようあいてok");
    // Inside ようりよう (0-5) and あいて (5-8): the end of the word; on their edges and beyond: 0.
    expect([...spans!]).toEqual([0, 5, 5, 5, 5, 0, 8, 8, 0, 0, 0]);
    expect(foldedReading("どうせ無理", read).spans).toBeUndefined();
  });
});

describe("a phrase's reading keeps the ending of the phrase as written", () => {
  it("leaves out of 「いっぱい来る」 read いっぱいくる only what its kanji form leaves out", () => {
    const read = readingTable(new Map([["来る", "くる"]]));
    const match = phraseMatcher([["flood", ["いっぱい来る"]]] as const, read);
    expect(match("知らないメールがいっぱいくる")).toBe("flood");
    expect(match("いっぱい来てる")).toBe("flood");
    // The kana verb くる as a whole ending would leave 「いっぱい」 alone, found in any full mailbox.
    expect(match("相手の容量がいっぱいになった")).toBeUndefined();
  });
});
