import { decodeText } from "./input.ts";
import type { Message } from "./message.ts";
import { readMime } from "./mime.ts";
import { toLf } from "./text.ts";

/** Limits on what is read of a mail: a bounce's useful part is always near its start. */
export const LIMITS = {
  /** Bytes handed to the MIME parser; the rest of a bigger mail (attachments of the original) is dropped. */
  mailBytes: 512 * 1024,
  /** Characters of notice text, delivery report and original headers kept for the formats. */
  partChars: 64 * 1024,
  /** HTML larger than this is not converted to text (html-to-text is the slowest step). */
  htmlChars: 100 * 1024,
};

const DSN_TYPES = new Set(["message/delivery-status", "message/global-delivery-status"]);
const ORIGINAL_TYPES = new Set([
  "message/rfc822",
  "text/rfc822-headers",
  "message/rfc822-headers",
  "message/global",
  "message/global-headers",
  "message/partial",
]);

/**
 * Lines starting with "--" (boundary lines, counted without knowing the boundaries) mailparser gets of a
 * mail the fast reader could not read. The dev set's mails have at most 13; mailparser spends ~0.1 ms on
 * each part (990 parts: 40-400 ms), more on each level of nesting (100 levels: 6-20 ms, 50: 2.5 ms).
 */
export const MAILPARSER_MAX_DELIMITERS = 50;

/** The mail cut before its (MAILPARSER_MAX_DELIMITERS + 1)th line that starts with "--". */
export function forMailparser(bytes: Buffer): Buffer {
  let lines = 0;
  for (let at = bytes.indexOf("\n--"); at !== -1; at = bytes.indexOf("\n--", at + 3)) {
    if (++lines > MAILPARSER_MAX_DELIMITERS) return bytes.subarray(0, at + 1);
  }
  return bytes;
}

/** The bytes after the header block, as text. */
function rawBody(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, LIMITS.mailBytes));
  const at = head.indexOf("\n\n");
  return at === -1 ? "" : decodeText(head.subarray(at + 2, at + 2 + LIMITS.partChars * 2));
}

/**
 * mailparser is loaded on first use: the fast reader handles ordinary bounces and chat pastes are rarely
 * whole mails, so a bot process usually never needs it (it costs ~13 MB of memory once loaded).
 */
let mailparser: Promise<typeof import("mailparser")> | undefined;
export const loadMailparser = () => {
  mailparser ??= import("mailparser");
  return mailparser;
};

function cut(text: string, max = LIMITS.partChars): string {
  return text.length > max ? text.slice(0, max) : text;
}

/**
 * A mail's Message, its fields written out in the order fragmentMessage writes a paste's (with no
 * addressees), so the formats' code sees one object shape for both.
 */
function mailMessage(fields: Omit<Message, "kind" | "addressees">): Message {
  return {
    kind: "mail",
    headers: fields.headers,
    from: fields.from,
    subject: fields.subject,
    body: fields.body,
    dsn: fields.dsn,
    original: fields.original,
    feedback: fields.feedback,
    addressees: undefined,
  };
}

function fastMessage(fast: NonNullable<ReturnType<typeof readMime>>): Message {
  return mailMessage({
    headers: fast.headers,
    from: fast.from,
    subject: fast.subject,
    body: cut(toLf(fast.body)),
    dsn: cut(toLf(fast.dsn)),
    original: cut(toLf(fast.original), 16 * 1024),
    feedback: cut(toLf(fast.feedback), 16 * 1024),
  });
}

/**
 * parseMail(lfBytes(bytes)) for bytes the caller already holds as a latin1 string (one character per
 * byte): classify() reads the header block from that string too, so a mail is copied into a string
 * once, not three times (head, line ends, whole).
 */
export async function parseMailLatin1(latin1: string): Promise<Message> {
  const lf = toLf(latin1);
  const fast = readMime(lf.length > LIMITS.mailBytes ? lf.slice(0, LIMITS.mailBytes) : lf);
  return fast ? fastMessage(fast) : parseMail(Buffer.from(lf, "latin1"), "mailparser");
}

/**
 * Parses a whole message: ordinary bounces with the fast reader of mime.ts, everything else with
 * mailparser (MIME structure, transfer encodings, charsets incl.
 * ISO-2022-JP) and keeps the parts a bounce is made of. The delivery report is kept apart from the
 * notice text (keepDeliveryStatus), so formats can tell what the MTA wrote for people from what it wrote
 * for programs.
 */
export async function parseMail(raw: Uint8Array, reader: "auto" | "mailparser" = "auto"): Promise<Message> {
  const bytes = raw.length > LIMITS.mailBytes ? raw.subarray(0, LIMITS.mailBytes) : raw;
  if (reader === "auto") {
    const fast = readMime(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"));
    if (fast) return fastMessage(fast);
  }
  const { simpleParser } = await loadMailparser();
  const read = forMailparser(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const parsed = await simpleParser(read, {
    keepDeliveryStatus: true,
    skipTextToHtml: true,
    skipImageLinks: true,
    skipTextLinks: true,
    maxHtmlLengthToParse: LIMITS.htmlChars,
  });

  const headers = new Map<string, string[]>();
  for (const { key, line } of parsed.headerLines ?? []) {
    const colon = line.indexOf(":");
    const value = (colon === -1 ? "" : line.slice(colon + 1)).replace(/\r?\n[ \t]+/g, " ").trim();
    const list = headers.get(key);
    if (list) list.push(value);
    else headers.set(key, [value]);
  }

  let dsn = "";
  let original = "";
  let feedback = "";
  let attachedText = "";
  for (const a of parsed.attachments ?? []) {
    const type = (a.contentType ?? "").toLowerCase();
    const bytes = a.content ? a.content.subarray(0, LIMITS.partChars) : undefined;
    // A Diagnostic-Code may quote a Japanese server in raw ISO-2022-JP.
    const jis = DSN_TYPES.has(type) && bytes?.includes("\x1b$B") === true;
    const content = bytes
      ? jis
        ? new TextDecoder("iso-2022-jp").decode(bytes)
        : bytes.toString("utf8")
      : "";
    if (DSN_TYPES.has(type)) dsn += `${toLf(content)}\n`;
    else if (type === "message/feedback-report") feedback += `${toLf(content)}\n`;
    else if (ORIGINAL_TYPES.has(type)) original ||= toLf(content);
    // "text/plain charset=..." (a missing ";") still holds the notice.
    else if (type.startsWith("text/plain") && a.contentDisposition !== "attachment")
      attachedText += `${toLf(content)}\n`;
  }

  let body = parsed.text ?? "";
  // Some MTAs put the notice in a text/plain attachment and leave the body empty.
  if (attachedText) body = `${attachedText}\n${body}`;
  // A multipart whose boundary never appears (old PMDF, broken relays): read the raw body as text.
  if (!body.trim() && !dsn) body = rawBody(read);
  return mailMessage({
    headers,
    from: parsed.from?.text ?? headers.get("from")?.[0] ?? "",
    subject: parsed.subject ?? headers.get("subject")?.[0] ?? "",
    body: cut(toLf(body)),
    dsn: cut(dsn),
    original: cut(original, 16 * 1024),
    feedback: cut(feedback, 16 * 1024),
  });
}
