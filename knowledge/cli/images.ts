/**
 * Screenshots in the command-line tools (classify, eval): told apart from mails by their first bytes,
 * read with OCR two at a time. The OCR modules are loaded only when an image comes along, so a run over
 * mails pays nothing for them.
 */

import { imageKind } from "../ocr/image-kind.ts";

/** PNG or JPEG, whatever the file is called. */
export function isImage(bytes: Uint8Array): boolean {
  return imageKind(bytes) !== undefined;
}

/** Generous: the command line has no user waiting on a chat, only a slow machine. */
const CLI_OCR_TIMEOUT_MS = 120_000;

export interface ImageReader {
  /** The screenshot's text, cleaned; rejects when no OCR engine is installed or OCR fails. */
  text(image: Uint8Array): Promise<string>;
  close(): Promise<void>;
}

/** OCR_ENGINE picks the engine as for the bot ("auto" by default); two images are read at once. */
export function imageReader(): ImageReader {
  const reader = import("../ocr/reader.ts").then(({ chooseEngine, createScreenshotReader }) => {
    const choice = (process.env.OCR_ENGINE ?? "auto") as Parameters<typeof chooseEngine>[0];
    const engine = chooseEngine(choice);
    if (!engine)
      throw new Error(
        "no OCR engine: install tesseract-ocr, tesseract-ocr-eng and tesseract-ocr-jpn (Debian), or run npm ci",
      );
    return createScreenshotReader(engine, 2);
  });
  reader.catch(() => {});
  return {
    text: async (image) => (await reader).read(image, CLI_OCR_TIMEOUT_MS),
    close: async () => {
      try {
        await (await reader).close();
      } catch {
        // no engine: nothing to close
      }
    },
  };
}
