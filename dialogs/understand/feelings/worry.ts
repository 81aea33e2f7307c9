import { followedWithin, mentionsAny } from "../../text.ts";
import { PAUSES } from "./letters.ts";

/**
 * Reads worry told without a word of it: alarm opening a message (「ちょっと待って、」), something done then
 * 「大丈夫？」, a "what if" cut off (「どうすれば…」), a state past bearing, the body reacting (「胃が痛い」).
 */
/**
 * 「ちょっと待って、」「待って待って！」 opening a message: alarm at what was just said, not a request to wait
 * (「ちょっと待ってくださいね」「ちょっと待ってて」 go on with more words, no pause).
 */
export function opensAlarmed(t: string): boolean {
  const opening = t.trimStart();
  for (const o of ALARMED_OPENINGS) {
    if (!opening.startsWith(o)) continue;
    const next = opening[o.length];
    if (next !== undefined && PAUSES.has(next) && next !== "ー" && next !== "〜" && next !== "~")
      return !goesToDo(opening);
  }
  return alarmedInEnglish(opening);
}
/**
 * Round 41 (family41b): "wait am i hacked??", "hold on, did someone get into my account??": English "wait" or "hold
 * on" opening a message that asks twice over (??) is alarm. Alone, "wait, are you a bot?" and "wait, is my laptop the
 * problem?" ask calmly (the blind writers label them so): the doubled mark is the gate, one indexOf.
 */
function alarmedInEnglish(opening: string): boolean {
  if (opening.indexOf("??") < 0) return false;
  const lower = opening.toLowerCase();
  for (const o of ALARMED_EN) {
    if (!lower.startsWith(o)) continue;
    const next = lower.charCodeAt(o.length);
    // A word of its own ("wait", not "waiting"): a space or a mark after it.
    if (!(next >= 0x61 && next <= 0x7a)) return true;
  }
  return false;
}
const ALARMED_EN = ["wait", "hold on", "hang on", "whoa", "woah"];
/**
 * Round 37 (family37b): 「ちょっと待って、先にメール確認してくる」 "hold on, let me check my mail first": the pause
 * asks for time to go and do something, told closing the message; no alarm.
 */
function goesToDo(t: string): boolean {
  let end = t.length;
  while (end > 0 && PAUSES.has(t[end - 1]!)) end--;
  while (end > 0 && "ねわよ".includes(t[end - 1]!)) end--;
  const body = t.slice(0, end);
  return GONE_TO_DO.some((p) => body.endsWith(p));
}
/**
 * Gone to do it and back (「確認してくる」「送信済みを見てきます」): a plan of the writer's own (also plan-told.ts).
 * Not 「戻ってくる」「送られてくる」: what comes to them is a report.
 */
export const GONE_TO_DO: readonly string[] = [
  "してくる",
  "してきます",
  "見てくる",
  "見てきます",
  "みてくる",
  "みてきます",
  "調べてくる",
  "調べてきます",
  "しらべてくる",
  "しらべてきます",
  "聞いてくる",
  "聞いてきます",
  "きいてくる",
  "きいてきます",
  "探してくる",
  "さがしてくる",
  "探してきます",
  "さがしてきます",
  "確かめてくる",
  "確かめてきます",
];
const ALARMED_OPENINGS = [
  "ちょっと待って",
  "ちょっとまって",
  "待って待って",
  "まってまって",
  "え、待って",
  "えっ待って",
  // Round 41 (family41b): the same alarm in kana (「え、まって 乗っ取られてる？？」).
  "え、まって",
  "えっまって",
  "えっ、まって",
  "えっ、待って",
];

/**
 * Something done that cannot be undone, then whether it is all right (「開いちゃった…大丈夫？」「送って
 * しまったけど大丈夫かな」): worried. The regret, then 大丈夫 within a few letters.
 */
export function regretsAndAsksIfOk(t: string): boolean {
  return followedWithin(t, REGRETS, REGRET_WINDOW, ["大丈夫", "だいじょうぶ"]);
}
const REGRETS = ["ちゃった", "ちゃいました", "てしまった", "てしまいました", "でしまった", "じゃった"];
const REGRET_WINDOW = 8;

/**
 * 「上司になんて報告すれば…」「どうすれば…」: a "what if I" cut off by an ellipsis, the question they cannot finish:
 * worried. A conditional ending (e-row kana, then 「ば」) right before the dots; not a pause after a telling
 * sentence (「届かないのですが…」).
 */
export function conditionTrailsOff(t: string): boolean {
  for (let at = t.indexOf("ば..."); at >= 0; at = t.indexOf("ば...", at + 1))
    if (at > 0 && E_ROW.has(t[at - 1]!)) return true;
  return false;
}
const E_ROW = new Set([..."えけげせぜてでねへべぺめれ"]);

/**
 * 「当日来ないかも…」「お客さんが前の会場に行っちゃう…」「知らないまま…」「失礼なやつだと思われてたら…」: a consequence
 * still to come (〜ちゃう, 〜てしまう, かも, まま) or a "what if" (〜たら, closing its sentence) left unfinished by an
 * ellipsis: what they fear is told, not asked, though no word of feeling is there (round 40: the blind writers of
 * rounds 39 and 40 label it felt; dev's texts of this shape are all labelled upset). NFKC text (「…」 is "...");
 * one indexOf when there are no dots, nothing allocated. `consequences`: the words right before the dots that tell
 * one (ui.yaml `typedWords.consequences`: 〜ちゃう, かも, まま, a deed regretted, a reproach's のに).
 */
