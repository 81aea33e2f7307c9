/** Small string helpers shared by the formats. All of them run in linear time on any input. */

/** CRLF and bare CR (old Mac mail) become LF. */
export function toLf(text: string): string {
  return text.indexOf("\r") === -1 ? text : text.replace(/\r\n?/g, "\n");
}

/** Lower case, every run of white space one blank, trimmed: the form phrases are matched against. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** `squash` lower-cased: what the reason checks see. */
export function forMatching(text: string): string {
  return squash(text).toLowerCase();
}

/**
 * The characters of an address's local part (RFC 5322 atext and dots, ASCII only), as a regex source to
 * build patterns from. ASCII only on purpose: in a paste such as 「…です。taro@example.com」 the Japanese
 * text before the address must not become part of it.
 */
export const LOCAL_PART_CHARS = "A-Za-z0-9!#$%&'*+/=?^_`{|}~.-";

// Local part and domain with bounded lengths, so the scan stays linear on long runs of address characters.
const ADDRESS = new RegExp(
  `[${LOCAL_PART_CHARS}]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\\.){1,8}[A-Za-z]{2,24}`,
  "g",
);

/** Every mail address in the text, in order, without angle brackets. */
export function findAddresses(text: string): string[] {
  const found: string[] = [];
  ADDRESS.lastIndex = 0;
  for (let m = ADDRESS.exec(text); m; m = ADDRESS.exec(text)) {
    found.push(m[0].replace(/^\.+/, ""));
    if (found.length > 200) break;
  }
  return found;
}

/** The first mail address in the text, or "". */
export function firstAddress(text: string): string {
  return findAddresses(text)[0] ?? "";
}

/** Domain part of an address, lower-cased, or "". */
export function domainOf(address: string): string {
  const at = address.lastIndexOf("@");
  return at < 0 ? "" : address.slice(at + 1).toLowerCase();
}

/** True when two addresses name the same mailbox (case-insensitive, angle brackets ignored). */
export function sameAddress(a: string, b: string): boolean {
  return a !== "" && a.replace(/[<>]/g, "").toLowerCase() === b.replace(/[<>]/g, "").toLowerCase();
}

/** Lines of the text; each cut to `maxLine` characters so no later pattern sees an unbounded line. */
export function linesOf(text: string, maxLine = 2000): string[] {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > maxLine) lines[i] = line.slice(0, maxLine);
  }
  return lines;
}

/** Index of the first line that contains any of the markers (case-insensitive), or -1. */
export function indexOfLine(lines: readonly string[], markers: readonly string[], from = 0): number {
  for (let i = from; i < lines.length; i++) {
    const lower = lines[i]!.toLowerCase();
    if (markers.some((m) => lower.includes(m))) return i;
  }
  return -1;
}

/** The text before the first of the markers (case-insensitive), or all of it. */
export function cutAt(text: string, markers: readonly string[]): string {
  const lower = text.toLowerCase();
  let end = text.length;
  for (const m of markers) {
    const at = lower.indexOf(m);
    if (at !== -1 && at < end) end = at;
  }
  return text.slice(0, end);
}
