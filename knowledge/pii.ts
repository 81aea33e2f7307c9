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
 */

export type PiiKind = "email" | NumberKind | "secret" | "address" | "birthdate" | "name";
export type PiiFinding = Span<PiiKind>;

export { isMyNumber, myNumberCheckDigit } from "./pii/numbers.ts";
export { foldWidth, maskAddress };

/**
 * Every kind needs a digit, an "@" or one of these words: text without any (commands, button labels,
 * most log fields, symptoms in words) is answered without running the scans, which are most of the cost.
 */
const TRIGGER_WORDS = [...SECRET_WORDS, ...PERSON_WORDS, ...ADDRESS_WORDS].map((w) => w.toLowerCase());

function mayHoldPii(folded: string, kanjiDigits: string | undefined): boolean {
  if (kanjiDigits !== undefined) return true;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || c === 0x40) return true;
  }
  const lower = folded.toLowerCase();
  return TRIGGER_WORDS.some((w) => lower.includes(w.replace(" ?id", "")));
}

/**
 * In ASCII text (no Japanese address, label or introduction can be in it) every kind but a mail address
 * needs one of these: a run of four digits or "+" and a digit (every number rule; a Japanese phone the
 * rules accept has ten digits in at most three runs), a secret's word, a birth-date or name label, a
 * romanised "X-ku". The one other start, a capitalised place name ("Tokyo"), is CAPITALISED_WORD.
 */
const ASCII_TRIGGER =
  /[0-9]{4}|\+[0-9]|pw|pin|pass|login ?id|user ?id|birth|born|d\.?o\.?b|name|-(?:ku|shi|cho|machi|gun|mura|ken)/i;
/** A romanised address starts at a word of its own: "Tokyo", "Shibuya-ku" (see pii/address.ts). */
const CAPITALISED_WORD = /(?<![A-Za-z])[A-Z]/;
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Whether only mail addresses can be in the (folded) text: ASCII with none of the other kinds' triggers.
 * A classify --json line (its masked recipient, a status, a reply code) is such a text: its scans for the
 * other kinds (a dozen regular expressions) would find nothing.
 */
const onlyAddresses = (folded: string) =>
  !NON_ASCII.test(folded) && !ASCII_TRIGGER.test(folded) && !CAPITALISED_WORD.test(folded);

/** All personal data found in the text, sorted by position, without overlaps. */
export function findPii(text: string, kinds?: readonly PiiKind[]): PiiFinding[] {
  const folded = foldWidth(text);
  const kanjiDigits = foldKanjiDigits(folded);
  if (!mayHoldPii(folded, kanjiDigits)) return [];
  if (onlyAddresses(folded)) {
    const emails = mergeOverlaps(findEmails(folded));
    return kinds ? emails.filter((f) => kinds.includes(f.kind)) : emails;
  }
  // Priority order for overlaps: a phone number as the local part of a carrier address
  // (09012345678@docomo.ne.jp) is a mail address; a postal address holds its postal code.
  const candidates: PiiFinding[] = [
    ...findEmails(folded),
    ...findSecrets(folded),
    ...findAddresses(folded),
    ...findNumbers(kanjiDigits ?? folded, () => true),
    ...findBirthDates(folded),
    ...findNames(folded),
  ];
  const merged = mergeOverlaps(candidates);
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
  const ranked = candidates.map((c, priority) => ({ ...c, priority }));
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
