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

const MAIL_HEADERS = new Set([
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
 */
export function looksLikeMail(head: string): boolean {
  // Only the header block matters: stop at the first empty line.
  const end = head.search(/\r?\n\r?\n|\r\r/);
  const block = end === -1 ? head.slice(0, 16 * 1024) : head.slice(0, end);
  // A plain string split where there is no CR (most mails, once read): a pattern split costs more.
  const lines = block.includes("\r") ? block.split(/\r\n|\r|\n/) : block.split("\n");
  let i = 0;
  if (lines[0]?.startsWith("From ")) i = 1; // mbox separator line
  let known = 0;
  let fields = 0;
  for (; i < lines.length && i < 400; i++) {
    const line = lines[i]!;
    if (line === "") break;
    if (/^[ \t]/.test(line)) {
      if (fields === 0) return false;
      continue;
    }
    const m = /^([!-9;-~]{1,76}):/.exec(line);
    if (!m) return false;
    fields++;
    if (MAIL_HEADERS.has(m[1]!.toLowerCase())) known++;
  }
  return known >= 2;
}
