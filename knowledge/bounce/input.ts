/**
 * Turning whatever was handed to classify() into bytes or text, and telling a whole mail from a
 * pasted fragment.
 */

/** Pasted text beyond this is ignored: a bounce's explanation is never that far down. */
export const MAX_FRAGMENT_CHARS = 64 * 1024;

/**
 * CRLF and bare CR (old Mac files) become LF, byte for byte, so the MIME parser sees one kind of line
 * end. Done with native string operations (latin1 maps bytes 1:1): a byte loop in JavaScript costs
 * more than the whole rest of the classification until the JIT has compiled it.
 */
export function lfBytes(input: Uint8Array): Uint8Array {
  if (input.indexOf(0x0d) === -1) return input;
  const text = Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString("latin1");
  return new Uint8Array(Buffer.from(text.replace(/\r\n?/g, "\n"), "latin1"));
}

/** Text of a byte string in whatever Japanese-friendly charset decodes it cleanly. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    for (const charset of bytes.includes(0x1b) ? ["iso-2022-jp"] : ["shift_jis", "euc-jp"]) {
      try {
        return new TextDecoder(charset, { fatal: true }).decode(bytes);
      } catch {
        // try the next one
      }
    }
    return new TextDecoder("latin1").decode(bytes);
  }
}

/** The usual mail headers: two of them at the top make a text a mail (exported for its property test). */
export const MAIL_HEADERS = new Set([
  "from",
  "to",
  "subject",
  "date",
  "received",
  "return-path",
  "message-id",
  "mime-version",
  "content-type",
  "delivered-to",
  "x-original-to",
  "reply-to",
  "sender",
  "auto-submitted",
  "x-failed-recipients",
  "x-mailer",
  "dkim-signature",
  "authentication-results",
  "arc-seal",
]);

/**
 * A whole message starts with a header block: "Name: value" lines (folded lines allowed) up to a blank
 * line, with at least two of the usual mail headers. Pasted report fields ("Final-Recipient:",
 * "Status:") or a lone "Subject:" line do not make a mail.
 *
 * It runs once on every input: the block's lines are walked by index and each field name is read by
 * character code (what /^([!-9;-~]{1,76}):/ matches) instead of splitting the block and running a pattern
 * per line; only a block with CR line ends is split first.
 */
export function looksLikeMail(head: string): boolean {
  // Only the header block matters: stop at the first empty line.
  const cr = head.includes("\r");
  const end = cr ? head.search(/\r?\n\r?\n|\r\r/) : head.indexOf("\n\n");
  const block = end === -1 ? head.slice(0, 16 * 1024) : head.slice(0, end);
  if (block.includes("\r")) return headerBlockLooksLikeMail(block.split(/\r\n|\r|\n/));
  let known = 0;
  let fields = 0;
  // An mbox separator line ("From sender date") is not a field: start after it.
  let from = block.startsWith("From ") ? block.indexOf("\n") + 1 || block.length + 1 : 0;
  for (let i = from === 0 ? 0 : 1; from <= block.length && i < 400; i++) {
    const newline = block.indexOf("\n", from);
    const lineEnd = newline === -1 ? block.length : newline;
    const field = fieldAt(block, from, lineEnd, fields);
    if (field === EMPTY_LINE) break;
    if (field === NOT_A_FIELD) return false;
    if (field !== CONTINUATION) {
      fields++;
      if (MAIL_HEADERS.has(field.toLowerCase())) known++;
    }
    from = lineEnd + 1;
  }
  return known >= 2;
}

const EMPTY_LINE = 0;
const NOT_A_FIELD = 1;
const CONTINUATION = 2;

/**
 * The field name of the line text[from, end), or what else the line is: empty, a folded continuation
 * (a line starting with a blank, after a field), or no field line.
 */
function fieldAt(text: string, from: number, end: number, fields: number): string | 0 | 1 | 2 {
  if (from === end) return EMPTY_LINE;
  const first = text.charCodeAt(from);
  if (first === 0x20 || first === 0x09) return fields === 0 ? NOT_A_FIELD : CONTINUATION;
  // A name is 1–76 printable characters other than ":" (0x21–0x39, 0x3b–0x7e), then ":".
  let i = from;
  for (
    let c = first;
    i < end && i - from <= 76 && c >= 0x21 && c <= 0x7e && c !== 0x3a;
    c = text.charCodeAt(++i)
  );
  return i > from && i - from <= 76 && i < end && text.charCodeAt(i) === 0x3a
    ? text.slice(from, i)
    : NOT_A_FIELD;
}

/** looksLikeMail's count over a block split into lines (CR line ends). */
function headerBlockLooksLikeMail(lines: readonly string[]): boolean {
  let i = 0;
  if (lines[0]?.startsWith("From ")) i = 1; // mbox separator line
  let known = 0;
  let fields = 0;
  for (; i < lines.length && i < 400; i++) {
    const line = lines[i]!;
    const field = fieldAt(line, 0, line.length, fields);
    if (field === EMPTY_LINE) break;
    if (field === NOT_A_FIELD) return false;
    if (field !== CONTINUATION) {
      fields++;
      if (MAIL_HEADERS.has(field.toLowerCase())) known++;
    }
  }
  return known >= 2;
}
