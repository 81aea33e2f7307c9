import { simpleParser } from "mailparser";
import { lfBytes } from "../bounce/input.ts";

/**
 * What a phone user would paste from a bounce: the human-readable body text only. No headers, no
 * machine-readable delivery report (message/delivery-status), no attached original message or its
 * headers. Used by `npm run eval -- DIR --fragments`.
 *
 * mailparser renders attached messages into its `text`, so the MIME tree is walked here first and only
 * the text parts outside attached messages are handed to mailparser for decoding.
 */

const SKIPPED = /^(?:message\/|text\/rfc822-headers)/i;

interface Part {
  head: string;
  body: string;
}

function split(raw: string): Part {
  const at = raw.search(/\n\n/);
  return at === -1 ? { head: raw, body: "" } : { head: raw.slice(0, at + 1), body: raw.slice(at + 2) };
}

/** The Content-Type field, unfolded. */
function contentType(head: string): string {
  const m = /^content-type:[ \t]*(.*(?:\n[ \t].*)*)/im.exec(head);
  return m ? m[1]!.replace(/\n[ \t]+/g, " ") : "";
}

/** Raw text leaves (headers + body) outside attached messages; alternatives reduced to text/plain. */
function textLeaves(raw: string, depth = 0): string[] {
  const { head, body } = split(raw);
  const type = contentType(head).toLowerCase() || "text/plain";
  if (SKIPPED.test(type)) return [];
  if (!type.startsWith("multipart/")) return type.startsWith("text/") ? [raw] : [];
  // Search the whole head: some MTAs put "boundary=" on an unfolded line of its own.
  const boundary = /boundary\s*=\s*"?([^";\n]+)"?/i.exec(head)?.[1]?.trim();
  if (!boundary || depth > 10) return [];
  const parts = `\n${body}`.split(`\n--${boundary}`).slice(1);
  const leaves = parts
    .filter((p) => !p.startsWith("--"))
    .map((p) => p.replace(/^[^\n]*\n/, ""))
    .map((p) => textLeaves(p, depth + 1));
  if (type.startsWith("multipart/alternative")) {
    const plain = leaves.find((l) => l.some((x) => /^content-type:\s*text\/plain/im.test(split(x).head)));
    return plain ?? leaves[0] ?? [];
  }
  return leaves.flat();
}

async function decodeText(raw: string): Promise<string> {
  const mail = await simpleParser(Buffer.from(raw, "latin1"), { skipTextToHtml: true, skipImageLinks: true });
  return (mail.text ?? "").trim();
}

export async function pasteOf(raw: Uint8Array): Promise<string> {
  const text = Buffer.from(lfBytes(raw)).toString("latin1");
  const leaves = textLeaves(text);
  const decoded = await Promise.all(leaves.map(decodeText));
  const joined = decoded.filter((t) => t).join("\n\n");
  if (joined) return joined;
  // A multipart whose parts cannot be found (broken boundaries): whatever mailparser makes of it, or
  // else the raw body under the headers.
  return (await decodeText(text)) || split(text).body.trim();
}

/** East Asian wide characters: a line of them breaks between any two, and each takes two columns. */
function isWide(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (c >= 0x3000 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xff60);
}

/**
 * The text as a phone shows it: every line longer than `columns` (wide characters count two) broken
 * where a browser breaks it: at the last blank that fits, after a hyphen inside a word, between two
 * Japanese characters, or inside a word too long for a line of its own. Evaluation only: what a narrow
 * screen does to a paste or a screenshot (`npm run eval -- DIR --fragments --wrap N`).
 */
export function wrapLikePhone(text: string, columns: number): string {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    let rest = line.trimEnd();
    while (rest.length > 0) {
      let width = 0;
      let fit = 0; // characters that fit
      let lastBreak = -1; // index after which the line may break
      for (; fit < rest.length; fit++) {
        const ch = rest[fit]!;
        const w = isWide(ch) ? 2 : 1;
        if (width + w > columns) break;
        width += w;
        if (ch === " " || (ch === "-" && fit > 0 && /\w/.test(rest[fit - 1]!)) || isWide(ch)) lastBreak = fit;
      }
      if (fit >= rest.length) {
        out.push(rest);
        break;
      }
      // The next character may start the line if the break comes before it (a blank is eaten).
      const at = rest[fit] === " " ? fit : lastBreak >= 0 ? lastBreak + 1 : fit;
      out.push(rest.slice(0, at).trimEnd());
      rest = rest.slice(at).replace(/^ +/, "");
    }
    if (line.trim() === "") out.push("");
  }
  return out.join("\n");
}
