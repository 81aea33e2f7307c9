import type { Browser } from "playwright-core";

/**
 * Draws a returned mail as a phone's mail app shows it, and takes the screenshot a user would send on
 * LINE: status bar, the app's header (sender, 宛先: 自分, subject, date), the body in a proportional
 * font wrapped at the screen's width. Used by `npm run screenshots:bounces` (the OCR evaluation set),
 * `npm run bench:ocr` and the test fixtures; needs Debian's Chromium and fonts-noto-cjk. Without the
 * fonts Chromium draws every Japanese character as a box (the header's 「宛先: 自分」, Japanese notices),
 * which no user's phone shows: renderPhoneShot refuses to draw then (requireJapaneseFonts), once per browser.
 */

export type Theme = "light" | "dark";
export type ImageFormat = "png" | "jpeg";

export interface PhoneShot {
  /** The mail's body text as the app shows it (lines kept, long lines wrapped by the screen). */
  body: string;
  /** Shown in the header; default "Undelivered Mail Returned to Sender". */
  subject?: string;
  /** Sender name in the header; default "Mail Delivery System". */
  sender?: string;
  /** Scrolled down: the header is off screen and the body starts at the top. */
  scrolled?: boolean;
  theme: Theme;
  format: ImageFormat;
  /**
   * Device pixels per CSS pixel: 3 is a 1170×2532 iPhone screenshot, 2 a 750×1334 one; 0.75 gives about
   * the size of LINE's preview image (a quarter of the pixels of a 3× screenshot).
   */
  scale: number;
  /**
   * How the mail app draws it (evaluation sets vary it, so no single app's look is tuned for): the
   * body's font (a proportional sans, DejaVu Sans, or a monospaced one as some apps show plain text),
   * its size in CSS pixels, and the header's layout (iOS Mail: sender, 宛先: 自分, subject, date; Gmail:
   * subject first, then sender, "To 自分" and the time). Default: sans, 16, ios.
   */
  look?: Look;
}

export interface Look {
  font: "sans" | "dejavu" | "mono";
  size: number;
  app: "ios" | "gmail";
}

const FONTS: Record<Look["font"], string> = {
  sans: '"Noto Sans CJK JP", "Noto Sans JP", sans-serif',
  dejavu: '"DejaVu Sans", "Noto Sans CJK JP", sans-serif',
  mono: '"Noto Sans Mono CJK JP", "DejaVu Sans Mono", monospace',
};

