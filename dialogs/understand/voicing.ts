import { fold, nfkc } from "../../knowledge/fold.ts";
import { SENTENCE_BREAK } from "../marks.ts";
import { hiraganaCode, hiraganaOf, largeKanaCode, SMALL_KANA } from "./kana.ts";
import { READ_CLOSE, READ_OPEN, type ReadingTable, withReadings } from "./normalize.ts";
import { segmentsOfAll } from "./segments.ts";

/**
 * Flick input drops a voicing mark easily (the dakuten is a second tap): 「ありかとう」 for ありがとう,
 * 「ようりょうおーはー」 for ようりょうおーばー, 「あとれす」 for あどれす; and a small kana is a key of its own
 * that a hurried thumb misses (「しやしん」 for しゃしん, 「きつと」 for きっと). Such a word reads as nothing the
 * data holds. A word of the data's own (a question's example, a symptom phrase, a typed keyword; kanji
 * read through readings.yaml, each of its kanji words also whole, 画面 がめん; katakana as hiragana) that
 * the typed kana spell with its marks dropped or its small kana large is restored, longest first, left to
 * right. Only words of three kana or more with a voiced or small kana in
 * them, that no other word of the data spells the same so folded, and only where what was typed is no word of
 * the data itself (「はいる」 stays, though ばいる would fold to it); no word of one half twice (ばいばい, which
 * 「はいはい」 would become). A mark typed where the word has none is undone the same way (Tohoku speech voices a
 * word's inner k and t: 「おぐって」 for おくって, 「ありがどう」). dialogs/interpret/revoiced.ts reads a text so only where it was not understood. Linear: at each position a few lookups of
 * at most MAX_WORD characters, no pattern.
 */

/** A voiced or half-voiced hiragana → the kana without its mark. */
const UNVOICED = new Map<string, string>();
{
  const voiced = "がぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽゔ";
  const plain = "かきくけこさしすせそたちつてとはひふへほはひふへほう";
  for (let i = 0; i < voiced.length; i++) UNVOICED.set(voiced[i]!, plain[i]!);
}
/** The voiced kana of the か and た rows: Tohoku speech voices a word's inner k and t, never its s, h or first kana. */
const INNER_VOICED = "がぎぐげごだぢづでど";
/** Shorter words fold onto too many others (とこ: どこ, ところ…). */
const MIN_WORD = 3;
/** Longer words are phrases: the scan looks this far ahead at most. */
const MAX_WORD = 10;
const HIRAGANA_RUN = /^[\u3041-\u3096ー]+$/;
const HIRAGANA = /^[\u3041-\u3096]$/;
/** How many kana written after a kanji word make a word with its reading (送りなおせば: り, な, お). */
const OKURIGANA = 3;
/** A kanji word read in one kana (居 い, 言 い) is too short to tell where a word starts: its forms are not added. */
const MIN_STEM = 2;

/** The kana without their voicing marks, small kana as large ones: what flick input leaves of a word. */
function unvoiced(text: string): string {
  let out = "";
  for (const ch of text) {
    const plain = UNVOICED.get(ch);
    out += plain ?? String.fromCharCode(largeKanaCode(ch.charCodeAt(0), SMALL_KANA));
  }
  return out;
}

/** The UTF-16 units text[i] and text[i + 1] as one 32-bit number (0 for a unit past the end). */
function pairAt(text: string, i: number): number {
  return (text.charCodeAt(i) << 16) | text.charCodeAt(i + 1);
}

/** A typed text's kana as the keys are folded (small kana large), one unit for one: positions stay. */
function keyed(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++)
    out += String.fromCharCode(largeKanaCode(hiraganaCode(text.charCodeAt(i)), SMALL_KANA));
  return out;
}

export type Revoicer = (text: string) => string | undefined;

/**
 * `texts`: what the data says people type (examples, symptom phrases, keywords). Returns the reader: the
 * text with the marks restored, or undefined where nothing was restored.
 */
