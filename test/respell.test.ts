import { describe, expect, it } from "vitest";
import { buildRespeller, oneEditApart, soundOf } from "../dialogs/understand/respell.ts";
import { fixtureQuestions } from "./fixtures/knowledge.ts";

/**
 * The English words of a returned mail typed by ear (in kana) or with a typo are written back in English
 * (dialogs/understand/respell.ts, table knowledge/data/kana-english.yaml), so the classifier reads them.
 */
const respell = buildRespeller(fixtureQuestions.kanaEnglish);

describe("English bounce words typed in kana or misspelt", () => {
  it.each([
    ["ユーザーアンノウン", "user unknown"],
    ["ゆーざーあんのうん", "user unknown"],
    ["ゆうざあんのーん", "user unknown"], // long vowels written with a vowel kana, or not at all
    ["ユーザアンノン", "user unknown"],
    ["ユーザー・アンノウン", "user unknown"],
    ["ユーザーアンノウンって出た", "user unknown って出た"],
    ["ﾎｽﾄｱﾝﾉｳﾝ", "host unknown"], // half-width katakana
    ["めーるぼっくすふる", "mailbox full"],
    ["おーばーくぉーたってなに", "over quota ってなに"],
    ["リレーアクセスデナイド", "relay access denied"],
    ["userあんのうん", "user unknown"], // half copied, half by ear
    ["User Unkown", "user unknown"], // a letter missing
    ["unknwon user", "unknown user"], // two letters swapped
    ["Usre unknownと出た", "user unknown と出た"],
    ["host unknowm", "host unknown"], // a wrong letter
    ["mailboxx full", "mailbox full"], // an extra letter
  ])("%s → %s", (typed, english) => {
    expect(respell(typed)).toBe(english);
  });

  it.each([
    "メールが届かない", // one loanword is no bounce line
    "メールボックスがいっぱい", // the symptom phrases read this one
    "ドメインのときは？", // 「のと」 is no "not": ッ counts
    "おばあちゃんにメールした",
    "user unknown", // already English: nothing to do
    "I use Gmail", // short words are not corrected ("use" is no "user")
    "Unkownってなに", // a lone word is no bounce line
    "most users can read it", // an everyday word is no typo ("most" is not "host": english-words.ts)
    "ありがとうございます",
    "",
  ])("leaves %j alone", (typed) => {
    expect(respell(typed)).toBeUndefined();
  });

  it("compares kana by sound: long vowels, small kana and katakana do not matter", () => {
    expect(soundOf("ユーザー")).toBe(soundOf("ゆうざあ"));
    expect(soundOf("アンノウン")).toBe(soundOf("あんのーん"));
    expect(soundOf("クォータ")).toBe(soundOf("くおーた"));
    expect(soundOf("ボックス")).not.toBe(soundOf("ぼくす")); // ッ is heard
  });

  it("counts one edit: a letter inserted, deleted, replaced, or two neighbours swapped", () => {
    expect(oneEditApart("unkown", "unknown")).toBe(true);
    expect(oneEditApart("unknownn", "unknown")).toBe(true);
    expect(oneEditApart("unknowm", "unknown")).toBe(true);
    expect(oneEditApart("unknwon", "unknown")).toBe(true);
    expect(oneEditApart("unkonwm", "unknown")).toBe(false);
    expect(oneEditApart("unknown", "unknown")).toBe(false);
    expect(oneEditApart("uknwn", "unknown")).toBe(false);
  });

  it("reads a long text in one pass: 5,000 characters of bounce words, kana and Latin", () => {
    const long = "ユーザーアンノウン user unkown めーるぼっくすふる ".repeat(150).slice(0, 5000);
    const out = respell(long);
    expect(out?.startsWith("user unknown user unknown mailbox full")).toBe(true);
  });
});
