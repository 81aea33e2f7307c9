import { isHiragana } from "../../../knowledge/pii/fold.ts";
import { includesAny } from "../../text.ts";
import { sentenceAsks } from "../asking.ts";
import { isKanjiCode, SENTENCE_MARKS } from "./letters.ts";

/**
 * Reads feelings denied (「心配はないです」「焦ってるわけじゃない」「私のせいじゃないならよかった」): the words
 * that deny them (negatedFeelings, as ui.yaml `feelings.words.except`) and the blanking of denied words
 * and blame, before words of feeling are looked for. A feeling denied is none.
 */
/**
 * A feeling denied is none (「心配はないですか」「急ぎじゃないので」「特に困ってはいないんですが」「怒ってないよ」): each
 * word of worry, hurry, trouble or anger followed by each way of saying "not", each English one after each "not", and
 * the calm English phrases, taken out of a message before its words of feeling are looked for (as ui.yaml
 * `feelings.words.except`). The words are data: ui.yaml `feelings.words.denied`.
 */
export interface DeniedWords {
  words: readonly string[];
  denials: readonly string[];
  wordsEn: readonly string[];
  denialsEn: readonly string[];
  calmEn: readonly string[];
}
/**
 * 「忙しいですが急ぎではありません」「仕事は忙しいけど急ぎの用ではないので」 "busy day but this isn't urgent": a hurry
 * denied is the writer's word on this matter, and it outweighs the pressure told beside it (a busy day, a word of
 * hurry that only describes their work): none is felt (round 33's decision). Each is a denial as written, so a
 * message without 急, いそ, rush, hurr or urgent is passed over at once.
 */
export function deniesHurry(folded: string): boolean {
  return includesAny(folded, HURRY_LETTERS) && includesAny(folded, HURRY_DENIED);
}
const HURRY_LETTERS = ["急", "いそ", "rush", "hurr", "urgent"];
const HURRY_DENIED = [
  ...["急ぎ", "急ぎの用", "急ぎの用事", "急ぎの件", "いそぎ"].flatMap((w) =>
    ["ではな", "じゃな", "ではあり", "じゃあり", "とかでは", "とかじゃ"].map((n) => w + n),
  ),
  "急いではいな",
  "急いでな",
  "急いでいな",
  "急いでませ",
  "急いでいませ",
  "いそいでな",
  "急ぎません",
  "急がなくて",
  "急がず",
  "no rush",
  "no hurry",
  "not urgent",
  "isn't urgent",
  "not in a hurry",
  "not in a rush",
];

/** The phrases that deny a feeling (DeniedWords), built once when the interpreter is made. */
export function negatedFeelings(denied: DeniedWords): string[] {
  const { words, denials, wordsEn, denialsEn, calmEn } = denied;
  return [
    // 「お忙しいところ」: the other's time, a polite opening, not the writer's hurry.
    "お忙しいところ",
    "お忙しい中",
    "お忙しいとは",
    ...words.flatMap((w) => denials.map((n) => w + n)),
    // Named as one of several and denied (「不安とかではないんですが」「急ぎとかじゃないです」).
    ...words.flatMap((w) =>
      ["ではない", "じゃない", "ではありません", "じゃありません"].map((n) => `${w}とか${n}`),
    ),
    // Told to stay calm (「焦らずやってみます」「急がずに待ちます」).
    "焦らず",
    "急がず",
    "慌てず",
    "あわてず",
    ...wordsEn.flatMap((w) => denialsEn.map((n) => n + w)),
    ...calmEn,
    // Worry looked back on as too much (「心配しすぎでした」「気にしすぎだったみたい」): relieved.
    ...["心配しすぎ", "気にしすぎ"].flatMap((w) =>
      ["でした", "だった", "ました", "たみたい"].map((e) => w + e),
    ),
  ];
}

