import { followedWithin, trimEndOf, withoutWords } from "../../text.ts";
import { CLOSING } from "./letters.ts";

/**
 * Reads being worn down by a failure that goes on (「全然届かない」「まだ届かない……」「何なのもう」): an
 * intensifier or a long ellipsis beside what fails, an exasperated 「もう」 closing a clause. Frustrated.
 */
/**
 * A failure that trails off in a long ellipsis or is asked twice over (「まだ届かない……」「送れない。。。」
 * 「なんで届かないの？？」): worn down, though no word says so. Not a plain 「…」, which many write as a
 * pause (「届かないのですが…」). (NFKC writes 「…」 as three dots.)
 */
export function trailsOff(t: string): boolean {
  let dots = 0;
  let marus = 0;
  let asks = 0;
  let long = false;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    dots = ch === "." || ch === "・" ? dots + 1 : 0;
    marus = ch === "。" ? marus + 1 : 0;
    asks = ch === "?" ? asks + 1 : 0;
    if (dots >= 4 || marus >= 2 || asks >= 2) long = true;
  }
  return long && FAILURES.some((f) => t.includes(f));
}

/**
 * 「何なのもう」「勘弁してよもう」「いい加減にしてもー」: an exasperated 「もう」 closing the message, or a clause
 * of it (「あーもう、じゃあどうやって確認すんの」: feltByShape asks each clause).
 */
export function endsExasperated(t: string): boolean {
  const end = trimEndOf(t, CLOSING);
  if (end.length <= 3) return false; // 「もう」 alone, 「もうー」: "already?"
  // 「もー」: the long mark was trimmed with the closing marks.
  const drawn = end.endsWith("も") && t[end.length] === "ー";
  return drawn || EXASPERATED_ENDS.some((e) => end.endsWith(e));
}
const EXASPERATED_ENDS = ["もう", "もお", "もぉ"];

/**
 * 「何を伝えればいいのよ、もう」「どうなってんの、もー」: 「もう」 said alone after what they say, the last clause of a
 * message of several: exasperated (alone in a message, 「もう」 is "already?"). NFKC text.
 */
export function closesWithMou(t: string): boolean {
  const clauses = t.split("、").join(",").split(",");
  if (clauses.length < 2) return false;
  const last = trimEndOf(clauses[clauses.length - 1]!, CLOSING);
  return (last === "も" && clauses[clauses.length - 1]!.includes("ー")) || EXASPERATED_ENDS.includes(last);
}

/**
 * 「…戻ってきた…はぁ…」「また戻ってきた。はあ」: a sigh closing the message, after a pause or a full stop (a sigh
 * opening one is exclaimed.ts's): worn down. Not 「はぁ」 alone, nor 「…ですはぁ」 run into a word. NFKC text.
 */
export function closesWithSigh(t: string): boolean {
  const end = trimEndOf(t, CLOSING);
  const sigh = CLOSING_SIGHS.find((s) => end.endsWith(s));
  if (sigh === undefined || end.length === sigh.length) return false;
  const before = end[end.length - sigh.length - 1]!;
  return CLOSING.has(before) || before === "." || before === "。";
}
const CLOSING_SIGHS = ["はぁ", "はあ", "ハァ", "はー", "ハー", "ふぅ", "ため息"];

/**
 * An intensifier, then within a few letters a failure of the mail or the fix (「全然届かない」「何度やってもダメ」「ちっとも送れません」
 * 「いつまでたっても来ない」): the user is worn down, though no word of feeling is there.
 */
export function intensifiedFailure(t: string): boolean {
  return (
    followedWithin(withoutWords(t, AT_ONCE, "、"), INTENSIFIERS, FAILURE_WINDOW, FAILURES) ||
    followedWithin(t, READ_OVER, FAILURE_WINDOW, NOT_UNDERSTOOD)
  );
}
/** The advice read or asked over and over in vain (「何回読んでもわからない」「何度聞いても分からない」). */
const READ_OVER = [
  "何回読んでも",
  "何度読んでも",
  "何回聞いても",
  "何度聞いても",
  "なんど読んでも",
  // Read again and again, or looked at over and over (「何度読み返しても理解できない」「何回見てもわからん」).
  "読み返しても",
  "読み直しても",
  "何度見ても",
  "何回見ても",
];
const NOT_UNDERSTOOD = ["わからな", "分からな", "わかんな", "理解でき"];
/** 「一度に何人まで送れますか」: "at once" asks about a count sent together, not "every time" (度に). */
const AT_ONCE = ["一度に", "1度に", "いちどに"];
const INTENSIFIERS = [
  "全然",
  "ぜんぜん",
  "全く",
  "まったく",
  "ちっとも",
  "一向に",
  "いっこうに",
  "いつまでたっても",
  "いつまで経っても",
  "何度やっても",
  "何回やっても",
  "何度送っても",
  "何回送っても",
  "なんどやっても",
  "何をやっても",
  "何やっても",
  "どうやっても",
  "いくらやっても",
  // Every time, all along (「毎回はじかれる」「送るたびに戻ってくる」「さっきからずっと届かない」).
  "毎回",
  "たびに",
  "度に",
  "さっきから",
  "ずっと",
  // Not once (「朝から一通も送れない」「一度も届いたことがない」).
  "一通も",
  "1通も",
  "一度も",
  "一回も",
];
const FAILURE_WINDOW = 10;
/**
 * What fails: the mail or the fix, not understanding (「全然わからない」 is being lost) nor the assistant
 * (「全然役に立たない」 is "that didn't help", answered with its own apology).
 */
const FAILURES = [
  // Kept waiting (「朝からずっと待ってるんだけど」「さっきからずっと待たされてる」).
  "待って",
  "待たされ",
  "届か",
  "とどか",
  "送れ",
  "おくれ",
  "来ない",
  "来ません",
  "こない",
  "直ら",
  "なおら",
  "治ら",
  "変わら",
  "かわら",
  "通ら",
  "つながら",
  "繋がら",
  "戻って",
  "返って",
  "ダメ",
  "だめ",
  "駄目",
  "無理",
  "うまくいか",
  "上手くいか",
  "はじかれ",
  "弾かれ",
];

/**
 * 「もう一週間ずっと届き続けてる」「もう3日も待ってる」「もう三日目だよ」: 「もう」 before a span of time counted
 * against them (followed by 「も」「目」「ずっと」「経つ」…): worn down by the wait, though no word of feeling is there
 * (round 32). Not 「もう一日待ってみます」 ("one more day": no such word after the span). A hand scan, NFKC text.
 */
export function countsTheWait(t: string): boolean {
  for (let at = t.indexOf("もう"); at >= 0; at = t.indexOf("もう", at + 1)) {
    let i = at + 2;
    while (t[i] === " ") i++;
    const first = i;
    while (i < t.length && SPAN_NUMERALS.has(t[i]!)) i++;
    if (i === first) continue;
    const unit = SPAN_UNITS.find((u) => t.startsWith(u, i));
    if (unit === undefined) continue;
    i += unit.length;
    if (SPAN_AGAINST.some((w) => t.startsWith(w, i))) return true;
  }
  return false;
}
const SPAN_NUMERALS = new Set([..."0123456789一二三四五六七八九十百何数半"]);
const SPAN_UNITS = ["週間", "日間", "日", "時間", "ヶ月", "か月", "カ月", "ヵ月", "年"];
const SPAN_AGAINST = ["も", "目", "ずっと", "経", "たつ", "たっ", "以上", "近く", "だよ"];
