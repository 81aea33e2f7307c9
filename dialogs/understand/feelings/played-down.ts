import { trimEndOf } from "../../text.ts";
import { CLAUSE_CONTRASTS } from "../contrasts.ts";
import { CLOSING, isHiragana, LATIN, PAUSES, SENTENCE_MARKS } from "./letters.ts";

/**
 * Reads feelings set aside by the writer: played down then turned from (「一瞬ドキッとしましたが、」), named as
 * the reason for a precaution (「心配性なので念のため」), laughed off (「…笑」"lol"). Their words are blanked
 * out (same length) so the writer's calm request is read, not an apology.
 */
/**
 * 「一瞬ドキッとしましたが、…」「ちょっとショックだけど、…」「ちょっと残念ですが、…」: a word of feeling played
 * down by 「一瞬」「ちょっと」「少し」 just before it and set aside by a contrast right after it (「…が、」「…けど」):
 * the writer goes on calmly, so it is blanked out with its softener and ending. 「ちょっと心配になってきました」
 * (no contrast) stays a feeling. A hand scan from each softener (rare): at most PLAYED_DOWN_REACH letters ahead.
 */
export function withoutPlayedDown(t: string, words: readonly string[]): string {
  if (!SOFTENERS.some((s) => t.includes(s))) return t;
  let out = t;
  for (const softener of SOFTENERS) {
    for (let at = out.indexOf(softener); at >= 0; at = out.indexOf(softener, at + 1)) {
      let from = at + softener.length;
      if (out.startsWith("だけ", from)) from += 2;
      const word = words.find((w) => w !== "" && out.startsWith(w, from));
      if (word === undefined) continue;
      const after = from + word.length;
      const contrast = contrastAfter(out, after, softener === "一瞬" || MOMENTARY.includes(word));
      const end = contrast >= 0 ? contrast : politeLeadIn(out, after);
      if (end >= 0) out = out.slice(0, at) + " ".repeat(end - at) + out.slice(end);
    }
  }
  return out;
}
/**
 * Where a contrast that closes the clause ends (「…しましたが、」「…だけど」), within a verb's ending; else -1.
 * Unless `anyTense`, the feeling must be past (「ちょっと焦ったけど」): 「ちょっと困ってるんですけど、」 is
 * trouble understated, still felt.
 */
function contrastAfter(t: string, from: number, anyTense: boolean): number {
  let past = anyTense;
  for (let i = from; i <= from + PLAYED_DOWN_REACH && i < t.length; i++) {
    if (t[i] === "た") past = true;
    if (t.startsWith("けれど", i)) return past ? i + 3 : -1;
    if (t.startsWith("けど", i) && !t.startsWith("だけど", i - 1)) return past ? i + 2 : -1;
    if (t.startsWith("だけど", i)) return past || anyTense ? i + 3 : -1;
    // 「ちょっとびっくりしただけ。」「少しへこんだだけです、」 "only a little": 「だけ」 closing the clause says it was no more.
    if (t.startsWith("だけ", i)) return onlyClosing(t, i + 2);
    if (t[i] === "が" && (i + 1 === t.length || PAUSES.has(t[i + 1]!))) return past ? i + 1 : -1;
    if (!isHiragana(t[i]!) && t[i] !== "ー") return -1;
  }
  return -1;
}
/**
 * After 「だけ」 (「…しただけ」「…なだけです」), where the clause it closes ends: a pause or a sentence's mark right after
 * it or after 「です」「でした」; else -1 (「ちょっと焦っただけで済んだ」 goes on).
 */
function onlyClosing(t: string, from: number): number {
  let i = from;
  const polite = ONLY_POLITE.find((p) => t.startsWith(p, i));
  if (polite !== undefined) i += polite.length;
  return i === t.length || PAUSES.has(t[i]!) || SENTENCE_MARKS.has(t[i]!) ? i : -1;
}
const ONLY_POLITE = ["でした", "です", "だから", "なので", "なんで", "で"];
/**
 * 「少し不安なのですが、」「少し心配になってきたのですが、」: a feeling played down, then the polite way in to a question
 * (「…のですが、」「…んですが、」 before a pause), in any tense: the writer asks leave to ask, calmly. Where it ends; else -1.
 */
