import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  hiraganaOf,
  LONG_VOWEL,
  largeKanaCode,
  SMALL_KANA,
  SMALL_KANA_BUT_TSU,
  SMALL_KANA_WITH_KA_KE,
  vowelOf,
} from "../dialogs/understand/kana.ts";
import {
  asciiPieces,
  canonical,
  featuresOf,
  featuresOfAll,
  readingTable,
} from "../dialogs/understand/normalize.ts";
import { stringsIn } from "../dialogs/understand/scope.ts";
import { endsRun, readingOnce, segmentsOf, wordSegmentsOfAll } from "../dialogs/understand/segments.ts";
import { buildQuestionIndex } from "../dialogs/understand/understand.ts";
import { fixtureKnowledge, fixtureQuestions } from "./fixtures/knowledge.ts";

/**
 * The features a typed text is compared by (dialogs/understand/normalize.ts) are read with shortcuts: an
 * ASCII text is cut into words piece by piece (at spaces and line breaks), and words and pieces already
 * spelt are remembered. Each shortcut must give exactly what reading the whole text gives.
 */
const segmenter = new Intl.Segmenter("ja", { granularity: "word" });
const wordsOf = (text: string) =>
  [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
/** Every segment of a text segmented whole, words and what lies between them. */
const segmentsWhole = (text: string) =>
  [...segmenter.segment(text)].map((s) => ({ segment: s.segment, isWordLike: s.isWordLike === true }));
/** segmentsOf while a reading is open: from the runs it remembers. */
const segmentsRead = (text: string) => {
  const done = readingOnce();
  try {
    return segmentsOf(text);
  } finally {
    done();
  }
};

describe("an ASCII text cut at its whitespace", () => {
  it("has the words of the whole text, piece by piece", () => {
    const ascii = fc.string({
      unit: fc.oneof(
        fc.constantFrom(..."ab19 .,:;'\"_-@=<>()[]/\n\r\t\v\f?!#"),
        fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
      ),
      maxLength: 40,
    });
    fc.assert(
      fc.property(ascii, (text) => {
        expect(asciiPieces(text)!.flatMap(wordsOf)).toEqual(wordsOf(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("as a pasted bounce line", () => {
    const line = "550 5.1.1 <taro@example.com>: recipient address rejected: user unknown\nin table";
    expect(asciiPieces(line)).toEqual([
      "550",
      "5.1.1",
      "<taro@example.com>:",
      "recipient",
      "address",
      "rejected:",
      "user",
      "unknown",
      "in",
      "table",
    ]);
    expect(asciiPieces(line)!.flatMap(wordsOf)).toEqual(wordsOf(line));
  });

  it("is not cut when it has any other character: Japanese is segmented whole", () => {
    expect(asciiPieces("user unknownって出た")).toBeUndefined();
    expect(asciiPieces("ｕｓｅｒ unknown")).toBeUndefined();
  });
});

describe("words and pieces remembered", () => {
  const texts = [
    "Host or domain name not found. Name service error for name=exmaple.com type=MX",
    "容量オーバーって何？ 15MBでもだめ？",
    "ありがとおおお👍",
  ];
  const knowing = (words: string[]) => {
    const table = readingTable(fixtureQuestions.readings);
    table.known = new Set(words);
    return table;
  };

  it("give the same features the second time, and after the memory starts afresh", () => {
    const table = knowing([
      ...["host", "or", "domain", "name", "not", "found", "service", "error", "for", "type", "mx"],
      ...Array.from({ length: 12_000 }, (_, i) => `word${i}`),
    ]);
    const first = texts.map((t) => [...featuresOf(t, table)]);
    expect(table.pieces.get("found.")).toEqual(["w:found"]);
    expect(texts.map((t) => [...featuresOf(t, table)])).toEqual(first);
    // More known words and pieces than are kept: the memory is cleared on the way.
    for (let i = 0; i < 12_000; i++) featuresOf(`word${i} ${i}x`, table);
    expect(texts.map((t) => [...featuresOf(t, table)])).toEqual(first);
    expect(table.words.size).toBeLessThanOrEqual(5_000);
    expect(table.pieces.size).toBeLessThanOrEqual(5_000);
    // The same features as with a table that remembers nothing.
    const plain = readingTable(fixtureQuestions.readings);
    expect(texts.map((t) => [...featuresOf(t, plain)])).toEqual(first);
  });

  it("keep only the words of the examples: names and addresses typed are not kept", () => {
    const table = knowing(["user", "unknown", "taro"]);
    featuresOf("550 <jiro@example.com>: user unknown jiro", table);
    featuresOf("田中です。ユーザーアンノウン", table);
    const kept = [...table.words.keys(), ...table.pieces.keys()];
    expect(kept).toContain("unknown");
    expect(kept.filter((k) => /jiro|example|田中/.test(k))).toEqual([]);
  });
});

describe("the words the scope check reads (dialogs/understand/scope.ts), found once", () => {
  it("are the words the question index found in a text it segmented whole", () => {
    const index = buildQuestionIndex(fixtureQuestions);
    for (const text of ["月額料金はいくら？", "ｕｓｅｒ unknownって出た👍", "テレビの映りが悪い。", "！！"]) {
      const segmented: string[] = [];
      index.understand(text, null, segmented);
      expect(segmented).toEqual(wordsOf(text.normalize("NFKC").toLowerCase()));
    }
  });
});

describe("English fillers", () => {
  it("leave a question's reading as it is without them, and a vague 'or something' tail too", () => {
    const index = buildQuestionIndex(fixtureQuestions);
    const read = (t: string) => JSON.stringify(index.understand(t, null));
    expect(read("what is a returned mail exactly")).toEqual(read("what is a returned mail"));
    expect(read("it worked last week tho")).toEqual(read("it worked last week"));
    expect(read("did i get the address wrong or something?")).toEqual(read("did i get the address wrong ?"));
    expect(read("Actually, what is a domain? lol")).toEqual(read(", what is a domain?"));
  });

  it("are whole words only, and 'or' with something after it is an alternative kept", () => {
    const index = buildQuestionIndex(fixtureQuestions);
    const read = (t: string) => JSON.stringify(index.understand(t, null));
    expect(read("justin sent it")).not.toEqual(read("in sent it"));
    expect(read("is it mine or something else")).not.toEqual(read("is it mine else"));
  });
});

describe("a question announced in Japanese (「…ので聞きますが、」「…質問ですが、」)", () => {
  it("is read as what follows the announcement, the day or errand told before it left out", () => {
    const index = buildQuestionIndex(fixtureQuestions);
    const read = (t: string) => JSON.stringify(index.understand(t, null));
    expect(read("宿直で暇なので聞きますが、ドメインって何？")).toEqual(read(" ドメインって何？"));
    expect(read("棚卸しが終わりました。事務的な質問ですけど、何MBまで送れますか")).toEqual(
      read(" 何MBまで送れますか"),
    );
    expect(read("弟に頼まれて聞きます。スクショでもいいの")).toEqual(read(" スクショでもいいの"));
  });

  it("keeps the whole when nothing is asked after it", () => {
    const index = buildQuestionIndex(fixtureQuestions);
    const read = (t: string) => JSON.stringify(index.understand(t, null));
    expect(read("また困ったら聞きます、ではまた")).not.toEqual(read(" ではまた"));
    expect(read("質問です。はい")).not.toEqual(read(" はい"));
  });
});

describe("the question index asked again and again", () => {
  it("answers a question the same whatever it was asked before", () => {
    const index = buildQuestionIndex(fixtureQuestions);
    const texts = ["ドメインって何？", "I get spam 👍", "ありがとう。何MBまで？", "", "zzzz qqqq"];
    const alone = texts.map((t) => JSON.stringify(buildQuestionIndex(fixtureQuestions).understand(t, null)));
    for (let round = 0; round < 3; round++)
      expect(texts.map((t) => JSON.stringify(index.understand(t, null)))).toEqual(alone);
  });
});

describe("texts read at start-up, segmented all together", () => {
  // What the question index and its scope read at start-up, and texts shaped to trip the joining up.
  const data = [
    ...[...fixtureQuestions.questions.values()].flatMap((q) => [
      ...q.examples,
      ...stringsIn([q.label, q.answer, q.topics]),
    ]),
    ...stringsIn([fixtureKnowledge.topics, fixtureKnowledge.symptoms, fixtureKnowledge.carriers]),
  ].map((t) => t.normalize("NFKC").toLowerCase());
  const edges = [
    "",
    "\n",
    "行末に改行\n",
    "\r",
    "容量",
    "オーバー",
    "abc",
    "",
    "de\r\nf",
    "👍",
    "\u200d",
    "🇯",
    "🇵",
    "x",
  ];

  it("have each the words they have alone", () => {
    expect(data.length).toBeGreaterThan(1_000);
    for (const texts of [data, edges, [...edges].reverse(), ["ひとつだけ"], []])
      expect(wordSegmentsOfAll(texts)).toEqual(texts.map(wordsOf));
  });

  it("give each text the features it has alone", () => {
    const examples = [...fixtureQuestions.questions.values()].flatMap((q) => q.examples);
    const table = readingTable(fixtureQuestions.readings);
    expect(featuresOfAll(examples, table).map((f) => [...f])).toEqual(
      examples.map((e) => [...featuresOf(e, table)]),
    );
  });
});

describe("a text being read, segmented run by run (its runs remembered while it is read)", () => {
  // Every text of the data and of the tuning set, and the pieces readers cut from them.
  const dev = (
    parse(readFileSync(join(import.meta.dirname, "dialog-eval", "dev.yaml"), "utf8")) as { text: string }[]
  ).map((i) => i.text);
  const data = [
    ...[...fixtureQuestions.questions.values()].flatMap((q) => [
      ...q.examples,
      ...stringsIn([q.label, q.answer, q.topics]),
    ]),
    ...stringsIn([fixtureKnowledge.topics, fixtureKnowledge.symptoms, fixtureKnowledge.carriers]),
    ...dev,
    ...dev.flatMap((t) => t.split(/(?<=[。、？！?!])/)),
  ].map((t) => t.normalize("NFKC").toLowerCase());
  /** The runs endsRun cuts a text into. */
  const runsOf = (text: string) => {
    const runs: string[] = [];
    let from = 0;
    for (let i = 0; i < text.length; i++)
      if (endsRun(text, i)) {
        runs.push(text.slice(from, i + 1));
        from = i + 1;
      }
    return [...runs, text.slice(from)];
  };

  it("has the words of the whole text, run by run", () => {
    expect(dev.length).toBeGreaterThan(5_000);
    for (const text of data) expect(runsOf(text).flatMap(wordsOf), text).toEqual(wordsOf(text));
  });

  it("has them for any mix of kana, kanji, Latin letters, marks, spaces, emoji and joining characters", () => {
    const unit = fc.constantFrom(
      ..."あいうかがきアイウカガキーヴ送信容量メ一二三abcXY19。、?!\n .,:;'_-・…「」",
      "\u3099",
      "\u0301",
      "\u200d",
      "\u200b",
      "\ufe0f",
      "👍",
      "🏻",
      "🇯",
      "🇵",
      "\r",
      "\t",
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (units) => {
        const text = units.join("");
        expect(runsOf(text).flatMap(wordsOf)).toEqual(wordsOf(text));
        expect(segmentsRead(text)).toEqual(segmentsWhole(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("has every segment of the whole text too, words and what lies between (scope.ts reads both)", () => {
    for (const text of data) expect(segmentsRead(text), text).toEqual(segmentsWhole(text));
    expect(segmentsOf("インスタに 写真")).toEqual(segmentsWhole("インスタに 写真"));
  });

  it("gives every text the features it has outside a reading, whatever was read before it", () => {
    const table = readingTable(fixtureQuestions.readings);
    const texts = [...dev.slice(0, 1_500), "", "？？", "ありがと👍🏻 はい。はい。", "a\u200db。c"];
    const alone = texts.map((t) => [...featuresOf(t, table)]);
    const done = readingOnce();
    try {
      for (let round = 0; round < 2; round++)
        expect(texts.map((t) => [...featuresOf(t, table)])).toEqual(alone);
    } finally {
      done();
    }
  });
});

describe("katakana folded to hiragana (kana.ts, shared by every reader)", () => {
  it("turns ァ…ヶ into the hiragana of the same sound, one unit for one, and leaves the rest", () => {
    expect(hiraganaOf("メール・ウィルス、ヴァヵヶ")).toBe("めーる・うぃるす、ゔぁゕゖ");
    // ヷ (U+30F7) has no hiragana; ー, ・, kanji, Latin and emoji stay as they are.
    expect(hiraganaOf("ヷー容量OK👍")).toBe("ヷー容量OK👍");
    expect(hiraganaOf("ようりょう")).toBe("ようりょう");
  });

  it("folds small kana to large by the set each reader names: っ kept by sound, ゕ ゖ (ヵ ヶ) only in the canonical spelling, as か", () => {
    const folded = (small: ReadonlySet<number>) =>
      [..."ゃっゕa"].map((ch) => String.fromCharCode(largeKanaCode(ch.charCodeAt(0), small))).join("");
    expect(folded(SMALL_KANA)).toBe("やつゕa");
    expect(folded(SMALL_KANA_BUT_TSU)).toBe("やっゕa");
    expect(folded(SMALL_KANA_WITH_KA_KE)).toBe("やつかa");
    expect(String.fromCharCode(largeKanaCode("ゖ".charCodeAt(0), SMALL_KANA_WITH_KA_KE))).toBe("か");
  });
});

/**
 * The canonical spelling as it was first written, character by character into a string: canonical()
 * works on UTF-16 units into an array (no string per character) and must spell every text the same.
 */
function canonicalPlainly(text: string, table: ReturnType<typeof readingTable>): string {
  let folded = text.normalize("NFKC").toLowerCase();
  let read = "";
  for (let i = 0; i < folded.length; ) {
    const hit = table.byFirst.get(folded[i]!)?.find(([word]) => folded.startsWith(word, i));
    read += hit ? hit[1] : folded[i];
    i += hit ? hit[0].length : 1;
  }
  folded = read;
  let out = "";
  let space = true;
  for (const ch of folded) {
    let code = ch.codePointAt(0)!;
    if ("〜~～".includes(ch)) continue;
    if (ch === "ー") {
      const vowel = vowelOf(out[out.length - 1] ?? "");
      if (vowel) out += LONG_VOWEL[vowel];
      continue;
    }
    if (code >= 0x30a1 && code <= 0x30f6) code -= 0x60;
    let c = String.fromCodePoint(code);
    if ("ゕゖ".includes(c)) c = "か";
    else if ("ぁぃぅぇぉっゃゅょゎ".includes(c)) c = String.fromCodePoint(code + 1);
    const ascii = code < 0x80 && !((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a));
    if (ascii || (code >= 0x80 && ((code >= 0x3000 && code <= 0x303f) || /[\s\p{P}\p{S}]/u.test(c)))) {
      if (!space) out += " ";
      space = true;
      continue;
    }
    if (out.length >= 2 && out[out.length - 1] === c && out[out.length - 2] === c) continue;
    out += c;
    space = false;
  }
  const trimmed = space && out.length > 0 ? out.slice(0, -1) : out;
  let spelt = trimmed;
  for (const [kana, unit] of [
    ["えむびい", "mb"],
    ["めがばいと", "mb"],
    ["ぎがばいと", "gb"],
    ["じいびい", "gb"],
    ["きろばいと", "kb"],
  ] as const)
    spelt = spelt.split(kana).join(unit);
  // Free mail services as one.
  for (const name of ["yahoo", "hotmail", "icloud", "やふう", "じいめえる", "ほっとめえる"])
    spelt = spelt.split(name).join("gmail");
  return spelt;
}

describe("the canonical spelling", () => {
  const table = readingTable(fixtureQuestions.readings);

  it("spells the counter ヶ ヵ as the か people also type (3ヶ月, 3ヵ月, 3カ月, 3か月 are one word)", () => {
    const spelt = ["3ヶ月", "3ヵ月", "3カ月", "3か月"].map((t) => canonical(t, table));
    expect(new Set(spelt).size).toBe(1);
    expect(spelt[0]).toContain("か");
  });

  it("is what spelling character by character gives, for every example and any mix of scripts", () => {
    const examples = [...fixtureQuestions.questions.values()].flatMap((q) => q.examples);
    for (const e of examples) expect(canonical(e, table)).toBe(canonicalPlainly(e, table));
    const unit = fc.oneof(
      fc.constantFrom(
        ..."アァイィウゥエェオォカッャュョヮヵヶーｰ~〜～ 　、。！？!?.,:_-容量携帯送信エラーメールMBｍｂ0123あいうえおかきくけこんっ",
      ),
      fc.constantFrom("😀", "👍🏻", "🇯🇵", "\ud83d", "\ude00", "𠮷", "\u200d", "\n", "\t", "ｱﾞ", "ｶﾞ"),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        expect(canonical(text, table)).toBe(canonicalPlainly(text, table));
      }),
      { numRuns: 5000 },
    );
  });
});
