/**
 * The tesseract.js route's own process (forked by tesseract-js.ts): one WebAssembly tesseract worker
 * that reads the images sent over IPC, one at a time, and answers their TSV. Its ~200 MB stay here,
 * never in the bot's heap; the parent ends it when a read times out or when it has been idle a while.
 *
 * Offline by construction: tesseract.js fetches language data from a CDN unless `langPath` names a local
 * folder (and offline that failure cannot be caught), and it takes one folder for all languages while
 * npm ships eng and jpn in two packages; so a private temporary folder links both files. Nothing is
 * written to the working directory (cacheMethod "none": no traineddata cache), and `errorHandler` is
 * set, without which a failed job throws in the worker and kills this process. The folder is removed as
 * soon as the worker has loaded both models: the parent kills this process with SIGKILL on a timeout, and
 * an exit hook alone left one folder behind per killed child.
 */
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createWorker, OEM } from "tesseract.js";

interface Job {
  id: number;
  image: Uint8Array;
}

const require = createRequire(import.meta.url);
const langDir = mkdtempSync(join(tmpdir(), "bounce-ocr-langs-"));
process.on("exit", () => rmSync(langDir, { recursive: true, force: true }));
for (const lang of ["eng", "jpn"]) {
  const pkg = dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
  symlinkSync(join(pkg, "4.0.0_best_int", `${lang}.traineddata.gz`), join(langDir, `${lang}.traineddata.gz`));
}

let failure: string | undefined;
const worker = await createWorker(["jpn", "eng"], OEM.LSTM_ONLY, {
  langPath: langDir,
  cacheMethod: "none",
  gzip: true,
  errorHandler: (error: unknown) => {
    failure = String(error).slice(0, 200);
  },
});
rmSync(langDir, { recursive: true, force: true });

process.on("message", async (job: Job) => {
  failure = undefined;
  try {
    const result = await worker.recognize(Buffer.from(job.image), {}, { tsv: true, text: false });
    process.send?.({ id: job.id, tsv: result.data.tsv ?? "" });
  } catch (error) {
    process.send?.({ id: job.id, error: failure ?? String(error).slice(0, 200) });
  }
});
process.on("disconnect", () => process.exit(0));
process.send?.({ ready: true });
