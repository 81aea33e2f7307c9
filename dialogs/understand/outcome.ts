import { hasQuestionMark } from "../marks.ts";
import { afterLastMark, folded, includesAny, occursNotBefore, trimEndOf } from "../text.ts";

/**
 * 「アドレスを打ち直せば今度は届く？」「リンクを消したら受け取ってもらえますか」 "if I fix it, will it go
 * through?": a question about what comes of something done (a condition, then whether the mail arrives or
 * can be sent). With a diagnosis on screen, such a question asks whether to send again after fixing
 * (resend) or whether waiting is enough (wait), whatever the condition names: the address, a setting, a
 * link, a file. Its words are those of the condition, which other questions share (「アドレス」 of "is the
 * address wrong", 「設定」 of "the settings"); the frame is what it asks. Plain scans (includes), no pattern:
 * linear in the text.
 */

/** Ends of a condition: 「直したら」「直せば」「変えれば」「直したなら」; "if", "once". */
const CONDITIONS_JA = ["たら", "だら", "れば", "えば", "けば", "せば", "てば", "めば", "ねば", "べば"];
const CONDITIONS_EN = ["if ", "once ", "after "];

/** What comes of it: the mail arrives, goes through, is accepted, can be sent. */
const OUTCOMES_JA = [
  "届",
  "とど",
  "通る",
  "通り",
  "通れ",
  "とおる",
  "着く",
  "つく？",
  "送れる",
  "送れま",
  "おくれる",
  "受け取って",
  "受け取れ",
  "受け取ってもら",
  "うけとって",
  "いける",
  "いけそう",
  "いけま",
  "行ける",
  "うまくいく",
  "直る",
  "なおる",
  "解決",
];
/**
 * Said of sending, what comes of it is also whether it is all right or allowed (「半角で打ち直して送れば大丈夫？」
 * 「直したらもう一回送っていいの？」); said of anything else (「パスワードを変えれば大丈夫？」), it is safety.
 */
const OUTCOMES_OF_SENDING_JA = [
  ...OUTCOMES_JA,
  "大丈夫",
  "だいじょうぶ",
  "平気",
  "ていい",
  "てもいい",
  "でいい",
];
const OUTCOMES_EN = [
  "arrive",
  "go through",
  "get through",
  "be delivered",
  "get delivered",
  "get it",
  "work",
  "be accepted",
  "be able to send",
];

/**
 * Words that make the condition a question of its own (「どうしたら届く？」 asks what to do, 「いつになったら
 * 届く？」 when): not an outcome of something named.
 */
const ASKING_IN_CONDITION = ["どう", "何", "なに", "なん", "いつ", "how", "what", "when"];

/** Words that say the condition is only time passing or waiting (「しばらくしたら」「待てば」). */
const WAITING = [
  "待",
  "まて",
  "まって",
  "しばらく",
  "時間",
  "明日",
  "あした",
  "経",
  "たって",
  "そのうち",
  "復旧",
  "wait",
  "later",
  "tomorrow",
];

/** Words of sending (again). */
const SENDING = ["送", "おく", "再送", "send", "resend", "mail it"];

export type Outcome = "after-fixing" | "after-waiting";

/**
 * Whether a text asks what comes of a condition it names, and of which kind: something done
 * (`after-fixing`: 「ファイルをPDFにしたら通る？」) or only time passing (`after-waiting`: 「しばらく待てば
 * 届く？」). Undefined when it is no such question (no condition, no outcome after it, or the condition asks
 * how or when itself).
 */
export function asksOutcome(text: string): Outcome | undefined {
  // Sentence by sentence, the last first: 「アドレス直したら届きました！感謝です」 tells, 「ありがとう。直したら
  // 届く？」 asks.
  const sentences: string[] = [];
  let piece = "";
  for (const ch of folded(text, MAX_TEXT_CHARS)) {
    piece += ch;
    if (SENTENCE_ENDS.includes(ch)) {
      sentences.push(piece);
      piece = "";
    }
  }
  if (piece) sentences.push(piece);
  for (let i = sentences.length - 1; i >= 0; i--) {
    const outcome = sentenceAsksOutcome(sentences[i]!);
    if (outcome) return outcome;
  }
  return undefined;
}

const SENTENCE_ENDS = "。!?\n";
/** Only a typed question's start is read (understand.ts reads no more). */
const MAX_TEXT_CHARS = 300;

