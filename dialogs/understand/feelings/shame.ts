import { followedWithin } from "../../text.ts";
import { isDigit } from "./letters.ts";

/**
 * Reads being unsure of oneself: blaming oneself or one's skill (「私がバカでした」「機械に弱くて」), an old age
 * told (「80歳です」). Ashamed: such a user is reassured, not hurried.
 */
/**
 * Blaming themselves or their skill (「私がバカでした」「自分が情けない」「分からない自分が嫌」「ダメな私」
 * 「機械に弱くて」「パソコンは詳しくなくて」): ashamed, to be reassured. The person, a particle or an
 * adverb at most, then the judgement (or the judgement, 「な」, the person).
 */
export function blamesSelf(t: string): boolean {
  for (const self of SELF) {
    for (let at = t.indexOf(self); at >= 0; at = t.indexOf(self, at + 1)) {
      let from = at + self.length;
      for (const p of SELF_PARTICLES) if (t.startsWith(p, from)) from += p.length;
      for (const a of ADVERBS) if (t.startsWith(a, from)) from += a.length;
      if (SELF_JUDGEMENTS.some((j) => t.startsWith(j, from))) return true;
      if (SELF_JUDGEMENTS.some((j) => t.slice(Math.max(0, at - j.length - 1), at) === `${j}な`)) return true;
    }
  }
  return followedWithin(t, SKILLS, SKILL_WINDOW, SKILL_JUDGEMENTS);
}
const SELF = ["私", "わたし", "自分", "僕", "ぼく", "俺", "おれ", "あたし", "わし"];
const SELF_PARTICLES = ["って", "が", "は", "も", "、"];
const ADVERBS = ["ほんとに", "ほんと", "本当に", "本当", "まじで", "マジで", "つくづく"];
const SELF_JUDGEMENTS = [
  "バカ",
  "ばか",
  "馬鹿",
  "アホ",
  "あほ",
  "ダメ",
  "だめ",
  "駄目",
  "情けな",
  "いけない",
  "いけなかった",
  "悪い",
  "悪かった",
  "ドジ",
  "どじ",
  "間抜け",
  "まぬけ",
  "嫌",
  "不甲斐な",
  "ふがいな",
  "無知",
  "下手",
  "へた",
  "恥ずかし",
];
/** Skills people feel behind in, and how they say so (「機械に弱い」「パソコンは詳しくない」). */
const SKILLS = ["機械", "パソコン", "pc", "PC", "スマホ", "ネット", "デジタル", "英語", "IT"];
const SKILL_WINDOW = 4;
const SKILL_JUDGEMENTS = ["苦手", "弱い", "弱くて", "詳しくな", "疎", "オンチ", "音痴", "不得意", "さっぱり"];

/**
 * An age of their own told, past which most users feel behind with computers (「80歳です」「70代の私」「85才」):
 * unsure of themselves though no word says so (ui.yaml 年寄り, 高齢 say it in words). A hand scan of digits.
 */
export function toldOld(text: string): boolean {
  const t = withKanjiAges(text);
  for (let i = 0; i < t.length; i++) {
    let j = i;
    while (j < t.length && j - i < 3 && isDigit(t[j]!)) j++;
    if (j === i || (i > 0 && isDigit(t[i - 1]!)) || (j < t.length && isDigit(t[j]!))) {
      i = j;
      continue;
    }
    const unit = AGE_UNITS.find((u) => t.startsWith(u, j));
    // 「70代の母に代わって」: someone else's age; 「80歳の私には」 is their own.
    const whose = unit === undefined ? "" : t.slice(j + unit.length);
    const own = !whose.startsWith("の") || SELF_AFTER.some((w) => whose.startsWith(w, 1));
    if (unit !== undefined && own && Number(t.slice(i, j)) >= OLD_AGE) return true;
    i = j;
  }
  return false;
}
const OLD_AGE = 70;
// 「七十を過ぎて」「70過ぎの私」: an age passed, told without a unit.
const AGE_UNITS = ["歳", "才", "代", "を過ぎ", "過ぎ"];
/**
 * 「七十五歳」「八十を過ぎて」: ages of seventy and more written in kanji, as digits (the tens 七 八 九 before 十,
 * a unit after it). Other kanji numbers are left as they are. A hand scan: linear.
 */
function withKanjiAges(t: string): string {
  if (!t.includes("十")) return t;
  let out = "";
  for (let i = 0; i < t.length; i++) {
    const tens = KANJI_DIGITS.indexOf(t[i]!);
    if (tens >= 7 && t[i + 1] === "十" && (i === 0 || !`${KANJI_DIGITS}百千万`.includes(t[i - 1]!))) {
      const ones = KANJI_DIGITS.indexOf(t[i + 2] ?? "");
      out += String(tens * 10 + Math.max(0, ones));
      i += ones > 0 ? 2 : 1;
      continue;
    }
    out += t[i];
  }
  return out;
}
const KANJI_DIGITS = "〇一二三四五六七八九";
const SELF_AFTER = ["私", "わたし", "自分", "年寄り", "老人", "者", "身"];

/**
 * 「昔ノリで作ったアドレスが恥ずかしいので変えたい」「メアドが子供っぽくて恥ずかしい。変更ってできる？」 "my address is
 * embarrassing now, can I change it?": shame about how one's own address looks, given as the reason to change it, is no
 * distress about a mail: its words of shame are blanked (folded text, same length). Shame at a slip told beside it
 * (「打ち間違えて恥ずかしい」) stays. The lists: ui.yaml typedWords `addressChange` (a change of address wanted) and
 * `slipNamed`. Plain scans: most texts leave at the first includes (no shame).
 */
export function withoutShameOfAddress(
  t: string,
  shame: readonly string[],
  change: readonly string[],
  slips: readonly string[],
): string {
  if (!SHAME_HINTS.some((h) => t.includes(h))) return t;
  if (!change.some((c) => t.includes(c)) || slips.some((s) => t.includes(s))) return t;
  let out = t;
  for (const word of shame)
    if (word !== "" && out.includes(word)) out = out.split(word).join(" ".repeat(word.length));
  return out;
}
const SHAME_HINTS = ["恥", "はずかし", "embarrass"];
