/**
 * The masker's view of a text: full-width ASCII (０-９, ＠, －, ...) and the ideographic space mapped to
 * half-width, one character for one character, so a position found in the folded copy is the same
 * position in the original.
 */

export function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000\u2010-\u2015\u2212\u30FC]/g, (ch, offset: number) => {
    const code = ch.charCodeAt(0);
    if (code === 0x3000) return " ";
    if (code >= 0xff01) return String.fromCharCode(code - 0xfee0);
    // The long vowel mark is a hyphen only between digits (people type 090ー1234ー5678), not in パスワード.
    if (code === 0x30fc && !(isDigitAt(text, offset - 1) && isDigitAt(text, offset + 1))) return ch;
    return "-";
  });
}

const KANJI_DIGITS = "〇一二三四五六七八九";
const ANY_KANJI_DIGIT = /[〇一二三四五六七八九]/;

/**
 * The folded text with kanji digits as ASCII digits (〇九〇-一二三四-五六七八 → 090-1234-5678), for the
 * number rules only, one character for one character; undefined when no run of three kanji digits (hyphens
 * between them allowed) is in it (「一番」「三日」 alone are words, not numbers, and most texts pay one scan). Place names keep their
 * kanji (六本木, 三重県): the address scan reads kanji house numbers itself.
 */
export function foldKanjiDigits(folded: string): string | undefined {
  // Most texts hold no kanji digit at all: one native scan instead of a character loop.
  if (!ANY_KANJI_DIGIT.test(folded)) return undefined;
  let run = 0;
  let found = false;
  for (let i = 0; i < folded.length && !found; i++) {
    const ch = folded[i]!;
    // A hyphen between two kanji digits keeps the run going (九-八-七, 〇九〇-一二三四).
    if (KANJI_DIGITS.includes(ch)) run++;
    else if (!(ch === "-" && run > 0 && KANJI_DIGITS.includes(folded[i + 1] ?? ""))) run = 0;
    found = run >= 3;
  }
  if (!found) return undefined;
  return folded.replace(/[〇一二三四五六七八九]/g, (ch) => String(KANJI_DIGITS.indexOf(ch)));
}

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** A finding: what kind of personal data, and where (UTF-16 offsets, end exclusive). */
export interface Span<K extends string = string> {
  kind: K;
  start: number;
  end: number;
}

export const isAsciiDigit = (c: number) => c >= 0x30 && c <= 0x39;
export const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
export const isHiragana = (c: number) => c >= 0x3041 && c <= 0x3096;
/** Katakana, the long vowel mark, the middle dot, small ヶ. */
export const isKatakana = (c: number) => c >= 0x30a1 && c <= 0x30fc;
/** CJK ideographs and the repetition mark 々. */
export const isKanji = (c: number) =>
  (c >= 0x4e00 && c <= 0x9fff) ||
  (c >= 0x3400 && c <= 0x4dbf) ||
  (c >= 0xf900 && c <= 0xfaff) ||
  c === 0x3005;
