import { fold, nfkc } from "../../../knowledge/fold.ts";
import type { Feeling } from "../../events.ts";
import { includesAny, withoutWords } from "../../text.ts";
import { MAX_SHAPE_CHARS } from "./letters.ts";
import { laughsIn } from "./played-down.ts";
import { praisesWhatWasTold } from "./praise.ts";

/**
 * Reads frustration told by exclamation marks (and a sigh or an indignant 「は？」 opening the message), with no
 * word of feeling needed: interpret/feeling.ts asks it beside the readers of by-shape.ts.
 */

/**
 * 「アドレスは絶対合ってる！前は届いてたのに！」「もう！またエラーのメールが来た！」: exclamation marks in two
 * places (or a run of them) around words that are no thanks or greeting say frustration, though no word of
 * feeling is there. So does one mark after a denial or a reproach (「何もしてない！」「言ってくれればいいのに！」
 * 「わかるわけないでしょ！」 "it doesn't work!").
 */
export function exclaimed(text: string, glad?: GladWords, calmPlain?: string): Feeling | undefined {
  if (text.length > MAX_SHAPE_CHARS) return undefined;
  // A sigh or an exasperated "huh?!" opening the message (「はぁ…まだ？」「はあ？いつ届くの」).
  const opening = nfkc(text).trimStart();
  if (opensWithSigh(opening)) return "frustrated";
  // An indignant 「は？」 before what they say (「は？相手のせいで戻ってきてんの？」); alone it is a bare "huh?".
  if (opening.startsWith("は?") && opening.slice(2).trim().length > 0) return "frustrated";
  // 「また？先週もだったじゃん」: "again?!" before what they say, the same indignation.
  if (opening.startsWith("また?") && opening.slice(3).trim().length > 0) return "frustrated";
  // 「もー！またやっちゃった笑」: marks beside a laugh at oneself are no outburst (played-down.ts `laughsIn`).
  if (laughsIn(fold(text))) return undefined;
  let marks = 0;
  let runs = 0;
  let last = -2;
  // A question mark counts next to an exclamation mark (「なんで？意味わかんない！」), not on its own.
  const asked = text.includes("!") || text.includes("！") ? "?？" : "";
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "!" && text[i] !== "！" && !asked.includes(text[i]!)) continue;
    // 「全角のせいだったのか！」: a cause realised, exclaimed at oneself, is no outburst.
    if (REALISED.some((r) => text.startsWith(r, i - r.length))) continue;
    marks++;
    if (i !== last + 1) runs++;
    last = i;
  }
  if (runs < 2 && marks < 2 && !bangAfterComplaint(text))
    return marks === 1 && glad !== undefined && nowWanted(text, glad) ? "urgent" : undefined;
  if (glad !== undefined && asideExclaimed(text, glad, calmPlain)) return undefined;
  // 「前は届いたのに！」: arrived once, and a reproach; not the glad 「届いた！」.
  const folded = withoutWords(fold(text), ["届いたのに"]);
  if (GLAD_WORDS.some((w) => folded.includes(w)) || praisesWhatWasTold(folded)) return undefined;
  return opensGladly(folded, glad) ? undefined : "frustrated";
}

/**
 * 「やったー！新しいパソコン買った！設定って何入れればいいの？」「へぇー、全角だとダメなんですね、知りませんでした！…」
 * "Whoa, I had no idea there was a chat for this! Can I send a screenshot?", "Oops, too big! I see. So I resend it
 * smaller?": delight, success, discovery or relief in the first sentence, or an "I see" in the one right after it
 * (ui.yaml typedWords gladOpening), makes the marks glad ones, and the question after them is asked calmly (round 41:
 * good news or interest, then a question, was apologised for). Not where what is exclaimed tells a failure, the failure
 * back again or the joy turned (typedWords gladSpoiled: 「全部エラー」「また戻って」「と思ったら」 "bounced", "still",
 * "but"), nor with a complaint exclaimed after the
 * glad sentence (「…のに！」「届かない！」: `bangAfterComplaint`). A scan by character code to the second sentence's end.
 */
export interface GladWords {
  gladOpening: readonly string[];
  gladSpoiled: readonly string[];
  nowExclaimed: readonly string[];
  subjectChange: readonly string[];
}

/**
 * 「焦らず待ちますよー！ちなみに今って障害出てるんですか？」「今日は仕事がはかどる！ところでこのチャットって無料？」 "No
 * stress, I can wait! Roughly when will it go through?": one exclamation (a single run of marks) closing a sentence, then a
 * question, is the cheer of that sentence, not an outburst, where the writer says in the message that they are calm (a
 * feeling denied or played down: `calmPlain`, the text without it, feeling.ts) or the question opens by changing the
 * subject (ui.yaml typedWords subjectChange: 「ところで」「ちなみに」 "by the way"), so the exclaimed sentence was about
 * something else. Not where the exclaimed sentence tells a failure (gladSpoiled: 「また戻って」 "still") or complains
 * (`bangAfterComplaint`: 「…のに！」「届かない！」). The question mark after it counted as a second mark (round 45). Read
 * only of texts with marks; a scan to the first mark.
 */
