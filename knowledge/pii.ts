import { ADDRESS_WORDS, findAddresses } from "./pii/address.ts";
import { findEmails, maskAddress } from "./pii/email.ts";
import { foldKanjiDigits, foldWidth, type Span } from "./pii/fold.ts";
import { findNumbers, type NumberKind } from "./pii/numbers.ts";
import { findBirthDates, findNames, PERSON_WORDS } from "./pii/person.ts";
import { findSecrets, SECRET_WORDS } from "./pii/secret.ts";

/**
 * The one masker, and the one policy for personal data. Everything the assistant logs, stores, prints
 * or echoes passes through `maskPii` first (bot/logger.ts, the classifier's records, the escalation
 * summary, the CLI); the session keeps only the masked diagnosis (dialogs/conversation.ts). The kinds
 * are found by the modules in pii/, each a bounded scan (linear in the text's length):
 *
 * | kind        | examples                                                                        |
 * | ----------- | ------------------------------------------------------------------------------- |
 * | `email`     | taro@example.jp, rokuro.canary @ example.jp, user@localhost, taro@例え.jp        |
 * | `phone`     | 090-1234-5678, 090.1111.2206, 090/1111/2207, 090 - 1111 - 2208, +81 (0)90 …     |
 * | `card`      | 4111 1111 1111 1111, 4111.1111.1111.1111, 4111/1111/… (Luhn-checked)            |
 * | `mynumber`  | any 12-digit run in groups of four                                              |
 * | `postal`    | 〒150-0001, 郵便番号 1500001, 150-0001                                           |
 * | `address`   | 東京都渋谷区神宮前9-8-7 カナリア荘101, 1-2-3 Jingumae, Shibuya-ku, Tokyo          |
 * | `secret`    | the value after パスワード, 暗証番号, pass=, passcode:, Password - …, PIN:      |
 * | `birthdate` | 生年月日は1975年4月1日, 誕生日 4/1, 1975年4月1日生まれ, DOB: 1975-04-01           |
 * | `name`      | 名前は山田太郎です, 山田太郎と申します, 私は山田太郎です, My name is Taro Yamada |
 *
 * Left alone, so a bounce stays readable: status and reply codes, IP addresses, dates and times,
 * queue ids, sizes, host names.
 *
 * What is kept unmasked, and for how long: a message's text only while its turn is read. The readers that
 * remember the last strings they folded or scanned (fold.ts, symptom-text.ts, …) forget them when the
 * interpretation ends, answered or failed (turn-memory.ts; test/turn-memory.test.ts looks for a typed
 * canary on the heap after the turn). Beyond the turn: the masked diagnosis (the session) and the
 * meanings of recent texts, keyed by their SHA-256 only (bot/recent-results.ts).
 */

export type PiiKind = "email" | NumberKind | "secret" | "address" | "birthdate" | "name";
export type PiiFinding = Span<PiiKind>;

export { isMyNumber, myNumberCheckDigit } from "./pii/numbers.ts";
export { foldWidth, maskAddress };

/**
 * Every kind needs a digit, an "@" or one of these words: text without any (commands, button labels,
 * most log fields, symptoms in words) is answered without running the scans, which are most of the cost.
 */
const TRIGGER_WORDS = [...SECRET_WORDS, ...PERSON_WORDS, ...ADDRESS_WORDS].map((w) =>
  w.toLowerCase().replace(" ?id", ""),
);

function mayHoldPii(folded: string, kanjiDigits: string | undefined): boolean {
  if (kanjiDigits !== undefined) return true;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || c === 0x40) return true;
  }
  const lower = folded.toLowerCase();
  return TRIGGER_WORDS.some((w) => lower.includes(w));
}

/*
 * In ASCII text no Japanese address, label or introduction can be, and each other kind needs something
 * a pattern test finds at once (so a text without it skips that kind's scans, a dozen regular
 * expressions in all):
 * - a number: a run of four digits, or "+" and a digit (every number rule: a Japanese phone the rules
 *   accept has ten digits in at most three runs);
 * - a secret: its word; a birth date or a name: its label;
 * - a romanised address: a digit (its house number or postal code) and, where it starts, a word of its
 *   own that is capitalised ("Tokyo") or ends in -ku, -shi, ... ("shibuya-ku").
 */
const SECRET_WORD = /pw|pin|pass|login ?id|user ?id/i;
const NUMBER_START = /[0-9]{4}|\+[0-9]/;
const BIRTH_WORD = /birth|born|d\.?o\.?b/i;
const NAME_WORD = /name/i;
const PLACE_SUFFIX = /-(?:ku|shi|cho|machi|gun|mura|ken)/i;
const CAPITALISED_WORD = /(?<![A-Za-z])[A-Z]/;
const DIGIT = /[0-9]/;
/** Any of the five above (the capitalised word aside): one test for the usual case, none of them. */
const ASCII_TRIGGER =
  /pw|pin|pass|login ?id|user ?id|[0-9]{4}|\+[0-9]|birth|born|d\.?o\.?b|name|-(?:ku|shi|cho|machi|gun|mura|ken)/i;
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Every kind's candidates, in priority order for overlaps: a phone number as the local part of a carrier
 * address (09012345678@docomo.ne.jp) is a mail address; a postal address holds its postal code. In ASCII
 * text, a kind whose trigger is missing is not scanned for (it would find nothing): a classify --json line
 * (a masked recipient, a status, a reply code) is scanned for mail addresses only.
 */
