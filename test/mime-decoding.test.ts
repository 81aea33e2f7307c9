import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeQuotedPrintable,
  decodeQuotedPrintableBytes,
  multipartBodies,
} from "../knowledge/bounce/mime.ts";

/** The multipart split as it was written first (on a copy of the body with a line end before it). */
function splitByCopy(body: string, boundary: string): string[] | undefined {
  const delimiter = `--${boundary}`;
  const text = `\n${body}`;
  const parts: string[] = [];
  let start = -1;
  let at = text.indexOf(`\n${delimiter}`);
  if (at === -1) return undefined;
  while (at !== -1 && parts.length <= 200) {
    const lineEnd = text.indexOf("\n", at + 1);
    const tail = text.slice(at + 1 + delimiter.length, lineEnd === -1 ? text.length : lineEnd).trimEnd();
    if (tail === "" || tail === "--") {
      if (start !== -1) parts.push(text.slice(start, at));
      if (tail === "--" || lineEnd === -1) return parts;
      start = lineEnd + 1;
    }
    at = text.indexOf(`\n${delimiter}`, at + 1);
  }
  if (start !== -1) parts.push(text.slice(start));
  return parts;
}

describe("quoted-printable bodies", () => {
  it("decode to the same bytes as the replace-based decoder, whatever the escapes", () => {
    const piece = fc.constantFrom(
      "=",
      "=\n",
      "=3D",
      "=e3",
      "=E3=81=82",
      "=4",
      "=G1",
      "a",
      " ",
      "\n",
      "\xff",
      "==41",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const body = pieces.join("");
        expect(decodeQuotedPrintableBytes(body)).toBe(decodeQuotedPrintable(body));
      }),
      { numRuns: 2000 },
    );
  });

  it("turns a Japanese UTF-8 line and a soft break back into bytes", () => {
    expect(decodeQuotedPrintableBytes("=E3=81=82=\nb=3Dc =")).toBe("\xe3\x81\x82b=c =");
  });
});

describe("multipart bodies", () => {
  it("are split at the same delimiter lines as on a copy of the body", () => {
    const piece = fc.constantFrom("--b", "--b--", "--bb", "\n", "x", " ", "--", "b", "\n--b\n", "\n--b--\n");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const body = pieces.join("");
        expect(multipartBodies(body, "b")).toEqual(splitByCopy(body, "b"));
      }),
      { numRuns: 2000 },
    );
  });
});
