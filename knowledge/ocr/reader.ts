import { cleanOcrText } from "./clean.ts";
import {
  type OcrEngine,
  type OcrRoute,
  tesseractCli,
  tesseractCliAvailable,
  tesseractJsAvailable,
} from "./engine.ts";
import { layoutText, pageOfTsv } from "./layout.ts";
import { tesseractJs } from "./tesseract-js.ts";

/**
 * Reading a screenshot of a returned mail into text the classifier can take as a paste: the OCR engine
 * (engine.ts), at most `concurrency` images at once (the others wait in arrival order), the words laid
 * out as the mail's lines (layout.ts) and cleaned of what the phone added (clean.ts).
 * The text is the user's mail: callers classify it and mask it like a paste, never log it.
 */

/** "auto": the Debian CLI when installed, else tesseract.js; "off": images are not read. */
export type OcrChoice = "auto" | OcrRoute | "off";

export interface ScreenshotReader {
  /** The engine in use, or undefined when none is installed (or OCR is off). */
  readonly route: OcrRoute | undefined;
  /** The screenshot's text, cleaned. Rejects on OCR failure or time-out (OcrTimeout, OcrFailed). */
  read(image: Uint8Array, timeoutMs: number): Promise<string>;
  /** Images being read plus those waiting. */
  readonly pending: number;
  close(): Promise<void>;
}

/** Which engine: asked once, at start-up (the CLI check runs `tesseract --list-langs`). */
export function chooseEngine(choice: OcrChoice): OcrEngine | undefined {
  if (choice === "off") return undefined;
  if (choice === "tesseract") return tesseractCli();
  if (choice === "tesseract.js") return tesseractJs();
  if (tesseractCliAvailable()) return tesseractCli();
  if (tesseractJsAvailable()) return tesseractJs();
  return undefined;
}

/** The OCR engine's TSV → the mail's text (exported for tests and the evaluation). */
export function textOfTsv(tsv: string): string {
  return cleanOcrText(layoutText(pageOfTsv(tsv)));
}

export function createScreenshotReader(engine: OcrEngine | undefined, concurrency = 2): ScreenshotReader {
  let running = 0;
  const waiting: (() => void)[] = [];
  const turn = (): Promise<void> => {
    if (running < concurrency) {
      running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const done = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  return {
    route: engine?.route,
    get pending() {
      return running + waiting.length;
    },
    async read(image, timeoutMs) {
      if (!engine) throw new Error("no OCR engine");
      await turn();
      try {
        return textOfTsv(await engine.read(image, timeoutMs));
      } finally {
        done();
      }
    },
    close: async () => engine?.close(),
  };
}
