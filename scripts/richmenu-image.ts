/**
 * Draws assets/richmenu.png from the tiles in richmenu-layout.ts, with headless Chromium. Run once after
 * changing the layout and commit the PNG (the image is shipped, not built on deploy):
 *
 *   npm run richmenu:image        needs Debian's chromium and a Japanese font (fonts-noto-cjk)
 *
 * Chromium is Debian's (/usr/bin/chromium, or CHROMIUM_PATH), driven by playwright-core, which never
 * downloads a browser of its own.
 */
import { createHash } from "node:crypto";
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { chromium } from "playwright-core";
import { loadUi, type UiTexts } from "../dialogs/ui.ts";
import { type Knowledge, loadKnowledge } from "../knowledge/knowledge.ts";
import { boundsOf, SIZE, TILES, type Tile, tileText } from "./richmenu-layout.ts";

const OUT = join(import.meta.dirname, "..", "assets", "richmenu.png");
/** The hash of the HTML the PNG was drawn from: a test compares it, so a stale image is noticed. */
export const SOURCE_HASH_FILE = join(import.meta.dirname, "..", "assets", "richmenu.source-sha256");

export function sourceHash(html: string): string {
  return createHash("sha256").update(html).digest("hex");
}

function htmlEscape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function tileHtml(tile: Tile, index: number, knowledge: Knowledge, ui: UiTexts): string {
  const b = boundsOf(index);
  const { en } = tileText(tile, knowledge, ui);
  return `<div class="tile" style="left:${b.x}px;top:${b.y}px;width:${b.width}px;height:${b.height}px">
  <div class="card" style="--accent:${tile.color}">
    <div class="badge">${tile.target === "more" ? "?" : index + 1}</div>
    <div class="label">${tile.lines.map((l) => `<div>${htmlEscape(l)}</div>`).join("")}</div>
    <div class="english">${htmlEscape(en)}</div>
  </div>
</div>`;
}

export function richMenuHtml(knowledge: Knowledge, ui: UiTexts = loadUi()): string {
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><style>
  html, body { margin: 0; width: ${SIZE.width}px; height: ${SIZE.height}px; background: #eef1f4; overflow: hidden; }
  body { font-family: "Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", sans-serif; position: relative; }
  .tile { position: absolute; box-sizing: border-box; padding: 22px; }
  .card { box-sizing: border-box; height: 100%; border-radius: 40px; background: #fff;
          border-top: 36px solid var(--accent); box-shadow: 0 6px 18px rgba(0,0,0,.12);
          display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 36px; }
  .badge { width: 150px; height: 150px; border-radius: 50%; background: var(--accent); color: #fff;
           font-size: 96px; font-weight: 700; display: flex; align-items: center; justify-content: center; }
  .label { font-size: 66px; white-space: nowrap; font-weight: 700; line-height: 1.3; text-align: center; color: #1f2d3d; }
  .english { font-size: 44px; color: #6b7785; font-family: "Noto Sans", "DejaVu Sans", sans-serif; }
</style></head><body>
${TILES.map((tile, i) => tileHtml(tile, i, knowledge, ui)).join("\n")}
</body></html>`;
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const page = await browser.newPage({ viewport: SIZE, deviceScaleFactor: 1 });
    const html = richMenuHtml(loadKnowledge());
    await page.setContent(html);
    await page.evaluate("document.fonts.ready"); // draw only once the Japanese font is in
    mkdirSync(dirname(OUT), { recursive: true });
    await page.screenshot({ path: OUT, type: "png", fullPage: false });
    writeFileSync(SOURCE_HASH_FILE, `${sourceHash(html)}\n`);
  } finally {
    await browser.close();
  }
  console.log(`wrote ${OUT} (${SIZE.width}×${SIZE.height}, ${Math.round(statSync(OUT).size / 1024)} KB)`);
}

if (process.argv[1] === import.meta.filename) await main();