function asideExclaimed(text: string, glad: GladWords, calmPlain: string | undefined): boolean {
  const t = calmPlain ?? fold(text);
  const bang = t.indexOf("!");
  if (bang < 0) return false;
  let end = bang;
  while (t[end + 1] === "!") end++;
  if (t.includes("!", end + 1)) return false;
  if (calmPlain === undefined) {
    let next = end + 1;
    while (t[next] === " " || t[next] === "、" || t[next] === ",") next++;
    if (!glad.subjectChange.some((w) => t.startsWith(w, next))) return false;
  }
  // What a denial leaves of its sentence (「全然 ので気長に待ちます」): the adverb that went with the denial.
  const told = withoutWords(t.slice(0, bang), DENIAL_ADVERBS);
  return !includesAny(told, glad.gladSpoiled) && !bangAfterComplaint(t.slice(0, end + 1));
}
/** Adverbs said with a denial (「全然急いでない」「別に怒ってない」), left behind where the denial is taken out. */
const DENIAL_ADVERBS = ["全然", "ぜんぜん", "全く", "まったく", "別に", "べつに"];

/**
 * 「今すぐ知りたいんです！相手に届いてますか」 "I just need to know if my client got it!": right now, or only this, wanted
 * (ui.yaml typedWords nowExclaimed) in a message with one exclamation mark is a hurry, though no word of it is there
 * (round 42: the blind writers label it so). Not glad (「やった！今すぐ送れる」: GLAD_WORDS, a glad word opening it), and not
 * asked without the mark (「今すぐ送り直したほうがいい？」: when, asked calmly). Read only of the few texts with one mark.
 */
function nowWanted(text: string, glad: GladWords): boolean {
  const folded = fold(text);
  if (!includesAny(folded, glad.nowExclaimed)) return false;
  // 「届いたかだけ知りたい」 asks whether it arrived: no 「届いた！」 of joy; "…if she got it!" opens with no "got it".
  const told = withoutWords(folded, ["届いたか"]);
  return !GLAD_WORDS.some((w) => told.includes(w)) && !glad.gladOpening.some((w) => folded.startsWith(w));
}
function opensGladly(folded: string, glad: GladWords | undefined): boolean {
  if (glad === undefined) return false;
  const end = sentenceEnd(folded, 0);
  let next = end;
  while (next < folded.length && (SENTENCE_ENDS.has(folded.charCodeAt(next)) || folded[next] === " ")) next++;
  const gladFirst = includesAny(folded.slice(0, end), glad.gladOpening);
  if (!gladFirst && !includesAny(folded.slice(next, sentenceEnd(folded, next)), glad.gladOpening))
    return false;
  // What is exclaimed (the text to its last mark) must tell no failure ("Wow! Every single email bounced!"); the
  // question after it may ("should I still change my password?"). The complaint is looked for after the glad sentence
  // (「知らなかった！」 ends as a denial does).
  const bang = folded.lastIndexOf("!");
  const told = bang < 0 ? folded : folded.slice(0, bang);
  return (
    !includesAny(told, glad.gladSpoiled) && !bangAfterComplaint(gladFirst ? folded.slice(end + 1) : folded)
  );
}
function sentenceEnd(folded: string, from: number): number {
  let end = from;
  while (end < folded.length && !SENTENCE_ENDS.has(folded.charCodeAt(end))) end++;
  return end;
}
const SENTENCE_ENDS = new Set([0x21, 0x3f, 0x3002, 0x0a]);
const REALISED = ["たのか", "だったか", "てたか", "だけか", "なだけか"];

/**
 * 「はぁ…」「はあ…結局何MBまでなの」「はーあ、いつ届くわけ」「ハア…」: a sigh opening the message, は or ハ drawn out
 * (ぁ, あ, ァ, ア, ー, 〜, one or more) before a pause or a mark, is weariness told without a word of it. The sigh was
 * a list of spellings (round 40 and before), and NFKC turns 「…」 into "...", which only 「はぁ...」 was listed with:
 * 「はあ…」 read calm. Not 「はーい」 (a yes: no pause after it), nor a bare 「はあ」 ("huh?": nothing after it), nor
 * 「はあ、なるほど」「はぁ、そうなんですね」 (an acknowledgement after it: the vague "I see"). NFKC text; read by
 * character code: the first character is the gate, false for nearly every message.
 */