function politeLeadIn(t: string, from: number): number {
  for (let i = from; i <= from + LEAD_IN_REACH && i < t.length; i++) {
    const lead = LEAD_INS.find((l) => t.startsWith(l, i));
    if (lead !== undefined) return PAUSES.has(t[i + lead.length] ?? "") ? i + lead.length : -1;
    if (!isHiragana(t[i]!)) return -1;
  }
  return -1;
}
// 「少し心配になりまして。」「ちょっと不安になってしまって…」: the polite way in said with a verb's -te, before a pause.
const LEAD_INS = ["のですが", "んですが", "まして", "てしまって"];
const LEAD_IN_REACH = 12;
/** A moment's reaction (shock, a start, disappointment), over as it is told: played down in any tense. */
const MOMENTARY = [
  "ショック",
  "しょっく",
  "びっくり",
  "ビックリ",
  "ドキッ",
  "どきっ",
  "ヒヤッ",
  "ひやっ",
  "残念です",
  "残念だ",
];
/**
 * 「心配性なので念のため。」「不安なので一応聞きますが」: a worry named only as the reason for a precaution asks to
 * be sure, no comfort: its words in the sentence of 「念のため」「一応」 "just in case" are blanked out. Anger or
 * hurry beside it stays (「一応言っとくけど最悪」). A hand scan per marker (rare).
 */
export function withoutPrecaution(t: string): string {
  if (!PRECAUTIONS.some((p) => t.includes(p))) return t;
  let out = t;
  for (const marker of PRECAUTIONS)
    for (let at = out.indexOf(marker); at >= 0; at = out.indexOf(marker, at + 1)) {
      let from = at;
      while (from > 0 && !SENTENCE_MARKS.has(out[from - 1]!)) from--;
      let to = at + marker.length;
      while (to < out.length && !SENTENCE_MARKS.has(out[to]!)) to++;
      // The marker closing its sentence (「心配性なので念のため。」) covers it; one opening it, the sentence after.
      out = blankedWithin(out, PRECAUTIONARY_WORRIES, from, to);
    }
  return out;
}

/** The text with every one of `words` that lies wholly inside [from, to) blanked out (same length). */
function blankedWithin(text: string, words: readonly string[], from: number, to: number): string {
  let out = text;
  for (const word of words) {
    if (word === "") continue;
    for (let at = out.indexOf(word, from); at >= 0 && at + word.length <= to; at = out.indexOf(word, at + 1))
      out = out.slice(0, at) + " ".repeat(word.length) + out.slice(at + word.length);
  }
  return out;
}
/**
 * "Just in case", and a check asked for as such (「不安なので確認させてください」「心配性なもので、確認ですが」 "I'm a bit
 * worried, so just to double-check"): the worry is why they check, calmly.
 */
const PRECAUTIONS = [
  "念のため",
  "念の為",
  "一応",
  "確認させて",
  "確認ですが",
  "確認なのですが",
  "確認なんですが",
  "確かめさせて",
  "just in case",
  "just to be safe",
  "to be safe",
  "double-check",
  "double check",
  "to confirm",
  "just to check",
  "to make sure",
];
const PRECAUTIONARY_WORRIES = [
  "心配性",
  "心配",
  "不安",
  "しんぱい",
  "ふあん",
  "気にな",
  "worried",
  "nervous",
  "anxious",
  "concerned",
];

/**
 * 「焦って損した」「心配して損しました」「ビビって損した」 "panicked for nothing": a feeling told as wasted is over, the
 * matter turned out small; its words are blanked out up to 「損」. A hand scan from each 損 (rare): the word of
 * feeling must end within WASTED_REACH hiragana before its 「て」「で」.
 */
export function withoutWasted(t: string, words: readonly string[]): string {
  let out = t;
  for (let at = out.indexOf("損"); at >= 0; at = out.indexOf("損", at + 1)) {
    const te = out[at - 1];
    if (te !== "て" && te !== "で") continue;
    for (let end = at - 1; end >= Math.max(0, at - 1 - WASTED_REACH); end--) {
      const word = words.find((w) => w !== "" && out.startsWith(w, end - w.length) && end - w.length >= 0);
      if (word !== undefined) {
        const from = end - word.length;
        out = out.slice(0, from) + " ".repeat(at + 1 - from) + out.slice(at + 1);
        break;
      }
      if (end < at - 1 && !isHiragana(out[end]!)) break;
    }
  }
  return out;
}
const WASTED_REACH = 4;

const SOFTENERS = ["一瞬", "ちょっと", "ちょっぴり", "少し", "すこし", "少々", "若干", "a bit ", "a little "];
const PLAYED_DOWN_REACH = 8;

/**
 * 「写真を詰め込みすぎて怒られちゃいました笑」「びっくりするほど多いですね笑」"lol ok no panic": a sentence the
 * writer laughs at (笑, (笑), ｗ closing it; "lol", "haha" in it) tells no feeling: its words of feeling are
 * blanked out. 「笑えない」「笑い事じゃない」「笑うしかない」 are no laugh (笑 followed by a verb's letters). A laugh
 * alone after a sentence's mark (「失礼すぎない？笑」) laughs at the sentence before it. Hand scans: linear.
 */
