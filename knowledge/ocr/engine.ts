import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";

/**
 * The two ways this project runs OCR, chosen once at start-up:
 * - "tesseract": Debian's tesseract CLI (`apt-get install tesseract-ocr tesseract-ocr-eng
 *   tesseract-ocr-jpn`), one child process per image, the image piped in on stdin (it never touches
 *   the disk), killed at the time-out. OMP_THREAD_LIMIT=1: OpenMP's default threading is about 2.7×
 *   slower on a 2-core machine, and two images read at once keep both cores busy anyway.
 * - "tesseract.js": the same engine in WebAssembly with the language data of the npm packages
 *   `@tesseract.js-data/eng` and `/jpn`, in a child process of its own (tesseract-js-child.ts), so its
 *   ~200 MB never join the bot's heap. Slower (about 1.5×), but needs nothing outside npm.
 * Both answer tesseract's TSV (words with their boxes), which layout.ts turns into text.
 */

export type OcrRoute = "tesseract" | "tesseract.js";

export interface OcrEngine {
  readonly route: OcrRoute;
  /** TSV of the image's words. Rejects with OcrTimeout after `timeoutMs` (the work is killed). */
  read(image: Uint8Array, timeoutMs: number): Promise<string>;
  /** Ends child processes that are kept between images. */
  close(): Promise<void>;
}

export class OcrTimeout extends Error {
  constructor(ms: number) {
    super(`OCR took longer than ${ms} ms`);
    this.name = "OcrTimeout";
  }
}

export class OcrFailed extends Error {
  override name = "OcrFailed";
}

/** Languages: Japanese first (notices, the app's header), English for the server's own words. */
export const OCR_LANGS = "jpn+eng";
/** The TSV of one screenshot is some 100 KB; anything far beyond is not a screenshot's text. */
const MAX_OUTPUT_BYTES = 8 * 1024 * 1024;

/** The CLI's arguments: the image on stdin, words with their boxes (TSV) on stdout. */
const TESSERACT_ARGS = ["stdin", "stdout", "-l", OCR_LANGS, "tsv"];

/** What decides the OCR's output besides the image (evaluations key their caches on it). */
export function ocrSettings(): { tesseract: readonly string[] } {
  return { tesseract: TESSERACT_ARGS };
}

const cliChecked = new Map<string, boolean>();

/** Is the Debian CLI there with both languages? Asked once per process (a few ms). */
export function tesseractCliAvailable(command = "tesseract"): boolean {
  let known = cliChecked.get(command);
  if (known === undefined) {
    known = checkCli(command);
    cliChecked.set(command, known);
  }
  return known;
}

function checkCli(command: string): boolean {
  const r = spawnSync(command, ["--list-langs"], { encoding: "utf8", timeout: 5_000 });
  if (r.status !== 0 || typeof r.stdout !== "string") return false;
  const langs = new Set(r.stdout.split("\n").map((l) => l.trim()));
  return langs.has("eng") && langs.has("jpn");
}

/** Are tesseract.js and both language packages installed? */
export function tesseractJsAvailable(): boolean {
  const require = createRequire(import.meta.url);
  try {
    for (const name of [
      "tesseract.js",
      "@tesseract.js-data/eng/package.json",
      "@tesseract.js-data/jpn/package.json",
    ])
      require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

export function tesseractCli(command = "tesseract"): OcrEngine {
  return {
    route: "tesseract",
    read: (image, timeoutMs) =>
      new Promise((resolve, reject) => {
        const child = spawn(command, TESSERACT_ARGS, {
          env: { ...process.env, OMP_THREAD_LIMIT: "1" },
          stdio: ["pipe", "pipe", "pipe"],
        });
        const out: Buffer[] = [];
        let size = 0;
        let stderr = "";
        let settled = false;
        const finish = (error: Error | undefined, tsv?: string) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          if (error) {
            child.kill("SIGKILL");
            reject(error);
          } else resolve(tsv ?? "");
        };
        const timer = setTimeout(() => finish(new OcrTimeout(timeoutMs)), timeoutMs);
        child.stdout.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_OUTPUT_BYTES) finish(new OcrFailed("OCR output too large"));
          else out.push(chunk);
        });
        // tesseract's messages ("Estimating resolution as …") name no content; kept short for the error.
        child.stderr.on("data", (chunk: Buffer) => {
          if (stderr.length < 500) stderr += chunk.toString("utf8");
        });
        child.on("error", (error) => finish(new OcrFailed(`tesseract did not start: ${error.message}`)));
        child.on("close", (code) => {
          if (code === 0) finish(undefined, Buffer.concat(out).toString("utf8"));
          else finish(new OcrFailed(`tesseract exited with ${code}: ${stderr.trim().slice(0, 200)}`));
        });
        // A closed pipe (tesseract gave up on the image) is reported by "close" above.
        child.stdin.on("error", () => {});
        child.stdin.end(image);
      }),
    close: async () => {},
  };
}
