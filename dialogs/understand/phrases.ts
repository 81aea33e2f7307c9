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
 * The first list (in the order given) with a matching phrase wins.
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
  const compiled = lists.map(([key, phrases]) => {
    const all: CompiledPhrase[] = [];
    for (const phrase of phrases) {
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
    return compiled.find(([, phrases]) => phrases.some((p) => occursIn(plain, p) || occursIn(read, p)))?.[0];
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