export function buildRevoicer(texts: Iterable<string>, table: ReadingTable): Revoicer {
  const all = [...texts];
  const words = new Set<string>();
  const add = (word: string) => {
    if (word.length >= MIN_WORD && word.length <= MAX_WORD && HIRAGANA_RUN.test(word)) words.add(word);
  };
  // Every segment, word or not, as segmenting each text alone finds them, in batches (segments.ts
  // segmentsOfAll): one segment() call per text, twice over the data's ~3,700 texts, left ~18 MB of the
  // process's malloc heap in use at start-up (ICU's break iterator copies, freed only by a later GC), which
  // glibc kept: RSS idle and with 10k sessions.
  for (const segments of segmentsOfAll(all.map((text) => withReadings(fold(text), table))))
    for (const s of segments) add(hiraganaOf(s.segment));
  // The segmenter cuts a reading in kana where it would not cut the kanji (がめん: が|めん): each kanji word
  // of readings.yaml is a word whole (画面 → がめん, 日曜日 → にちようび).
  // The words of kanji read (below): Tohoku's voicing is undone only in these (a segment such as いてる, cut
  // from とど|いてる, would make the 急いでる of 「急いでるんだけど」 いてる).
  let readWords = new Set<string>();
  const addRead = (word: string) => {
    add(word);
    if (words.has(word)) readWords.add(word);
  };
  for (const list of table.byFirst.values()) for (const [, reading] of list) addRead(reading);
  // The segmenter cuts kana verbs short (おく|れ|ば, とど|いてる): each kanji word of the data read with the kana
  // written after it (送れば おくれば, 届いて とどいて, 教えて おしえて), up to OKURIGANA of them, is a word too, so that
  // a verb's form whose marks were changed (「おぐれば」「とどいで」) is found whole.
  for (const text of all) {
    const marked = withReadings(fold(text), table, true);
    for (let at = marked.indexOf(READ_OPEN); at >= 0; at = marked.indexOf(READ_OPEN, at + 1)) {
      const close = marked.indexOf(READ_CLOSE, at);
      if (close < 0) break;
      const reading = marked.slice(at + 1, close);
      if (reading.length < MIN_STEM) continue;
      let end = close + 1;
      while (end < marked.length && end - close <= OKURIGANA && HIRAGANA.test(marked[end]!)) {
        end++;
        addRead(reading + marked.slice(close + 1, end));
      }
    }
  }
  // the unmarked spelling → the one word of the data it stands for (null: several, or a word as it is)
  const restore = new Map<string, string | null>();
  for (const word of words) {
    const key = unvoiced(word);
    // A word of one half twice (ばいばい) folds onto another twice (はいはい: "yes, yes"): not restored.
    const half = word.length / 2;
    if (key === word || (word.length % 2 === 0 && word.slice(0, half) === word.slice(half))) continue;
    restore.set(key, restore.has(key) && restore.get(key) !== word ? null : word);
  }
  // A word of the data as typed is read as it is, and so is what it starts with: 「へんしん」 (返信) is passed
  // over whole, never 「へんじ」 (返事) plus ん.
  for (const word of words) restore.set(word, null);
  // The data's kanji words read, with no mark and no small kana (おくって, あいて): their key is the word itself, so
  // the map above passes them over; Tohoku speech voices their inner k and t (「おぐれば」「あいで」「ほがの」).
  const plain = new Set<string>();
  for (const word of readWords) if (unvoiced(word) === word) plain.add(word);
  readWords = new Set(); // built from: not kept (the reader's closure shares this scope)
  // The first two units of every key (MIN_WORD or more long): where a text's two are none of them, no key starts
  // there, and the up to MAX_WORD - MIN_WORD + 1 slices looked up at that position are not made.
  const starts = new Set<number>();
  for (const key of restore.keys()) starts.add(pairAt(key, 0));
  // What a word of the data may be followed by after its particle が (「ない」「みつからない」「ちがう」): the data's
  // kana words of two kana or more, as a set of each one's first two kana (a lookup, no scan).
  const followers = new Set<string>();
  const read = all.map((text) => withReadings(text.normalize("NFKC").toLowerCase(), table));
  for (const segments of segmentsOfAll(read))
    for (const s of segments) {
      const word = hiraganaOf(s.segment);
      if (word.length >= 2 && HIRAGANA_RUN.test(word)) followers.add(unvoiced(word.slice(0, 2)));
    }

  // Kanji words read with a first か (数 かず, 変え かえ, 確認 かくにん): a か that starts one after a restored word
  // is that word (「そうしんてきるかず」 is 送信できる数), not the particle が with its mark dropped.
  const kaWords = [...table.byFirst.values()]
    .flat()
    .map(([, reading]) => reading)
    .filter((reading) => reading.length >= 2 && reading.startsWith("か"));

  return (text) => {
    const kana = keyed(nfkc(text));
    if (kana.length !== text.length) return undefined; // positions must stay those of the text
    // Looked up with every mark dropped: a mark typed where the word has none is read too, as Tohoku speech
    // voices a word's inner k and t (「おぐって」 送って, 「まぢがって」 間違って, 「わがんね」); one unit for one.
    const keys = unvoiced(kana);
    let out = "";
    let from = 0;
    let i = 0;
    while (i < kana.length) {
      let hit: string | null | undefined;
      if (i + MIN_WORD > kana.length || !starts.has(pairAt(keys, i))) {
        i++;
        continue;
      }
      let length = Math.min(MAX_WORD, kana.length - i);
      for (; length >= MIN_WORD && hit === undefined; length--) hit = restore.get(keys.slice(i, i + length));
      if (hit === undefined) {
        i++;
        continue;
      }
      if (hit === null) {
        length++; // the loop counted down once more
        const key = keys.slice(i, i + length);
        // 「おぐれば」「あいでのはこ」: a word of the data without marks, typed with marks only on inner か- and
        // た-row kana, where what was typed is no word of the data itself (「なんで」 stays, though なんて folds
        // to it): that word, Tohoku's voicing undone.
        if (
          plain.has(key) &&
          tohokuVoiced(kana, i, length) &&
          !words.has(hiraganaOf(text.slice(i, i + length)))
        ) {
          out += text.slice(from, i) + key;
          from = i + length;
        }
        i += length;
        continue;
      }
      // A word typed right (its small kana small, 「しゃしん」) is passed over, not counted as restored; so is
      // a question's closing か read as a "but" (「…ことってあるんですか」 is asked, not 「…あるんですが」).
      const restored =
        hiraganaOf(text.slice(i, i + hit.length)) !== hit && !closesQuestion(text, i + hit.length, hit);
      if (restored) {
        out += text.slice(from, i) + hit;
        from = i + hit.length;
      }
      i += hit.length;
      // The particle が right after a word whose marks were dropped lost its mark too: 「あとれすかない」
      // 「あとれすかみつからない」. Only there (「めあどかえたい」 typed right is 変えたい). Not where か is a
      // particle of its own: at the end (「…か？」 asks), 「…かな」 (wonders), 「…かどうか」, 「…かもしれない」.
      if (restored && kana[i] === "か" && followsParticle(kana, i + 1) && !startsKaWord(kana, i)) {
        out += `${text.slice(from, i)}が`;
        from = i + 1;
        i++;
      }
    }
    return from === 0 ? undefined : out + text.slice(from);
  };

  /**
   * Whether `word`, restored to end in が where the text has か at `end - 1`, would end a sentence there:
   * that か is the question typed, no mark dropped.
   */
  function closesQuestion(text: string, end: number, word: string): boolean {
    if (!word.endsWith("が") || text[end - 1] !== "か") return false;
    return end === text.length || SENTENCE_BREAK.has(text[end]!);
  }

  /**
   * Whether kana[at, at + length) has a voiced kana, all of them of the か and た rows and none first: a word
   * as Tohoku speech voices it between vowels.
   */
  function tohokuVoiced(kana: string, at: number, length: number): boolean {
    let voiced = false;
    for (let j = at; j < at + length; j++) {
      const ch = kana[j]!;
      if (!UNVOICED.has(ch)) continue;
      if (j === at || !INNER_VOICED.includes(ch)) return false;
      voiced = true;
    }
    return voiced;
  }

  /** Whether one of `kaWords` starts at `at` (a few startsWith: only after a restored word and a か). */
  function startsKaWord(kana: string, at: number): boolean {
    return kaWords.some((word) => kana.startsWith(word, at));
  }

  /** Whether a word of the data (by its first two kana, marks dropped) starts at `at`, not 「な」 closing. */
  function followsParticle(kana: string, at: number): boolean {
    const two = unvoiced(kana.slice(at, at + 2));
    if (two.length < 2 || !followers.has(two)) return false;
    if (two[0] === "な" && two[1] !== "い") return false;
    return two !== "もし" && unvoiced(kana.slice(at, at + 3)) !== "とうか";
  }
}