function candidatesIn(folded: string, kanjiDigits: string | undefined): PiiFinding[] {
  return [
    ...findEmails(folded),
    ...findSecrets(folded),
    ...findAddresses(folded),
    ...findNumbers(kanjiDigits ?? folded, () => true),
    ...findBirthDates(folded),
    ...findNames(folded),
  ];
}

/** candidatesIn for an ASCII text: only the kinds whose triggers are in it are scanned for. */
function asciiCandidatesIn(folded: string): PiiFinding[] {
  const capitalised = CAPITALISED_WORD.test(folded);
  if (!capitalised && !ASCII_TRIGGER.test(folded)) return findEmails(folded);
  const place = (capitalised || PLACE_SUFFIX.test(folded)) && DIGIT.test(folded);
  return [
    ...findEmails(folded),
    ...(SECRET_WORD.test(folded) ? findSecrets(folded) : []),
    ...(place ? findAddresses(folded) : []),
    ...(NUMBER_START.test(folded) ? findNumbers(folded, () => true) : []),
    ...(BIRTH_WORD.test(folded) ? findBirthDates(folded) : []),
    ...(NAME_WORD.test(folded) ? findNames(folded) : []),
  ];
}

/** All personal data found in the text, sorted by position, without overlaps. */
export function findPii(text: string, kinds?: readonly PiiKind[]): PiiFinding[] {
  const folded = foldWidth(text);
  // Kanji digits are not ASCII: an ASCII text has none to fold (and skips the scan for them).
  const ascii = !NON_ASCII.test(folded);
  const kanjiDigits = ascii ? undefined : foldKanjiDigits(folded);
  if (!mayHoldPii(folded, kanjiDigits)) return [];
  const merged = mergeOverlaps(ascii ? asciiCandidatesIn(folded) : candidatesIn(folded, kanjiDigits));
  return kinds ? merged.filter((f) => kinds.includes(f.kind)) : merged;
}

/**
 * Overlapping candidates become one finding covering both, named after the higher-priority one (the
 * earlier in `candidates`). Dropping the loser instead would leave part of it unmasked: a card-like run
 * "090-1234-5678 090-1234" must not leave the second phone's "-5678" in clear.
 */
function mergeOverlaps(candidates: PiiFinding[]): PiiFinding[] {
  // Most texts (a classify --json line: its masked recipient) have one finding or none: nothing to merge.
  if (candidates.length <= 1) return candidates.map(({ kind, start, end }) => ({ kind, start, end }));
  // Spelled out, not spread ({ ...c, priority }): a spread copy cost ~5 us per finding (a long paste of addresses).
  const ranked = candidates.map(({ kind, start, end }, priority) => ({ kind, start, end, priority }));
  ranked.sort((a, b) => a.start - b.start || a.priority - b.priority);
  const merged: (PiiFinding & { priority: number })[] = [];
  for (const c of ranked) {
    const last = merged.at(-1);
    if (last && c.start < last.end) {
      last.end = Math.max(last.end, c.end);
      if (c.priority < last.priority) {
        last.kind = c.kind;
        last.priority = c.priority;
      }
    } else {
      merged.push(c);
    }
  }
  return merged.map(({ kind, start, end }) => ({ kind, start, end }));
}

export function containsPii(text: string, kinds?: readonly PiiKind[]): boolean {
  return findPii(text, kinds).length > 0;
}

/**
 * Inside a pasted bounce, mail addresses are what the bounce is about (masked, never warned about);
 * everything else is the user's own data, and so is anything outside a bounce.
 */
const WARN_IN_BOUNCE: readonly PiiKind[] = [
  "phone",
  "card",
  "mynumber",
  "postal",
  "address",
  "secret",
  "birthdate",
  "name",
];

/** Whether the user should be told not to send personal data (the text is masked either way). */
export function shouldWarn(text: string, where: "bounce" | "chat"): boolean {
  return findPii(text, where === "bounce" ? WARN_IN_BOUNCE : undefined).length > 0;
}

function maskFinding(text: string, f: PiiFinding): string {
  const value = text.slice(f.start, f.end);
  switch (f.kind) {
    case "email":
      return maskAddress(foldWidth(value).replace(/ /g, ""));
    case "secret":
      return "********"; // fixed length: the mask must not reveal how long the secret was
    case "address":
    case "name":
      return "***";
    case "birthdate":
      return value.replace(/[A-Za-z]+/g, "***").replace(/[0-9０-９〇一二三四五六七八九]/g, "*");
    default:
      return value.replace(/[0-9０-９〇一二三四五六七八九]/g, "*");
  }
}

/** Text with every finding replaced by its mask. */
export function maskPii(text: string, kinds?: readonly PiiKind[]): string {
  const findings = findPii(text, kinds);
  if (findings.length === 0) return text;
  let out = "";
  let pos = 0;
  for (const f of findings) {
    out += text.slice(pos, f.start) + maskFinding(text, f);
    pos = f.end;
  }
  return out + text.slice(pos);
}
