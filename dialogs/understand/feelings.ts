import type { Feeling } from "../events.ts";
import { mentionsAny, trimEndOf, withoutWords } from "../text.ts";
import { tellsMore } from "./asking.ts";

/**
 * Feelings told by the shape of a message rather than by a word of ui.yaml `feelings.words`: a crying or
 * angry face drawn in characters (kaomoji), an exasperated 「もう」 at the end, an intensifier before a
 * failure (「全然届かない」「何度やってもダメ」「ちっとも送れない」). Each is a class, so that a face or a
 * phrasing nobody listed is caught. Hand scans over the text: linear, no pattern that backtracks.
 * Only what is no part of the request: what they say is read as it is (none of this is stripped).
 */
export function feltByShape(text: string): Feeling | undefined {
  if (text.length > MAX_SHAPE_CHARS) return undefined;
  const t = text.normalize("NFKC");
  if (hasUpsetFace(t) || endsExasperated(t) || intensifiedFailure(t)) return "frustrated";
  return undefined;
}
const MAX_SHAPE_CHARS = 300;

/**
 * A face drawn in characters that cries, despairs or is angry: between brackets, no word inside, a mark
 * of tears, pain or anger and none of joy (「(´;ω;`)」「(>_<)」「(T_T)」「(#ﾟДﾟ)」「(´・ω・`)」, not 「(^^)」
 * 「(*´∀`*)」); or bare (「T_T」「;_;」「>_<」「orz」 is a word of ui.yaml). A one-kanji aside (「(泣)」「(汗)」).
 */
export function hasUpsetFace(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (ch === "(") {
      const close = t.indexOf(")", i + 1);
      if (close < 0 || close - i - 1 > MAX_FACE_CHARS) continue;
      if (upsetFace(t.slice(i + 1, close))) return true;
      i = close;
    }
  }
  return BARE_FACES.some((f) => bareFaceAt(t, f));
}
const MAX_FACE_CHARS = 14;

function upsetFace(inside: string): boolean {
  if (inside.length === 0) return false;
  if (inside.length === 1 && ASIDES.has(inside)) return true;
  let marks = 0;
  for (const ch of inside) {
    if (WORD_LETTER.test(ch) && !FACE_LETTERS.has(ch)) return false;
    if (JOY.has(ch)) return false;
    if (PAIN.has(ch)) marks++;
  }
  return marks > 0;
}
/** 「(泣)」「(汗)」「(怒)」: a word of feeling set aside in brackets. */
const ASIDES = new Set([..."泣涙汗怒焦困悲"]);
/** Letters that draw a face, not a word (ω, Д, ﾟ, ノ of an arm, T of closed eyes, o of a mouth). */
const FACE_LETTERS = new Set([..."ωДдΩεエノﾉっつTtoOqQュヮ皿益ﾟ゜ー"]);
/** Tears, sweat, squeezed or averted eyes, an anger mark. */
const PAIN = new Set([..."；;TＴ><＞＜Д皿益#＃´`｀ﾟ゜\u0301\u309a@"]);
/** Smiles and sparkles: a happy face, whatever else it has. */
const JOY = new Set([..."^＾∀▽♪☆★*＊♡♥ᴗ◕ｖv✌"]);
const WORD_LETTER = /[\p{L}\p{N}]/u;

const BARE_FACES = ["T_T", "T-T", "T^T", ";_;", ";;", ">_<", "><", ">.<", "orz", "OTL", "TT"];
/** A bare face stands apart from words of Latin letters (「TT」 is no part of 「HTTP」, 「OTL」 of 「BOTLE」). */
function bareFaceAt(t: string, face: string): boolean {
  for (let at = t.indexOf(face); at >= 0; at = t.indexOf(face, at + 1)) {
    const before = t[at - 1] ?? "";
    const after = t[at + face.length] ?? "";
    if (!LATIN.test(before) && !LATIN.test(after)) return true;
  }
  return false;
}
const LATIN = /[A-Za-z0-9]/;