function opensWithSigh(t: string): boolean {
  const first = t.charCodeAt(0);
  if (first !== HA && first !== HA_KATAKANA) return false;
  let at = 1;
  while (at < t.length && SIGH_DRAWN.includes(t.charCodeAt(at))) at++;
  if (at === 1 || at >= t.length || !SIGH_PAUSES.includes(t.charCodeAt(at))) return false;
  let dots = false;
  let asked = false;
  for (; at < t.length && SIGH_PAUSES.includes(t.charCodeAt(at)); at++) {
    const code = t.charCodeAt(at);
    if (code === QUESTION) asked = true;
    else if (code === DOT) dots = true;
  }
  // Alone, 「はぁ…」 and 「はあ？」 ("huh?!") are the sigh; 「はあ…？」 trails off into a bare "huh…?", lost, not fed up.
  if (at >= t.length) return !(dots && asked);
  return !ACKNOWLEDGED.some((a) => t.startsWith(a, at));
}
const QUESTION = 0x3f;
const DOT = 0x2e;
const HA = 0x306f;
const HA_KATAKANA = 0x30cf;
/** ぁ あ ァ ア ー 〜 ~: the sigh drawn out. */
const SIGH_DRAWN = [0x3041, 0x3042, 0x30a1, 0x30a2, 0x30fc, 0x301c, 0x7e];
/** What follows the sigh: NFKC's "..." of 「…」, a comma, a full stop, a space, a mark. */
const SIGH_PAUSES = [0x2e, 0x3001, 0x2c, 0x3002, 0x20, 0x3000, 0x3f, 0x21, 0x30fb];
/** 「はあ、なるほど」: the vague "I see", no sigh. */
const ACKNOWLEDGED = ["なるほど", "そうなん", "そうです", "そういう", "わかりま", "分かりま", "了解"];

/**
 * Whether an exclamation mark ends a sentence that denies or reproaches: its end (without the particles
 * and politeness after it: 「出してないです！」「打ったんですけど！」) is a denial or a reproach, or it holds
 * 「…のに」 (「何も変えてないのに急に送れなくなった！」).
 */
function bangAfterComplaint(text: string): boolean {
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "。" || ch === "？" || ch === "?" || ch === "\n") start = i + 1;
    if (ch !== "!" && ch !== "！") continue;
    const sentence = fold(text.slice(start, i));
    start = i + 1;
    if (sentence.includes("のに") || triesInVain(sentence)) return true;
    let end = sentence.trimEnd();
    for (let k = 0; k < 2; k++) {
      const tail = TRAILING.find((t) => end.endsWith(t));
      if (tail) end = end.slice(0, end.length - tail.length);
    }
    if (COMPLAINT_ENDS.some((e) => end.endsWith(e))) return true;
  }
  return false;
}
/**
 * 「何回ボタン押しても同じ画面！」「何度やり直しても戻ってくる！」: tries counted in vain (a count, then 「ても」) before the
 * mark. Asked calmly (「何度送っても断られるのはなぜですか」) there is no mark.
 */
function triesInVain(sentence: string): boolean {
  for (const count of TRY_COUNTS) {
    const at = sentence.indexOf(count);
    if (at >= 0 && sentence.includes("ても", at + count.length)) return true;
  }
  return false;
}
const TRY_COUNTS = ["何回", "何度", "なんかい", "なんど"];
/** Particles and politeness said after a denial: 「ないです」「ないよ」「ないってば」. Longest first. */
const TRAILING = ["ってば", "んです", "です", "って", "よ", "ね", "わ", "ぞ", "し"];
/**
 * Endings that deny or reproach: 「届かない！」「触ってません！」「…でしょ！」「…じゃん！」「…けど！」
 * "can't!".
 */
const COMPLAINT_ENDS = [
  "ない",
  "ません",
  "なかった",
  "ねー",
  "ねえ",
  "でしょ",
  "だろ",
  "じゃん",
  // 「全然わからん！」: lost, said bluntly with the mark.
  "わからん",
  "分からん",
  "けど",
  "けれど",
  "n't",
  " not",
];
/** Words of thanks, greeting or relief: their exclamation marks are glad ones. */
const GLAD_WORDS = [
  "ありがと",
  "ありがたい",
  "助か",
  "たすか",
  "よかった",
  "良かった",
  "届いた",
  // It worked, thanks to the help (「おかげで送れました！！」): joy said aloud, not anger.
  "おかげで",
  "おかげさま",
  "送れました",
  "届きました",
  "直りました",
  "解決しました",
  // Fondness or joy said aloud (「モモちゃん好き！」「うれしい！」): glad marks.
  "好き",
  // Praise of what was told (「めっちゃ分かりやすい！」): praise.ts, in any tense.
  // Relief, a good mood, excitement at trying the chat (「ほっとした！」「朝からハッピー！」「ワクワクしながら使います！」).
  "ほっと",
  "安心した",
  "ハッピー",
  "はっぴー",
  "わくわく",
  "ワクワク",
  "爽快",
  // Good news announced (「朗報！孫が生まれました」) and a great day told (「最高の一日でした！」).
  "朗報",
  "最高の一日",
  "最高の日",
  "最高の気分",
  // Good spirits (「試合に勝ってご機嫌です！」, round 33).
  "ご機嫌",
  "ごきげん",
  "上機嫌",
  "楽しい",
  "楽しみ",
  "嬉し",
  "うれし",
  "こんにちは",
  "こんばんは",
  "おはよう",
  "はじめまして",
  "よろしく",
  "thank",
  "thx",
  "great",
  "hello",
  "worked",
  // Round 39: greetings of English speakers of many countries opening a question ("Kia ora! anyone there?", "hiya!
  // is someone on here?"): the mark is the greeting's.
  "hi!",
  "hey!",
  "hiya",
  "howdy",
  "g'day",
  "kia ora",
  "aloha",
  "good morning",
  "good afternoon",
  "good evening",
];