/**
 * 「心配していたわけではないのですが」「焦ってるわけじゃない」「怖いとかではなくて」「やばい、って程じゃないけど」
 * 「困ったなぁ、くらいの感じ」: a word of feeling (`deniable`: ui.yaml feelings.words.denied.words; and the other words given) denied or played down by
 * 「わけ…な」「とか…な」「ほど…な」「くらいの感じ」 after a few letters of its ending, blanked out. Only hiragana and
 * commas may come between, so 「急いでるのに届かない」 (a kanji between) and 「不安でたまらない」 (no such tail) stay
 * feelings. A hand scan: each occurrence looks at most DENIAL_REACH letters ahead.
 */
export function withoutDeniedFeelings(
  t: string,
  deniable: readonly string[],
  words: readonly string[] = [],
): string {
  // Nothing is denied where no tail is, and blanking (spaces) makes none: most texts stop here, before
  // the hundreds of words of ui.yaml are each looked for (~20 µs a text, read two or three times a turn).
  if (!DENIAL_TAILS.some((d) => t.includes(d)) && !NOUN_DENIALS.some((d) => t.includes(d))) return t;
  // The lists one after the other, not spread into a new array of hundreds of words per text read.
  let out = t;
  for (const word of deniable) out = deniedBlanked(out, word);
  out = deniedBlanked(out, "怖い");
  for (const word of words) out = deniedBlanked(out, word);
  return out;
}

/** `out` with each occurrence of the feeling `word` said not to be so blanked (withoutDeniedFeelings). */
function deniedBlanked(text: string, word: string): string {
  let out = text;
  for (let at = out.indexOf(word); at >= 0; at = out.indexOf(word, at + 1)) {
    const from = at + word.length;
    let end = -1;
    // 「怖い話じゃないんですが」「急ぎの用事ではないのですが」: the feeling of a thing (a noun of a kanji or two
    // after it) said not to be so, before going on.
    let kanji = 0;
    // The dots of a pause (「不安…ってわけじゃない」) do not count to the reach.
    let reach = from + DENIAL_REACH;
    // Read by character code: a string per kana or kanji was most of what reading a text's denials allocated.
    for (let i = from; i <= reach && i < out.length && end < 0; i++) {
      const code = out.charCodeAt(i);
      if (code === DOT) reach++;
      const tail = startingAt(out, i, kanji === 0 ? DENIAL_TAILS : NOUN_DENIALS);
      // 「不親切にもほどがある」 "too much by far" is anger, no measure of something else.
      if (tail !== undefined && !(MEASURES.includes(tail) && out.startsWith("があ", i + tail.length)))
        end = i + tail.length;
      else if (isKanjiCode(code) && kanji < MAX_NOUN_KANJI) kanji++;
      else if (!isHiragana(code) && !BETWEEN.has(code)) break;
    }
    if (end >= 0) out = out.slice(0, at) + " ".repeat(end - at) + out.slice(end);
  }
  return out;
}
const MAX_NOUN_KANJI = 2;
const DOT = 0x2e; // "."
/** The first of `words` that `text` has at `at` (no closure per position, as find would take). */
function startingAt(text: string, at: number, words: readonly string[]): string | undefined {
  for (const word of words) if (text.startsWith(word, at)) return word;
  return undefined;
}
/** A thing said not to be so, before going on (「…じゃないんですが、」); not asked (「…じゃないですか！」). */
const NOUN_DENIALS = [
  "じゃないんですが",
  "じゃないんですけど",
  "じゃないのですが",
  "じゃないけど",
  "ではないんですが",
  "ではないんですけど",
  "ではないのですが",
  "ではないけど",
  "ではありませんが",
  "じゃありませんが",
];
const MEASURES = ["ほど", "程"];
/** Letters of a verb's ending between the word and its denial (「していた」「てる」「なぁ、」「、って」). */
const DENIAL_REACH = 5;
const BETWEEN = new Set([..."、,ー〜~ .…"].map((c) => c.charCodeAt(0)));
const DENIAL_TAILS = [
  "わけではな",
  "わけじゃな",
  "わけでもな",
  "訳ではな",
  "訳じゃな",
  "とかではな",
  "とかじゃな",
  // In the polite negative (「心配しているわけではありませんが」「急ぎとかではありません」).
  "わけではあり",
  "わけじゃあり",
  "わけでもあり",
  "訳ではあり",
  "とかではあり",
  "とかじゃあり",
  // Played down (「やばい、って程じゃない」「困ったなぁ、くらいの感じ」).
  "ほどではな",
  "ほどじゃな",
  "ほどでもな",
  "程ではな",
  "程じゃな",
  "程でもな",
  "くらいの感じ",
  "ぐらいの感じ",
  // Taken back as a whole (「落ち込んでる…なんてことは全然なくて」「焦ってる、なんてことはないです」).
  "なんてことはな",
  "なんてことは全然な",
  "なんてことは全くな",
  "なんてことはありま",
  // A measure of something else (「やばいくらい長い動画」「泣きそうなくらい眠い」), or laughed off (「失礼な笑」).
  "くらい",
  "ぐらい",
  // 「ビックリするほど単純なミス」: the same measure said with ほど (after 「ほどではな」 above: that is a denial).
  "ほど",
  "程",
  "笑",
];

