/**
 * Rebuilding text from what OCR saw: words with their boxes (tesseract's TSV output, the same from the
 * Debian CLI and from tesseract.js). The boxes tell what the recognised text alone cannot:
 * - a blank line is a gap between two rows, not tesseract's guess of a new paragraph;
 * - an indented row starts further right than the text's margin;
 * - a row the screen wrapped ends so close to the right edge that the next row's first word would not
 *   have fitted after it: the two rows are one line of the mail, joined again here, so the classifier
 *   reads "550 5.1.1 <x@example.jp>... User Unknown" as the server wrote it.
 * Every step is a pass over the words: linear in their number.
 */

import { ENTRY_INDENT, endsMidSentence, keepsBreak } from "../bounce/unwrap.ts";

export interface OcrWord {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  /** tesseract's confidence, 0–100. */
  conf: number;
  /** block/paragraph/line numbers: the row the word belongs to. */
  row: string;
}

export interface OcrPage {
  /** The image's width in pixels (0 when not known). */
  width: number;
  words: OcrWord[];
}

/** Words of a TSV page (level 5 rows; level 1 gives the page's size); junk rows are skipped. */
export function pageOfTsv(tsv: string): OcrPage {
  const words: OcrWord[] = [];
  let width = 0;
  for (const line of tsv.split("\n")) {
    if (line.startsWith("1\t") && width === 0) width = Number(line.split("\t")[8]) || 0;
    if (!line.startsWith("5\t")) continue;
    const f = line.split("\t");
    const text = (f[11] ?? "").trim();
    if (f.length < 12 || text === "") continue;
    words.push({
      text,
      left: Number(f[6]),
      top: Number(f[7]),
      width: Number(f[8]),
      height: Number(f[9]),
      conf: Number(f[10]),
      row: `${f[2]}.${f[3]}.${f[4]}`,
    });
  }
  return { width, words };
}