function sentenceAsksOutcome(t: string): Outcome | undefined {
  // Told as done (「設定を直したら送れました！」): a report, not a question.
  const body = trimEndOf(t, END_MARKS);
  if (DONE_ENDS.some((e) => body.endsWith(e))) return undefined;
  // The condition ends at the last condition mark that has an outcome word after it.
  const outcomes = includesAny(t, SENDING) ? OUTCOMES_OF_SENDING_JA : OUTCOMES_JA;
  let at = -1;
  let end = -1;
  for (const c of CONDITIONS_JA) {
    const i = t.lastIndexOf(c);
    if (i > at && outcomes.some((o) => t.indexOf(o, i + c.length) >= 0)) {
      at = i;
      end = i + c.length;
    }
  }
  if (at < 0) {
    const words = ` ${t}`;
    for (const c of CONDITIONS_EN) {
      const i = words.indexOf(` ${c}`);
      if (i < 0) continue;
      const rest = words.slice(i + c.length + 1);
      if (includesAny(rest, OUTCOMES_EN) && (hasQuestionMark(t) || t.includes("will"))) {
        at = i;
        end = i + c.length + 1;
        break;
      }
    }
    if (at < 0) return undefined;
  }
  // Asked of the outcome: its word ends the text, or nearly (「届く？」「受け取ってもらえますか」「送れるかな」).
  const last = Math.max(
    ...outcomes.map((o) => body.lastIndexOf(o)),
    ...OUTCOMES_EN.map((o) => body.lastIndexOf(o)),
  );
  if (last < end || body.length - last > MAX_AFTER_OUTCOME) return undefined;
  const condition = t.slice(0, end);
  if (includesAny(condition, ASKING_IN_CONDITION)) return undefined;
  // 「PDFを1通に1つずつ分けて送ったら通る？」 "if I send each file in its own email, will it go through?": a way of
  // sending a big file named as the condition asks whether that way works (large-files), not whether to send again.
  if (includesAny(t.slice(0, last), SPLIT_WAYS)) return undefined;
  // 「時間をおいてもう一回送れば」: sending again is something done, after a while or not.
  const waiting = includesAny(condition, WAITING) && !includesAny(condition, SENDING);
  return waiting ? "after-waiting" : "after-fixing";
}

/**
 * Sending a big mail in parts: 「分けて」「分割」「ずつ」, "split", "each … in its own". (Packing it, 「zipにまとめたら」,
 * is no such way of its own: after "virus found" it asks whether to send it again.)
 */
const SPLIT_WAYS = [
  "分け",
  "わけて",
  "分割",
  "ずつ",
  "づつ",
  "split",
  "separate",
  "its own",
  "one at a time",
  "one by one",
];

/** Letters after the outcome's word at most (「受け取ってもらえますか」: 6 after 「受け取って」). */
const MAX_AFTER_OUTCOME = 12;

/** Ends of a sentence that tells what happened (「送れました」「届いた」 "it worked"). */
const DONE_ENDS = ["た", "たよ", "たわ", "ました", "ましたよ", "worked", "went through", "arrived"];
const END_MARKS = new Set([..." \n\t。.!！、,〜~…♪ー"]);

/**
 * Words that ask for sending once more (「もう一回」「再送」「また」 "again"): with them a sending told in the past
 * (「さっき送ったけど、また送っていい？」) is the story of what is asked.
 */
const AGAIN = [
  "また",
  "もう一",
  "もう1",
  "もういち",
  "もっかい",
  "もういっかい",
  "再",
  "直",
  "なお",
  "改めて",
  "again",
];
/** Stems of sending written in kanji: 送っ(た), 送信し(た), 出し(た). */
const SENT_STEMS = ["送っ", "送信し", "出し"];
/** What follows a stem when the sending is told as done or going on: 「送った」「送ってた」「送ってる」. */
const TOLD_TAILS = ["た", "てた", "てる", "ている", "ていた", "てま"];
/** What follows 「送った」 when it is no telling: a condition (たら) or advice (たほうが). */
const NOT_TOLD_AFTER = ["ら", "ほう", "方"];

/**
 * Whether every sending a text names is told as done (「同じメールをCCで3人に送ってたけど、そっちは届いてる？」
 * 「同じメールを送ったほかの人は大丈夫？」), none asked about or to come (送る, 送れる, 送り直す, 送ったら,
 * 送ったほうが, once more): then the text is no question whether to send again. A plain scan.
 */
