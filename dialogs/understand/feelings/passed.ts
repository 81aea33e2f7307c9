import { fold } from "../../../knowledge/fold.ts";
import { includesAny, mentionsAny, trimEndOf, withoutWords } from "../../text.ts";
import { clausesOf, sentenceAsks, sentencesOf } from "../asking.ts";
import { CLOSING, MAX_SHAPE_CHARS } from "./letters.ts";
import { CALM_TURNS, laughsIn, patientTurnAt } from "./played-down.ts";
import { praisesWhatWasTold } from "./praise.ts";

/**
 * Reads feelings the message itself tells are over, though a question may follow: a start that passed and
 * what it turned out to be (「ドキッとした〜、相手の受信箱がいっぱいなだけね。」), the mail that got through after all
 * (「ドキドキしながら待ってたら届いたみたい！」), tears of joy (「泣けるほどうれしい」). No apology is owed for these:
 * an apology there reads as not listening. All plain scans of short lists (linear).
 */

/**
 * 「ドキッとした〜、相手の受信箱がいっぱいなだけね」「びっくりした！エラーじゃないなら安心」「焦ったー、こっちの問題じゃ
 * なかったのね」 "Gave me a fright, but it's just…": a start told in the past in the first piece, then what it
 * turned out to be (only that, 「…なだけ」「…なら安心」「…のか」) or calm found again (「もう落ち着きました」) in a later
 * piece, with no feeling there (`feltIn`): the fright is over, whatever is asked after it. A feeling told in the
 * present (「怖い、相手に知らせるだけでいいの？」) or a start followed by the trouble (「びっくりした！全部戻ってくる」)
 * is not.
 */
export function startleOver(text: string, feltIn: (t: string) => unknown): boolean {
  const t = fold(text);
  if (t.length > MAX_SHAPE_CHARS) return false;
  const pieces = clausesOf(t);
  if (pieces.length < 2) return false;
  // The start opens the message, after a sigh at most (「はー、びっくりした。」).
  const at = mentionsAny(pieces[0]!, STARTLES) ? 0 : mentionsAny(pieces[1]!, STARTLES) ? 1 : 0;
  if (realisedThenStartled(pieces, feltIn)) return true;
  const first = pieces[at]!;
  const rest = pieces.slice(at + 1);
  if (rest.length === 0) return false;
  // Calm found again in a later piece, or in the same piece after a contrast (「ドキッとしたけど、もう大丈夫」):
  // played-down.ts, the one rule of patience and calm after a feeling.
  const calmAgain = rest.some((p) => mentionsAny(p, CALM_TURNS)) || patientTurnAt(first) >= 0;
  const turnedOut =
    mentionsAny(first, STARTLES) && toldAsPast(first) && rest.some((p) => mentionsAny(p, TURNED_OUT));
  if (!calmAgain && !turnedOut) return false;
  return feltIn(rest.join("")) === undefined;
}
/**
 * 「なんだ自動返信か、びっくりした〜」「なーんだ、ただの自動応答だったのか。焦ったわ」 "oh, just an auto-reply, gave me a
 * fright": what it turned out to be first, the start told in the past after it, in either order the fright is over
 * (no wondering why in what was realised: 「なんで戻ってきたのか、焦った」 still asks). Nothing else felt.
 */