interface Row {
  words: OcrWord[];
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * The row's box. Its top and bottom are the words' medians: one tall thing on the row (an avatar, an
 * icon read as "oO") would otherwise make it overlap the rows above and below.
 */
function rowOf(words: OcrWord[]): Row {
  let left = Number.POSITIVE_INFINITY;
  let right = 0;
  for (const w of words) {
    left = Math.min(left, w.left);
    right = Math.max(right, w.left + w.width);
  }
  const top = median(words.map((w) => w.top));
  const bottom = median(words.map((w) => w.top + w.height));
  return { words, left, right, top, bottom };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Rows in reading order. Tesseract puts things on one screen row in separate blocks when they stand
 * apart (the clock and the battery, a name and a time): rows that overlap vertically by more than half
 * are one row.
 */
function rowsOf(words: readonly OcrWord[]): Row[] {
  const byRow = new Map<string, OcrWord[]>();
  for (const w of words) {
    const list = byRow.get(w.row);
    if (list) list.push(w);
    else byRow.set(w.row, [w]);
  }
  const rows = [...byRow.values()].map(rowOf).sort((a, b) => a.top - b.top || a.left - b.left);
  const merged: Row[] = [];
  for (const row of rows) {
    const last = merged[merged.length - 1];
    const overlap = last ? Math.min(last.bottom, row.bottom) - Math.max(last.top, row.top) : 0;
    if (last && overlap > 0.5 * Math.min(last.bottom - last.top, row.bottom - row.top)) {
      merged[merged.length - 1] = rowOf([...last.words, ...row.words]);
    } else merged.push(row);
  }
  for (const row of merged) row.words.sort((a, b) => a.left - b.left);
  return merged;
}

const isWideChar = (code: number) =>
  (code >= 0x3000 && code <= 0x9fff) ||
  (code >= 0xf900 && code <= 0xfaff) ||
  (code >= 0xff00 && code <= 0xff60);

/** How two rows of one wrapped line go together: "" after a hyphen, inside Japanese, inside a long word. */
function glue(row: Row, next: Row, lineHeight: number, rightEdge: number): string {
  const last = row.words[row.words.length - 1]!.text;
  const first = next.words[0]!.text;
  if (isWideChar(last.charCodeAt(last.length - 1)) && isWideChar(first.charCodeAt(0))) return "";
  if (/[A-Za-z0-9]-$/.test(last) && /^[A-Za-z0-9]/.test(first)) return "";
  // A word wider than the screen was cut where the row ended (a shorter one moves to the next row
  // whole): it is the row's only word and reaches the right edge.
  const wide = row.words.length === 1 && row.right > rightEdge - lineHeight;
  return wide && /[\w.@/<>-]$/.test(last) && /^[\w.@/<>-]/.test(first) ? "" : " ";
}

/**
 * The width of the row's first unit, which the screen could not have split: its first word, or an
 * address in angle brackets that OCR read as several words ("<kij" "itora@example.jp>"; clean.ts joins
 * them again).
 */
function firstUnitWidth(row: Row): number {
  const words = row.words;
  const first = words[0]!;
  if (!first.text.startsWith("<") || first.text.includes(">")) return first.width;
  let at = first.text.includes("@");
  for (let i = 1; i < words.length && i < 5; i++) {
    const w = words[i]!;
    at ||= w.text.includes("@");
    if (w.text.includes(">")) return at ? w.left + w.width - first.left : first.width;
  }
  return first.width;
}

/** The row's words as text, one blank between them (spaces inside Japanese are removed later). */
const rowText = (row: Row) => row.words.map((w) => w.text).join(" ");

/** The page's text with its blank lines, indentation and soft line breaks as the mail had them. */
export function layoutText(page: OcrPage): string {
  const rows = rowsOf(page.words);
  if (rows.length === 0) return "";
  const lineHeight = median(rows.map((r) => r.bottom - r.top));
  // The body's line spacing: a low percentile of the distances between rows (the app's header rows stand
  // further apart, and a short body has few rows to outvote them).
  const pitches = rows
    .slice(1)
    .map((r, i) => r.top - rows[i]!.top)
    .filter((p) => p > 0)
    .sort((a, b) => a - b);
  // No line of text is closer to the next than its own letters are tall: rows closer than that are icons
  // or marks read as text beside the header ("©:" under an avatar), not the body's spacing.
  const pitch = Math.max(pitches[Math.floor(pitches.length / 4)] ?? 1.5 * lineHeight, 1.25 * lineHeight);
  // The text's left margin: where most rows start, indented ones aside (a low percentile, not the median:
  // a notice may indent most of its rows).
  const lefts = rows.map((r) => r.left).sort((a, b) => a - b);
  const margin = lefts[Math.floor(lefts.length / 5)]!;
  // The width of a blank, which indentation is counted in: 0.45 of an average letter's in the sans fonts
  // mail apps use (the gaps between words' ink are wider than a blank by the letters' bearings). Exim's
  // notice, for one, tells an address line (2 blanks) from its explanation (4) by it.
  const perLetter = median(
    page.words
      .filter((w) => w.text.length >= 4 && /^[\x21-\x7e]+$/.test(w.text))
      .map((w) => w.width / w.text.length),
  );
  const blank = Math.max(1, 0.45 * perLetter || 0.3 * lineHeight);
  // The right edge the screen wraps at: as far from the image's right side as the text's margin is from
  // its left (a mail app's layout), or the rightmost ends of the rows if they go further.
  const rights = rows.map((r) => r.right).sort((a, b) => b - a);
  const rightEdge = Math.max(rights[Math.min(2, rights.length - 1)]!, page.width - margin);

  const out: string[] = [];
  let current = "";
  let previousIndent = "";
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const previous = rows[i - 1];
    // Ink starts a little after a blank's advance, so 1.2 blanks' width is already an indentation of two.
    // Rows starting where the previous one did have its indentation (the ink of "5" and "S" starts a
    // pixel or two apart).
    // A row that starts with a Japanese character: its ink starts up to 0.4 of a row's height after the
    // margin where the character is narrow inside its full-width square (く, レ, ド, 「; measured on 52
    // drawn notices), which is no indentation (a Japanese notice indents by a whole square, a full-width
    // blank: still over 1.2 blanks after this). Read as one, the screen's wrap of a Japanese sentence was
    // kept as two lines ("…アド" ⏎ "  レス…"), and a phrase across the wrap went unread.
    const bearing = isWideChar(row.words[0]!.text.charCodeAt(0)) ? 0.4 * lineHeight : 0;
    const shift = (row.left - margin - bearing) / blank;
    const indent =
      previous && Math.abs(row.left - previous.left) < 0.6 * blank
        ? previousIndent
        : shift > 1.2
          ? " ".repeat(Math.min(12, Math.max(2, Math.round(shift))))
          : "";
    const gap = previous ? row.top - previous.top : 0;
    // An indented line whose first word (a long URL) does not fit after the indentation: the screen left
    // the blanks alone on a row that looks empty and put the word at the margin below. That row is no
    // blank line, and the word keeps the line's indentation (the rows after it start at the margin as
    // the screen put them). Under a row that stops in mid-sentence, a recipient's entry whose
    // explanation goes on indented ("<taro@example.jp>: host" ⏎ "    mx.example.jp[192.0.2.1] said: …"),
    // the indentation was the notice's usual four blanks (unwrap.ts reads the same from text).
    const rowIndent =
      previousIndent !== ""
        ? previousIndent
        : previous && endsMidSentence(rowText(previous))
          ? " ".repeat(ENTRY_INDENT)
          : "";
    const indentOnly =
      gap > 1.6 * pitch &&
      gap < 2.6 * pitch &&
      indent === "" &&
      rowIndent !== "" &&
      rowIndent.length <= 8 && // a notice's own indentation, not a header's column far right
      rowIndent.length * blank + firstUnitWidth(row) > rightEdge - margin - 0.25 * lineHeight;
    const lineIndent = indentOnly ? rowIndent : indent;
    previousIndent = indent;
    if (previous) {
      const paragraph = gap > 1.6 * pitch && !indentOnly;
      const wrapped =
        !paragraph &&
        !indentOnly &&
        indent === "" &&
        !keepsBreak(current, rowText(row)) &&
        previous.right + 0.3 * (previous.bottom - previous.top) + firstUnitWidth(row) >
          rightEdge - 0.25 * lineHeight;
      if (wrapped) {
        current += glue(previous, row, lineHeight, rightEdge) + rowText(row);
        continue;
      }
      out.push(current);
      if (paragraph) out.push("");
    }
    current = lineIndent + rowText(row);
  }
  out.push(current);
  return out.join("\n");
}

export { isWideChar };
