import { PROVIDER_HOST_WORDS } from "../formats/providers.ts";
import { KEYWORD_WORDS } from "../reasons/keywords.ts";
import { CHECKS } from "../reasons/order.ts";

/**
 * Words of a bounce's key phrases that OCR misread: "rn" read as "m" ("intemal") or "m" as "rn"
 * ("rnailbox"), "l" as "1", "I" or "|" ("fu11", "maiIbox"), "o" as "0" ("c0nnection"). A word of the
 * screenshot's text that is no word of any reason's phrases or plain words, but that reads as exactly one
 * of them once those look-alikes are folded together, is that word: "Mai1box fuII" → "Mailbox full".
 * Inside a host name the same holds for the words of the providers' host names ("mfsmax.docorno.ne.jp"
 * is docomo's, whose rules then apply). Nothing else changes: a word the lists know, an address's local
 * part, a code (digits only) or a word whose folded form two listed words share stays as read.
 */

const isLetter = (c: string) => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z");
const lettersIn = (word: string) => {
  let n = 0;
  for (const c of word) if (isLetter(c)) n++;
  return n;
};

/**
 * A word with its look-alikes folded to one letter: "rn" and "m"; "l", "1", "|" and a capital "I" inside
 * a word ("maiIbox"; a first "I" is folded only when `firstI` says so: "Iocal", but "Invalid"); "o" and
 * "0". Then lower case. A lower-case "i" stays itself: "well" is not the German "weil".
 */
export function foldLookAlikes(word: string, firstI = false): string {
  const start = !firstI && word[0] === "I" ? "i" : "";
  return (start + word.slice(start.length))
    .replace(/rn/g, "m")
    .replace(/[1|I]/g, "l")
    .replace(/0/g, "o")
    .toLowerCase();
}

/**
 * Words of the notices' own sentences and markers, which the formats look for ("Transcript of session
 * follows", "Technical details of permanent failure", "Original message", "while talking to").
 */
const NOTICE_WORDS = [
  "address",
  "addresses",
  "attached",
  "below",
  "command",
  "copy",
  "delivered",
  "delivery",
  "details",
  "diagnostic",
  "error",
  "errors",
  "expanded",
  "failed",
  "failure",
  "fatal",
  "follows",
  "following",
  "header",
  "headers",
  "included",
  "local",
  "long",
  "mailbox",
  "message",
  "notification",
  "original",
  "permanent",
  "problem",
  "queue",
  "recipient",
  "recipients",
  "remote",
  "report",
  "returned",
  "session",
  "status",
  "subject",
  "system",
  "talking",
  "technical",
  "temporary",
  "transcript",
  "undeliverable",
  "undelivered",
  "unknown",
  "while",
];

/** Folded word → the word it stands for, or "" where two words fold alike. */
interface Vocabulary {
  known: Set<string>;
  byFold: Map<string, string>;
}
let phraseWords: Vocabulary | undefined;
let hostWords: Vocabulary | undefined;

function vocabularyOf(words: Iterable<string>): Vocabulary {
  const known = new Set<string>();
  for (const w of words) if (lettersIn(w) >= 2) known.add(w);
  const byFold = new Map<string, string>();
  for (const w of known) {
    const f = foldLookAlikes(w);
    const there = byFold.get(f);
    byFold.set(f, there === undefined || there === w ? w : "");
  }
  return { known, byFold };
}

/** The words of every reason's phrases and plain words, and of the notices' own sentences. */
function phraseVocabulary(): Vocabulary {
  phraseWords ??= vocabularyOf([
    ...Object.values(CHECKS).flatMap((check) =>
      (check?.phrases ?? []).flatMap((phrase) => phrase.split(/[^a-z0-9]+/)),
    ),
    ...KEYWORD_WORDS.filter((w) => /^[a-z]{2,}$/.test(w)),
    ...NOTICE_WORDS,
  ]);
  return phraseWords;
}

let gluedPairs: Map<string, string> | undefined;

/**
 * Two neighbouring words of a reason's phrase written together, → the two with a blank: "notfind" →
 * "not find" ("Could not find a gateway"), "forthe" → "for the". OCR drops a narrow blank between two
 * words (a monospaced "t f" or a tight proportional font) and the phrase is then not found. Only pairs
 * of words of three letters or more, and only where one pair is written so.
 */
