import { mentionsAny } from "../../text.ts";
import { sentenceAsks, sentencesOf } from "../asking.ts";
import { MAX_SHAPE_CHARS, PAUSES } from "./letters.ts";

/**
 * 「お腹ぺこぺこで頭回らないけど、ここって24時間やってる？」「歩き疲れてヘトヘトですが、夜でも使えますか」
 * 「ワクワクしながら聞きますが、無料ですか」: an opening clause that tells the writer's own state (hunger, sleep, a
 * tiredness with its cause, the body, excitement at asking), set aside by a contrast (「けど」「が、」), before a plain
 * question: small talk on the way to the question, nothing about the mail to comfort (the question is then read
 * alone, its own words of feeling still count). Not when the clause names the mail (「クタクタなのにまた戻って
 * きた」), distress (「もう」「困」「のに」) or tells a tiredness without its cause (「へとへとです…」: the mail may
 * have worn them out), nor without a question after it. A hand scan of the text (NFKC): linear.
 */
export function afterOwnStateAside(t: string): string | undefined {
  if (t.length > MAX_SHAPE_CHARS || !(mentionsAny(t, OWN_STATES) || mentionsAny(t, DAY_STATES)))
    return undefined;
  for (let at = 0; at < t.length; at++) {
    // 「手術の助手を終えてクタクタです。このチャットは無料ですか」: a full stop closes the aside as a contrast does.
    const contrast =
      CONTRASTS.find((c) => t.startsWith(c, at)) ?? (FULL_STOPS.has(t[at]!) ? t[at] : undefined);
    if (contrast === undefined) continue;
    let end = at + contrast.length;
    // 「お腹が空いて」「…ですが気分は」: a が that is a particle or joins two clauses is no contrast; 「が、」 is.
    if (contrast === "が" && !PAUSES.has(t[end] ?? "")) continue;
    // 「夜勤明けの介護職です。頭が回らないけど、…」: the aside goes on into a sentence set aside by its own contrast.
    if (FULL_STOPS.has(contrast) && goesOnAside(t, end)) continue;
    // The first contrast closes the aside: what follows it is read as it is.
    const aside = t.slice(0, end);
    if (!(mentionsAny(aside, OWN_STATES) || dayWithCause(aside)) || mentionsAny(aside, NOT_ASIDE))
      return undefined;
    while (end < t.length && PAUSES.has(t[end]!)) end++;
    const rest = t.slice(end);
    return sentencesOf(rest).some(sentenceAsks) ? rest : undefined;
  }
  return undefined;
}
/** The contrasts that close an aside, the longer forms first (「けれど」 before 「けど」). */
const CONTRASTS = ["けれど", "けど", "が"];
/** Full stops that close an aside told as a sentence of its own (NFKC: 「！」 is "!"). */
const FULL_STOPS: ReadonlySet<string> = new Set([..."。!"]);
/** Whether the sentence from `from` holds a contrast (「けど」「が、」) before its own full stop. */
function goesOnAside(t: string, from: number): boolean {
  let to = from;
  while (to < t.length && !FULL_STOPS.has(t[to]!)) to++;
  const next = t.slice(from, to);
  return next.includes("けど") || next.includes("が、");
}

/**
 * 「手術の助手を終えてクタクタです」「日本語の授業が続いてヘトヘト」「仕込みで汗だく」: a tiredness with its cause joined
 * before it (a clause closing in 「て」 or 「で」 right before the word); alone (「へとへとです…」) the mail may have
 * worn them out. Round 36: so is a busy day with what keeps them busy (「在庫整理で大忙し。」「授業の合間なので
 * 手短に。」「締め切りで頭がいっぱいですが、」: calm in the sets of four writers), not with time running out
 * (「急いでるんで手短に」「時間ないんで手短に」) nor busy said of being busy (「忙しいので手短に」).
 */
function dayWithCause(aside: string): boolean {
  for (const word of DAY_STATES)
    for (let at = aside.indexOf(word); at >= 0; at = aside.indexOf(word, at + 1)) {
      if (at < MIN_CAUSE_CHARS || !CAUSE_JOINS.has(aside[at - 1]!)) continue;
      if (!BUSY.includes(word)) return true;
      const cause = aside.slice(0, at);
      if (!mentionsAny(aside, PRESSED) && !mentionsAny(cause, BUSY)) return true;
    }
  return false;
}
const TIRED = ["クタクタ", "くたくた", "ヘトヘト", "へとへと", "汗だく", "ヘロヘロ", "へろへろ", "ぐったり"];
const BUSY = ["大忙し", "忙し", "バタバタ", "ばたばた", "手短に", "てみじかに", "頭がいっぱい", "頭いっぱい"];
const DAY_STATES = [...TIRED, ...BUSY];
/** Time running out, beside a busy day: a hurry, not an aside. */
const PRESSED = ["急", "時間", "じかん", "いそ", "至急", "今すぐ", "早く"];
/** Letters of a cause before the tiredness (「終えて」 with what was finished). */
const MIN_CAUSE_CHARS = 3;
const CAUSE_JOINS: ReadonlySet<string> = new Set([..."てで"]);
/**
 * The writer's own state, told of the body or the day rather than of the mail. Tiredness only with its cause
 * (「歩き疲れ」「稽古終わり」); excitement or nerves only at asking (「ドキドキしながら聞きます」): alone they may be
 * about the mail (「ドキドキする…このメール開いても平気？」).
 */
const OWN_STATES = [
  "お腹すい",
  "お腹空",
  "おなかすい",
  "お腹が空",
  "お腹がすい",
  "お腹ぺこぺこ",
  "腹ぺこ",
  "はらぺこ",
  "ハラペコ",
  "腹減",
  "腹へ",
  "眠くて",
  "眠い",
  "ねむくて",
  "ねむい",
  "眠たい",
  // Round 34 (acts34): sleepless, told as why the chat is open at night (「寝られなくて夜中に開いてます。」).
  "寝られなくて",
  "眠れなくて",
  "ねられなくて",
  "ねむれなくて",
  "寝不足",
  "寝起き",
  "二日酔い",
  "歩き疲れ",
  "歩きすぎ",
  "稽古",
  "練習終わり",
  "仕事終わり",
  // Round 32 (emo22): after a night shift (「夜勤明けで頭が回らないけど、…」), as 「仕事終わり」.
  "夜勤明け",
  "夜勤終わり",
  "夜勤後",
  "仕事帰り",
  "夜勤あけ",
  "筋肉痛",
  "腰が痛",
  "ながら聞き",
  "ながら質問",
  "ながら使",
  // Round 33 (acts33): nerves or excitement at using this chat for the first time (「ドキドキの初チャットです。…」).
  "初チャット",
  "初めてのチャット",
  "はじめてのチャット",
  "チャットは初めて",
  "チャットは初",
  "チャット初めて",
  // Round 34 (acts34): a good mood told of the day (「野菜が完売して気分がいい！」「一台売れてご機嫌」).
  "気分がいい",
  "気分いい",
  "ご機嫌",
  "ごきげん",
  "上機嫌",
  "ルンルン",
  "るんるん",
];
/** Words that make the clause more than an aside: the mail itself, distress, a reproach. */
const NOT_ASIDE = [
  "メール",
  "めーる",
  "mail",
  "送",
  "届",
  "戻",
  "返って",
  "エラー",
  "アドレス",
  "相手",
  "先方",
  "もう",
  "困",
  "不安",
  "心配",
  "のに",
  "待っ",
];
