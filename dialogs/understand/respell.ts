/**
 * The English words of a returned mail as people type them without copying: read aloud in kana
 * (「ユーザーアンノウン」「めーるぼっくすふる」) or misspelt ("User Unkown", "unknwon"). A run of two or
 * more such words is written back in English ("user unknown"), so the classifier and the symptom phrases,
 * which know the English, read the message as if it had been copied.
 *
 * Kana are compared by sound, not by spelling: katakana = hiragana, small kana = large (ウィ = ウイ; ッ
 * stays), ー does not count, and a vowel kana that only lengthens the one before it does not either
 * (ユーザー = ユーザ = ゆうざあ, アンノウン = アンノーン = あんのん). Latin words are corrected towards the listed English words
 * when one edit (a letter missing, extra, wrong, or two letters swapped) makes them one; words shorter than
 * four letters are left alone (too many real words lie one edit apart). The table is data:
 * knowledge/data/kana-english.yaml. One pass over the text; no pattern matching.
 */

import { nfkc } from "../../knowledge/fold.ts";
import { COMMON_ENGLISH } from "./english-words.ts";
import { hiraganaCode, LENGTHENERS, largeKanaCode, SMALL_KANA_BUT_TSU, vowelOf } from "./kana.ts";

/** English word → its kana spellings (kana-english.yaml). */
export type SpokenEnglish = ReadonlyMap<string, readonly string[]>;

/** The text with runs of English bounce words written back in English, or undefined when there was none. */
export type Respeller = (text: string) => string | undefined;

/** Latin words are corrected only from this length on. */
const MIN_CORRECTED = 4;
/** Longer Latin tokens are no word (an address, a hash): not compared. */
const MAX_WORD = 20;
/** A run must hold this many bounce words to be taken for English words typed in kana. */
const MIN_RUN = 2;

/** Marks that only lengthen a sound. (ッ counts: ノット is "not", のと is no word.) */
const SILENT = new Set([..."ー〜～"]);

/** One character as compared: hiragana, large; "" for a silent mark; itself for anything else. */
function fold(ch: string): string {
  const code = foldCode(ch.charCodeAt(0));
  return code === SILENT_CODE ? "" : String.fromCharCode(code);
}
/**
 * fold by character code, SILENT_CODE for a silent mark: for the test at every character of a text whether a
 * sound starts there, which as strings made two strings per Japanese character (round 38).
 */
function foldCode(code: number): number {
  const hiragana = hiraganaCode(code);
  return SILENT_CODES.has(hiragana) ? SILENT_CODE : largeKanaCode(hiragana, SMALL_KANA_BUT_TSU);
}
const SILENT_CODES: ReadonlySet<number> = new Set([...SILENT].map((c) => c.charCodeAt(0)));
const SILENT_CODE = -1;

function lengthens(previousVowel: string | undefined, c: string): boolean {
  return previousVowel !== undefined && (LENGTHENERS[previousVowel] ?? "").includes(c);
}

/** The sound of a kana spelling: folded, silent marks and lengthening vowels left out. */
export function soundOf(kana: string): string {
  let out = "";
  let vowel: string | undefined;
  for (const ch of nfkc(kana)) {
    const c = fold(ch);
    if (c === "") continue;
    if (lengthens(vowel, c)) continue;
    out += c;
    vowel = vowelOf(c);
  }
  return out;
}

interface Hit {
  word: string;
  end: number;
  /** Typed differently from the English word (in kana, or misspelt). */
  respelt: boolean;
}

