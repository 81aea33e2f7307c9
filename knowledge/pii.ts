/**
 * Personal-data detector and masker. Everything the assistant logs, stores or echoes passes through here.
 *
 * Detection runs on a "folded" copy of the text in which full-width ASCII (０-９, ＠, －, ...) is mapped to
 * half-width one character for one character, so positions found there are positions in the original.
 * Every pattern has bounded repetition or is a manual scan, so a 1 MB paste stays linear.
 */

export type PiiKind = "email" | "phone" | "postal" | "card" | "mynumber" | "secret";

export interface PiiFinding {
  kind: PiiKind;
  /** UTF-16 offsets into the original text, end exclusive. */
  start: number;
  end: number;
}

/** Maps full-width ASCII (U+FF01..U+FF5E) and ideographic space to half-width; keeps length. */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000\u2010-\u2015\u2212\u30FC]/g, (ch, offset: number) => {
    const code = ch.charCodeAt(0);
    if (code === 0x3000) return " ";
    if (code >= 0xff01) return String.fromCharCode(code - 0xfee0);
    // The long vowel mark is a hyphen only between digits (people type 090ー1234ー5678), not in パスワード.
    if (code === 0x30fc && !(isDigit(text[offset - 1]) && isDigit(text[offset + 1]))) return ch;
    return "-";
  });
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && /[0-9\uFF10-\uFF19]/.test(ch);
}

const LOCAL_CHAR = /[A-Za-z0-9._%+\-!#$&'*/=?^`{|}~]/;
const DOMAIN_CHAR = /[A-Za-z0-9.-]/;

/** Finds mail addresses by expanding around each "@" (a regex would backtrack quadratically on long runs). */
function findEmails(folded: string): PiiFinding[] {
  const found: PiiFinding[] = [];
  let at = folded.indexOf("@");
  let lastEnd = 0;
  while (at !== -1) {
    let start = at;
    while (start > lastEnd && at - start < 64 && LOCAL_CHAR.test(folded[start - 1]!)) start--;
    let end = at + 1;
    while (end < folded.length && end - at < 255 && DOMAIN_CHAR.test(folded[end]!)) end++;
    while (end > at + 1 && (folded[end - 1] === "." || folded[end - 1] === "-")) end--;
    const domain = folded.slice(at + 1, end);
    while (start < at && folded[start] === ".") start++;
    if (start < at && /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(domain)) {
      found.push({ kind: "email", start, end });
      lastEnd = end;
    }
    at = folded.indexOf("@", Math.max(at + 1, lastEnd));
  }
  return found;
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Check digit of a 12-digit My Number (総務省令第85号 §5). */
export function myNumberCheckDigit(first11: string): number {
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = first11.charCodeAt(11 - n) - 48;
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

export function isMyNumber(digits: string): boolean {
  return /^\d{12}$/.test(digits) && myNumberCheckDigit(digits.slice(0, 11)) === Number(digits[11]);
}

interface PatternRule {
  kind: PiiKind;
  pattern: RegExp;
  /** Optional extra check on the digits of the match. */
  accept?: (digits: string, match: RegExpExecArray) => boolean;
  /** Which capture group to mask (default: the whole match). */
  group?: number;
}

const SECRET_WORDS =
  "パスワード|ぱすわーど|暗証番号|PIN|pin|パス|password|Password|PASSWORD|passwd|pwd|PW|pw|ユーザーID|ユーザＩＤ|ログインID|user ?id|User ?ID|login ?id|会員番号|接続用ID";

/**
 * Order matters: where matches overlap, the earlier rule names the merged finding (a card number contains phone-like runs; a
 * 12-digit run is a possible My Number before it is a possible phone number).
 */
export const RULES: readonly PatternRule[] = [
  {
    kind: "secret",
    pattern: new RegExp(
      `(?:${SECRET_WORDS})\\s{0,3}(?:[:=：は]|is|は[:：]?)?\\s{0,3}([\\x21-\\x7E]{3,64})`,
      "g",
    ),
    group: 1,
    accept: (_digits, m) => !/^(?:を|が|の)/.test(m[1]!),
  },
  {
    kind: "card",
    // Written solid, in groups of four (4-4-4-4, 4-4-4-1..7) or as Amex 4-6-5, with one separator.
    pattern: /(?<![\d.])(?:\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}|\d{4}([ -])\d{6}\2\d{4,5})(?![\d.])/g,
    accept: (digits) => digits.length >= 13 && luhnValid(digits) && !/^(\d)\1+$/.test(digits),
  },
  {
    kind: "mynumber",
    pattern: /(?<![\d.])\d{4}[ -]?\d{4}[ -]?\d{4}(?![\d.])/g,
    accept: (digits) => digits.length === 12,
  },
  {
    kind: "phone",
    // +81 90-1234-5678, 090-1234-5678, 03-1234-5678, 0120-123-456, 09012345678, (03)1234-5678
    pattern: /(?<![\d.])(?:\+81[ -]?|\(?0)\d{1,4}\)?[ -]?\d{1,4}[ -]?\d{3,4}(?![\d.])/g,
    accept: (digits) => {
      const national = digits.startsWith("81") ? `0${digits.slice(2)}` : digits;
      return /^0\d{9,10}$/.test(national);
    },
  },
  {
    kind: "postal",
    pattern: /(?:〒\s?\d{3}-?\d{4}|(?<![\d.-])\d{3}-\d{4}(?![\d-]))/g,
  },
];

/**
 * Every rule needs a digit, an "@" or a secret word: text without any (commands, button labels, most
 * log fields, symptoms in words) is answered without running the rules, which are most of the cost.
 */
export const MAY_HOLD_PII = new RegExp(`[0-9@]|${SECRET_WORDS}`);

/** All personal data found in the text, sorted by position, without overlaps. */
export function findPii(text: string, kinds?: readonly PiiKind[]): PiiFinding[] {
  const folded = foldWidth(text);
  if (!MAY_HOLD_PII.test(folded)) return [];
  const wanted = (k: PiiKind) => !kinds || kinds.includes(k);
  const candidates: PiiFinding[] = wanted("email") ? findEmails(folded) : [];
  for (const rule of RULES) {
    if (!wanted(rule.kind)) continue;
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(folded); m; m = rule.pattern.exec(folded)) {
      const digits = m[0].replace(/\D/g, "");
      if (rule.accept && !rule.accept(digits, m)) continue;
      const target = rule.group ? m[rule.group]! : m[0];
      const start = m.index + m[0].lastIndexOf(target);
      candidates.push({ kind: rule.kind, start, end: start + target.length });
    }
  }
  return mergeOverlaps(candidates);
}

/**
 * Overlapping candidates become one finding covering both, named after the higher-priority one (the
 * earlier in `candidates`). Dropping the loser instead would leave part of it unmasked: a card-like run
 * "090-1234-5678 090-1234" must not leave the second phone's "-5678" in clear.
 */
function mergeOverlaps(candidates: PiiFinding[]): PiiFinding[] {
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

/** "taro.yamada@docomo.ne.jp" → "t***@docomo.ne.jp": the domain stays, it tells carrier from ISP. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at <= 0) return address ? "***" : "";
  return `${address[0]}***${address.slice(at)}`;
}

function maskFinding(text: string, f: PiiFinding): string {
  const value = text.slice(f.start, f.end);
  switch (f.kind) {
    case "email":
      return maskAddress(foldWidth(value));
    case "secret":
      return "********"; // fixed length: the mask must not reveal how long the secret was
    default:
      return value.replace(/[0-9０-９]/g, "*");
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