function realisedThenStartled(pieces: string[], feltIn: (t: string) => unknown): boolean {
  const at = pieces.findIndex((p) => mentionsAny(p, STARTLES));
  if (at < 1 || !toldAsPast(pieces[at]!)) return false;
  const before = pieces.slice(0, at);
  if (!before.some((p) => mentionsAny(p, TURNED_OUT)) || before.some((p) => mentionsAny(p, WONDERING)))
    return false;
  return feltIn([...before, ...pieces.slice(at + 1)].join("、")) === undefined;
}
const WONDERING = ["なんで", "なぜ", "何で", "どうして", "why"];
/** A piece told in the past: its last word before the marks and drawn-out letters ends in 「た」 (「焦ったー」). */
function toldAsPast(piece: string): boolean {
  const end = trimEndOf(piece.trim(), PAST_TAILS);
  return PAST_ENDS.some((e) => end.endsWith(e));
}
const PAST_TAILS = new Set([...CLOSING, ..."ぁあわよ笑w"]);
const PAST_ENDS = ["た", "思った", "かと思いました", "ました", "ちゃった", "gave me a fright", "scared me"];
/** A start, a fright or a worry that a moment can end (not 「困った」, trouble that goes on). */
const STARTLES = [
  "びっくり",
  "ビックリ",
  "ドキッ",
  "どきっ",
  "ドキドキ",
  "どきどき",
  "ヒヤッ",
  "ひやっ",
  "ヒヤヒヤ",
  "ひやひや",
  "ハラハラ",
  "はらはら",
  "焦っ",
  "焦り",
  "あせっ",
  "心臓",
  "驚",
  "ビビ",
  "びび",
  "ギョッ",
  "ぎょっ",
  "心配し",
  "不安だっ",
  "怖かっ",
  "fright",
  "scared",
  "panick",
  "freaked",
  "startled",
  "worried",
];
/** What the start turned out to be: only that, a relief, something realised. */
const TURNED_OUT = [
  "だけ",
  "なーんだ",
  "なあんだ",
  "安心",
  "なんだ",
  "のか",
  "のね",
  "じゃなかった",
  "ではなかった",
  "なかったんだ",
  "なら大丈夫",
  "ならよかった",
  "just ",
  "only ",
  "relief",
];
/**
 * 「めっちゃ怒られるのかと思ったら設定の問題なのね」「最悪の事態かと思ったけど一時的なやつなのね、ほっとした」 "I thought I
 * was in trouble, but it's only the settings": the feeling is inside what was supposed (before 「かと思った」「と思いきや」),
 * and what it turned out to be follows (only that, a relief, something realised), with nothing felt there (`feltIn`):
 * over, whatever is asked after it. Not a supposition that was no feeling (「直ったと思ったけど、やっぱりダメなのね」:
 * what follows is read as it is). One `indexOf` per form of supposing.
 */
export function supposedNotSo(text: string, feltIn: (t: string) => unknown): boolean {
  const t = fold(text);
  if (t.length > MAX_SHAPE_CHARS) return false;
  for (const s of SUPPOSED) {
    const at = t.indexOf(s);
    if (at < 0) continue;
    const rest = t.slice(at + s.length);
    if (!mentionsAny(rest, TURNED_OUT) && !mentionsAny(rest, RELIEVED)) return false;
    return feltIn(t.slice(0, at)) !== undefined && feltIn(rest) === undefined;
  }
  return false;
}
/** What was supposed, closed (folded), the longer forms first. */
const SUPPOSED = [
  "かと思ったら",
  "かと思ったけど",
  "かと思ったが",
  "かと思いましたが",
  "かと思ってたけど",
  "かと思っていましたが",
  "かと思いきや",
  "と思いきや",
  "i thought it was",
];
/** Relief told after what it turned out to be (「ほっとした」). */
const RELIEVED = ["ほっと", "ホッと", "よかった", "良かった", "relieved"];
/**
 * 「ドキドキしながら待ってたら届いたみたい！」「おかげさまで、心配してたメールちゃんと届いてました！」"Phew, it just
 * showed up in their inbox!": the mail got through (or the reply came), told with nothing asked, no returned mail
 * named, and nothing after it that turns it (「届いたけど文字化け」), denies it (「届いてない」) or is felt (「…返事が来る
 * とか、不気味すぎて無理」): the worry told before it is the one it ends.
 */
