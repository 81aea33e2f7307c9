import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadKnowledge, matchSymptom } from "../knowledge/knowledge.ts";
import { compilePhrase, foldSymptomText, occursIn, PhraseLists } from "../knowledge/symptom-text.ts";

const knowledge = loadKnowledge();

describe("matchSymptom: what users type instead of pasting", () => {
  it.each([
    // backscatter: the user's own words decide
    ["送った覚えがないのに大量に届く", "backscatter"],
    ["身に覚えのないエラーメールが来ます", "backscatter"],
    ["エラーメールが大量に戻ってくるんですが…", "backscatter"],
    ["知らないエラーメールが毎日来て困っています", "backscatter"],
    ["送っていないのに英語のメールが何十通も", "backscatter"],
    ["I never sent these but I get hundreds of bounces", "backscatter"],
    ["I didn’t send anything!", "backscatter"],
    // the seven topics of the ISP page
    ["宛先不明で返ってきました", "user-unknown"],
    ["あて先不明って出ます", "user-unknown"],
    ["容量オーバーと書いてあります", "mailbox-full"],
    ["The recipient's mailbox is full", "mailbox-full"],
    ["添付が大きすぎたみたいです", "message-too-big"],
    ["添付ファイルが大きくて送れません", "message-too-big"],
    ["my attachment is too big", "message-too-big"],
    ["まだ送信中というメールが来た", "delayed"],
    ["何日も届かないまま戻ってきた", "expired"],
    ["domain doesn't exist", "host-unknown"],
    // beyond the ISP page
    ["ウイルスが見つかったと言われました", "virus-detected"],
    ["不在通知が届いただけかも", "not-a-bounce"],
    ["迷惑メール扱いされたみたいです", "spam-blocked"],
  ] as const)("「%s」 → %s", (text, topic) => {
    expect(matchSymptom(knowledge, text)).toBe(topic);
  });

  it.each([
    ["full-width letters and digits", "２０ＭＢを超えたみたい", "message-too-big"],
    ["a space between number and unit", "it was over 20 MB", "message-too-big"],
    ["half-width katakana", "ｴﾗｰﾒｰﾙが大量に届きました", "backscatter"],
    ["hiragana for katakana", "えらーめーるがたくさん来る", "backscatter"],
    ["small kana written large and vice versa", "ウィルスが検出されました", "virus-detected"],
    ["spaces and commas inside the phrase", "送った 覚えが、ない メールです", "backscatter"],
    ["an ideographic space", "宛先　不明", "user-unknown"],
    ["upper case and extra spaces", "MY  MAILBOX IS   FULL", "mailbox-full"],
    ["a polite ending instead of the plain form", "送った覚えがありませんが大量に届きます", "backscatter"],
  ] as const)("tolerates %s: 「%s」 → %s", (_, text, topic) => {
    expect(matchSymptom(knowledge, text)).toBe(topic);
  });

  it("lets the words about mail the user never sent win over any other symptom in the same message", () => {
    expect(matchSymptom(knowledge, "身に覚えのない宛先不明のメールが大量に届く")).toBe("backscatter");
    expect(matchSymptom(knowledge, "I never sent anything and my mailbox is full of bounces")).toBe(
      "backscatter",
    );
  });

  it("finds the user's words next to a pasted bounce", () => {
    const paste = [
      "送った覚えがないのに、こんなメールがたくさん届きます",
      "",
      "Subject: Undelivered Mail Returned to Sender",
      "<hanako@example.jp>: host mx.example.jp[192.0.2.7] said: 550 5.1.1",
      "    <hanako@example.jp>: Recipient address rejected: User unknown in local recipient table",
    ].join("\n");
    expect(matchSymptom(knowledge, paste)).toBe("backscatter");
  });
});

describe("matchSymptom does not guess", () => {
  it.each([
    // vague words: the assistant offers the symptom menu instead
    ["メールが届かない"],
    ["エラーメールが返ってくる"],
    ["英語のメールが届いた"],
    ["リターンメールって何ですか"],
    ["送った覚えがあるメールが戻ってきた"],
    ["I sent it yesterday"],
    // English phrases start at a word start
    ["the turnover quota for this month"],
    ["hi"],
    [""],
  ])("「%s」 → nothing", (text) => {
    expect(matchSymptom(knowledge, text)).toBeUndefined();
  });

  it("leaves an ordinary pasted bounce to the classifier, even with a question around it", () => {
    const bounces = [
      [
        "これは何のメールですか？",
        "This is the mail system at host mail.example.jp.",
        "<taro@example.jp>: host mx.example.jp[192.0.2.1] said: 550 5.1.1 <taro@example.jp>... User unknown",
      ],
      [
        "----- Transcript of session follows -----",
        "550 5.1.2 <taro@gocomo.ne.jp>... Host unknown (Name server: gocomo.ne.jp: host not found)",
      ],
      [
        "Reporting-MTA: dns; mgate1.so-net.ne.jp",
        "Action: failed",
        "Status: 5.2.2",
        "Diagnostic-Code: smtp; 552 Too much mail data",
      ],
      [
        "Warning: could not send message for past 4 hours",
        "THIS IS A WARNING MESSAGE ONLY.",
        "YOU DO NOT NEED TO RESEND YOUR MESSAGE.",
      ],
      ["このメールは、受信者全員または一部に届きませんでした。", "配信不能: 会議の件"],
    ];
    for (const lines of bounces) {
      const result = matchSymptom(knowledge, lines.join("\n"));
      // Some of these lines name their own topic (e.g. "Too much mail data" is a full mailbox), but none may
      // be taken for the words of a user describing a symptom.
      expect(result, lines.join(" / ")).toBeUndefined();
    }
  });

  it("never matches a topic's example bounce line to a different topic", () => {
    for (const topic of knowledge.topics.values())
      for (const line of topic.examples) {
        const found = matchSymptom(knowledge, line);
        if (found !== undefined) expect(found, line).toBe(topic.id);
      }
  });

  it("copes with a 1 MB paste", () => {
    const big = `${"Diagnostic-Code: smtp; 550 5.1.1 User unknown\n".repeat(20_000)}送った覚えがない`;
    expect(big.length).toBeGreaterThan(900_000);
    expect(matchSymptom(knowledge, big)).toBe("backscatter");
  });
});

