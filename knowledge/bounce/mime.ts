/**
 * A small, fast reader for the MIME structure of ordinary bounces: header block, nested multiparts,
 * base64 / quoted-printable, charsets the platform's TextDecoder knows (ISO-2022-JP, Shift_JIS, EUC-JP,
 * UTF-8, ...), RFC 2047 encoded headers.
 *
 * Why it exists next to mailparser: mailparser's streaming parser costs 0.1–0.5 ms per bounce, more
 * than the whole budget for "3× faster than Sisimai". This reader handles the common shapes in a
 * fraction of that and answers `undefined` the moment it meets anything unusual (a nested part without
 * its boundary line, unknown transfer encoding or charset, RFC 2231 parameters); mail.ts then lets
 * mailparser parse the message. A top-level boundary that never appears is read as plain text here,
 * which is what mail.ts does after mailparser finds no parts. Tests check that both readers agree on
 * every fixture.
 */
import { decodeText } from "./input.ts";
import type { Message } from "./message.ts";
import { upTo } from "./text.ts";

const MAX_DEPTH = 8;
/**
 * Parts read of one mail. A bounce has a handful; a mail of thousands of tiny parts is built to make the
 * parser work (10,000 parts cost mailparser over half a second), so what comes after these is not read.
 */
export const MAX_PARTS = 200;

interface Parts {
  text: string[];
  html: string[];
  dsn: string[];
  original: string;
  feedback: string[];
  count: number;
}

/**
 * Header block of a part as a map of lower-cased name → unfolded raw values (latin1 string). Walks the
 * block's lines by index (no array of lines, no closure per header): it runs for every part of every mail.
 */
export function parseHeaderBlock(block: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  let name = "";
  let value = "";
  for (let from = 0; from <= block.length; ) {
    const newline = block.indexOf("\n", from);
    const end = newline === -1 ? block.length : newline;
    const first = block.charCodeAt(from); // NaN on an empty last line
    if ((first === 0x20 || first === 0x09) && name) {
      value += ` ${block.slice(from, end).trim()}`;
    } else {
      const colon = block.indexOf(":", from);
      if (colon > from && colon < end) {
        if (name) addHeader(headers, name, value);
        name = block.slice(from, colon).trim().toLowerCase();
        value = block.slice(colon + 1, end);
      }
    }
    from = end + 1;
  }
  if (name) addHeader(headers, name, value);
  return headers;
}

function addHeader(headers: Map<string, string[]>, name: string, value: string): void {
  const list = headers.get(name);
  if (list) list.push(value.trim());
  else headers.set(name, [value.trim()]);
}

interface ContentType {
  type: string;
  params: Map<string, string>;
}

function parseContentType(value: string | undefined): ContentType | undefined {
  if (!value) return { type: "text/plain", params: new Map() };
  if (value.includes("*=")) return undefined; // RFC 2231 parameters: leave them to mailparser
  const parts = value.split(";");
  const head = parts[0]!;
  const lower = head.trim().toLowerCase();
  const blank = lower.search(/\s/);
  const type = blank === -1 ? lower : lower.slice(0, blank);
  const params = new Map<string, string>();
  for (let i = 1; i < parts.length; i++) {
    const p = parts[i]!;
    const eq = p.indexOf("=");
    if (eq === -1) continue;
    const v = p.slice(eq + 1).trim();
    const quoted = v.length >= 2 && v.charCodeAt(0) === 0x22 && v.charCodeAt(v.length - 1) === 0x22;
    params.set(p.slice(0, eq).trim().toLowerCase(), quoted ? v.slice(1, -1) : v);
  }
  // "text/plain charset=iso-2022-jp" (a missing ";") still names its charset.
  if (!params.has("charset") && lower.includes("charset")) {
    const loose = /charset\s*=\s*"?([\w.:-]+)/i.exec(head);
    if (loose) params.set("charset", loose[1]!);
  }
  return { type, params };
}

/** Quoted-printable (RFC 2045): soft line breaks go, then "=XX" becomes the byte XX. */
export function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\n/g, "")
    .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** Hex digits' values by character code (-1: not a hex digit). */
const HEX = new Int8Array(256).fill(-1);
for (const [i, digit] of [..."0123456789abcdef"].entries()) {
  HEX[digit.charCodeAt(0)] = i;
  HEX[digit.toUpperCase().charCodeAt(0)] = i;
}

