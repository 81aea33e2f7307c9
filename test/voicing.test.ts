import { describe, expect, it } from "vitest";
import { readingTable } from "../dialogs/understand/normalize.ts";
import { buildRevoicer } from "../dialogs/understand/voicing.ts";

/** Words as the data holds them: examples, symptom phrases, keywords (kanji read through the readings). */
const revoice = buildRevoicer(
  [
    "ありがとう",
    "容量オーバー",
    "大きすぎる",
    "電話番号は？",
    "アドレスが違う",
    "はいる",
    "ばいる",
    "ばいばい",
    "届かない",
    "画面の写真",
    "返事がほしい",
    "返信くれる？",
    "アドレスが見つからない",
    "アドレスを変えたい",
    "ウイルスかもしれない",
    "質問があるんですが",
    "送信できる数は？",
    "数が多い",
    "相手に連絡",
    "ファイル送ればいい？",
    "なんで？",
    "なんて書いてある？",
  ],
  readingTable(
    new Map([
      ["電話", "でんわ"],
      ["番号", "ばんごう"],
      ["容量", "ようりょう"],
      ["画面", "がめん"],
      ["写真", "しゃしん"],
      ["返事", "へんじ"],
      ["返信", "へんしん"],
      ["変", "か"],
      ["送信", "そうしん"],
      ["数", "かず"],
      ["見", "み"],
      ["相手", "あいて"],
      ["送", "おく"],
      ["書", "か"],
    ]),
  ),
);

describe("voicing marks dropped by flick input are restored in words of the data", () => {
  it.each([
    ["ありかとう", "ありがとう"],
    ["ようりょうおーはーってきた", "ようりょうおーばーってきた"],
    ["ふぁいるおおきすきる", "ふぁいるおおきすぎる"],
    ["てんわしたい", "でんわしたい"],
    ["アトレスちがう", "あどれすちがう"],
    // a kanji word of the data read whole (the segmenter cuts its reading がめん as が|めん)
    ["かめんみて", "がめんみて"],
    // a small kana typed large
    ["しやしんおくる", "しゃしんおくる"],
    ["かめんのしやしん", "がめんのしゃしん"],
    // the particle が after a word whose marks were dropped lost its mark too
    ["あとれすかない", "あどれすがない"],
    ["あとれすかみつからない", "あどれすがみつからない"],
    // not where か starts a kanji word read with it (数 かず): 「送信できる数」, no が
    ["そうしんてきるかずがおおい", "そうしんできるかずがおおい"],
    // a mark typed where the word has none: Tohoku speech voices a word's inner k and t
    ["ありがどう", "ありがとう"],
    ["ありがどうね", "ありがとうね"],
    // also in a word of the data with no mark at all (相手 あいて), typed voiced inside
    ["あいでにれんらぐ", "あいてにれんらぐ"],
    // a kanji word of the data with the kana written after it (送れば おくれば), which the segmenter cuts short
    ["ふぁいるおぐればいいのが", "ふぁいるおくればいいのが"],
  ])("%s → %s", (typed, read) => {
    expect(revoice(typed)).toBe(read);
  });

  it.each([
    ["a word typed right", "ありがとう"],
    ["a word of the data as typed (はいる), though another folds onto it", "はいる"],
    ["a word of one half twice (ばいばい) from 「はいはい」", "はいはい"],
    ["two kana only", "とこ"],
    ["no kana", "thanks"],
    ["a word the data does not hold", "かきくけこ"],
    [
      "a word of the data as typed, though a shorter one folds onto its start (へんし: へんじ)",
      "へんしんくれる",
    ],
    ["a word with its small kana typed right", "しゃしんおくる"],
    ["か after a word typed right (変えたい)", "あどれすかえたい"],
    ["a mark typed on a word of the data that has none (はいる)", "ぱいる"],
    ["a word of the data as typed, though one with no mark folds onto it (なんで: なんて)", "なんでかな"],
  ])("not: %s", (_, typed) => {
    expect(revoice(typed)).toBeUndefined();
  });

  it.each([
    ["「…かな」 wonders", "あとれすかな", "あどれすかな"],
    ["「…かもしれない」 guesses", "ういるすかもしれない", undefined],
    ["か closing a question", "あとれすか？", "あどれすか？"],
    // a question's closing か is typed so, not a "but" with its mark dropped (the data's 「…あるんですが」)
    ["か closing a sentence, not read as が", "ことってあるんですか", undefined],
    ["か closing a sentence before its mark", "ことってあるんですか？", undefined],
    ["が of the data restored inside a sentence", "あるんてすか、よろしく", "あるんですが、よろしく"],
  ])("か kept as typed where it is a particle of its own: %s", (_, typed, read) => {
    expect(revoice(typed)).toBe(read);
  });

  it("reads 5,000 characters of anything in linear time", () => {
    const started = performance.now();
    for (const text of ["か".repeat(5000), "ありかと".repeat(1250), "はいはい".repeat(1250)]) revoice(text);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
