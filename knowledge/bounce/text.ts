/** Small string helpers shared by the formats. All of them run in linear time on any input. */

/** CRLF and bare CR (old Mac mail) become LF. */
export function toLf(text: string): string {
  return text.indexOf("\r") === -1 ? text : text.replace(/\r\n?/g, "\n");
}

/** Lower case, every run of white space one blank, trimmed: the form phrases are matched against. */
export function squash(text: string): string {
  // Most texts are squashed already (single blanks between words): a scan finds that without
  // rebuilding the string blank by blank. A line break (a notice's lines joined) says at once that it is not.
  return text.includes("\n") || ODD_SPACE.test(text) ? text.replace(/\s+/g, " ").trim() : text;
}
/** White space other than one blank between two words. */
const ODD_SPACE = /[^\S ]| {2}|^ | $/;

/**
 * Whether the text holds at least `n` white-space characters from `from` on (within lines only: line
 * breaks not counted): a text squashed and split at blanks has at most that many plus one words. A cheap
 * gate before splitting (a typed Japanese message has no blank at all): no string is built.
 */
export function blanksAtLeast(text: string, n: number, from = 0, withinLines = false): boolean {
  if (n <= 0) return true;
  const blank = withinLines ? BLANK_IN_LINE : BLANK;
  blank.lastIndex = from;
  let count = 0;
  while (blank.test(text)) if (++count >= n) break;
  blank.lastIndex = 0;
  return count >= n;
}
const BLANK = /\s/g;
const BLANK_IN_LINE = /[^\S\n]/g;

/** Does the text, lower-cased, contain one of these (lower-case) words? Lower-cases the text once. */
export function mentionsAny(text: string, words: readonly string[]): boolean {
  return includesAny(text.toLowerCase(), words);
}

/**
 * Whether the text holds one of the words, as it stands (no folding, no lower-casing). A loop, no closure per
 * call: format detectors and the typed-text readers ask it of every text (dialogs/text.ts re-exports it).
 */
export function includesAny(text: string, words: readonly string[]): boolean {
  for (const w of words) if (text.includes(w)) return true;
  return false;
}

/** Kana and kanji (and the ideographic comma and full stop). */
const JAPANESE_CHAR = /[\u3001\u3002\u3040-\u30ff\u4e00-\u9fff]/;
/** A blank between two Japanese characters: a line break of the notice's (or the screen's), squashed. */
const JAPANESE_GAP =
  /(?<=[\u3001\u3002\u3040-\u30ff\u4e00-\u9fff]) (?=[\u3001\u3002\u3040-\u30ff\u4e00-\u9fff])/g;

/**
 * Japanese is written without blanks, so a blank between two Japanese characters is a line break that
 * squash made one: 「宛先のメールアドレスが存」⏎「在しないため…」 is one word. Gone, a phrase the break
 * cut in two is found again.
 */
export function joinJapanese(text: string): string {
  return JAPANESE_CHAR.test(text) ? text.replace(JAPANESE_GAP, "") : text;
}

/** `squash` lower-cased, blanks inside Japanese gone: what the reason checks see. */
export function forMatching(text: string): string {
  return joinJapanese(squash(text).toLowerCase());
}

/**
 * The characters of an address's local part (RFC 5322 atext and dots, ASCII only), as a regex source to
 * build patterns from. ASCII only on purpose: in a paste such as 「…です。taro@example.com」 the Japanese
 * text before the address must not become part of it.
 */
const LOCAL_SYMBOLS = "!#$%&'*+/=?^_`{|}~.-"; // "-" last: it stays literal inside [...]
export const LOCAL_PART_CHARS = `A-Za-z0-9${LOCAL_SYMBOLS}`;

const isLocalChar = (c: number): boolean => isAlnum(c) || LOCAL_SYMBOLS.includes(String.fromCharCode(c));
const isAlnum = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isLabelChar = (c: number): boolean => isAlnum(c) || c === 0x2d;
const isLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * Where a domain that starts at `i` ends, or -1: 1–8 labels each ended by a dot (the first ≤ 63
 * characters, the others ≤ 62, letters, digits and "-"), then a top-level domain of 2–24 letters, as few
 * labels as it takes when the last ones are followed by no letters: what
 * /[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.){1,8}[A-Za-z]{2,24}/ matches, with no backtracking.
 */
function domainEnd(text: string, i: number): number {
  const first = text.charCodeAt(i);
  if (!isAlnum(first)) return -1;
  const groupEnds: number[] = [];
  let at = i + 1;
  while (groupEnds.length < 8) {
    let end = at;
    while (end < text.length && end - at <= 62 && isLabelChar(text.charCodeAt(end))) end++;
    if (end - at > 62 || text[end] !== ".") break;
    at = end + 1;
    groupEnds.push(at);
  }
  for (let g = groupEnds.length - 1; g >= 0; g--) {
    const start = groupEnds[g]!;
    let end = start;
    while (end < text.length && end - start < 24 && isLetter(text.charCodeAt(end))) end++;
    if (end - start >= 2) return end;
  }
  return -1;
}

