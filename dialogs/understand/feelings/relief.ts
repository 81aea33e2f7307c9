import { fold, nfkc } from "../../../knowledge/fold.ts";
import { mentionsAny } from "../../text.ts";
import { clausesOf, sentenceAsks, sentencesOf } from "../asking.ts";
import { MAX_SHAPE_CHARS } from "./letters.ts";

/**
 * Reads a feeling that is over or glad: relief or thanks closing a message, a worry told as past before a
 * contrast (「不安だったけど、…」), thanks or "it worked" (praise in it is meant). No apology is owed for these.
 */
/**
 * 「びっくりしたけど、普通のお知らせだったんですね。ありがとう」「焦りました…でも届いてたので安心です」: a worry
 * told as past, closed by relief or thanks in the last piece, nothing asked: the feeling is over, so no
 * apology. Not for anger: thanks after anger is often sarcasm (「ありがとうございます（棒）」). Relief or thanks
 * that opens the message, then what it now makes possible (「ありがとう！これで今日中に請求書出せる」「助かりました、
 * おかげで締め切りに間に合います」), is the same: the deadline told is met, not pressing.
 */
export function relievedAtEnd(text: string): boolean {
  const t = fold(text);
  if (t.length > MAX_SHAPE_CHARS || sentencesOf(t).some(sentenceAsks)) return false;
  const pieces = clausesOf(t);
  const last = pieces.at(-1) ?? "";
  if (RELIEF.some((r) => last.includes(r))) return true;
  const first = pieces[0] ?? "";
  return (
    pieces.length > 1 && RELIEF.some((r) => first.includes(r)) && NOW_POSSIBLE.some((n) => last.startsWith(n))
  );
}
/**
 * 「ありがとうございます、今日中に送り直してみます」「了解です、明日の朝までには出せそう」: thanks or an OK that opens a
 * message, then a plan with a time, nothing asked: the deadline is one the help lets them meet, not pressure
 * (no apology). Not after a "but" or with a must (「ありがとう、でも今日中に送らないといけない」 still presses).
 */
export function planAfterThanks(folded: string): boolean {
  const pieces = clausesOf(folded);
  if (pieces.length < 2 || sentencesOf(folded).some(sentenceAsks)) return false;
  if (!THANKS_OR_OK.some((w) => pieces[0]!.includes(w))) return false;
  const rest = pieces.slice(1).join("");
  return !PRESSING.some((w) => rest.includes(w));
}
const THANKS_OR_OK = [
  "ありがと",
  "助かり",
  "助かった",
  "たすかり",
  "たすかった",
  "感謝",
  "了解",
  "りょうかい",
  "わかりました",
  "分かりました",
  "承知",
  "thank",
];
/** A "but" or a must after the thanks: the deadline presses after all. */
const PRESSING = [
  "でも",
  "けど",
  "けれど",
  "ただ",
  "のに",
  "ないと",
  "なきゃ",
  "なければ",
  "ねば",
  "困",
  "間に合わない",
  "but",
  "have to",
  "must",
];

/** 「これで」「おかげで」 opening what follows thanks: what the help made possible. */
const NOW_POSSIBLE = ["これで", "おかげで", "おかげさまで"];
const RELIEF = [
  "安心",
  "ほっと",
  "ホッと",
  "よかった",
  "良かった",
  "ありがと",
  "助かりました",
  "助かった",
  "落ち着きました",
  "thank",
  "relieved",
  "that's a relief",
];

/**
 * 「不安だったけど、説明を読んで落ち着きました」「びっくりしたけど、よく見たら綴りが違ってました」: a text cut at
 * its first turn from the past by a contrast (…たけど, …でしたが): the few letters before it (where a
 * feeling now over is told), and what follows. None without such a turn.
 */
export function splitAtPastContrast(text: string): [string, string] | undefined {
  const t = nfkc(text);
  let cut = -1;
  for (const c of PAST_CONTRASTS) {
    const at = t.indexOf(c);
    if (at >= 0 && (cut < 0 || at + c.length < cut)) cut = at + c.length;
  }
  // The feeling just before the turn (「不安だったけど」), not one earlier (「おそるおそる開いてみたけど」: how it
  // was done, and the fear goes on).
  return cut < 0 ? undefined : [t.slice(Math.max(0, cut - PAST_WINDOW), cut), t.slice(cut)];
}
const PAST_WINDOW = 9;
const PAST_CONTRASTS = ["たけど", "たけれど", "でしたが", "ましたが", "だったが", "たものの"];

/** Whether a message thanks or tells that it worked: praise in it is meant (「素晴らしい、届きました！」). */
export function soundsGlad(text: string): boolean {
  return mentionsAny(text, GLAD);
}
const GLAD = [
  "ありがと",
  "ありがたい",
  "助か",
  "たすか",
  "感謝",
  "よかった",
  "良かった",
  "届いた",
  "届きました",
  "送れた",
  "送れました",
  // Solved, told (「解決しました」), not supposed or denied (「これで解決するとでも思ってるの？」「解決しない」).
  "解決しました",
  "解決した",
  "解決です",
  "解決済",
  "直った",
  "直りました",
  "できました",
  "thank",
  "worked",
  "solved",
];
