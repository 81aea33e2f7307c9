import { firstAddress, LOCAL_PART_CHARS, sameAddress, squash } from "./text.ts";

/**
 * Most human-readable notices list each failed recipient on a line of its own, with the server's answer
 * on the lines after it:
 *
 *   <kijitora@example.jp>: host mx.example.jp[192.0.2.1] said: 550 5.1.1 User unknown (in reply to
 *       RCPT TO command)                                                        (Postfix)
 *   <kijitora@example.org>:
 *   Remote host said: 550 5.7.1 <root@example.jp>... Access denied            (qmail)
 *     kijitora@example.jp
 *       SMTP error from remote mail server after RCPT TO:<kijitora@example.jp>: (Exim)
 *
 * This module finds those blocks. Formats decide where the list starts and ends.
 */
export interface Block {
  address: string;
  /** The rest of the address line and the lines after it, trimmed. */
  lines: string[];
}

// A label ends with a colon, a blank or an angle bracket: "to" in "tom@example.org" is no label.
const LABEL =
  /^(?:[*•・-]\s+)?(?:(?:(?:original |final |failed |invalid |unknown )?(?:recipient(?: address)?|rcpt to|to|address|user|addressee|destinataire|empfänger)(?:\(s\))?s?|宛先|受信者)(?:\s*[:：]\s*|\s+|(?=<)))?/i;

// The address at the start of a trimmed line, optionally in <> or "", optionally with a label before it.
export const LEADING_ADDRESS = new RegExp(
  `^[<"'(]?\\s*([${LOCAL_PART_CHARS.replace("'", "")}]{1,64}@[A-Za-z0-9][A-Za-z0-9.-]{0,252}[A-Za-z0-9])\\s*[>"')]?`,
);

/** If the line starts with an address (after an optional label), that address and the rest of the line. */
export function addressLine(line: string): { address: string; rest: string } | undefined {
  let t = line.trim();
  if (t.length === 0 || t.length > 400) return undefined;
  const label = LABEL.exec(t);
  if (label?.[0]) t = t.slice(label[0].length);
  const m = LEADING_ADDRESS.exec(t);
  if (!m || !m[1]!.includes(".", m[1]!.indexOf("@"))) return undefined;
  const rest = t
    .slice(m[0].length)
    .replace(/^\s*(?:\(expanded from[^)]*\))?\s*[:,]?\s*/, "")
    .trim();
  // "x@y.jp on 2010/01/01 ..." (Exchange) and "x@y.jp (reason ...)" keep their tails as explanation.
  return { address: m[1]!, rest };
}

/** A reply's codes first ("5.2.1 <x@…>... User Unknown", "550 5.1.1 …"). */
const CODES_FIRST = /^(?:[245]\d\d[ -])?[245]\.\d{1,3}\.\d{1,3} /;

const SEPARATOR = /^\s*\|?(?:-{3,}|={3,}|_{3,}|\*{3,})/;

export interface BlockOptions {
  /** At most this many explanation lines per recipient. */
  maxLines?: number;
  /** Blank lines end a block (true for most MTAs; Gmail's old notice has blank lines inside). */
  blankEnds?: boolean;
}

/** Recipient blocks in the given lines, in order. Lines before the first address line are ignored. */
export function recipientBlocks(lines: readonly string[], options: BlockOptions = {}): Block[] {
  const maxLines = options.maxLines ?? 12;
  const blankEnds = options.blankEnds ?? true;
  const blocks: Block[] = [];
  let current: Block | undefined;
  let open = false;
  let indent = 0;
  let previousBlank = true;
  for (const line of lines) {
    const lineIndent = line.length - line.trimStart().length;
    const blank = line.trim() === "";
    // An address on a deeper-indented line right under a block's lines continues that block
    // (Postfix wraps "<x@y>... User unknown" onto its next line).
    const continues = open && current !== undefined && !previousBlank && lineIndent > indent;
    previousBlank = blank;
    const hit = continues ? undefined : addressLine(line);
    // The entry's own reply naming its address again after its codes, right under it (GMX: "\"x@example.jp\":"
    // ⏎ "SMTP error from remote server after RCPT command:" ⏎ "host: …" ⏎ "5.2.1 <x@example.jp>... User
    // Unknown") goes on with that entry: the step it answered is named above it.
    if (
      hit &&
      open &&
      current &&
      !blank &&
      current.lines.length > 0 &&
      CODES_FIRST.test(hit.rest) &&
      sameAddress(hit.address, current.address)
    ) {
      if (current.lines.length < maxLines) current.lines.push(hit.rest);
      continue;
    }
    if (hit) {
      indent = lineIndent;
      current = { address: hit.address, lines: hit.rest ? [hit.rest] : [] };
      blocks.push(current);
      open = true;
      if (blocks.length > 200) break;
      continue;
    }
    if (!current || !open) continue;
    if (SEPARATOR.test(line)) {
      open = false;
      continue;
    }
    if (line.trim() === "") {
      if (blankEnds && current.lines.length > 0) open = false;
      continue;
    }
    if (current.lines.length < maxLines) current.lines.push(line.trim());
  }
  return blocks;
}

/** The explanation of a block on one line. */
export function blockText(block: Block): string {
  return squash(block.lines.join(" "));
}

/** First address found in any of the lines, or "". */
export function addressInLines(lines: readonly string[]): string {
  for (const line of lines) {
    const a = firstAddress(line);
    if (a) return a;
  }
  return "";
}
