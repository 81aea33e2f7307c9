/**
 * What the classify command reads (knowledge/cli/classify.ts, classify-core.ts): a file, every file of a
 * folder in name order, or stdin. Small, and node:fs only: the command lists its inputs before it loads
 * the classifier.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { basename } from "node:path";

/** Files in a corpus folder that are not mails. */
const NOT_MAILS = /^(?:labels\.tsv|README(?:\.md)?|LICENSE.*)$/;

export interface Input {
  name: string;
  read: () => Uint8Array;
  /**
   * The same bytes in a buffer the thread reuses for every file (no new buffer, no size asked first):
   * valid only until the next readInPlace, for a caller done with them before it reads another file.
   */
  readInPlace?: () => Uint8Array;
}

/**
 * A file's bytes as a plain Uint8Array over the Buffer read, not a copy: classify() gets what it always
 * got (a Buffer's own indexOf, say, is a slower call per byte searched).
 */
const read = (file: string | 0): Uint8Array => {
  const buffer = readFileSync(file);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
};

/** This thread's buffer for readInPlace; grows (doubling) for a bigger file. */
let buffer = Buffer.allocUnsafeSlow(1 << 20);

/** A file's bytes read into `buffer`: open, read to the end, close (readFileSync also asks the size). */
function readInPlace(file: string): Uint8Array {
  const fd = openSync(file, "r");
  try {
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const bigger = Buffer.allocUnsafeSlow(buffer.length * 2);
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } finally {
    closeSync(fd);
  }
}

/** A file of a folder; the path joined by hand (path.join normalises: ~2 µs a file, 4,750 files a run). */
export const fileInput = (dir: string, name: string): Input => ({
  name,
  read: () => read(`${dir}/${name}`),
  readInPlace: () => readInPlace(`${dir}/${name}`),
});

/**
 * A folder's files (not hidden files, labels or licences) with the folder, a file, or "-" for stdin.
 * Throws when the path cannot be read.
 */
export function inputsOf(path: string): { inputs: Input[]; dir?: string } {
  if (path === "-") return { inputs: [{ name: "-", read: () => read(0) }] };
  if (!statSync(path).isDirectory()) return { inputs: [{ name: basename(path), read: () => read(path) }] };
  const names = readdirSync(path, { withFileTypes: true })
    .filter((e) => !e.name.startsWith(".") && !NOT_MAILS.test(e.name) && (e.isFile() || e.isSymbolicLink()))
    .map((e) => e.name)
    .sort();
  return { inputs: names.map((f) => fileInput(path, f)), dir: path };
}
