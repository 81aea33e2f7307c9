import {
  type CompiledPhrase,
  compilePhrase,
  foldSymptomText,
  occursIn,
} from "../../knowledge/symptom-text.ts";
import { type ReadingTable, withReadings } from "./normalize.ts";

/**
 * Lists of phrases matched anywhere in a text (symptoms.yaml, ui.yaml `mentions` and `feelings`), the way
 * symptoms.yaml is matched (knowledge/symptom-text.ts: width, case, kana, spacing and verb endings do not
 * matter), and also in readings: 「ようりょうがいっぱい」 matches 容量がいっぱい, because both the phrase
 * and the text are matched once more with every kanji word of readings.yaml replaced by its reading.
 * The first list (in the order given) with a matching phrase wins. A phrase of symbols only (an emoji:
 * 😭) is looked for as it is, since the folding drops symbols.
 */
const MIN_READ = 4;

export interface PhraseMatcher<K> {
  (text: string): K | undefined;
  /** The text (folded, in readings) without any of the phrases: what else it says. */
  strip(text: string): string;
}

export function phraseMatcher<K>(
  lists: readonly (readonly [K, readonly string[]])[],
  table: ReadingTable,
): PhraseMatcher<K> {
  const symbols: [K, string[]][] = [];
  const compiled = lists.map(([key, phrases]) => {
    const all: CompiledPhrase[] = [];
    const raw: string[] = [];
    symbols.push([key, raw]);
    for (const phrase of phrases) {
      if (foldSymptomText(phrase) === "") {
        raw.push(withoutVariation(phrase));
        continue;
      }
      all.push(compilePhrase(phrase));
      // A reading is all kana and kana words are short: 「今すぐ」 read as 「いますぐ」 would match
      // 「ございます」. Readings must keep a needle of MIN_READ characters.
      const read = withReadings(phrase.normalize("NFKC"), table);
      const compiled = compilePhrase(read);
      if (read !== phrase && [...compiled.needle].length >= MIN_READ) all.push(compiled);
    }
    return [key, all] as const;
  });
  const match = (text: string) => {
    const plain = foldSymptomText(text);
    const read = foldSymptomText(withReadings(text.normalize("NFKC"), table));
    const bare = withoutVariation(text);
    return compiled.find(
      ([, phrases], i) =>
        phrases.some((p) => occursIn(plain, p) || occursIn(read, p)) ||
        symbols[i]![1].some((s) => bare.includes(s)),
    )?.[0];
  };
  const needles = [
    ...new Set(
      compiled.flatMap(([, phrases]) => phrases.map((p) => foldSymptomText(withReadings(p.needle, table)))),
    ),
  ]
    .filter((n) => n !== "")
    .sort((a, b) => b.length - a.length);
  match.strip = (text: string) => {
    let read = foldSymptomText(withReadings(text.normalize("NFKC"), table));
    for (const needle of needles) if (read.includes(needle)) read = read.split(needle).join(" ");
    return read;
  };
  return match;
}

/** Emoji come with and without the variation selector (U+FE0F): compared without it. */
function withoutVariation(text: string): string {
  return text.includes("\uFE0F") ? text.split("\uFE0F").join("") : text;
}
