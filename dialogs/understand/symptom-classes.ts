import { PhraseIndex } from "../../knowledge/bounce/phrase-index.ts";
import { nfkc } from "../../knowledge/fold.ts";
import type { Knowledge, SymptomClass } from "../../knowledge/knowledge.ts";
import {
  type CompiledPhrase,
  compilePhrase,
  compileReading,
  foldSymptomText,
  occursIn,
} from "../../knowledge/symptom-text.ts";
import type { TopicId } from "../../knowledge/types.ts";
import { type ReadingTable, withReadings } from "./normalize.ts";
import { foldedReading } from "./phrases.ts";
import { retells } from "./reason-texts.ts";

/**
 * Symptoms told in words nobody listed (symptoms.yaml classes): 「写真つけたのだけはじかれる」「動画を添付す
 * ると毎回戻される」 have a word of a thing attached and a word of coming back, in whatever order, with
 * whatever between; 「何日かしてから届けられなかったと来た」 a word of "days later" and one of "not delivered".
 * A class matches when every one of its word lists has a word in the text (or in its reading: 「しゃしん」 for
 * 写真, as phrases.ts reads phrases) and none of its `unless` words is there (「エラーメールの添付を開いた」 is
 * no attachment sent). Topics are tried in the order of symptoms.yaml, like its phrases.
 *
 * Each word is looked for with `indexOf` in a text of at most a few hundred characters (typed text only):
 * linear, no pattern.
 */
const MIN_READ = 3;

interface CompiledClass<K> {
  key: K;
  /** Per word list, its words' forms (ids in the matcher's list of compiled phrases). */
  all: number[][];
  unless: number[];
  retold: boolean;
}

export type SymptomClassMatcher = (text: string) => TopicId | undefined;

export function symptomClassMatcher(
  symptoms: Knowledge["symptoms"],
  table: ReadingTable,
): SymptomClassMatcher {
  return classMatcher(
    symptoms.map(({ topic, classes }) => ({ key: topic, classes: classes ?? [] })),
    table,
  );
}

/**
 * The same reading for any classes, each under its key (a question's `toldAs`: 「知らない人からのメール」 …
 * 「毎日」 is spam received): the key of the first class that matches.
 */
export function classMatcher<K>(
  entries: readonly { key: K; classes: readonly SymptomClass[] }[],
  table: ReadingTable,
): (text: string) => K | undefined {
  // A word and its reading (「写真」 and 「しゃしん」), when the reading is long enough to be safe; a
  // negative also typed politely (「見つからない」 and 「見つかりません」).
  const compile = (word: string): CompiledPhrase[] => {
    const plain = compilePhrase(word);
    const read = compileReading(withReadings(nfkc(word), table), plain);
    const forms =
      read.needle !== plain.needle && [...read.needle].length >= MIN_READ ? [plain, read] : [plain];
    return forms.flatMap((f) => {
      const polite = politeNegative(f.needle);
      return polite ? [f, { ...f, needle: polite }] : [f];
    });
  };
  // Every word's forms in one list, found in a text by one pass over it and one over its reading (an automaton,
  // knowledge/bounce/phrase-index.ts): a form the pass did not see cannot occur, and one it saw is checked where
  // it may start and end (occursIn), as before. Round 37: an indexOf per form and class was ~2 % of reading a
  // slow typed text.
  const phrases: CompiledPhrase[] = [];
  const ids = (word: string) =>
    compile(word).map((p) => {
      phrases.push(p);
      return phrases.length - 1;
    });
  const classes: CompiledClass<K>[] = entries.flatMap(({ key, classes }) =>
    classes.map((c) => ({
      key,
      all: c.all.map((words) => words.flatMap(ids)),
      unless: (c.unless ?? []).flatMap(ids),
      retold: c.retold === true,
    })),
  );
  if (classes.length === 0) return () => undefined;
  const automaton = new PhraseIndex(phrases.map((p) => p.needle));
  const inPlain = new Int32Array(phrases.length);
  const inRead = new Int32Array(phrases.length);
  const ends = new Int32Array(phrases.length);
  const found = new Int32Array(phrases.length);
  let mark = 0;
  return (typed) => {
    const text = typed.includes("@") || typed.includes("＠") ? withAtNamed(typed) : typed;
    const plain = foldSymptomText(text);
    const read = foldedReading(text, table);
    if (++mark === 0x7fffffff) {
      mark = 1;
      inPlain.fill(0);
      inRead.fill(0);
    }
    automaton.mark(plain, inPlain, ends, mark, found);
    automaton.mark(read.folded, inRead, ends, mark, found);
    const has = (id: number) =>
      (inPlain[id] === mark && occursIn(plain, phrases[id]!)) ||
      (inRead[id] === mark && occursIn(read.folded, phrases[id]!, read.spans));
    // Whether the text retells a mail: looked at once, and only when a `retold` class has its words.
    let told: boolean | undefined;
    const retold = () => {
      told ??= retells(text);
      return told;
    };
    for (const c of classes)
      if (everyListHas(c.all, has) && !c.unless.some(has) && (!c.retold || retold())) return c.key;
    return undefined;
  };
}

/**
 * 「アドレスに@が2つ入ってた」 "two @ signs": the folding drops an @ as punctuation, so a mark told about is read as its
 * name (アットマーク, which symptoms.yaml's classes list); an @ inside an address (a letter or digit on both sides:
 * taro@example.jp) is the address's own and stays. Only texts with an @ are rewritten (a character test first).
 */
function withAtNamed(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== "@" && c !== "＠") continue;
    if (inAddress(text.charCodeAt(i - 1)) && inAddress(text.charCodeAt(i + 1))) continue;
    out += `${text.slice(from, i)} アットマーク `;
    from = i + 1;
  }
  return out + text.slice(from);
}
/** A character an address has beside its @ (ASCII letter, digit, dot, hyphen, underscore, plus). */
function inAddress(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x2e ||
    code === 0x2d ||
    code === 0x5f ||
    code === 0x2b
  );
}

/** Whether each list has an id that `has`: loops, not a callback made per class on every text read. */
function everyListHas(lists: readonly number[][], has: (id: number) => boolean): boolean {
  for (const ids of lists) {
    let any = false;
    for (const id of ids)
      if (has(id)) {
        any = true;
        break;
      }
    if (!any) return false;
  }
  return true;
}

const PARTICLES = new Set(["が", "は", "も"]);

/** A-row kana and the i-row kana a godan verb takes before 「ます」 (届か-ない, 届き-ません). */
const I_ROW: Record<string, string> = {
  か: "き",
  が: "ぎ",
  さ: "し",
  た: "ち",
  な: "に",
  ば: "び",
  ま: "み",
  ら: "り",
  わ: "い",
};

/**
 * The polite form of a folded negative stem: 「みつからな」 (見つからない, its last kana dropped by
 * compilePhrase) → 「みつかりません」, 「できな」 → 「できません」, 「空きがな」 → 「空きがありません」.
 * Undefined for a word that is no negative stem.
 */
export function politeNegative(needle: string): string | undefined {
  if (needle.length < 3 || !needle.endsWith("な")) return undefined;
  const stem = needle.slice(0, -1);
  const last = stem.at(-1)!;
  // 「空きがない」: a particle, then ない itself → 「空きがありません」.
  if (PARTICLES.has(last)) return `${stem}ありません`;
  const iRow = I_ROW[last];
  return iRow ? `${stem.slice(0, -1)}${iRow}ません` : `${stem}ません`;
}