export function toldSentOnly(text: string): boolean {
  const t = folded(text, MAX_TEXT_CHARS);
  if (includesAny(t, AGAIN)) return false;
  let told = false;
  for (let at = t.indexOf("送"); at >= 0; at = t.indexOf("送", at + 1)) {
    const stem = SENT_STEMS.find((s) => t.startsWith(s, at));
    if (stem === undefined) return false; // 送り, 送れ, 送る: sending asked about or to come
    const after = at + stem.length;
    const tail = TOLD_TAILS.find((e) => t.startsWith(e, after));
    if (tail === undefined) return false;
    if (NOT_TOLD_AFTER.some((w) => t.startsWith(w, after + tail.length))) return false;
    told = true;
  }
  return told;
}

/**
 * Arrival said in the non-past, what is yet to come (「届くの？」「届きますか」「着くかな」「行くんですか」 "will it
 * arrive"): 「届いた？」「届いてる？」 ask what has happened so far. Each form is a stem and what follows it.
 */
const LATER_ARRIVAL_JA = [
  "届く",
  "届き",
  "とどく",
  "とどき",
  "着く",
  "着き",
  "つくの",
  "つきます",
  "行くの",
  "行くん",
  "行くか",
  "行きます",
  "いくの",
  "いくん",
  "いきます",
];
/** A polite stem told in the past (「届きました」「届きませんでした」): what has happened. */
const TOLD_AS_PAST = ["ました", "ませんでした"];
/** Time still to come (「明日には届いてる？」 "by tomorrow"): with any form of arriving it is a later arrival. */
const LATER_TIMES = [
  "明日",
  "あした",
  "あす",
  "明後日",
  "あさって",
  "来週",
  "週明け",
  "今日中",
  "きょうじゅう",
  "そのうち",
  "いずれ",
  "最終的",
  "さいしゅうてき",
  "いつか",
  "tomorrow",
  "eventually",
  "in the end",
  "sooner or later",
  "next week",
];
/** Any form of arriving, for LATER_TIMES. */
const ARRIVING_ANY = [
  "届",
  "とど",
  "着",
  "行",
  "arrive",
  "get there",
  "go through",
  "get through",
  "deliver",
  "reach",
];
/**
 * English asked of what is to come: "will it arrive", "is it going to get there"; the recipient named ("will she
 * get it") and the future told before "or not" ("kindly confirm the mail will reach or not").
 */
const LATER_EN = [
  "will it",
  "will they",
  "will my",
  "will the",
  "will he",
  "will she",
  "will her",
  "will his",
  "will reach",
  "will arrive",
  "will get",
  "will go",
  "will be deliver",
  "it'll",
  "itll",
  "is it going to",
  "going to arrive",
  "gonna",
];
/** The arrival verbs of LATER_EN. */
const ARRIVING_EN = ["arrive", "get there", "go through", "get through", "deliver", "reach", "get it"];

/**
 * Whether a text asks whether a mail will arrive later (「これ結局届くの？」「明日には届いてるかな」 "will it get
 * there in the end?"), not whether it has (「届いた？」「届いてないの？」). A plain scan of its last sentence.
 */
export function asksLaterArrival(text: string): boolean {
  const last = afterLastMark(folded(text, MAX_TEXT_CHARS), SENTENCE_ENDS);
  if (includesAny(last, LATER_TIMES) && includesAny(last, ARRIVING_ANY)) return true;
  if (LATER_ARRIVAL_JA.some((stem) => occursNotBefore(last, stem, TOLD_AS_PAST))) return true;
  return includesAny(last, LATER_EN) && includesAny(last, ARRIVING_EN);
}

/** "No longer" or "ever again" (「もう」「二度と」), before an arrival denied: whether it will ever arrive. */
const NO_LONGER = ["もう", "二度と", "にどと"];
/** Arrival denied in the non-past (「届かない」「届きません」「届かん」), not 「届いてない」: what has not happened yet. */
const NOT_ARRIVING_JA = [
  "届かな",
  "とどかな",
  "届かん",
  "とどかん",
  "届きませ",
  "とどきませ",
  "着かな",
  "着きませ",
];
/** Arrival said as never to come: 「届くことはない」; "never arrive", "won't get there". */
const NEVER_ARRIVING_JA = ["届くことはな", "とどくことはな", "届くことってな"];
/**
 * The same in English, in the non-past only: "so it never reached him?" ("never arrived") asks whether it got
 * there, which the diagnosis answers, not what waiting brings.
 */
const NEVER_ARRIVING_EN = [
  "never arrive",
  "never get there",
  "never reach",
  "never go through",
  "never get through",
  "won't arrive",
  "wont arrive",
  "won't get there",
  "wont get there",
  "not going to arrive",
];