export function withoutLaughedOff(
  t: string,
  words: readonly string[],
  shame: readonly string[] = [],
): string {
  if (!LAUGH_HINTS.some((h) => t.includes(h))) return t;
  const spans = laughedSpans(t);
  if (spans.length === 0) return t;
  let out = t;
  for (const [from, to] of spans) out = blankedWithin(out, words, from, to);
  // 「どめいん間違えとったw はずかしー。」「恥ずかしながら一文字間違えてました笑」: shame in a message that laughs is the
  // laugh's own embarrassment, wherever it stands (round 38: a slip admitted with a laugh is told calmly).
  return blankedWithin(out, shame, 0, out.length);
}

/**
 * 「ウケる、毎回同じところで戻ってくるw これ何か理由あるの？」: a failure the writer laughs at is told with no
 * feeling, though its shape (「毎回…戻ってくる」) would read worn down: the sentences laughed at, blanked out whole
 * (same length), for the readers of shapes (by-shape.ts). NFKC text; the text itself when it has no laugh.
 */
export function withoutLaughedAt(t: string): string {
  if (!LAUGH_HINTS.some((h) => t.includes(h))) return t;
  let out = t;
  for (const [from, to] of laughedSpans(t)) out = out.slice(0, from) + " ".repeat(to - from) + out.slice(to);
  return out;
}

/** The sentences a laugh closes (or a laugh alone after them), as [from, to) spans of `t`. */
function laughedSpans(t: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  let previous = 0;
  for (let i = 0; i <= t.length; i++) {
    const ch = t[i];
    // A laugh before a space ends its sentence: 「…笑 」, and 「…くるw 」 (w after Japanese, not "how ").
    const laughBefore =
      t[i - 1] === "笑" ||
      (t[i - 1] === "w" && i >= 2 && !LATIN.test(t[i - 2]!)) ||
      grassAt(t, i - 1) ||
      (ch === " " && isLowSurrogate(t.charCodeAt(i - 1)) && LAUGH_FACES.some((f) => t.startsWith(f, i - 2)));
    const ends = ch === undefined || SENTENCE_MARKS.has(ch) || (ch === " " && laughBefore);
    if (!ends) continue;
    const sentence = t.slice(start, i);
    if (sentence.trim() === "") {
      start = i + 1;
      continue;
    }
    // A laugh alone (「笑」「w」) laughs at the sentence before it.
    if (laughsIn(sentence)) spans.push([sentence.trim().length <= 3 ? previous : start, i]);
    previous = start;
    start = i + 1;
  }
  return spans;
}
/**
 * 「やらかした😂 打ち間違いかな？」「写真が重すぎたみたいで🤣」: a face laughing (with tears of it, grinning with shut eyes)
 * laughs as 笑 does (round 44: dev's writers label a slip told so calm). Not 😅 (a sweat of relief or unease).
 */
const LAUGH_FACES = ["\u{1F602}", "\u{1F923}", "\u{1F606}", "\u{1F639}"];
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const LAUGH_HINTS = ["笑", "w", "lol", "haha", "lmao", "ウケ", "草", ...LAUGH_FACES];
/**
 * 「スペル間違えてた草」: 草 ("grass", net slang for ｗｗｗ) after kana or a mark, closing a sentence, is a laugh; after
 * a kanji it is a word's end (雑草, 七草).
 */
function grassAt(t: string, at: number): boolean {
  if (t[at] !== "草" || at < 1) return false;
  const before = t[at - 1]!;
  return !(before >= "\u4e00" && before <= "\u9fff");
}
/** Letters after 笑 that make it a verb or a noun (笑える, 笑い事, 笑う, 笑っ, 笑わ, 笑み): no laugh. */
const LAUGH_VERB = new Set([..."えいうっわみ"]);
export function laughsIn(sentence: string): boolean {
  for (let at = sentence.indexOf("笑"); at >= 0; at = sentence.indexOf("笑", at + 1)) {
    const next = sentence[at + 1];
    // 「(苦笑)」: a wry smile at a failure is exasperation, no laugh.
    if ((next === undefined || !LAUGH_VERB.has(next)) && sentence[at - 1] !== "苦") return true;
  }
  // ｗ (NFKC: w) closing a sentence of Japanese: 「ですねw」「まじかww」.
  const end = trimEndOf(sentence, CLOSING);
  if (end.endsWith("w") && end.length >= 2) {
    let i = end.length - 1;
    while (i > 0 && end[i - 1] === "w") i--;
    if (i > 0 && !LATIN.test(end[i - 1]!) && end[i - 1] !== " ") return true;
  }
  // 「間違えてたw 直せばいい？」: ｗ closing a clause before a space, the space typed where a full stop would be (round 39).
  for (let at = sentence.indexOf("w "); at > 0; at = sentence.indexOf("w ", at + 1)) {
    let i = at;
    while (i > 0 && sentence[i - 1] === "w") i--;
    if (i > 0 && !LATIN.test(sentence[i - 1]!) && sentence[i - 1] !== " ") return true;
  }
  if (grassAt(end, end.length - 1) || (end.endsWith("草") && end.length === 1)) return true;
  // 「ウケる」「ウケた」 "lol" (in katakana: 「うける」 is also 受ける, to receive).
  return LAUGH_WORDS.some((w) => wordAt(sentence, w)) || LAUGHED.some((w) => sentence.includes(w));
}
/**
 * Laughter told in words: 「ウケる」, and having laughed (「絶望的すぎて笑った」「思わず笑っちゃった」), which 笑っ before a
 * verb's letters (「笑ってる場合じゃない」) is not.
 */
