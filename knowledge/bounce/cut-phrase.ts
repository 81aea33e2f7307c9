import { BOUNCE_WORDS } from "../formats/generic.ts";
import { heldOutTable } from "../holdout.ts";
import { CHECKS } from "../reasons/order.ts";
import { blanksAtLeast, forMatching } from "./text.ts";

/**
 * A screenshot (or a selection on a phone) often ends mid-sentence, and the cut can fall inside the
 * server's reason: "…: connect to example.org[192.0.2.1]:25: Connection timed" with "out" below the
 * screen's edge. Where a pasted fragment says nothing else, the words its last line ends with that
 * begin a reason's phrase are read as that phrase, if every phrase they could begin names the same
 * reason (otherwise it stays unread: no guess). Not at the first line: the last words of phrases are
 * everyday words ("… deliver this message") that an uncut first line starts with just as often. Nor
 * where the words shown are, or begin, the notice's own sentence that only says the mail bounced:
 * "I'm sorry to have to inform you that your message could not" goes on "be delivered to one or more
 * recipients" in Postfix's notice far more often than "be delivered for more than 4 days" (expired).
 */

/** At least this many whole words of the phrase, and this many characters, must be on the screen. */
const MIN_WORDS = 2;
export const MIN_CHARS = 10;
/** Words looked at before the cut (no phrase is longer than this). */
const MAX_WORDS = 12;

/** Words that say nothing by themselves: a phrase's end made of them only is no cut reason. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  "",
  ..."a an the by to for from of in on at with as is was".split(" "),
]);

/**
 * How the notices' own sentences begin, besides the words that say a mail bounced (BOUNCE_WORDS):
 * "The following addresses had permanent fatal errors", "The following message to <x> was undeliverable".
 */