/**
 * Whether a text asks whether a mail will no longer arrive (「もう届かないってこと？」「二度と相手に届かないの？」
 * "so it'll never arrive?"): what waiting brings, though the words also say a failed diagnosis again. A plain
 * scan of its last sentence; 「もう3日も届いてない」 (not yet arrived, told) is no such question.
 */
export function asksNoLongerArrives(text: string): boolean {
  const last = afterLastMark(folded(text, MAX_TEXT_CHARS), SENTENCE_ENDS);
  if (includesAny(last, NEVER_ARRIVING_JA)) return true;
  if (NEVER_ARRIVING_EN.some((w) => occursNotBefore(last, w, PAST_ENDS))) return true;
  const from = Math.min(...NO_LONGER.map((w) => last.indexOf(w)).filter((at) => at >= 0));
  return Number.isFinite(from) && includesAny(last.slice(from), NOT_ARRIVING_JA);
}

/** Endings of an English verb's past ("reach" + "ed", "arrive" + "d"). */
const PAST_ENDS = ["ed", "d"];

/** Kinds of file people send (「動画」「写真」 "video"): named, they are what a question is about. */
const FILE_KINDS = [
  "動画",
  "どうが",
  "ビデオ",
  "写真",
  "しゃしん",
  "画像",
  "がぞう",
  "資料",
  "pdf",
  "video",
  "photo",
  "picture",
  "pics",
  "image",
  "movie",
];
/** Sending ruled out (「送れない」「無理」「添付できない」 "can't send"), in the non-past. */
const CANNOT_SEND = [
  "送れない",
  "おくれない",
  "送れません",
  "おくれません",
  "送れん",
  "無理",
  "むり",
  "だめ",
  "ダメ",
  "できない",
  "できません",
  "can't",
  "cant",
  "cannot",
  "can not",
];

/**
 * Whether a text asks whether a kind of file cannot be sent at all (「動画は送れないってこと？」「写真は無理
 * なの？」 "so I can't send videos?"): a plain scan of its last sentence.
 */
export function rulesOutFileKind(text: string): boolean {
  const last = afterLastMark(folded(text, MAX_TEXT_CHARS), SENTENCE_ENDS);
  return includesAny(last, FILE_KINDS) && includesAny(last, CANNOT_SEND);
}

/** Something done for the user by another (「再送してくれる」「送り直してくれるの」): the server's retries. */
const DONE_FOR_USER = ["てくれる", "てくれま", "てくれて", "でくれる"];
/** Waiting named (「待って」「待てば」). */
const WAITING_NAMED = ["待", "まって", "まてば", "wait"];
/** Sending held back (「送り直さないで」「送らずに」): with waiting named, whether waiting is enough is asked. */
const SENDING_HELD_BACK = [
  "さないで",
  "さずに",
  "らないで",
  "らずに",
  "しないで",
  "せずに",
  "without resending",
];
/** Leaving a mail alone (「放っておいて」「無視して」「スルー」 "leave it", "ignore"): plain scans. */
const LEAVING_ALONE = [
  "放って",
  "ほうって",
  "ほっと",
  "ほおって",
  "放置",
  "ほうち",
  "無視",
  "むし",
  "スルー",
  "するー",
  "何もしな",
  "なにもしな",
  "leave it",
  "leave them",
  "ignore",
];
/** What comes of waiting named, arriving or stopping (「放っておけば届く？」「放置してたら来なくなる？」). */
const WAITED_FOR = [
  "届",
  "とど",
  "着",
  "来なく",
  "こなく",
  "止ま",
  "とまる",
  "収ま",
  "おさま",
  "arrive",
  "deliver",
  "get there",
  "go through",
  "stop",
];

/**
 * Whether resending is asked of as done for the user (「何回くらい再送してくれるの」: …てくれる, the server's retries),
 * or held back to wait (「送り直さないで待ってていい？」): after "still trying", how long waiting goes on.
 */
export function retriesForUser(text: string): boolean {
  const t = folded(text);
  return (
    includesAny(t, DONE_FOR_USER) || (includesAny(t, WAITING_NAMED) && includesAny(t, SENDING_HELD_BACK))
  );
}

/**
 * Whether a text asks about leaving a mail alone (「放っておいていいのかな」「無視していい？」), naming nothing waited
 * for: 「放っておけば届く？」 asks what waiting brings.
 */
export function leftAlone(text: string): boolean {
  const t = folded(text);
  return includesAny(t, LEAVING_ALONE) && !includesAny(t, WAITED_FOR);
}

