import type { Feeling } from "../../events.ts";
import { LATIN, WORD_LETTER } from "./letters.ts";
import { soundsGlad } from "./relief.ts";

/**
 * Reads faces: emoji (by class of code point) and faces drawn in characters (kaomoji, 「(泣)」, 「T_T」).
 * A face says how someone feels when no word does; each is a class, so a face nobody listed is caught.
 */
/**
 * The feeling of the emoji faces and signs in a message, by class of code point rather than a list of a
 * few: anger, scorn and exhaustion (😠😡🤬💢😤😒🙄😩😫🤯🤦), tears and dejection (😢😭😞😔🥺🥲💔), fear and
 * shock (😨😰😱😧🙀🫨😬), shame (😳), alarm (🆘🚨⏰⏳); folded hands twice (🙏🙏) plead. The class most
 * faces belong to wins. None when the message thanks or tells it worked (「届いた😭」 are tears of relief),
 * and none for smiles, winks or neutral faces.
 */
export function emojiFeeling(text: string): Feeling | undefined {
  const counts = new Map<Feeling, number>();
  let pleas = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x2000) continue;
    if (code === 0x1f64f) pleas++;
    const feeling = EMOJI_FEELINGS.get(code);
    if (feeling) counts.set(feeling, (counts.get(feeling) ?? 0) + 1);
  }
  if (text.includes(EXHALING)) counts.set("frustrated", (counts.get("frustrated") ?? 0) + 1);
  if (pleas >= 2) counts.set("urgent", (counts.get("urgent") ?? 0) + 1);
  if (counts.size === 0 || soundsGlad(text)) return undefined;
  let best: Feeling | undefined;
  for (const [feeling, n] of counts) if (best === undefined || n > counts.get(best)!) best = feeling;
  return best;
}
/** 😮‍💨: an open mouth joined to a puff of air (a sigh); neither is a feeling alone. */
const EXHALING = "\u{1F62E}\u200D\u{1F4A8}";
const codes = (from: number, to = from) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const EMOJI_CLASSES: [Feeling, number[]][] = [
  [
    "frustrated",
    [
      ...codes(0x1f611, 0x1f613), // 😑😒😓
      0x1f616, // 😖
      ...codes(0x1f620, 0x1f621), // 😠😡
      ...codes(0x1f623, 0x1f624), // 😣😤
      0x1f629, // 😩
      0x1f62b, // 😫
      0x1f635, // 😵 (😵‍💫)
      0x1f63e, // 😾
      0x1f644, // 🙄
      0x1f44a, // 👊
      0x1f47f, // 👿
      0x1f480, // 💀
      0x1f4a2, // 💢
      0x1f595, // 🖕
      0x1f5ef, // 🗯
      0x1f926, // 🤦
      0x1f92c, // 🤬
      0x1f92f, // 🤯
      0x1f974, // 🥴
      0x1fae0, // 🫠
      0x2620, // ☠
    ],
  ],
  [
    "sad",
    [
      0x1f614, // 😔
      0x1f61e, // 😞
      0x1f622, // 😢
      0x1f625, // 😥
      0x1f62a, // 😪
      0x1f62d, // 😭
      0x1f63f, // 😿
      0x1f641, // 🙁
      0x1f494, // 💔
      0x1f972, // 🥲
      0x1f97a, // 🥺
      0x1fae5, // 🫥
      0x2639, // ☹
    ],
  ],
  [
    "worried",
    [
      0x1f61f, // 😟
      ...codes(0x1f626, 0x1f628), // 😦😧😨
      0x1f62c, // 😬
      ...codes(0x1f630, 0x1f632), // 😰😱😲
      0x1f640, // 🙀
      0x1f4a6, // 💦
      ...codes(0x1fae2, 0x1fae3), // 🫢🫣
      0x1fae8, // 🫨
    ],
  ],
  ["ashamed", [0x1f633]], // 😳
  [
    "urgent",
    [
      0x1f198, // 🆘
      0x1f6a8, // 🚨
      0x23f0, // ⏰
      0x231b, // ⌛
      0x23f3, // ⏳
    ],
  ],
];
const EMOJI_FEELINGS = new Map<number, Feeling>(
  EMOJI_CLASSES.flatMap(([feeling, list]) => list.map((code) => [code, feeling] as const)),
);

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