export function consequenceTrailsOff(t: string, consequences: readonly string[]): boolean {
  for (let at = t.indexOf("..."); at >= 0; at = t.indexOf("...", at + 3)) {
    if (consequences.some((c) => t.endsWith(c, at))) return true;
    // 「送ったら…戻ってきた」 goes on telling; 「思われてたら…」 closes its sentence on the fear.
    if (t.endsWith("たら", at) && closesAt(t, at + 3)) return true;
  }
  return false;
}
/** Character codes that close a sentence (NFKC: 「！？」 are "!?"). */
const SENTENCE_CLOSES = new Set([..."。.!? \n"].map((c) => c.charCodeAt(0)));
function closesAt(t: string, at: number): boolean {
  while (at < t.length && t.charCodeAt(at) === DOT) at++;
  return at >= t.length || SENTENCE_CLOSES.has(t.charCodeAt(at));
}
const DOT = 0x2e;

/**
 * A state felt past bearing (「気になってたまらない」「不安で仕方ない」「落ち着かなくてしょうがない」), or a
 * late-night apology for what keeps them up (「夜遅くにすみません、どうしても気になって」): worried.
 */
export function intenseState(t: string): boolean {
  if (mentionsAny(t, PAST_BEARING)) return true;
  return mentionsAny(t, LATE) && mentionsAny(t, ON_THEIR_MIND);
}
const PAST_BEARING = [
  "てたまらない",
  "でたまらない",
  "てたまりません",
  "て仕方ない",
  "て仕方がない",
  "てしかたない",
  "で仕方ない",
  "で仕方がない",
  "てしょうがない",
  "でしょうがない",
  "て仕方ありません",
  "て仕方がありません",
];
const LATE = ["夜分", "深夜", "夜遅く", "夜中", "こんな時間", "遅い時間", "遅くに"];
const ON_THEIR_MIND = ["気にな", "気がかり", "頭から離れ"];

/**
 * The body reacting, told of a part of it (「胃が痛い」「涙出てきた」「頭がパンクしそう」「寿命が縮んだ」「目の前が
 * 真っ暗」): shock, dread or overload in words no list holds, since any part may take any of its reactions.
 * Each part has its own reactions (「頭に出てくる」 is no tear: 出 is a reaction of 涙 only).
 */
export function bodyReacts(t: string): boolean {
  return BODY_REACTIONS.some(([parts, reactions]) => followedWithin(t, parts, BODY_WINDOW, reactions));
}
/** A particle or two between the part and its reaction (「手がもう震えて」 is beyond it, rarely said). */
const BODY_WINDOW = 4;
const BODY_REACTIONS: [string[], string[]][] = [
  [["胃"], ["痛", "いた", "キリキリ", "きりきり", "穴"]],
  [
    ["手", "足", "膝", "指"],
    ["震え", "ふるえ", "震わ", "ガクガク", "がくがく", "ブルブル", "ぶるぶる"],
  ],
  [["頭"], ["真っ白", "まっしろ", "パンク", "ぱんく", "痛", "いた", "爆発", "混乱", "回らな"]],
  [
    ["目の前", "目のまえ"],
    ["真っ暗", "まっくら", "真っ白", "まっしろ"],
  ],
  [
    ["涙", "なみだ"],
    ["出", "で", "止まら", "とまら", "あふれ", "溢れ"],
  ],
  [["寿命"], ["縮", "ちぢ"]],
  [
    ["顔", "血の気", "血のけ"],
    ["真っ青", "まっさお", "青ざめ", "引い", "ひい", "から火"],
  ],
  [
    ["背筋", "肝"],
    ["凍", "こお", "冷え", "寒", "ゾッ", "ぞっ"],
  ],
  [
    ["生きた心地", "気が気"],
    ["しな", "しませ", "でな", "じゃな"],
  ],
];

/**
 * 「娘の晴れの日の案内が届かないなんて…」「連絡が届いてなかったなんて！」: what happened said with 「なんて」 and left
 * unfinished (an ellipsis) or exclaimed: dismay, though no word of feeling is there. Not 「なんて書けばいい？」
 * (how to word it: a question follows). NFKC text (「…」 is "...").
 */
export function dismayed(t: string): boolean {
  for (let at = t.indexOf("なんて"); at >= 0; at = t.indexOf("なんて", at + 1)) {
    const after = t[at + 3];
    if (at > 0 && (after === "." || after === "!" || after === "・")) return true;
  }
  return false;
}

/**
 * 「ウイルス送ってないですよね？向こうのパソコン大丈夫ですよね？」「変なメール出してないよね？うちのせいじゃないよね？」: the
 * same reassurance asked twice, one of them that something bad did not happen (a negative before 「よね？」): the writer
 * fears it did (round 42). Once, and just to be sure (「念のため聞きますが、届いてないですよね？」), it is asked calmly. NFKC
 * text; two indexOf for most texts, nothing allocated.
 */
export function reassuredTwice(t: string): boolean {
  const first = t.indexOf(CONFIRMED);
  if (first < 0) return false;
  const second = t.indexOf(CONFIRMED, first + CONFIRMED.length);
  if (second < 0) return false;
  for (let at = first; at >= 0; at = t.indexOf(CONFIRMED, at + CONFIRMED.length))
    if (NEGATIVES.some((n) => t.endsWith(n, at))) return true;
  return false;
}
const CONFIRMED = "よね?";
/** A negative before 「よね？」: 「してないよね」「届いてないですよね」「送っていませんよね」. */
const NEGATIVES = ["ない", "ないです", "ません", "じゃない", "じゃないです"];
