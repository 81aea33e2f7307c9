import { isAsciiDigit, isAsciiLetter, isHiragana, isKanji, isKatakana, type Span } from "./fold.ts";

/**
 * Mail addresses, found by expanding around each "@" (a regular expression would backtrack on long runs
 * of address characters). Beyond the textbook form it takes what people actually type or what survives
 * a copy from a phone: blanks around the "@" ("rokuro.canary @ example.jp"), a host without a dot
 * ("user@localhost"), a Japanese domain ("taro@例え.jp"). The local part is ASCII only: in
 * 「私のアドレスはtaro@example.jp」 the words before it are not part of the address.
 */

const LOCAL_CHAR = /[A-Za-z0-9._%+\-!#$&'*/=?^`{|}~]/;
const MAX_LOCAL = 64;
const MAX_DOMAIN = 255;
/** Blanks people put around the "@" (after folding, the ideographic space is one of them). */
const MAX_GAP = 2;

const isAsciiDomainChar = (c: number) => isAsciiLetter(c) || isAsciiDigit(c) || c === 0x2d;
/** Letters a Japanese (or accented Latin) domain label may hold. */
const isIdnChar = (c: number) =>
  isKanji(c) || isKatakana(c) || isHiragana(c) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);

function skipBlanks(text: string, from: number, step: 1 | -1): number {
  let i = from;
  while (Math.abs(i - from) < MAX_GAP && text[step === 1 ? i : i - 1] === " ") i += step;
  return i;
}

/**
 * The domain starting at `from`: labels of ASCII or of Japanese letters, joined by dots. Where a label
 * turns from ASCII to Japanese ("example.jpです"), the address ends: the rest is the sentence.
 */
function domainEnd(text: string, from: number): { end: number; dots: number; idn: boolean } {
  let end = from;
  let dots = 0;
  let idn = false;
  let labelStart = from;
  let labelAscii = false;
  while (end < text.length && end - from < MAX_DOMAIN) {
    const c = text.charCodeAt(end);
    if (c === 0x2e) {
      if (end === labelStart) break; // ".." or a leading dot: not a domain any more
      dots++;
      labelStart = end + 1;
      labelAscii = false;
    } else if (isAsciiDomainChar(c)) {
      labelAscii = true;
    } else if (isIdnChar(c) && !labelAscii) {
      idn = true;
    } else {
      break;
    }
    end++;
  }
  // Trailing dots and dashes end a sentence ("…@example.jp."), they are not part of the domain.
  while (end > from && (text[end - 1] === "." || text[end - 1] === "-")) {
    if (text[end - 1] === ".") dots--;
    end--;
  }
  return { end, dots, idn };
}

export function findEmails(folded: string): Span<"email">[] {
  const found: Span<"email">[] = [];
  let lastEnd = 0;
  let at = folded.indexOf("@");
  while (at !== -1) {
    const localEnd = skipBlanks(folded, at, -1);
    let start = localEnd;
    while (start > lastEnd && localEnd - start < MAX_LOCAL && LOCAL_CHAR.test(folded[start - 1]!)) start--;
    while (start < localEnd && folded[start] === ".") start++;
    const domainStart = skipBlanks(folded, at + 1, 1);
    const spaced = localEnd !== at || domainStart !== at + 1;
    const { end, dots, idn } = domainEnd(folded, domainStart);
    const domain = folded.slice(domainStart, end);
    const plausible =
      start < localEnd &&
      domain.length > 0 &&
      domain[0] !== "-" &&
      (dots > 0
        ? true
        : // "user@localhost": only ASCII, with a letter, and written without blanks.
          !spaced && !idn && /[A-Za-z]/.test(domain));
    if (plausible && (!spaced || dots > 0)) {
      found.push({ kind: "email", start, end });
      lastEnd = end;
    }
    at = folded.indexOf("@", Math.max(at + 1, lastEnd));
  }
  return found;
}

/** "taro.yamada@docomo.ne.jp" → "t***@docomo.ne.jp": the domain stays, it tells carrier from ISP. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at <= 0) return address ? "***" : "";
  const domain = address.slice(at + 1).trim();
  // Only an address character may stay: one glued to the words before it would be the user's own.
  const first = /^[!-~]$/.test(address[0]!) ? address[0] : "*";
  return `${first}***@${domain}`;
}