describe("foldSymptomText", () => {
  it.each([
    ["ＡＢＣ　ｄｅｆ", "abc def"],
    ["ｴﾗｰﾒｰﾙ", "えらーめーる"],
    ["ウィルス", "ういるす"],
    ["20 MB", "20mb"],
    ["don't  send", "dont send"],
    ["送った 覚えが、ない。", "送つた覚えがない"],
  ])("%s → %s", (text, folded) => {
    expect(foldSymptomText(text)).toBe(folded);
  });
});

describe("phrase lists searched in one pass", () => {
  // Few letters, so that phrases overlap and repeat, and Latin ones are found inside words (where they
  // must start one) as well as at word starts; ending kana that compilePhrase drops.
  const letters = fc.constantFrom("a", "b", "1", " ", "-", "め", "る", "く", "ー");
  const phrase = fc.string({ unit: letters, minLength: 1, maxLength: 5 });
  const lists = fc.array(fc.array(phrase, { maxLength: 4 }), { maxLength: 5 });
  const text = fc.string({ unit: letters, maxLength: 40 });

  it("answers the first list with a phrase that occurs, as a search per phrase does", () => {
    fc.assert(
      fc.property(lists, text, fc.nat(6), (written, t, before) => {
        const compiled = written.map((list) => list.map(compilePhrase));
        const search = new PhraseLists(compiled);
        const folded = foldSymptomText(t);
        const first = compiled.findIndex((list) => list.some((p) => occursIn(folded, p)));
        expect(search.firstIn(folded)).toBe(first === -1 ? compiled.length : first);
        expect(search.firstIn(folded, before)).toBe(first === -1 ? before : Math.min(first, before));
      }),
      { numRuns: 2_000 },
    );
  });

  it("answers the same with the spans of a reading: no phrase starts or ends inside one", () => {
    // Readings as cut points in the folded text: consecutive cuts bound a word read.
    const cuts = fc.array(fc.nat(40), { maxLength: 6 });
    fc.assert(
      fc.property(lists, text, cuts, (written, t, at) => {
        const compiled = written.map((list) => list.map(compilePhrase));
        const folded = foldSymptomText(t);
        const spans = new Int32Array(folded.length + 1);
        const edges = [...new Set(at.map((a) => a % (folded.length + 1)))].sort((a, b) => a - b);
        for (let i = 0; i + 1 < edges.length; i += 2) spans.fill(edges[i + 1]!, edges[i]! + 1, edges[i + 1]!);
        const first = compiled.findIndex((list) => list.some((p) => occursIn(folded, p, spans)));
        expect(new PhraseLists(compiled).firstIn(folded, undefined, spans)).toBe(
          first === -1 ? compiled.length : first,
        );
      }),
      { numRuns: 2_000 },
    );
  });

  it("finds a phrase on the edges of a reading, not inside it, further on if need be", () => {
    const search = new PhraseLists([[compilePhrase("どうせ")]]);
    // どうせってい: 設定 (せってい) read at 2-6; どうせ ends inside it.
    const spans = Int32Array.from([0, 0, 0, 6, 6, 6, 0]);
    expect(search.firstIn("どうせってい", undefined, spans)).toBe(1);
    expect(occursIn("どうせってい", compilePhrase("どうせ"), spans)).toBe(false);
    // The same phrase once more after it, on its own: found there.
    const twice = Int32Array.from([0, 0, 0, 6, 6, 6, 0, 0, 0, 0]);
    expect(search.firstIn("どうせっていどうせ", undefined, twice)).toBe(0);
    expect(occursIn("どうせっていどうせ", compilePhrase("どうせ"), twice)).toBe(true);
  });

  it("finds an English phrase at a word start after the same letters inside a word", () => {
    const search = new PhraseLists([[compilePhrase("full")], [compilePhrase("box")]]);
    expect(search.firstIn(foldSymptomText("the mailbox is full"))).toBe(0);
    expect(search.firstIn(foldSymptomText("beautiful mailbox"))).toBe(2);
    expect(search.firstIn(foldSymptomText("beautiful, full"))).toBe(0);
  });
});