/** 「何なのもう」「勘弁してよもう」「いい加減にしてもー」: an exasperated 「もう」 closing the message. */
export function endsExasperated(t: string): boolean {
  const end = trimEndOf(t, CLOSING);
  if (end.length <= 3) return false; // 「もう」 alone, 「もうー」: "already?"
  // 「もー」: the long mark was trimmed with the closing marks.
  const drawn = end.endsWith("も") && t[end.length] === "ー";
  return drawn || EXASPERATED_ENDS.some((e) => end.endsWith(e));
}
const CLOSING = new Set([..." 　。、.!！?？~〜ー…・"]);
const EXASPERATED_ENDS = ["もう", "もお", "もぉ"];

/**
 * An intensifier, then within a few letters a failure of the mail or the fix (「全然届かない」「何度やってもダメ」「ちっとも送れません」
 * 「いつまでたっても来ない」): the user is worn down, though no word of feeling is there.
 */
export function intensifiedFailure(t: string): boolean {
  for (const w of INTENSIFIERS) {
    for (let at = t.indexOf(w); at >= 0; at = t.indexOf(w, at + 1)) {
      const window = t.slice(at + w.length, at + w.length + FAILURE_WINDOW);
      if (FAILURES.some((f) => window.includes(f))) return true;
    }
  }
  return false;
}
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
];
const FAILURE_WINDOW = 10;
/**
 * What fails: the mail or the fix, not understanding (「全然わからない」 is being lost) nor the assistant
 * (「全然役に立たない」 is "that didn't help", answered with its own apology).
 */
const FAILURES = [
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
 * Whether what is left of a message without its words of feeling tells the situation: in Japanese a word
 * in kanji or katakana that is no question word (「何なのもう」 tells nothing; asking.ts `tellsMore`), in
 * English two words that say something ("my boss needs this file today"), not the feeling's frame ("I'm
 * so … about this", "not this again").
 */
export function tellsSituation(rest: string): boolean {
  return tellsMore(withoutWords(rest, QUESTION_KANJI, "")) || englishContentWords(rest) >= 2;
}
const QUESTION_KANJI = ["何"];

/**
 * Whether what is left of a message without its words of feeling says anything at all (a word in kanji or
 * katakana, or an English word of content): "this is so" of "this is so annoying" does not, and is matched
 * to no question.
 */
export function saysSomething(rest: string): boolean {
  return CONTENT_SCRIPT.test(withoutWords(rest, QUESTION_KANJI, "")) || englishContentWords(rest) >= 1;
}
const CONTENT_SCRIPT = /[\p{Script=Han}\p{Script=Katakana}]/u;

/** English words of three letters or more that are not the frame of a sentence (a hand scan). */
function englishContentWords(text: string): number {
  const t = text.normalize("NFKC").toLowerCase();
  let count = 0;
  let word = "";
  for (let i = 0; i <= t.length; i++) {
    const ch = t[i] ?? " ";
    if ((ch >= "a" && ch <= "z") || ch === "'") {
      word += ch;
      continue;
    }
    if (word.length >= 3 && !FRAME_WORDS.has(word)) count++;
    word = "";
  }
  return count;
}
const FRAME_WORDS = new Set(
  (
    "the this that these those its it's i'm i've i'll you you're your yours she her his him they them their " +
    "and but not nor for with about from into onto again now then just really very too also still even ever " +
    "all any some much many more most such what why how who when where which whatever was were are been being " +
    "have has had does did doing done can could would should will shall may might must get got getting " +
    "one thing things stuff way lot lots ever here there yes yeah okay well sure please pls plz omg wow gosh " +
    "seriously totally completely absolutely literally honestly actually already anymore " +
    // The returned mail itself, which every such message is about: "it keeps bouncing" tells no situation.
    "mail mails email emails message messages bounce bounces bouncing bounced error errors keep keeps keeping " +
    "fail fails failing failed send sending sent work works working back come comes coming came returned"
  ).split(" "),
);

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
  "解決",
  "直った",
  "直りました",
  "できました",
  "thank",
  "worked",
  "solved",
];