/**
 * decodeQuotedPrintable for a body held as a latin1 string (every character a byte): the same bytes,
 * decoded in place in a buffer instead of a replace callback and a string per "=XX" (a Japanese text
 * part is mostly such escapes).
 */
export function decodeQuotedPrintableBytes(text: string): string {
  const joined = text.includes("=\n") ? text.replace(/=\n/g, "") : text;
  if (!joined.includes("=")) return joined;
  const bytes = Buffer.from(joined, "latin1");
  let write = 0; // decoded bytes so far, at the buffer's start
  let read = 0; // first byte not yet decoded
  let from = 0;
  for (let at = bytes.indexOf(0x3d); at !== -1; at = bytes.indexOf(0x3d, from)) {
    const high = HEX[bytes[at + 1] ?? 0x3d]!;
    const low = HEX[bytes[at + 2] ?? 0x3d]!;
    if (high < 0 || low < 0) {
      from = at + 1; // a lone "=" stays
      continue;
    }
    // copyWithin (a typed-array builtin, memmove semantics) rather than Buffer#copy's argument checks.
    if (at > read) {
      bytes.copyWithin(write, read, at);
      write += at - read;
    }
    bytes[write++] = high * 16 + low;
    read = from = at + 3;
  }
  if (read < bytes.length) {
    bytes.copyWithin(write, read);
    write += bytes.length - read;
  }
  return bytes.toString("latin1", 0, write);
}

/** Bytes (as a latin1 string) after undoing the transfer encoding, or undefined for unknown encodings. */
function transferDecode(body: string, encoding: string | undefined): string | undefined {
  const e = (encoding ?? "").trim().toLowerCase();
  if (e === "" || e === "7bit" || e === "8bit" || e === "binary") return body;
  if (e === "quoted-printable") return decodeQuotedPrintableBytes(body);
  if (e === "base64") return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ""), "base64").toString("latin1");
  return undefined;
}

/** UTF-7 (RFC 2152), still used by old Hotmail notices: ASCII, with "+...-" runs of base64 UTF-16. */
function decodeUtf7(bytes: string): string {
  return bytes.replace(/\+([A-Za-z0-9+/]*)-?/g, (_m, b64: string) => {
    if (b64 === "") return "+";
    const raw = Buffer.from(b64, "base64");
    let out = "";
    for (let i = 0; i + 1 < raw.length; i += 2) out += String.fromCharCode((raw[i]! << 8) | raw[i + 1]!);
    return out;
  });
}

const decoders = new Map<string, InstanceType<typeof TextDecoder> | null>();

/** Text of latin1-held bytes in the given charset; undefined when the platform does not know it. */
function charsetDecode(bytes: string, charset: string | undefined): string | undefined {
  const label = (charset ?? "utf-8").trim().toLowerCase() || "utf-8";
  if (label === "utf-7" || label === "unicode-1-1-utf-7") return decodeUtf7(bytes);
  let decoder = decoders.get(label);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(label === "us-ascii" || label === "ascii" ? "utf-8" : label);
    } catch {
      decoder = null;
    }
    decoders.set(label, decoder);
  }
  if (decoder === null) return undefined;
  return decoder.decode(Buffer.from(bytes, "latin1"));
}

/** What decodeHeader changes: an encoded word's start, or an 8-bit byte. */
const ENCODED_OR_8BIT = /=\?|[\x80-\xff]/;

/** RFC 2047 encoded words ("=?ISO-2022-JP?B?...?=") in a header value, and raw UTF-8 bytes, decoded. */
export function decodeHeader(raw: string): string {
  // Most header values are plain ASCII without encoded words: nothing to do.
  const eightBit = /[\x80-\xff]/.test(raw);
  if (!raw.includes("=?") && !eightBit) return raw;
  // 8-bit header bytes are usually UTF-8. Decode them first: what encoded words decode to ("é" from
  // "=C3=A9") must not be decoded a second time.
  const text = eightBit ? (charsetDecode(raw, "utf-8") ?? raw) : raw;
  if (!text.includes("=?")) return text;
  const joined = text.replace(/(\?=)\s+(=\?)/g, "$1$2");
  return joined.replace(
    /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
    (whole, charset: string, enc: string, data: string) => {
      const bytes =
        enc.toLowerCase() === "b"
          ? Buffer.from(data, "base64").toString("latin1")
          : decodeQuotedPrintable(data.replace(/_/g, " "));
      // RFC 2231 language suffix: "utf-8*ja" names the charset "utf-8".
      return (
        charsetDecode(
          bytes,
          upTo(charset, (c) => c === "*"),
        ) ?? whole
      );
    },
  );
}