function gluedPairsOfPhrases(): Map<string, string> {
  if (gluedPairs) return gluedPairs;
  gluedPairs = new Map();
  for (const check of Object.values(CHECKS))
    for (const phrase of check?.phrases ?? []) {
      const words = phrase.split(" ");
      for (let i = 0; i + 1 < words.length; i++) {
        const [a, b] = [words[i]!, words[i + 1]!];
        if (!/^[a-z]{3,}$/.test(a) || !/^[a-z]{3,}$/.test(b)) continue;
        const there = gluedPairs.get(a + b);
        gluedPairs.set(a + b, there === undefined || there === `${a} ${b}` ? `${a} ${b}` : "");
      }
    }
  return gluedPairs;
}

/** The words of the providers' host names: a provider's rules apply by its host name. */
function hostVocabulary(): Vocabulary {
  hostWords ??= vocabularyOf(PROVIDER_HOST_WORDS);
  return hostWords;
}

/** A run of letters, digits and bars: a word as OCR may have misread it. */
const WORD = /[A-Za-z0-9|]{2,40}/g;
/** Letters and the characters OCR reads for "l" and "o" only. */
const LETTERS_AND_LOOKALIKES = /^[A-Za-z01|]+$/;
/** A two-character word is mended only from a zero read for its "o" ("N0 such user", "RCPT T0"). */
const SHORT_WITH_ZERO = /^(?:[A-Za-z]0|0[A-Za-z])$/;

/**
 * The word `word` stands for, in its case, or undefined when it stays as read. Inside a host name
 * ("mfsmax.docorno.ne.jp") only a provider's host word is mended; an address's local part never is.
 */
function mended(word: string, before: string, after: string, afterNext: string): string | undefined {
  if (after === "@") return undefined;
  const inHost = before === "@" || before === "." || (after === "." && /[A-Za-z0-9]/.test(afterNext));
  if (word.length === 2 && !SHORT_WITH_ZERO.test(word)) return undefined;
  // Two letters at least, or one with look-alikes only besides ("t00 long"): not an id ("a1b2c3").
  const letters = lettersIn(word);
  if (letters < Math.min(2, word.length - 1) && !(letters >= 1 && LETTERS_AND_LOOKALIKES.test(word)))
    return undefined;
  const { known, byFold } = inHost ? hostVocabulary() : phraseVocabulary();
  const lower = word.toLowerCase();
  if (known.has(lower)) return undefined;
  const pair = inHost || !/^[A-Za-z][a-z]{5,}$/.test(word) ? undefined : gluedPairsOfPhrases().get(lower);
  if (pair) return word[0] === lower[0] ? pair : pair[0]!.toUpperCase() + pair.slice(1);
  const target = byFold.get(foldLookAlikes(word)) || byFold.get(foldLookAlikes(word, true));
  // A two-letter word only from two characters ("arn" of an Amazon ARN is not "am"), or from an "m" read
  // as "rn" at the word's start, where no English word has one ("in rny list", "upon rny return").
  const mAtStart = word.length === 3 && /^rn/i.test(word) && target?.[0] === "m";
  if (!target || (target.length === 2 && word.length !== 2 && !mAtStart)) return undefined;
  if (inHost) return target;
  if (word === word.toUpperCase() && /[A-Z]{2}/.test(word)) return target.toUpperCase();
  // A capital first letter stays one, but an "I" read for the "l" of "local" was no capital.
  const capital = /^[A-Z]/.test(word) && !(word[0] === "I" && target[0] === "l");
  return capital ? target[0]!.toUpperCase() + target.slice(1) : target;
}

/** The text with the misread phrase words mended. One pass over the text. */
export function mendWords(text: string): string {
  return text.replace(WORD, (word: string, at: number) => {
    const before = text[at - 1] ?? "";
    const end = at + word.length;
    // A longer run cut at 40 characters (a hash, a token) is not a word.
    if (/[A-Za-z0-9|]/.test(before) || /[A-Za-z0-9|]/.test(text[end] ?? "")) return word;
    return mended(word, before, text[end] ?? "", text[end + 1] ?? "") ?? word;
  });
}
