import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalServer, startLocalServer } from "../../scripts/local-server.ts";
import { chromiumMissing, launchChromium } from "./chromium.ts";
import { BOUNCE, backscatter, usedToWork, userUnknown } from "./user-unknown-paste.ts";

/**
 * The whole product on one machine, as a newcomer sees it after `npm start` without LINE credentials:
 * bot/main.ts in local mode in its own process, the chat page in Chromium, every event signed and sent
 * to the real /webhook, every reply going through the SDK to the LINE stand-in. One conversation from
 * "follow" to the escalation. Expected words come from the knowledge data, so editing a text does not
 * break the test, while a broken page, dialog or wiring does.
 */

const QA_COMMUNITY_URL = "https://qa-community.example.test/questions";
const SCREENSHOTS = join(import.meta.dirname, "..", "fixtures", "screenshots");
const BOUNCES = join(import.meta.dirname, "..", "fixtures", "bounces");

describe.skipIf(chromiumMissing)(
  "the assistant in the local simulator (npm start, no LINE credentials)",
  () => {
    let server: LocalServer;
    let browser: Browser;
    let page: Page;
    const pageErrors: string[] = [];

    beforeAll(async () => {
      process.env.QA_COMMUNITY_URL = QA_COMMUNITY_URL; // inherited by the spawned bot
      [server, browser] = await Promise.all([startLocalServer(), launchChromium()]);
      page = await browser.newPage();
      page.on("pageerror", (error) => pageErrors.push(error.message));
      await page.goto(server.url);
      await page.waitForSelector("body[data-ready=true]");
    });
    afterAll(async () => {
      delete process.env.QA_COMMUNITY_URL;
      await browser?.close();
      await server?.stop();
    });

    const chip = (label: string) => page.locator(".chip", { hasText: label });
    const pageText = () => page.locator("#messages").textContent();

    it("logs the page's URL", () => {
      expect(server.output()).toContain(server.url);
    });

    it("follow → the greeting with the main menu as quick replies", async () => {
      await page.click("#follow");
      await page.locator(".row.bot").first().waitFor();
      // The symptom menu: one chip per topic, worded as in the knowledge data.
      await chip(userUnknown.menuLabel.ja).waitFor();
      expect(await chip(backscatter.menuLabel.ja).count()).toBe(1);
      expect(await page.locator(".notice-error").count()).toBe(0);
    });

    it("a pasted 550 5.1.1 bounce → the user-unknown diagnosis bubble", async () => {
      await page.fill("#input", BOUNCE);
      await page.press("#input", "Enter");
      const bubble = page.locator(".flex-bubble", { hasText: userUnknown.title.ja });
      await bubble.waitFor({ timeout: 5_000 });
      expect(await chip(usedToWork.label.ja).count()).toBe(1);
      expect(await chip("はい").count()).toBe(1); // was it helpful?
    });

    it("tapping a follow-up quick reply → its answer", async () => {
      await chip(usedToWork.label.ja).click();
      await expect.poll(pageText).toContain(usedToWork.answer.ja);
    });

    it("feedback いいえ → escalation with the Q&A community link", async () => {
      await chip("いいえ").click();
      await expect
        .poll(async () => {
          const hrefs = await page
            .locator("#messages a")
            .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
          const uris = await page
            .locator("#messages [data-uri]")
            .evaluateAll((es) => es.map((e) => e.getAttribute("data-uri")));
          return [...hrefs, ...uris];
        })
        .toContain(QA_COMMUNITY_URL);
      expect(await page.locator(".notice-error").count()).toBe(0);
      // The summary meant for posting in public carries no unmasked address from the paste.
      expect((await page.locator(".row.bot").allTextContents()).join("\n")).not.toContain(
        "friend@example.com",
      );
      expect(pageErrors).toEqual([]);
    });

    // Screenshots go through the real OCR (Debian's tesseract when installed, else tesseract.js).
    it("a screenshot from the file picker → the stand-in serves it, the bot reads it: the diagnosis", {
      timeout: 90_000,
    }, async () => {
      const before = await page.locator(".flex-bubble").count();
      await page.setInputFiles("#attach-input", join(SCREENSHOTS, "postfix-user-unknown.light.3x.jpg"));
      await page.locator(".user-image").first().waitFor();
      await expect
        .poll(() => page.locator(".flex-bubble", { hasText: userUnknown.title.ja }).count(), {
          timeout: 80_000,
        })
        .toBeGreaterThan(before);
      expect(await pageText()).toContain("h***@example.jp");
      expect(await pageText()).not.toContain("hanako.sato");
    });

    it("a screenshot pasted from the clipboard into the input is sent as an image", {
      timeout: 90_000,
    }, async () => {
      const bytes = [...readFileSync(join(SCREENSHOTS, "no-text.jpg"))];
      // Runs in the page, with a browser's globals (not Node's): a paste event carrying the image.
      await page.evaluate(`(() => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(${JSON.stringify(bytes)})], "clip.jpg", { type: "image/jpeg" }));
        document.getElementById("input").dispatchEvent(
          new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }),
        );
      })()`);
      await expect
        .poll(pageText, { timeout: 80_000 })
        .toContain("画像からエラーの内容を読み取れませんでした");
      expect(await page.locator(".user-image").count()).toBe(2);
    });

    it("a forwarded .eml file → read as the returned mail", { timeout: 30_000 }, async () => {
      await page.setInputFiles("#attach-input", join(BOUNCES, "postfix-user-unknown.eml"));
      await page.locator(".user-file", { hasText: "postfix-user-unknown.eml" }).waitFor();
      await expect.poll(() => page.locator(".flex-bubble").count(), { timeout: 20_000 }).toBeGreaterThan(2);
      expect(await page.locator(".notice-error").count()).toBe(0);
      expect(pageErrors).toEqual([]);
    });
  },
);