export function gotThrough(text: string, feltIn: (t: string) => unknown): boolean {
  const t = fold(text);
  if (t.length > MAX_SHAPE_CHARS || sentencesOf(t).some(sentenceAsks)) return false;
  if (mentionsAny(t, RETURNED_NAMED)) return false;
  for (const word of GOT_THROUGH) {
    for (let at = t.indexOf(word); at >= 0; at = t.indexOf(word, at + 1)) {
      const after = t.slice(at + word.length, at + word.length + TURN_REACH);
      if (!TURNED.some((w) => after.includes(w)) && feltIn(t.slice(at + word.length)) === undefined)
        return true;
    }
  }
  return false;
}
const GOT_THROUGH = [
  "届いた",
  "届いてた",
  "届いてました",
  "届きました",
  "送れた",
  "送れました",
  "返事が来",
  "返事来",
  "返事がき",
  "返信が来",
  "返信来",
  "showed up",
  "went through",
  "got through",
  "finally replied",
  "arrived",
];
const TURN_REACH = 8;
/** After the word: denied, or turned by a "but". */
const TURNED = ["ない", "なかった", "けど", "けれど", "のに", "が、", "but", "not", "n't"];
/** Returned mail named: what got through is the bounce (「エラーメールが届いた」), no relief. */
const RETURNED_NAMED = [
  "エラー",
  "えらー",
  "戻って",
  "戻ってき",
  "返ってき",
  "不達",
  "bounce",
  "daemon",
  "error",
];

/**
 * 「泣けるほどうれしい」「うれしすぎて涙出そう」"so happy I cried": joy told, not denied (「うれしくない」 "not happy"):
 * its tears are glad ones.
 */
export function gladTears(text: string): boolean {
  const t = fold(text);
  if (t.length > MAX_SHAPE_CHARS || mentionsAny(t, JOY_DENIED)) return false;
  return mentionsAny(t, JOY);
}
const JOY = ["うれし", "嬉し", "幸せ", "感激", "so happy", "overjoyed", "tears of joy"];
const JOY_DENIED = ["うれしくな", "嬉しくな", "not happy", "not so happy", "unhappy", "n't happy"];

/**
 * 「えっショック！…と思ったけど、まあ大したことないか。…待てばいいの？」「怖っ！と思ったけど冗談です笑」 "Scary! Well, not
 * really.", "Oh no! ...actually never mind, it's just her mailbox": a feeling named, then taken back or seen through (ui.yaml
 * typedWords takenBack, the first found, not opening the text): nothing felt from that word on, the writer is calm, whatever
 * is asked after (round 40; 「最悪、冗談じゃない」 has no such word). One `indexOf` per word, of a text that reads a feeling.
 */
export function takenBack(text: string, backs: readonly string[], feltIn: (t: string) => unknown): boolean {
  const t = fold(text);
  if (t.length > MAX_SHAPE_CHARS) return false;
  let at = -1;
  for (const b of backs) {
    const i = t.indexOf(b);
    if (i > 0 && (at < 0 || i < at)) at = i;
  }
  // The whole reads a feeling (the caller's) and nothing is felt from the word on: the feeling was before it.
  return at > 0 && feltIn(t.slice(at)) === undefined;
}

/**
 * 「こんなに丁寧に教えてもらえて泣きそうです。ありがとうございます」「やさしい説明でうるっときた」 "I could cry, that was explained
 * so kindly": tears named beside thanks, kindness or being moved (ui.yaml typedWords tearsNamed, movedBy), nothing lost told
 * (lostTold: 「わからなくて泣きそう」) and nothing else felt once the tears are taken out: moved, not distressed (round 40).
 */
export function movedToTears(
  text: string,
  words: { tearsNamed: readonly string[]; movedBy: readonly string[]; lostTold: readonly string[] },
  feltIn: (t: string) => unknown,
): boolean {
  const t = fold(text);
  if (t.length > MAX_SHAPE_CHARS || !includesAny(t, words.tearsNamed) || !includesAny(t, words.movedBy))
    return false;
  const rest = withoutWords(t, words.tearsNamed);
  return !includesAny(rest, words.lostTold) && feltIn(rest) === undefined;
}