function splitPart(raw: string): { head: string; body: string } {
  if (raw.startsWith("\n")) return { head: "", body: raw.slice(1) };
  const at = raw.indexOf("\n\n");
  return at === -1 ? { head: raw, body: "" } : { head: raw.slice(0, at), body: raw.slice(at + 2) };
}

/** Splits a multipart body on its boundary lines; undefined when no delimiter line is there. */
export function multipartBodies(body: string, boundary: string): string[] | undefined {
  const delimiter = `--${boundary}`;
  const marker = `\n${delimiter}`;
  // Positions are those in `\n${body}` (a delimiter line may open the body), without copying the body
  // into that string: position p there is p - 1 in `body`.
  const length = body.length + 1;
  const next = (from: number) => {
    if (from === 0 && body.startsWith(delimiter)) return 0;
    const i = body.indexOf(marker, from === 0 ? 0 : from - 1);
    return i === -1 ? -1 : i + 1;
  };
  const slice = (start: number, end = length) => body.slice(start - 1, end - 1);
  const parts: string[] = [];
  let start = -1; // where the current part's content begins
  let at = next(0);
  if (at === -1) return undefined;
  while (at !== -1 && parts.length <= MAX_PARTS) {
    const newline = body.indexOf("\n", at); // "\n" after position at + 1
    const lineEnd = newline === -1 ? -1 : newline + 1;
    const tail = slice(at + 1 + delimiter.length, lineEnd === -1 ? length : lineEnd).trimEnd();
    if (tail === "" || tail === "--") {
      if (start !== -1) parts.push(slice(start, at));
      if (tail === "--" || lineEnd === -1) return parts;
      start = lineEnd + 1;
    }
    at = next(at + 1);
  }
  if (start !== -1) parts.push(slice(start));
  return parts;
}

/** Walks one part; false means "not sure: use mailparser". `parsed` spares the top level a second parse. */
function walk(
  raw: string,
  out: Parts,
  depth: number,
  parsed?: { head: string; body: string; headers: Map<string, string[]> },
): boolean {
  if (depth > MAX_DEPTH) return false;
  if (++out.count > MAX_PARTS) return true; // read enough: the rest is skipped, not handed to mailparser
  const { head, body } = parsed ?? splitPart(raw);
  const headers = parsed?.headers ?? parseHeaderBlock(head);
  const ct = parseContentType(headers.get("content-type")?.[0]);
  if (!ct) return false;
  const disposition = (headers.get("content-disposition")?.[0] ?? "").toLowerCase();
  const encoding = headers.get("content-transfer-encoding")?.[0];

  if (ct.type.startsWith("multipart/")) {
    // Some Exchange and carrier MTAs put "boundary=" on an unfolded line of its own.
    const boundary = ct.params.get("boundary") ?? /^boundary\s*=\s*"?([^"\n;]+)"?/im.exec(head)?.[1]?.trim();
    if (!boundary) return false;
    const bodies = multipartBodies(body, boundary);
    if (!bodies) {
      // A boundary that never appears (old PMDF, relays that rewrote it): mailparser finds no parts
      // either and the raw body is read as text, so do that here without the slow path.
      if (depth > 0 || !body.trim()) return false;
      out.text.push(decodeText(Buffer.from(body, "latin1")));
      return true;
    }
    if (ct.type === "multipart/alternative") {
      // Prefer the plain-text alternative, as a mail reader would show it.
      const plain = bodies.find((b) =>
        /^text\/plain/i.test(
          parseContentType(parseHeaderBlock(splitPart(b).head).get("content-type")?.[0])?.type ??
            "text/plain",
        ),
      );
      return walk(plain ?? bodies[0] ?? "", out, depth + 1);
    }
    return bodies.every((b) => walk(b, out, depth + 1));
  }

  const decoded = transferDecode(body, encoding);
  if (decoded === undefined) return false;
  if (ct.type === "message/delivery-status" || ct.type === "message/global-delivery-status") {
    // Report fields are ASCII, but a Diagnostic-Code may quote a Japanese server in raw ISO-2022-JP.
    const jis = decoded.includes("\x1b$B") || decoded.includes("\x1b$@");
    out.dsn.push(charsetDecode(decoded, jis ? "iso-2022-jp" : "utf-8") ?? decoded);
    return true;
  }
  if (ct.type === "message/feedback-report") {
    out.feedback.push(charsetDecode(decoded, "utf-8") ?? decoded);
    return true;
  }
  if (
    /^(?:message\/(?:rfc822|global|partial|rfc822-headers|global-headers)|text\/rfc822-headers)$/.test(
      ct.type,
    )
  ) {
    out.original ||= charsetDecode(decoded.slice(0, 64 * 1024), "utf-8") ?? decoded;
    return true;
  }
  if (ct.type.startsWith("message/")) return false;
  if (ct.type === "text/plain" || ct.type === "text") {
    if (disposition.startsWith("attachment")) return true;
    const text = charsetDecode(decoded, ct.params.get("charset"));
    if (text === undefined) return false;
    out.text.push(text);
    return true;
  }
  if (ct.type === "text/html") {
    if (disposition.startsWith("attachment")) return true;
    const html = charsetDecode(decoded, ct.params.get("charset"));
    if (html === undefined) return false;
    out.html.push(html);
    return true;
  }
  // Images, archives, calendar files ... say nothing about the bounce.
  return true;
}