/** Words for answering a mail back (「返信」「返事」 "reply"). */
const REPLYING = ["返信", "返事", "へんしん", "へんじ", "reply", "respond", "write back", "answer it"];
/** The name of the mail on screen holds 返信 (「自動返信」 "auto-reply"): no answering it asked. */
const REPLY_NAMES = [
  "自動返信",
  "じどうへんしん",
  "auto-reply",
  "auto reply",
  "autoreply",
  "automatic reply",
];
/** Whether something is needed of the user (「しないと」「しなきゃ」「必要」 "do I have to"). */
const NEEDED = [
  "しないと",
  "しなきゃ",
  "しなくて",
  "したほうが",
  "した方が",
  "しといたほうが",
  "しとかない",
  "する必要",
  "必要",
  "べき",
  "いる?",
  "いりますか",
  "need",
  "have to",
  "should",
  "must",
  "supposed to",
];

/**
 * Whether a text asks if the mail on screen must be answered (「返事しなきゃだめ？」「これにも返信しといたほうが
 * いいの？」 "do I have to reply to it?"): where nothing of the user's failed, what is needed of them is the steps.
 */
export function asksReplyNeeded(text: string): boolean {
  let t = folded(text);
  for (const name of REPLY_NAMES) t = t.split(name).join(" ");
  return includesAny(t, REPLYING) && includesAny(t, NEEDED);
}

/**
 * Whether a text asks whether a mail got there with "or not" after a word of getting ("so she got it or not?",
 * "did my boss receive it or not", "does that mean they got it or not"): the yes or no of arrival asked outright,
 * whatever the rest says again of the diagnosis ("so she…", "does that mean"). The word of getting within the
 * three words before "or not": "can I resend it or not" asks no arrival. A plain scan.
 */
export function asksWhetherGot(text: string): boolean {
  const t = folded(text, MAX_TEXT_CHARS);
  const at = t.indexOf(" or not");
  if (at < 0) return false;
  const before = t.slice(Math.max(0, at - WITHIN_CHARS), at).split(/[^a-z']+/);
  return before.slice(-GETTING_WITHIN).some((w) => GETTING_EN.has(w));
}
/** Words of getting a mail: the recipient's side of arrival. */
const GETTING_EN: ReadonlySet<string> = new Set(
  "got get gets received receive reached reach arrived arrive delivered through".split(" "),
);
/** How many words before "or not" the word of getting may stand, and how many letters are read for them. */
const GETTING_WITHIN = 3;
const WITHIN_CHARS = 40;

/**
 * Round 44 (family44c): whether a text asks what one more try will bring (「もう一度送っても同じことになる？」「もっかい
 * おくってもおなじかな」 "if I just send it again will it bounce the same way?"): once more named, sending under "even if"
 * (or an English "if"), no count of tries and not told as done. A failure told over and over (「何回送っても同じエラーに
 * なる」 "again and again") is what keeps-failing answers; this asks whether to send again. Plain scans, no pattern.
 */
export function asksOneMoreTry(text: string): boolean {
  const t = folded(text, MAX_TEXT_CHARS);
  if (!includesAny(t, ONE_MORE) || includesAny(t, TRIES_COUNTED)) return false;
  if (!includesAny(t, EVEN_IF_SENT) && !` ${t}`.includes(" if ")) return false;
  const body = trimEndOf(t, END_MARKS);
  return !DONE_ENDS.some((e) => body.endsWith(e)) && !body.endsWith("ed");
}
/** Once more: 「もう一回」「もっかい」「あと一回」 "again", "once more". */
const ONE_MORE = [
  "もう一",
  "もう1",
  "もういち",
  "もういっかい",
  "もっかい",
  "もいっかい",
  "もっぺん",
  "あと一回",
  "あと1回",
  "あといっかい",
  "again",
  "once more",
  "one more time",
];
/** Sending under "even if": 「送っても」「送り直しても」「出しても」. */
const EVEN_IF_SENT = [
  "送っても",
  "おくっても",
  "送り直しても",
  "送りなおしても",
  "おくりなおしても",
  "再送しても",
  "さいそうしても",
  "送信しても",
  "出しても",
  "だしても",
];
/** A count of tries or a habit told: the failure over and over. */
const TRIES_COUNTED = [
  "何回",
  "何度",
  "なんかい",
  "なんど",
  "なんべん",
  "なんぼ",
  "毎回",
  "まいかい",
  "いつも",
  "回目",
  "度目",
  "every",
  "times",
  "again and again",
  "keep",
  "still",
  "already",
];