/**
 * Every mail address in the text, in order, without angle brackets: a local part of 1–64 RFC 5322
 * characters, "@", a domain (see domainEnd). By hand from each "@", so text without one costs one
 * indexOf and no run of address characters is rescanned.
 */
export function findAddresses(text: string): string[] {
  const found: string[] = [];
  let from = 0; // where the previous address ended: the next one starts after it
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    let start = at;
    while (start > from && at - start < 64 && isLocalChar(text.charCodeAt(start - 1))) start--;
    if (start === at) continue;
    const end = domainEnd(text, at + 1);
    if (end === -1) continue;
    found.push(trimRuns(text.slice(start, end), ".", "start"));
    if (found.length > 200) break;
    from = end;
    at = end - 1;
  }
  return found;
}

/** The first mail address in the text, or "". */
export function firstAddress(text: string): string {
  return findAddresses(text)[0] ?? "";
}

/** Domain part of an address, lower-cased, or "". */
export function domainOf(address: string): string {
  const at = address.lastIndexOf("@");
  return at < 0 ? "" : address.slice(at + 1).toLowerCase();
}

/**
 * An address as OCR may have read it, its look-alikes folded to one letter: "rn" and "m", "1", "|" and
 * "I" and "l", "0" and "o". A screenshot's notice names a recipient twice or more (its entry, the
 * report's Final-Recipient) and one of them may come back "examp1e.org" or "rnikeneko@": still the
 * same recipient. No two real recipients of one notice differ only so.
 */
function addressKey(address: string): string {
  return address
    .replace(/[<>]/g, "")
    .replace(/rn/g, "m")
    .replace(/[1|I]/g, "l")
    .replace(/0/g, "o")
    .toLowerCase();
}

/** True when two addresses name the same mailbox (case-insensitive, angle brackets and OCR's look-alikes ignored). */
export function sameAddress(a: string, b: string): boolean {
  if (a === "") return false;
  const plain = (x: string) => x.replace(/[<>]/g, "").toLowerCase();
  return plain(a) === plain(b) || addressKey(a) === addressKey(b);
}

/** Drops runs of `char` from both ends (or one). A loop: `/#+$/` retries every run from each start. */
export function trimRuns(text: string, char: string, ends: "both" | "start" | "end" = "both"): string {
  let start = 0;
  let end = text.length;
  if (ends !== "end") while (start < end && text[start] === char) start++;
  if (ends !== "start") while (end > start && text[end - 1] === char) end--;
  return text.slice(start, end);
}

/** The text up to the first character `stop` accepts, or all of it. */
export function upTo(text: string, stop: (char: string) => boolean): string {
  for (let i = 0; i < text.length; i++) if (stop(text[i]!)) return text.slice(0, i);
  return text;
}

/**
 * True when one of `firsts` is followed, within `gap` characters after its end, by one of `thens`: what
 * /a[\s\S]{0,600}b/ says, without retrying the window from every occurrence of a. Pass lower case.
 */
export function followedWithin(
  lower: string,
  firsts: readonly string[],
  thens: readonly string[],
  gap: number,
): boolean {
  // The next occurrence of each `then` at or after a position, found once per position it moves past.
  const next = thens.map(() => -1);
  for (const first of firsts) {
    next.fill(-1);
    for (let at = lower.indexOf(first); at !== -1; at = lower.indexOf(first, at + 1)) {
      const from = at + first.length;
      for (let i = 0; i < thens.length; i++) {
        if (next[i] !== Number.POSITIVE_INFINITY && next[i]! < from) {
          const found = lower.indexOf(thens[i]!, from);
          next[i] = found === -1 ? Number.POSITIVE_INFINITY : found;
        }
        if (next[i]! - from <= gap) return true;
      }
    }
  }
  return false;
}

/** Lines of the text; each cut to `maxLine` characters so no later pattern sees an unbounded line. */
export function linesOf(text: string, maxLine = 2000): string[] {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > maxLine) lines[i] = line.slice(0, maxLine);
  }
  return lines;
}

/** Index of the first line that contains any of the markers (case-insensitive), or -1. */
export function indexOfLine(lines: readonly string[], markers: readonly string[], from = 0): number {
  for (let i = from; i < lines.length; i++) {
    const lower = lines[i]!.toLowerCase();
    if (markers.some((m) => lower.includes(m))) return i;
  }
  return -1;
}

/** The text before the first of the markers (case-insensitive), or all of it. */
export function cutAt(text: string, markers: readonly string[]): string {
  const lower = text.toLowerCase();
  let end = text.length;
  for (const m of markers) {
    const at = lower.indexOf(m);
    if (at !== -1 && at < end) end = at;
  }
  return text.slice(0, end);
}
