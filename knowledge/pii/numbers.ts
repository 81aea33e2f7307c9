import type { Span } from "./fold.ts";

/**
 * Phone, card, My Number and postal-code numbers, by pattern on the folded text, each checked on its
 * digits. Separators are what people type: "-", ".", "/", blanks, and dashes with blanks around them
 * ("090 - 1111 - 2208"). What must stay readable in a bounce is kept out by the digit checks and the
 * guards around each match: status codes (5.1.1), reply codes, IP addresses (groups of ≤ 3 digits),
 * dates (no leading 0, or too few digits) and sizes.
 */

export type NumberKind = "card" | "mynumber" | "phone" | "postal";

interface NumberRule {
  kind: NumberKind;
  pattern: RegExp;
  accept?: (match: string) => boolean;
}

/** One separator between digit groups; each quantifier bounded, so a scan costs O(length). */
const SEP = "(?: {0,2}[-./] {0,2}| {1,2})";
/** Not glued to more digits, nor continued as one more group ("192.168.10.1", "2024/01/15"). */
const AFTER = "(?![0-9]|[-./][0-9])";

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

const digitsOf = (s: string) => s.replace(/\D/g, "");

/** A Japanese number: 0 and 9 or 10 more digits once the country code (and its "(0)") is taken off. */
function isJapanesePhone(match: string): boolean {
  const international = match.startsWith("+81");
  const digits = digitsOf(international ? match.slice(3).replace("(0)", "") : match);
  const national = international ? `0${digits}` : digits;
  return /^0\d{9,10}$/.test(national) && !/^0(\d)\1+$/.test(national);
}

/**
 * Order matters: where matches overlap, the earlier rule names the merged finding (a card number holds
 * phone-like runs; a 12-digit run is a possible My Number before it is a possible phone number).
 */
export const NUMBER_RULES: readonly NumberRule[] = [
  {
    kind: "card",
    // Solid, in groups of four (4-4-4-1..7), or Amex 4-6-5.
    pattern: new RegExp(
      `(?<![0-9.])(?:[0-9]{13,19}|[0-9]{4}${SEP}[0-9]{4}${SEP}[0-9]{4}${SEP}[0-9]{1,7}|[0-9]{4}${SEP}[0-9]{6}${SEP}[0-9]{4,5})${AFTER}`,
      "g",
    ),
    accept: (m) => {
      const digits = digitsOf(m);
      return digits.length >= 13 && digits.length <= 19 && luhnValid(digits) && !/^(\d)\1+$/.test(digits);
    },
  },
  {
    kind: "mynumber",
    // Every 12-digit run in groups of four is masked: the check digit is not required.
    pattern: new RegExp(`(?<![0-9.])[0-9]{4}${SEP}?[0-9]{4}${SEP}?[0-9]{4}${AFTER}`, "g"),
  },
  {
    kind: "phone",
    // 090-1234-5678, 090.1111.2206, 090/1111/2207, 090 - 1111 - 2208, (03)1234-5678, 09012345678,
    // +81 90 1234 5678, +81 (0)90 1111 2210, +81-3-1234-5678
    pattern: new RegExp(
      `(?<![0-9./+])(?:\\+81 {0,2}(?:\\(0\\) {0,2})?-?|\\(0|0)[0-9]{1,4}\\)?${SEP}?[0-9]{1,4}${SEP}?[0-9]{3,4}${AFTER}`,
      "g",
    ),
    accept: isJapanesePhone,
  },
  {
    kind: "phone",
    // Numbers abroad: +1 212 555 0123, +44 20 7946 0958, +33612345678 (8 to 15 digits with the country).
    pattern: new RegExp(
      `(?<![0-9A-Za-z+])\\+[1-9][0-9]{0,2}(?: {0,2}\\(0\\))?(?:(?:${SEP}[0-9]{1,5}){2,5}|[0-9]{6,13})${AFTER}`,
      "g",
    ),
    accept: (m) => {
      const digits = digitsOf(m.replace("(0)", ""));
      return digits.length >= 8 && digits.length <= 15 && !/^(\d)\1+$/.test(digits.slice(1));
    },
  },
  {
    kind: "postal",
    // 〒150-0001, 〒1500001, 郵便番号 150-0001, and a bare 150-0001.
    pattern:
      /(?:〒 {0,2}|郵便番号[: は]{0,3})[0-9]{3}-?[0-9]{4}(?![0-9])|(?<![0-9.-])[0-9]{3}-[0-9]{4}(?![0-9-])/g,
  },
];

export function findNumbers(folded: string, wanted: (k: NumberKind) => boolean): Span<NumberKind>[] {
  const found: Span<NumberKind>[] = [];
  for (const rule of NUMBER_RULES) {
    if (!wanted(rule.kind)) continue;
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(folded); m; m = rule.pattern.exec(folded)) {
      if (rule.accept && !rule.accept(m[0])) continue;
      found.push({ kind: rule.kind, start: m.index, end: m.index + m[0].length });
    }
  }
  return found;
}
