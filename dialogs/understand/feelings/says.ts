import { fold } from "../../../knowledge/fold.ts";
import { trimEndOf, withoutWords } from "../../text.ts";
import { SENTENCE_END } from "../asking.ts";
import type { ReadingTable } from "../normalize.ts";

/**
 * Reads what is left of a message without its words of feeling: whether it tells the situation or says
 * anything at all, so that "this is so annoying" is matched to no question. Holds the small words that
 * frame an English sentence (also the words a raised voice is heard in: anger.ts).
 */
/**
 * Whether what is left of a message without its words of feeling tells the situation: in Japanese a word
 * in kanji or katakana that is no question word (「何なのもう」 tells nothing: `tellsMore`), in
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

/**
 * Whether a message is typed in hiragana alone (「ういるすかな こわい」): saysSomething sees nothing in it,
 * though the question index reads its words as it reads them in kanji or katakana.
 */
export function typedInKana(text: string): boolean {
  return HIRAGANA.test(text) && !saysSomething(text);
}
const HIRAGANA = /\p{Script=Hiragana}/u;

/**
 * Whether a text typed in hiragana alone names a word of the data in kana (readings.yaml: 「かんたん」 簡単,
 * 「せんげつ」 先月, 「ようりょう」 容量): what saysSomething finds in kanji, typed as it sounds. Readings of three
 * kana or more (shorter ones, 「とど」「いみ」, are inside too many other words). A lookup per position and length.
 */
export function saysInKana(text: string, table: ReadingTable): boolean {
  const words = kanaWordsOf(table);
  for (let i = 0; i + MIN_KANA_WORD <= text.length; i++)
    for (let n = MIN_KANA_WORD; n <= MAX_KANA_WORD && i + n <= text.length; n++)
      if (words.has(text.slice(i, i + n))) return true;
  return false;
}
const MIN_KANA_WORD = 3;
const MAX_KANA_WORD = 6;
const kanaWords = new WeakMap<ReadingTable, ReadonlySet<string>>();
function kanaWordsOf(table: ReadingTable): ReadonlySet<string> {
  let words = kanaWords.get(table);
  if (!words) {
    words = new Set(
      [...table.byFirst.values()]
        .flat()
        .map(([, reading]) => reading)
        .filter((r) => r.length >= MIN_KANA_WORD && r.length <= MAX_KANA_WORD),
    );
    kanaWords.set(table, words);
  }
  return words;
}

/** English words of three letters or more that are not the frame of a sentence (a hand scan). */
function englishContentWords(text: string): number {
  const t = fold(text);
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
/** The small words that frame an English sentence (no content of their own). */
export const SENTENCE_FRAME = new Set(
  (
    "the this that these those its it's i'm i've i'll you you're your yours she her his him they them their " +
    "and but not nor for with about from into onto again now then just really very too also still even ever " +
    "all any some much many more most such what why how who when where which whatever was were are been being " +
    "have has had does did doing done can could would should will shall may might must get got getting " +
    "one thing things stuff way lot lots ever here there yes yeah okay well sure please pls plz omg wow gosh " +
    "seriously totally completely absolutely literally honestly actually already anymore"
  ).split(" "),
);
/**
 * The frame, and the returned mail itself, which every such message is about: "it keeps bouncing" tells no
 * situation.
 */
const FRAME_WORDS = new Set([
  ...SENTENCE_FRAME,
  ...(
    "mail mails email emails message messages bounce bounces bouncing bounced error errors keep keeps keeping " +
    "fail fails failing failed send sending sent work works working back come comes coming came returned"
  ).split(" "),
]);

/**
 * Whether what is left of a Japanese message without its words of feeling tells something: a word in
 * kanji or katakana (「  、ゼミのレポートが提出できない」). Hiragana alone is endings and fillers (「ちょっと
 * になってきました」 of 「ちょっと心配になってきました」); a plea (「早く対応してください」) asks for the steps.
 * English is not told apart (「I'm really  about this」 is the feeling again): the steps.
 */
function tellsMore(rest: string): boolean {
  const end = trimEndOf(fold(rest), SENTENCE_END);
  if (PLEA_ENDS.some((e) => end.endsWith(e))) return false;
  // Counting tries (「もう3回目」「何度も」) tells nothing of the situation.
  return CONTENT_SCRIPT.test(withoutWords(rest, COUNTERS, ""));
}
const COUNTERS = ["回", "度", "目"];
/** A plea (「早く対応してください」「なんとかしてほしい」) asks for what to do: the steps. */
const PLEA_ENDS = ["ください", "下さい", "お願いします", "お願い", "おねがい", "ほしい", "欲しい"];
