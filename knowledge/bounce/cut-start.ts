import { BOUNCE_SENTENCES, cutTable, FUNCTION_WORDS, MIN_CHARS } from "./cut-phrase.ts";
import { blanksAtLeast, forMatching } from "./text.ts";

/**
 * The other end of cut-phrase.ts: a screenshot scrolled down, or a selection dragged from the middle of
 * a line, starts after the first words of the server's reason: "unknown in local recipient table" with
 * "User" above the screen's top edge. Where a pasted fragment says nothing else, the words its first line
 * starts with that end a reason's phrase are read as that phrase, if every phrase they could end names
 * the same reason (otherwise it stays unread: no guess). The words shown must say something of their
 * own: three of them at least, two of them not small words, and the line must not hold a sentence of
 * the notice's own that says only that the mail bounced ("the mail to the following recipients:").
 */

/** At least this many whole words of the phrase must be on the screen (and MIN_CHARS characters). */
const MIN_START_WORDS = 3;
/** Of them, this many besides small words: "the mail to" (… "the following recipients") says nothing. */
const MIN_CONTENT_WORDS = 2;
/**
 * Words of the SMTP dialogue and of any notice, which end phrases of every reason: Postfix's "(in reply
 * to RCPT TO command)" ends one user-unknown phrase, and is on nearly every Postfix line.
 */
const DIALOGUE_WORDS: ReadonlySet<string> = new Set(
  "(in reply rcpt mail from data command command) message email e-mail your this that sent".split(" "),
);
/** Words looked at after the cut (no phrase is longer than this). */
const MAX_WORDS = 12;

/** Whether the words hold a sentence of the notices' own that only says the mail bounced. */
function holdsBounceSentence(words: readonly string[]): boolean {
  for (let at = 0; at < words.length; at++)
    if (BOUNCE_SENTENCES.some((s) => s.every((w, i) => words[at + i] === w))) return true;
  return false;
}

/** A phrase's last words → the phrase. */
const tails = cutTable(function* (words) {
  for (let k = MIN_START_WORDS; k < words.length; k++) {
    const shown = words.slice(words.length - k);
    if (shown.filter((w) => !FUNCTION_WORDS.has(w) && !DIALOGUE_WORDS.has(w)).length < MIN_CONTENT_WORDS)
      continue;
    const key = shown.join(" ");
    if (key.length >= MIN_CHARS) yield { key, ambiguous: holdsBounceSentence(shown) };
  }
});

/** The word's trailing sentence marks taken off: "disabled." → "disabled". */
function withoutStop(word: string): string {
  let end = word.length;
  while (end > 0 && ".,;:!?".includes(word[end - 1]!)) end--;
  return word.slice(0, end);
}

/** The first two words of the keys of tails() (each has three at least), for the table they were taken from. */
let openingsOf: ReadonlyMap<string, unknown> | undefined;
let openings: ReadonlySet<string> = new Set();

/** Where the run of characters from `at` ends that are ASCII blanks (`blank`) or not; -1 at a character beyond ASCII. */
function runEnd(line: string, at: number, end: number, blank: boolean): number {
  for (; at < end; at++) {
    const code = line.charCodeAt(at);
    if (code >= 0x80) return -1;
    if ((code === 0x20 || (code >= 0x09 && code <= 0x0d)) !== blank) break;
  }
  return at;
}

/**
 * Whether the line's first two words may start a key of tails(): false when they surely start none, the
 * case of nearly every typed text with blanks ("why did my mail come back?"), found by scanning the line's
 * characters without building its words as lookUp does. Words of ASCII characters, parted by ASCII
 * blanks, are lookUp's first two words as they stand (lower-cased); any other character is left to lookUp
 * (Japanese joined across a blank by forMatching, a blank beyond ASCII).
 */
function mayEndPhrase(line: string): boolean {
  const table = tails();
  if (table !== openingsOf) {
    const starts = new Set<string>();
    for (const key of table.keys()) starts.add(key.slice(0, key.indexOf(" ", key.indexOf(" ") + 1)));
    openings = starts;
    openingsOf = table;
  }
  const end = Math.min(line.length, 400);
  const first = runEnd(line, 0, end, false);
  const gap = first === -1 ? -1 : runEnd(line, first, end, true);
  const second = gap === -1 ? -1 : runEnd(line, gap, end, false);
  if (second === -1) return true;
  // One word only: lookUp needs three.
  if (gap === end) return false;
  const words =
    gap === first + 1 && line.charCodeAt(first) === 0x20
      ? line.slice(0, second)
      : `${line.slice(0, first)} ${line.slice(gap, second)}`;
  return openings.has(words.toLowerCase());
}

/** The phrase whose last words the line starts with (by its first MAX_WORDS words), with how many. */
function lookUp(line: string, least: number): { phrase: string; shown: number } | undefined {
  if (!mayEndPhrase(line)) return undefined;
  const words = forMatching(line.slice(0, 400)).split(" ");
  // The line goes on as the notice's own sentence does ("the mail to the following recipients:"):
  // an uncut line of the notice, not a reason cut.
  if (holdsBounceSentence(words.slice(0, MAX_WORDS))) return undefined;
  // The longest run of first words that ends a phrase: "unknown in local recipient table" before
  // "local recipient table".
  for (let k = Math.min(MAX_WORDS, words.length); k >= Math.max(least, MIN_START_WORDS); k--) {
    const key = words.slice(0, k).join(" ");
    // The phrase may end where the sentence does ("account that you tried to reach is disabled."): its
    // last word is then read without the full stop or comma after it (phrases that end in one, "does
    // not exist.", are looked up as shown first).
    const bare = withoutStop(key);
    const exact = tails().get(key);
    const found = exact !== undefined || bare === key ? exact : tails().get(bare);
    if (found) return { phrase: found.phrase, shown: k };
    // Words several reasons' phrases end with say no more when fewer of them are taken.
    if (found === null) return undefined;
  }
  return undefined;
}

/**
 * The fragment's body with the phrase its first words end completed at the start, or the body itself
 * when it starts with no reason's last words; `least`: how many of the phrase's words must be shown.
 * The first line, or the first after a lone line and a blank: a screenshot's text starts with the
 * subject the mail app shows above the notice ("Delivery Status Notification (Failure)").
 */
export function completeCutStart(body: string, least = MIN_START_WORDS): string {
  // No line holds the blanks of MIN_START_WORDS words (a typed Japanese message): nothing to complete.
  if (!blanksAtLeast(body, Math.max(least, MIN_START_WORDS) - 1, 0, true)) return body;
  const lines = body.split("\n", 8);
  const first = lines.findIndex((l) => l.trim() !== "");
  if (first === -1) return body;
  const candidates = [first];
  const next = lines.findIndex((l, i) => i > first + 1 && l.trim() !== "");
  if (lines[first + 1]?.trim() === "" && next !== -1) candidates.push(next);
  for (const at of candidates) {
    const found = lookUp(lines[at]!.trim(), least);
    if (!found) continue;
    const cut = found.phrase.split(" ");
    const all = body.split("\n");
    all[at] = `${cut.slice(0, cut.length - found.shown).join(" ")} ${all[at]!.trim()}`;
    return all.join("\n");
  }
  return body;
}
