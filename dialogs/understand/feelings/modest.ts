import { sentenceAsks } from "../asking.ts";

/**
 * 「初歩的な質問ですみません、…」「機械オンチですみません、…」「申し訳ありません、機械に疎いもので。…」 "Sorry if this
 * is a dumb question, but …": the writer's skill or question played down, with an apology, opening a message that
 * then asks: the polite way in to a question, calm (no line of comfort before the answer). The opening pieces
 * (clauses up to a comma, a full stop or 「…」) are blanked out (same length) when each is modest or an apology,
 * together they hold both, what follows asks, and nothing in the message tells distress (an age, shame,
 * 「本当に」, trouble, tries, worry).
 * 「機械オンチでごめんなさい、何度やってもエラーのメールが来ます」 (nothing asked) and 「年寄りなもので、…」 (an
 * age: shame.ts) stay ashamed. A hand scan of the text folded (NFKC, lower case).
 */
export function withoutModestOpening(t: string): string {
  const modestly = MODEST.some((m) => t.includes(m)) || AGE_AS_REASON.some((a) => t.includes(a));
  if (!modestly || !(APOLOGIES.some((a) => t.includes(a)) || LEAD_INS.some((l) => t.includes(l)))) return t;
  // 「ごめんなさいね、年寄りなもので。…」: an age given as the reason for asking, beside an apology, is modesty;
  // named otherwise (「年寄りにはさっぱり」「八十を過ぎた年寄りで」) it stays distress (shame.ts). 「お恥ずかしい
  // んですが」 is the polite way in, as 「恐縮ですが」 (「お恥ずかしい限りです」 tells shame).
  const besidesAge = [...AGE_AS_REASON, ...POLITE_SHAME].reduce((x, a) => x.split(a).join(" "), t);
  if (DISTRESS.some((d) => besidesAge.includes(d))) return t;
  let end = 0;
  let modest = false;
  let apologised = false;
  while (end < t.length) {
    const next = pieceEnd(t, end);
    const piece = t.slice(end, next);
    const isModest = MODEST.some((m) => piece.includes(m)) || AGE_AS_REASON.some((a) => piece.includes(a));
    // 「初心者なんですけど、…って何？」: the polite way in after the skill played down stands for the apology.
    const apology = APOLOGIES.some((a) => piece.includes(a)) || (isModest && leadsIn(piece));
    if (!isModest && !apology) break;
    modest ||= isModest;
    apologised ||= apology;
    end = next;
    if (modest && apologised) break;
  }
  if (!modest || !apologised || end >= t.length) return t;
  const rest = t.slice(end);
  return sentenceAsks(rest) ? " ".repeat(end) + rest : t;
}

/** Where the piece starting at `from` ends: after its comma, full stop or 「…」 (and the marks after it). */
function pieceEnd(t: string, from: number): number {
  let i = from;
  while (i < t.length && !BREAKS.has(t[i]!)) i++;
  while (i < t.length && (BREAKS.has(t[i]!) || t[i] === " ")) i++;
  return i;
}
const BREAKS = new Set([..."、,。.…!！"]);

/** The writer's skill or question played down (folded: lower case, half-width). */
const MODEST = [
  "初歩的",
  "基本的な質問",
  "素人",
  "しろうと",
  "初心者",
  "オンチ",
  "音痴",
  "疎くて",
  "疎い",
  "うとくて",
  "うとい",
  "苦手",
  "詳しくな",
  "くわしくな",
  "不慣れ",
  "無知",
  "機械に弱",
  "ばかな質問",
  "バカな質問",
  "馬鹿な質問",
  "変な質問",
  "くだらない質問",
  // Round 32 (acts32): the question played down as trivial (「どうでもいい質問なんだけど、」).
  "どうでもいい質問",
  "しょうもない質問",
  "しょーもない質問",
  "つまらない質問",
  "今さら",
  "いまさら",
  "dumb question",
  "silly question",
  "stupid question",
  "basic question",
  "newbie",
  "not good with",
  "not tech savvy",
  "not very techy",
  "bad with computers",
  "beginner",
];
/** Whether a piece ends in the polite way in to a question (「…なんですけど、」「…ですが、」), its marks left out. */
function leadsIn(piece: string): boolean {
  let end = piece.length;
  while (end > 0 && (BREAKS.has(piece[end - 1]!) || piece[end - 1] === " ")) end--;
  const body = piece.slice(0, end);
  return LEAD_INS.some((l) => body.endsWith(l));
}
const LEAD_INS = [
  "んですけど",
  "んだけど",
  "んですが",
  "のですが",
  "ですが",
  "ですけど",
  "ますが",
  "ますけど",
  "なので",
  "なもので",
  // 「実はパソコン苦手で。…って何？」: the skill played down, given as the reason for asking.
  "苦手で",
  "初心者で",
  "素人で",
  "オンチで",
  "音痴で",
];
/** An age given as the reason (「年寄りなもので」「年寄りなので」), folded. */
const AGE_AS_REASON = ["年寄りなもので", "年寄りなので", "としよりなもので", "としよりなので"];
/** Shame said as the polite way in to a question (「お恥ずかしいんですが」「お恥ずかしい話ですが」). */
const POLITE_SHAME = [
  "お恥ずかしいんですが",
  "お恥ずかしいのですが",
  "お恥ずかしいんですけど",
  "お恥ずかしい話",
  "お恥ずかしながら",
  "恥ずかしながら",
];
const APOLOGIES = [
  ...POLITE_SHAME,
  "すみません",
  "すいません",
  "ごめんなさい",
  "ごめんね",
  "申し訳",
  "恐縮",
  "失礼",
  "sorry",
  "apologies",
  "forgive me",
  "excuse",
];
/** Words that tell more than modesty: an age, shame, an apology pressed, trouble, tries, a feeling named. */
const DISTRESS = [
  "年寄り",
  "としより",
  "高齢",
  "歳",
  "才",
  "情けな",
  "恥",
  "本当に",
  "ほんとに",
  "ほんと",
  "困",
  "何度",
  "何回",
  "不安",
  "心配",
  "ashamed",
  "embarrass",
  "feel stupid",
  "so sorry",
  "really sorry",
];
