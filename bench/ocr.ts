/**
 * npm run bench:ocr [-- --images N]
 *
 * Speed and memory of reading phone screenshots, for each OCR route installed (Debian's tesseract CLI,
 * tesseract.js): the bounce texts of scripts/screenshot-bounces.ts drawn as full-size screenshots
 * (1170×2532, light and dark, PNG and JPEG q70) and at LINE's preview size, then
 * - one image at a time: seconds per image, median and worst (the acceptance: median ≤ 1.5 s full size);
 * - as the bot reads them, two at a time: images/s;
 * - memory: the peak RSS of the OCR child processes (sampled from /proc every 20 ms) and of this process.
 * Needs Debian's Chromium and fonts-noto-cjk to draw the images. Without the fonts it still runs (the
 * lead's benchmark rounds compare routes within one run) but says first that Japanese is drawn as boxes.
 */
import { readdirSync, readFileSync } from "node:fs";
import {
  type OcrEngine,
  tesseractCli,
  tesseractCliAvailable,
  tesseractJsAvailable,
} from "../knowledge/ocr/engine.ts";
import { createScreenshotReader } from "../knowledge/ocr/reader.ts";
import { tesseractJs } from "../knowledge/ocr/tesseract-js.ts";
import { launchChromium } from "../scripts/chromium.ts";
import { fontsLine, japaneseFonts, renderPhoneShot } from "../scripts/phone-screenshot.ts";
import { OWN_BOUNCES, onScreen } from "../scripts/screenshot-bounces.ts";

interface Image {
  name: string;
  bytes: Uint8Array;
  full: boolean;
}

const TIMEOUT_MS = 120_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** RSS in MB of this process's descendants (their sum, sampled while OCR runs). */
function childrenRssMb(pid = process.pid): number {
  let total = 0;
  let kids: string[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`))
      kids = kids.concat(
        readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean),
      );
  } catch {
    return 0;
  }
  for (const kid of kids) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${kid}/status`, "utf8"));
      total += m ? Number(m[1]) / 1024 : 0;
    } catch {
      // gone already
    }
    total += childrenRssMb(Number(kid));
  }
  return total;
}

async function drawImages(limit: number): Promise<Image[]> {
  const browser = await launchChromium();
  const images: Image[] = [];
  try {
    const fonts = await japaneseFonts(browser);
    console.log(`images: ${fontsLine(fonts)}`);
    if (!fonts.ok)
      console.log(
        "(without fonts-noto-cjk the header's Japanese is boxes: times are not those of real screenshots)",
      );
    for (const [i, text] of OWN_BOUNCES.entries()) {
      for (const theme of ["light", "dark"] as const)
        for (const format of ["png", "jpeg"] as const) {
          if (images.length >= limit) return images;
          const shot = { ...onScreen(text.body), subject: text.subject, theme, format };
          images.push({
            name: `${text.name}.${theme}.${format}`,
            bytes: await renderPhoneShot(browser, { ...shot, scale: 3 }, { boxesOk: true }),
            full: true,
          });
          // LINE's preview of every other one: a quarter of the pixels.
          if ((i + images.length) % 2 === 0)
            images.push({
              name: `${text.name}.${theme}.${format}.preview`,
              bytes: await renderPhoneShot(browser, { ...shot, scale: 0.75 }, { boxesOk: true }),
              full: false,
            });
        }
    }
  } finally {
    await browser.close();
  }
  return images;
}

async function benchRoute(engine: OcrEngine, images: Image[]): Promise<void> {
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, childrenRssMb());
  }, 20);
  try {
    // Warm-up (tesseract.js loads its language data in its first child).
    await Promise.all([engine.read(images[0]!.bytes, TIMEOUT_MS), engine.read(images[0]!.bytes, TIMEOUT_MS)]);
    const full: number[] = [];
    const preview: number[] = [];
    for (const image of images) {
      const t0 = performance.now();
      await engine.read(image.bytes, TIMEOUT_MS);
      (image.full ? full : preview).push((performance.now() - t0) / 1000);
    }
    const reader = createScreenshotReader(engine, 2);
    const t0 = performance.now();
    await Promise.all(images.map((image) => reader.read(image.bytes, TIMEOUT_MS)));
    const perSecond = images.length / ((performance.now() - t0) / 1000);
    console.log(`\n## route ${engine.route}`);
    console.log(
      `one at a time, full size (${full.length}): median ${median(full).toFixed(2)} s, worst ${Math.max(...full).toFixed(2)} s per image (acceptance: median ≤ 1.5 s)`,
    );
    if (preview.length > 0)
      console.log(
        `one at a time, preview size (${preview.length}): median ${median(preview).toFixed(2)} s, worst ${Math.max(...preview).toFixed(2)} s`,
      );
    console.log(`two at a time (as the bot reads them): ${perSecond.toFixed(2)} images/s`);
    console.log(
      `memory: OCR child processes peak ${peak.toFixed(0)} MB together (the bot's own heap never holds them); this benchmark process ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB (playwright, the drawn images)`,
    );
  } finally {
    clearInterval(sampler);
    await engine.close();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const limit = args.includes("--images") ? Number(args[args.indexOf("--images") + 1]) : 24;
  const routes: OcrEngine[] = [];
  if (tesseractCliAvailable()) routes.push(tesseractCli());
  else
    console.log(
      "route tesseract: not installed (apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-jpn)",
    );
  if (tesseractJsAvailable()) routes.push(tesseractJs({ idleMs: 5_000 }));
  else console.log("route tesseract.js: not installed (npm ci installs it)");
  if (routes.length === 0) return;
  const images = await drawImages(limit);
  const fullCount = images.filter((i) => i.full).length;
  console.log(
    `# bench:ocr — ${images.length} screenshots (${fullCount} full size 1170×2532, the rest LINE preview size)`,
  );
  for (const engine of routes) await benchRoute(engine, images);
}

await main();