const LAUGHED = [
  "ウケる",
  "ウケた",
  "ウケます",
  "笑った",
  "笑っちゃった",
  "笑ってしまった",
  "笑いました",
  "草生え",
  ...LAUGH_FACES,
];
const LAUGH_WORDS = ["lol", "haha", "lmao"];
/** A word of Latin letters standing alone (「lol」 is no part of 「lollipop」). */
function wordAt(t: string, word: string): boolean {
  for (let at = t.indexOf(word); at >= 0; at = t.indexOf(word, at + 1)) {
    const before = t[at - 1];
    const after = t[at + word.length];
    if ((before === undefined || !LATIN.test(before)) && (after === undefined || !LATIN.test(after)))
      return true;
  }
  return false;
}

/**
 * 「もう笑うしかない、全角で打ってたわ」「笑うしかない、ドメインのつづり間違えてた」: laughing because nothing else
 * is left, at a slip of one's own found, is a laugh at oneself (as 「…かよ笑」), no despair: blanked (folded text,
 * same length). At a failure that goes on (「ここまで戻ってくるともう笑うしかない」) it stays resignation (ui.yaml
 * `feelings.words.sad`). Round 32's decision, which the old labels of both kinds already made. A plain scan.
 */
export function withoutLaughAtOwnSlip(t: string): string {
  if (!NOTHING_BUT_LAUGH.some((w) => t.includes(w)) || !OWN_SLIPS.some((w) => t.includes(w))) return t;
  let out = t;
  for (const w of NOTHING_BUT_LAUGH) out = out.split(w).join(" ".repeat(w.length));
  return out;
}
const NOTHING_BUT_LAUGH = ["笑うしかない", "わらうしかない"];
/** A slip of one's own, told as found (past): 「間違えてた」「全角で打ってた」「入れ忘れてた」 "typo". */
const OWN_SLIPS = [
  "間違えてた",
  "間違ってた",
  "まちがえてた",
  "まちがってた",
  "間違えてました",
  "間違ってました",
  "打ち間違え",
  "打ちまちがえ",
  "で打ってた",
  "で入れてた",
  "で書いてた",
  "忘れてた",
  "ミスってた",
  "みすってた",
  "typo",
];

/**
 * 「ハラハラするけど気長に待ちます」「びっくりしましたけど、落ち着いて対応します」「ドキッとしたけど、もう大丈夫」: a feeling
 * set aside by a contrast, then patience chosen or calm found again: told calmly, so its words before the contrast
 * are blanked (folded text, same length). Round 32; round 33: one rule with passed.ts `startleOver`, which asks
 * `patientTurnAt` of its first piece.
 */
export function withoutPatientTurn(t: string, words: readonly string[]): string {
  const at = patientTurnAt(t);
  return at < 0 ? t : blankedWithin(t, words, 0, at);
}
/** Where the first contrast (contrasts.ts) that patience or calm follows at once starts, or -1. */
export function patientTurnAt(t: string): number {
  for (const contrast of CLAUSE_CONTRASTS)
    for (let at = t.indexOf(contrast); at >= 0; at = t.indexOf(contrast, at + 1)) {
      let next = at + contrast.length;
      while (next < t.length && TURN_PAUSES.has(t[next]!)) next++;
      // 「…けど、今はもう大丈夫」: "now" before the calm.
      const now = NOW.find((n) => t.startsWith(n, next));
      if (now !== undefined) next += now.length;
      while (next < t.length && TURN_PAUSES.has(t[next]!)) next++;
      if (CALM_TURNS.some((p) => t.startsWith(p, next))) return at;
    }
  return -1;
}
const TURN_PAUSES = new Set([..."、, "]);
const NOW = ["今は", "いまは", "now "];
/** Patience chosen (「気長に待ちます」) or calm found again, told (「もう落ち着きました」「もう平気です」). */
export const CALM_TURNS = [
  "気長に",
  "のんびり",
  "焦らず",
  "あせらず",
  "落ち着いて",
  "落ち着きました",
  "落ち着いた",
  "おとなしく待",
  "ゆっくり待",
  "気楽に待",
  "もう大丈夫",
  "もう平気",
  "panic over",
  "false alarm",
];