export function buildRespeller(spoken: SpokenEnglish): Respeller {
  const vocabulary = new Set(spoken.keys());
  const byLength = new Map<number, string[]>();
  for (const word of vocabulary) byLength.set(word.length, [...(byLength.get(word.length) ?? []), word]);
  // Sounds by their first kana, longest first: メールボックス is tried before メール.
  const byFirst = new Map<string, { sound: string; word: string }[]>();
  for (const [word, spellings] of spoken)
    for (const spelling of spellings) {
      const sound = soundOf(spelling);
      if (sound.length < 2) continue; // one kana is a particle (と, の) far more often than a word
      const list = byFirst.get(sound[0]!) ?? [];
      if (!list.some((s) => s.sound === sound)) list.push({ sound, word });
      byFirst.set(sound[0]!, list);
    }
  for (const list of byFirst.values()) list.sort((a, b) => b.sound.length - a.sound.length);
  // The same by the first kana's code (a sound's first character is one UTF-16 unit, never silent).
  const byFirstCode = new Map([...byFirst].map(([first, list]) => [first.charCodeAt(0), list]));

  /** The sound `sound` typed from `start` on (lengthening kana and silent marks skipped): its end. */
  function soundAt(text: string, start: number, sound: string): number {
    let i = start;
    let k = 0;
    let vowel: string | undefined;
    while (k < sound.length) {
      if (i >= text.length) return -1;
      const c = fold(text[i]!);
      if (c === sound[k]) {
        vowel = vowelOf(c);
        k++;
      } else if (!(k > 0 && (c === "" || lengthens(vowel, c)))) return -1;
      i++;
    }
    while (i < text.length && fold(text[i]!) === "") i++;
    return i;
  }

  function kanaAt(text: string, i: number): Hit | undefined {
    const sounds = byFirstCode.get(foldCode(text.charCodeAt(i)));
    if (sounds === undefined) return undefined;
    let best: Hit | undefined;
    for (const { sound, word } of sounds) {
      const end = soundAt(text, i, sound);
      if (end > (best?.end ?? -1)) best = { word, end, respelt: true };
    }
    return best;
  }

  function latinAt(text: string, i: number): Hit | undefined {
    let end = i;
    while (end < text.length && isLatin(text.charCodeAt(end))) end++;
    const token = text.slice(i, end).toLowerCase();
    if (token.length > MAX_WORD) return undefined;
    if (vocabulary.has(token)) return { word: token, end, respelt: false };
    // An everyday word ("side", "post", "fail") is no misspelt bounce word ("size", "host", "mail").
    if (token.length < MIN_CORRECTED || COMMON_ENGLISH.has(token)) return undefined;
    const word =
      correction(token, byLength.get(token.length)) ??
      correction(token, byLength.get(token.length - 1)) ??
      correction(token, byLength.get(token.length + 1));
    return word === undefined ? undefined : { word, end, respelt: true };
  }

  return (input) => {
    const text = nfkc(input);
    // Nearly every text has nothing to respell: what is kept as typed is copied only once a run is
    // respelt (text[kept, i) is still to be copied), not piece by piece for a result then dropped.
    let out = "";
    let kept = 0;
    let changed = false;
    let i = 0;
    // The run read from `i`, one array for the whole text (a fresh one per character was most of what
    // respelling a Japanese text allocated).
    const run: Hit[] = [];
    while (i < text.length) {
      run.length = 0;
      let at = i;
      let vowel: string | undefined;
      // A run: bounce words one after another, with spaces, dots or lengthening kana between them.
      while (at < text.length) {
        const code = text.charCodeAt(at);
        const hit = isLatin(code)
          ? run.length > 0 || at === 0 || !isLatin(text.charCodeAt(at - 1))
            ? latinAt(text, at)
            : undefined
          : kanaAt(text, at);
        if (hit) {
          run.push(hit);
          at = hit.end;
          vowel = vowelOf(fold(text[hit.end - 1]!));
          continue;
        }
        if (run.length > 0 && (isGap(code) || lengthens(vowel, fold(text[at]!)))) {
          at++;
          continue;
        }
        break;
      }
      const end = run[run.length - 1]?.end ?? i;
      if (run.length >= MIN_RUN && run.some((h) => h.respelt)) {
        out += text.slice(kept, i);
        const before = out.length > 0 && isLatin(out.charCodeAt(out.length - 1)) ? " " : "";
        out += `${before}${run.map((h) => h.word).join(" ")} `;
        i = end;
        kept = end;
        changed = true;
      } else if (run.length > 0) {
        // Words as typed, or a lone word in kana (メール): kept, and not read again from inside.
        i = end;
      } else {
        // Skip past a whole Latin word, so that its tail is not read as a word of its own.
        i = isLatin(text.charCodeAt(i)) ? latinEnd(text, i) : i + 1;
      }
    }
    return changed ? (out + text.slice(kept)).trimEnd() : undefined;
  };
}

/** The first of `words` one edit away from `token`. */
function correction(token: string, words: readonly string[] | undefined): string | undefined {
  if (words) for (const word of words) if (oneEditApart(token, word)) return word;
  return undefined;
}

function isLatin(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

function latinEnd(text: string, i: number): number {
  let end = i;
  while (end < text.length && isLatin(text.charCodeAt(end))) end++;
  return end;
}

/** Between two words of a run: spaces, a middle dot, a hyphen. */
function isGap(code: number): boolean {
  return code === 0x20 || code === 0x3000 || code === 0x30fb || code === 0x2d || code === 0x5f;
}

/**
 * Whether one edit turns `a` into `b`: a letter inserted, deleted or replaced, or two neighbours swapped
 * (optimal string alignment distance ≤ 1), in one pass over the two words.
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    // one replaced letter, or two swapped ones
    if (sameTails(a, i + 1, b, i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && sameTails(a, i + 2, b, i + 2);
  }
  return a.length > b.length ? sameTails(a, i + 1, b, i) : sameTails(a, i, b, i + 1);
}

/** a.slice(i) === b.slice(j), without making the slices (every Latin word of a paste is compared). */
function sameTails(a: string, i: number, b: string, j: number): boolean {
  const n = Math.max(0, a.length - i);
  if (n !== Math.max(0, b.length - j)) return false;
  for (let k = 0; k < n; k++) if (a.charCodeAt(i + k) !== b.charCodeAt(j + k)) return false;
  return true;
}