const NOTICE_OPENINGS: readonly (readonly string[])[] = [["the", "following"]];
export const BOUNCE_SENTENCES: readonly (readonly string[])[] = [
  ...NOTICE_OPENINGS,
  ...BOUNCE_WORDS.filter((w) => /^[a-z' -]+$/.test(w)).map((w) => w.split(" ")),
];

/**
 * The index of the phrase's word where a sentence of the notices' own starts that says only that the
 * mail bounced ("your message could not be delivered for more than": 2, at "could not be delivered"),
 * if it starts within the first MIN_WORDS + 1 words, where the words before it are too few to name a
 * reason alone ("all host address lookups failed permanently" names its reason before "failed
 * permanently"). Infinity where there is none.
 */
function bounceSentenceAt(words: readonly string[]): number {
  for (let at = 0; at <= MIN_WORDS && at < words.length; at++)
    if (BOUNCE_SENTENCES.some((s) => s.every((w, i) => words[at + i] === w))) return at;
  return Number.POSITIVE_INFINITY;
}

export interface Completion {
  phrase: string;
  reason: string;
}

/** A table of cut words: the key, and whether it must read as nothing (`ambiguous`) whatever reason. */
export type CutKeys = (words: readonly string[]) => Iterable<{ key: string; ambiguous: boolean }>;

/**
 * Shown words → the phrase they were cut from; `null`: they are cut from phrases of several reasons (or
 * `keysOf` said they read as nothing). Over every reason's whole phrases (not vacation's, not held-out
 * ones), and phrases in parts like "mailbox …full" only with `inParts` (`keysOf` then gets their words,
 * the "…" in them). Built on first use (most fragments never need it, and the classify command's start-up
 * is measured), again after the held-out table changes.
 */
export function cutTable(keysOf: CutKeys, inParts = false): () => ReadonlyMap<string, Completion | null> {
  let table: Map<string, Completion | null> | undefined;
  let heldOut: ReadonlySet<string> = new Set();
  heldOutTable(({ phrases }) => {
    heldOut = phrases;
    table = undefined;
  });
  return () => {
    if (table) return table;
    table = new Map();
    for (const check of Object.values(CHECKS)) {
      if (!check || check.reason === "vacation") continue;
      for (const phrase of check.phrases) {
        if ((!inParts && phrase.includes("…")) || heldOut.has(phrase)) continue;
        for (const { key, ambiguous } of keysOf(phrase.split(" "))) {
          const had = table.get(key);
          if (ambiguous) table.set(key, null);
          else if (had === undefined) table.set(key, { phrase, reason: check.reason });
          else if (had !== null && had.reason !== check.reason) table.set(key, null);
        }
      }
    }
    return table;
  };
}

/**
 * A phrase in parts whose first part is shown whole: at least this many words, this many of them not
 * small words. Its first part is what the phrase's writer took as saying the reason before the part that
 * varies (Yahoo's "dd This user doesn't have a" ⏎ "yahoo.co.jp account"), so a screen cut right after it
 * cut only the varying name. Shorter first parts say too little alone: "mailbox …full", "unable to
 * connect …daemon" (a refused connection as often), "because the domain …could not be found".
 */
const MIN_PART_WORDS = 4;
const MIN_PART_CONTENT_WORDS = 2;

/** A phrase's first words → the phrase. */
const heads = cutTable(function* (words) {
  // Shown up to a word of such a sentence, the words may go on as the notice's sentence does
  // ("your message could not" … "be delivered to one or more recipients"): no cut reason.
  const bounce = bounceSentenceAt(words);
  const part = words.findIndex((w) => w.includes("…"));
  if (part !== -1) {
    const first = words.slice(0, part);
    const key = first.join(" ");
    if (
      part >= MIN_PART_WORDS &&
      first.filter((w) => !FUNCTION_WORDS.has(w)).length >= MIN_PART_CONTENT_WORDS &&
      key.length >= MIN_CHARS
    )
      yield { key, ambiguous: part > bounce };
    return;
  }
  for (let k = MIN_WORDS; k < words.length; k++) {
    // Words the screen cut off must say something: "… Connection refused" is whole as it stands
    // (Postfix's "connect to x[…]:25: Connection refused"), not "connection refused by" cut.
    if (words.slice(k).every((w) => FUNCTION_WORDS.has(w))) continue;
    const key = words.slice(0, k).join(" ");
    if (key.length >= MIN_CHARS) yield { key, ambiguous: k > bounce };
  }
}, true);

/** A phrase's last words (or all of them) → the phrase: words a sentence ends with as it stands. */
const ends = cutTable(function* (words) {
  for (let k = MIN_WORDS; k <= words.length; k++) yield { key: words.slice(-k).join(" "), ambiguous: false };
});

/**
 * The phrase whose first words end the text, and how many of its words are shown; undefined
 * unless those words begin one reason's phrases only, and end no other reason's phrase: "does not
 * exist" and "mailbox unavailable" end whole sentences of other reasons ("553 example.jp does not
 * exist", "Requested action not taken: mailbox unavailable") as often as they begin a longer one.
 */
function lookUp(words: readonly string[], least: number): { phrase: string; shown: number } | undefined {
  for (let k = Math.min(MAX_WORDS, words.length); k >= least; k--) {
    const key = words.slice(-k).join(" ");
    const found = heads().get(key);
    const whole = found ? ends().get(key) : undefined;
    if (found && whole !== undefined && whole?.reason !== found.reason) return undefined;
    if (found) return { phrase: found.phrase, shown: k };
    // Words several reasons' phrases begin with say no more when fewer of them are taken.
    if (found === null) return undefined;
  }
  return undefined;
}

/**
 * The fragment's body with the phrase its last words begin completed at the end, or the body itself
 * when it ends with no reason's first words; `least`: how many of the phrase's words must be shown.
 */
export function completeCutPhrase(body: string, least = MIN_WORDS): string {
  // Fewer blanks than `least` words need: no phrase is shown (a typed Japanese message), nothing built.
  if (!blanksAtLeast(body, least - 1, Math.max(0, body.length - 400))) return body;
  // The last words of the text, not of its last line: a narrow screen may have wrapped the phrase too
  // ("Connection" / "    timed").
  const end = lookUp(forMatching(body.slice(-400)).split(" "), least);
  // A phrase in parts is completed with its later parts: what stood between them is not known.
  const rest = end?.phrase.split(" ").slice(end.shown).join(" ").replaceAll("…", "");
  return end ? `${body.trimEnd()} ${rest}\n` : body;
}
