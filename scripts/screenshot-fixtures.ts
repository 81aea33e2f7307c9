/**
 * npx tsx scripts/screenshot-fixtures.ts — redraws the screenshots the tests read
 * (test/fixtures/screenshots/): two readable bounces (light JPEG 3×, dark PNG 2×), one cut off before
 * the server's reason (partly readable), a picture with no text at all (unreadable), and a bounce with
 * the personal-data canaries of test/support/canaries.ts in it. Committed, so
 * the tests need no Chromium; OCR itself runs in the tests (Debian's tesseract or tesseract.js).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launchChromium } from "./chromium.ts";
import { renderPhoneShot } from "./phone-screenshot.ts";
import { OWN_BOUNCES } from "./screenshot-bounces.ts";

const OUT = join(import.meta.dirname, "..", "test", "fixtures", "screenshots");

/** A photo-like picture: shapes and colours, no letters. */
const NO_TEXT = `<!doctype html><body style="margin:0;height:100vh;background:linear-gradient(#f6a04d,#6a3d9a)">
<div style="position:absolute;left:60px;top:300px;width:260px;height:260px;border-radius:50%;background:#ffd34d"></div>
<div style="position:absolute;left:0;right:0;bottom:0;height:240px;background:#2d3a4a"></div></body>`;

const own = (name: string) => OWN_BOUNCES.find((b) => b.name === name)!;

mkdirSync(OUT, { recursive: true });
const browser = await launchChromium();
try {
  const postfix = own("postfix-user-unknown");
  const exim = own("exim-mailbox-full");
  const shots: [string, Uint8Array][] = [
    [
      "postfix-user-unknown.light.3x.jpg",
      await renderPhoneShot(browser, {
        body: postfix.body,
        subject: postfix.subject,
        theme: "light",
        format: "jpeg",
        scale: 3,
      }),
    ],
    [
      "exim-mailbox-full.dark.2x.png",
      await renderPhoneShot(browser, {
        body: exim.body,
        subject: exim.subject,
        theme: "dark",
        format: "png",
        scale: 2,
      }),
    ],
    [
      // The screenshot ends where the server's reason would start: a code and an address, no reason.
      "partly-readable.light.2x.png",
      await renderPhoneShot(browser, {
        body: "This is the mail system at host mail.example.ne.jp.\n\n<hanako.sato@example.jp>: host mx1.example.jp[192.0.2.25] said: 550",
        subject: "Undelivered Mail Returned to Sender",
        theme: "light",
        format: "png",
        scale: 2,
      }),
    ],
    [
      // The personal-data canaries of test/support/canaries.ts: no log line may ever show them.
      "canary-user-unknown.light.3x.png",
      await renderPhoneShot(browser, {
        body: [
          "This is the mail system at host mail.example.ne.jp.",
          "",
          "<canary.taro.yamada@example.jp>: host mx1.example.jp[192.0.2.25] said: 550 5.1.1",
          "    <canary.taro.yamada@example.jp>: Recipient address rejected: User unknown",
          "",
          "Contact: 090-8765-4321",
        ].join("\n"),
        theme: "light",
        format: "png",
        scale: 3,
      }),
    ],
  ];
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  await page.setContent(NO_TEXT);
  shots.push(["no-text.jpg", new Uint8Array(await page.screenshot({ type: "jpeg", quality: 70 }))]);
  await page.close();
  for (const [name, bytes] of shots) writeFileSync(join(OUT, name), bytes);
  console.log(`wrote ${shots.length} screenshots to ${OUT}`);
} finally {
  await browser.close();
}