/** The screen in CSS pixels: a 3× phone is 390×844, a 2× one 375×667. */
function viewportOf(scale: number): { width: number; height: number } {
  return scale === 2 ? { width: 375, height: 667 } : { width: 390, height: 844 };
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function pageHtml(shot: PhoneShot): string {
  const dark = shot.theme === "dark";
  const fg = dark ? "#f2f2f7" : "#111";
  const bg = dark ? "#000" : "#fff";
  const dim = dark ? "#98989f" : "#6d6d72";
  const accent = dark ? "#0a84ff" : "#007aff";
  const look: Look = shot.look ?? { font: "sans", size: 16, app: "ios" };
  const subject = escapeHtml(shot.subject ?? "Undelivered Mail Returned to Sender");
  const sender = escapeHtml(shot.sender ?? "Mail Delivery System");
  const ios = `<div class="head">
  <div class="avatar">M</div>
  <div class="who"><div class="from">${sender}</div>
  <div class="to">宛先: 自分 <span class="more">詳細</span></div></div>
  <div class="date">10:15</div>
</div>
<div class="subject">${subject}</div>
<div class="when">2025年11月3日 10:15</div>`;
  const gmail = `<div class="subject">${subject} <span class="label">受信トレイ</span></div>
<div class="head">
  <div class="avatar">M</div>
  <div class="who"><div class="from">${sender} <span class="date">11月3日</span></div>
  <div class="to">To 自分 ⌄</div></div>
  <div class="date">↩ ⋮</div>
</div>
<div class="when"></div>`;
  const header = shot.scrolled ? "" : look.app === "gmail" ? gmail : ios;
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>
  * { box-sizing: border-box; }
  body { margin: 0; background: ${bg}; color: ${fg};
    font-family: "Noto Sans CJK JP", "Noto Sans JP", sans-serif; -webkit-font-smoothing: antialiased; }
  .label { font-size: 12px; font-weight: 400; color: ${dim}; border: 1px solid ${dim}; border-radius: 4px;
    padding: 1px 4px; vertical-align: middle; }
  .status { height: 47px; display: flex; justify-content: space-between; align-items: center;
    padding: 0 28px; font-weight: 600; font-size: 16px; }
  .nav { height: 44px; display: flex; justify-content: space-between; align-items: center;
    padding: 0 12px; color: ${accent}; font-size: 17px; }
  .head { display: flex; align-items: center; padding: 8px 16px 0; gap: 10px; }
  .avatar { width: 40px; height: 40px; border-radius: 20px; background: ${dim}; color: ${bg};
    display: flex; align-items: center; justify-content: center; font-weight: 600; }
  .who { flex: 1; } .from { font-weight: 600; font-size: 17px; }
  .to, .date, .when { color: ${dim}; font-size: 15px; } .more { color: ${accent}; margin-left: 6px; }
  .subject { font-weight: 700; font-size: 20px; padding: 14px 16px 2px; }
  .when { padding: 0 16px 12px; border-bottom: 1px solid ${dark ? "#38383a" : "#d8d8dc"}; }
  .body { padding: 14px 16px; font-size: ${look.size}px; line-height: 1.35; white-space: pre-wrap;
    font-family: ${FONTS[look.font]};
    overflow-wrap: break-word; }
</style></head><body>
<div class="status"><span>9:41</span><span>📶 87%</span></div>
<div class="nav"><span>‹ 受信</span><span>⌃ ⌄</span></div>
${header}
<div class="body">${escapeHtml(shot.body)}</div>
</body></html>`;
}

/** Japanese the screenshots show: the header's words and a notice's sentence. */
const JAPANESE_SAMPLE = "宛先自分受信トレイメッセージを配信できませんでした";

/** The font each body font's stack must draw Japanese with (fonts-noto-cjk), as the sets were drawn. */
const JAPANESE_FONT: Record<Look["font"], string> = {
  sans: "Noto Sans CJK JP",
  dejavu: "Noto Sans CJK JP",
  mono: "Noto Sans Mono CJK JP",
};

export class MissingJapaneseFont extends Error {
  override name = "MissingJapaneseFont";
}

export interface JapaneseFontCheck {
  /** Every body font's stack draws the sample with its Noto CJK font. */
  ok: boolean;
  /** Per body font, the fonts Chromium drew the sample with and how many glyphs each ("DejaVu Sans 24"). */
  drawnWith: Record<Look["font"], string[]>;
}

const checks = new WeakMap<Browser, Promise<JapaneseFontCheck>>();

/**
 * Which fonts the browser draws Japanese with, asked of the renderer itself (DevTools'
 * CSS.getPlatformFontsForNode: the fonts its glyphs came from; a missing glyph is counted for the stack's
 * first font, drawn as a box). Asked once per browser.
 */
export function japaneseFonts(browser: Browser): Promise<JapaneseFontCheck> {
  let check = checks.get(browser);
  if (!check) {
    check = askFonts(browser);
    checks.set(browser, check);
  }
  return check;
}

async function askFonts(browser: Browser): Promise<JapaneseFontCheck> {
  const page = await browser.newPage();
  try {
    const looks = Object.keys(JAPANESE_FONT) as Look["font"][];
    const spans = looks.map((f) => `<p id="${f}" style='font-family: ${FONTS[f]}'>${JAPANESE_SAMPLE}</p>`);
    await page.setContent(`<!doctype html><html lang="ja"><body>${spans.join("")}</body></html>`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", {});
    const drawnWith = {} as Record<Look["font"], string[]>;
    let ok = true;
    for (const look of looks) {
      const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: `#${look}` });
      const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
      drawnWith[look] = fonts.map((f) => `${f.familyName} ${f.glyphCount}`);
      ok &&= fonts.length > 0 && fonts.every((f) => f.familyName === JAPANESE_FONT[look]);
    }
    return { ok, drawnWith };
  } finally {
    await page.close();
  }
}

/** Throws MissingJapaneseFont, naming the Debian package, unless the browser draws Japanese as phones do. */
export async function requireJapaneseFonts(browser: Browser): Promise<void> {
  const { ok, drawnWith } = await japaneseFonts(browser);
  if (ok) return;
  const seen = [...new Set(Object.values(drawnWith).flat())].join(", ") || "no font";
  throw new MissingJapaneseFont(
    `Chromium does not draw Japanese with fonts-noto-cjk's fonts (${needed()}): it drew it with ${seen}, ` +
      "as boxes when the font has no Japanese. Install Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk), " +
      "or set FONTCONFIG_FILE to a fontconfig file whose <dir> holds that package's fonts. Screenshots with " +
      "boxes instead of Japanese are no test set.",
  );
}

const needed = () => [...new Set(Object.values(JAPANESE_FONT))].join(", ");

/** One line for a drawn set's fonts.txt: the fonts Japanese was drawn with, per body font. */
export function fontsLine(check: JapaneseFontCheck): string {
  const parts = Object.entries(check.drawnWith).map(
    ([look, fonts]) => `${look}: ${fonts.join(", ") || "none"}`,
  );
  return `Japanese drawn with ${parts.join("; ")}${check.ok ? "" : " (NOT fonts-noto-cjk: boxes)"}`;
}

/**
 * The screenshot's bytes (PNG, or JPEG at quality 70 as phones and LINE save them). Refuses
 * (MissingJapaneseFont) when Japanese would be boxes, unless `boxesOk` (a speed benchmark that says so).
 */
export async function renderPhoneShot(
  browser: Browser,
  shot: PhoneShot,
  options: { boxesOk?: boolean } = {},
): Promise<Uint8Array> {
  if (!options.boxesOk) await requireJapaneseFonts(browser);
  const page = await browser.newPage({ viewport: viewportOf(shot.scale), deviceScaleFactor: shot.scale });
  try {
    await page.setContent(pageHtml(shot), { waitUntil: "load" });
    const bytes = await page.screenshot(
      shot.format === "jpeg" ? { type: "jpeg", quality: 70 } : { type: "png" },
    );
    return new Uint8Array(bytes);
  } finally {
    await page.close();
  }
}