/** Removes <name>...</name> elements with plain index searches (a lazy regex would go quadratic on unclosed tags). */
function dropElements(html: string, names: readonly string[]): string {
  let out = html;
  let lower: string | undefined; // of `out`, lower-cased again only after an element was dropped
  for (const name of names) {
    lower ??= out.toLowerCase();
    let result = "";
    let pos = 0;
    for (let open = lower.indexOf(`<${name}`, pos); open !== -1; open = lower.indexOf(`<${name}`, pos)) {
      const close = lower.indexOf(`</${name}`, open);
      result += `${out.slice(pos, open)} `;
      if (close === -1) {
        pos = out.length;
        break;
      }
      const end = lower.indexOf(">", close);
      pos = end === -1 ? out.length : end + 1;
    }
    if (pos === 0) continue; // no such element: `out` is unchanged
    out = result + out.slice(pos);
    lower = undefined;
  }
  return out;
}

const ENTITIES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    amp: "&",
    lt: "<",
    gt: ">",
    quot: '"',
    apos: "'",
    nbsp: " ",
  }),
);

/**
 * The text of an HTML-only notice (AOL, some webmail): block tags become line breaks, other tags go,
 * entities are decoded. Enough to read a bounce; layout does not matter here.
 */
export function htmlToText(html: string): string {
  return (
    dropElements(html.slice(0, 256 * 1024), ["script", "style", "head"])
      // A tag ends at the next "<" too: "[^>]*" would rescan the rest of the text from every "<".
      .replace(/<(?:br|\/p|\/div|\/tr|\/li|\/h\d|\/table)\b[^<>]*>/gi, "\n")
      .replace(/<[^<>]*>/g, " ")
      .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, e: string) => {
        if (e[0] === "#") {
          const code = e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
          return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : " ";
        }
        return ENTITIES.get(e.toLowerCase()) ?? whole;
      })
      .replace(/[ \t]+/g, " ")
      .replace(/\n[ \t]+/g, "\n")
  );
}

/**
 * Reads a message (LF line ends, as a latin1 string of its bytes). Undefined when the message needs
 * mailparser: broken or unusual MIME, or unknown encodings or charsets.
 */
export function readMime(raw: string): Omit<Message, "kind"> | undefined {
  const { head, body } = splitPart(raw);
  const headers = parseHeaderBlock(head);
  const parts: Parts = { text: [], html: [], dsn: [], original: "", feedback: [], count: 0 };
  if (!walk(raw, parts, 0, { head, body, headers })) return undefined;
  const text = parts.text.length > 0 ? parts.text.join("\n") : parts.html.map(htmlToText).join("\n");
  // Nothing readable at all although there is a body: let mailparser try.
  if (!text.trim() && !parts.dsn.length && !parts.original && !parts.feedback.length && body.trim())
    return undefined;
  // A header block without encoded words or 8-bit bytes decodes to itself (decodeHeader leaves every
  // value as it is): no second map.
  const decodedHeaders = ENCODED_OR_8BIT.test(head) ? new Map<string, string[]>() : headers;
  if (decodedHeaders !== headers)
    headers.forEach((values, name) => {
      decodedHeaders.set(name, values.map(decodeHeader));
    });
  return {
    headers: decodedHeaders,
    from: decodedHeaders.get("from")?.[0] ?? "",
    subject: decodedHeaders.get("subject")?.[0] ?? "",
    body: text,
    dsn: parts.dsn.join("\n"),
    original: parts.original,
    feedback: parts.feedback.join("\n"),
  };
}