/**
 * 「驚きました！エラーメールって自動で返ってくるものなんですね」「なるほど〜受信箱がいっぱいだったんですね！びっくり」 "wow, so
 * it's a system, I didn't know": a surprise (a start, STARTLES) beside something learned told (ui.yaml typedWords learned:
 * 「なるほど」「知らなかった」「勉強になる」 "I see", "had no idea") or a laugh (「笑」「w」) is discovery, no fright to comfort,
 * whatever is asked after it; nothing else may be felt once the surprise is taken out (「驚きすぎて心臓が止まるかと思いました」
 * learns nothing; 「びっくり、なるほどって言ってる場合じゃない、最悪」 still feels). Read only of a text that reads a feeling.
 */
export function surprisedToLearn(
  text: string,
  learned: readonly string[],
  feltIn: (t: string) => unknown,
): boolean {
  const t = fold(text);
  if (t.length > MAX_SHAPE_CHARS || !includesAny(t, STARTLES)) return false;
  if (!includesAny(t, learned) && !sentencesOf(t).some(laughsIn)) return false;
  // The surprise's own sentence (「驚きました！」 "What a surprise!") is read without its word, its mark no outburst of
  // the rest: each sentence that holds a surprise, then the others together, must feel nothing.
  const rest: string[] = [];
  for (const sentence of sentencesOf(t)) {
    if (!includesAny(sentence, STARTLES)) rest.push(sentence);
    else if (feltIn(withoutWords(sentence, STARTLES)) !== undefined) return false;
  }
  return rest.length === 0 || feltIn(rest.join("")) === undefined;
}

/**
 * 「あーもう、全角のせいだったのか！」「うわー、カンマとドットを打ち間違えてたのか！」: a sigh that opens a message, before
 * a pause, then the cause realised (「…のか」「…だったか」 closing that sentence) is said at oneself, no trouble to
 * apologise for: the text from the realisation on. 「あーもう、また戻ってきた！」 tells the trouble: it stays.
 */
export function withoutRealisingSigh(folded: string): string {
  const t = folded.trimStart();
  const sigh = SIGHS.find((s) => t.startsWith(s));
  if (sigh === undefined) return folded;
  let at = sigh.length;
  while (at < t.length && SIGH_TAILS.has(t[at]!)) at++;
  if (!SIGH_PAUSES.has(t[at] ?? "")) return folded;
  const rest = t.slice(at + 1);
  const sentence = trimEndOf(sentencesOf(rest)[0] ?? "", REALISED_MARKS);
  return REALISED.some((r) => sentence.endsWith(r)) ? rest : folded;
}
const SIGHS = [
  "あーもう",
  "ああもう",
  "あぁもう",
  "うわー",
  "うわぁ",
  "うわ",
  "あちゃー",
  "あちゃ",
  "あー",
  "ああ",
];
const SIGH_TAILS = new Set([..."ーっ〜~ぁ"]);
const SIGH_PAUSES = new Set([..."、,。. …!"]);
const REALISED_MARKS = new Set([...CLOSING, ..."笑w"]);
const REALISED = ["たのか", "だったか", "てたか", "だけか"];

/**
 * 「やばい、めっちゃ分かりやすい！」「ヤバ、親切すぎる」: alarm words said as praise of what was told (the praise not
 * denied: 「分かりやすくない」) are wonder, no alarm: they are blanked out (same length). 「やばい、まだ届かない」 stays.
 */
export function withoutPraisingAlarm(folded: string): string {
  if (!ALARMS.some((a) => folded.includes(a))) return folded;
  if (!praisesWhatWasTold(folded)) return folded;
  let out = folded;
  for (const a of ALARMS) out = out.split(a).join(" ".repeat(a.length));
  return out;
}
// 「びっくりするほど親切」: a start that only measures the praise. Round 36: a start beside the chat praised
// (「返信はやっ！びっくりしました。AIが答えてるの？」) is that praise too: the longer forms first.
const ALARMS = [
  "やばい",
  "ヤバい",
  "やば",
  "ヤバ",
  "すげー",
  "すげえ",
  "びっくりするほど",
  "びっくりするくらい",
  "驚くほど",
  "びっくり",
  "ビックリ",
  "驚",
];