/**
 * 「私のせいじゃないならよかった」「自分が悪いわけじゃないんですね、安心しました」: blame of oneself (ui.yaml
 * `feelings.words.kept.worried`) denied and told, taken out of a text with its denial. Asked, the denial
 * still seeks reassurance (「私のせいじゃないよね？」「自分が原因じゃないの？」) and stays. A hand scan.
 */
export function withoutDeniedBlame(t: string, blames: readonly string[]): string {
  let out = t;
  for (const blame of blames) {
    for (let at = out.indexOf(blame); at >= 0; at = out.indexOf(blame, at + 1)) {
      const from = at + blame.length;
      const denial = BLAME_DENIALS.find((d) => out.startsWith(d, from));
      if (denial === undefined) continue;
      const end = from + denial.length;
      const rest = restOfSentence(out, end);
      // Only a denial learnt with relief (「…ならよかった」「…んですね」「…と分かって安心」): 「私のせいじゃないの
      // に！」 is indignant, 「自分のミスじゃないと思うけど」 still unsure.
      if (sentenceAsks(rest) || !RELIEVED.some((r) => rest.startsWith(r)) || rest.includes("!")) continue;
      out = out.slice(0, at) + " ".repeat(end - at) + out.slice(end);
    }
  }
  return out;
}
/** Longest first: 「わけじゃない」 before 「じゃない」 is no matter (each starts where the blame ends). */
const BLAME_DENIALS = [
  "わけじゃない",
  "わけではない",
  "わけではありません",
  "じゃなかった",
  "ではなかった",
  "ではありません",
  "じゃありません",
  "じゃない",
  "ではない",
  "じゃなく",
  "ではなく",
];
const RELIEVED = [
  // A condition only with its relief: 「…ならよかった」, not 「…なら何が原因？」.
  "ならよかった",
  "なら良かった",
  "なら安心",
  "ならいい",
  "んですね",
  "んだね",
  "のですね",
  "のね",
  "んだ。",
  "と分か",
  "とわか",
  "って分か",
  "ってわか",
  "と知って",
  "と聞いて",
  "で安心",
  "でよかった",
  "で良かった",
  "てよかった",
  "て良かった",
  "て安心",
  "みたいで",
  "ようで",
];
/** The text from `at` to the end of its sentence (a full stop, a mark, a line break). */
function restOfSentence(t: string, at: number): string {
  let end = at;
  while (end < t.length && !SENTENCE_MARKS.has(t[end]!)) end++;
  // The mark itself is kept: 「？」 asks.
  return t.slice(at, Math.min(t.length, end + 1));
}
