import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { classify } from "../knowledge/classify.ts";
import {
  type OcrEngine,
  OcrFailed,
  OcrTimeout,
  tesseractCli,
  tesseractCliAvailable,
  tesseractJsAvailable,
} from "../knowledge/ocr/engine.ts";
import { chooseEngine, createScreenshotReader } from "../knowledge/ocr/reader.ts";
import { tesseractJs } from "../knowledge/ocr/tesseract-js.ts";
import { isCi } from "./helpers/redis-server.ts";

/**
 * Both OCR routes on the committed screenshots (test/fixtures/screenshots/, drawn by
 * scripts/screenshot-fixtures.ts): Debian's tesseract CLI when installed, tesseract.js (npm) always
 * after `npm ci`. Without the Debian packages their part is skipped with a note, except in CI (.ci/run
 * installs them), where it fails.
 */

const FIXTURES = join(import.meta.dirname, "fixtures", "screenshots");
const image = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
/** A loaded 2-core machine: a screenshot takes ~1 s alone, several when others run their suites too. */
const READ_MS = 60_000;

async function firstRecord(engine: OcrEngine, name: string) {
  const text = await createScreenshotReader(engine).read(image(name), READ_MS);
  return { text, record: (await classify(text, { kind: "fragment" })).records[0] };
}

const cliMissing = !tesseractCliAvailable();
const MISSING =
  "Debian's tesseract with eng and jpn not found (apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-jpn)";
if (cliMissing && isCi()) throw new Error(`${MISSING}: the OCR tests cannot be skipped in CI.`);
if (cliMissing) console.warn(`Skipping the tesseract CLI route. ${MISSING}`);

const routes: [string, () => OcrEngine, boolean][] = [
  ["tesseract (Debian CLI)", () => tesseractCli(), cliMissing],
  ["tesseract.js (npm)", () => tesseractJs({ idleMs: 2_000 }), !tesseractJsAvailable()],
];

for (const [name, make, missing] of routes) {
  describe.skipIf(missing)(`OCR route ${name}`, () => {
    const engine = make();
    afterAll(() => engine.close());

    it("reads a light JPEG screenshot into the bounce it shows", { timeout: 2 * READ_MS }, async () => {
      const { text, record } = await firstRecord(engine, "postfix-user-unknown.light.3x.jpg");
      expect(text).toContain("Recipient address rejected");
      expect(text).not.toMatch(/宛先|9:41/); // the phone's status bar and the app's header are gone
      expect(record).toMatchObject({ reason: "userunknown", status: "5.1.1", recipient: "h***@example.jp" });
    });

    it("reads a dark PNG screenshot, keeping the notice's indentation", {
      timeout: 2 * READ_MS,
    }, async () => {
      const { record } = await firstRecord(engine, "exim-mailbox-full.dark.2x.png");
      expect(record).toMatchObject({ reason: "mailboxfull", status: "5.2.2", recipient: "y***@example.org" });
    });

    it("finds nothing to classify in a picture without text", { timeout: 2 * READ_MS }, async () => {
      const { text } = await firstRecord(engine, "no-text.jpg");
      expect((await classify(text, { kind: "fragment" })).records).toEqual([]);
    });

    it("gives up at the time-out", { timeout: READ_MS }, async () => {
      await expect(engine.read(image("postfix-user-unknown.light.3x.jpg"), 1)).rejects.toBeInstanceOf(
        OcrTimeout,
      );
    });

    it("fails cleanly on bytes that are no image", { timeout: READ_MS }, async () => {
      await expect(
        engine.read(new TextEncoder().encode("not a picture at all"), READ_MS),
      ).rejects.toBeInstanceOf(OcrFailed);
    });
  });
}

describe("choosing the route", () => {
  it("takes the Debian CLI when it is there, tesseract.js otherwise, none when OCR is off", () => {
    expect(chooseEngine("off")).toBeUndefined();
    expect(chooseEngine("tesseract.js")?.route).toBe("tesseract.js");
    expect(chooseEngine("auto")?.route).toBe(cliMissing ? "tesseract.js" : "tesseract");
  });

  it("reads at most `concurrency` images at once; the others wait in arrival order", async () => {
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const slow: OcrEngine = {
      route: "tesseract",
      async read(bytes) {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 20));
        running--;
        order.push(bytes[0]!);
        return "";
      },
      close: async () => {},
    };
    const reader = createScreenshotReader(slow, 2);
    await Promise.all([1, 2, 3, 4, 5, 6].map((n) => reader.read(new Uint8Array([n]), 1000)));
    expect(most).toBe(2);
    expect(order.slice(0, 2).sort()).toEqual([1, 2]);
    expect(order.slice(4).sort()).toEqual([5, 6]);
  });
});
