import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalServer, startLocalServer } from "../../scripts/local-server.ts";
import { chromiumMissing, launchChromium } from "./chromium.ts";
import { BOUNCE, usedToWork, userUnknown } from "./user-unknown-paste.ts";

/**
 * The local simulator at a phone's width (how most people first try it) and on a laptop, with the real
 * assistant (`npm start` without LINE credentials, and without QA_COMMUNITY_URL: the placeholder note
 * must show). At 390 px the side panel folds away behind a button and the chat takes the whole width.
 */

const VIEWPORTS = [
  { name: "a phone (390×844)", width: 390, height: 844, phone: true },
  { name: "a laptop (1280×800)", width: 1280, height: 800, phone: false },
];

describe.skipIf(chromiumMissing)("the simulator page at a phone's width and a laptop's", () => {
  let server: LocalServer;
  let browser: Browser;

  beforeAll(async () => {
    const saved = process.env.QA_COMMUNITY_URL;
    delete process.env.QA_COMMUNITY_URL; // the spawned bot inherits the environment
    try {
      [server, browser] = await Promise.all([startLocalServer(), launchChromium()]);
    } finally {
      if (saved !== undefined) process.env.QA_COMMUNITY_URL = saved;
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A fresh simulated user (its own chat), opened in a page of this size. */
  async function open(width: number, height: number): Promise<{ page: Page; errors: string[] }> {
    const res = await fetch(new URL("/simulator/users", server.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    const { userId } = (await res.json()) as { userId: string };
    const page = await browser.newPage({ viewport: { width, height } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}#${userId}`);
    await page.waitForSelector("body[data-ready=true]");
    return { page, errors };
  }

  const box = async (page: Page, selector: string) => (await page.locator(selector).boundingBox())!;

  describe.each(VIEWPORTS)("on $name", ({ width, height, phone }) => {
    let page: Page;
    let errors: string[];

    beforeAll(async () => {
      ({ page, errors } = await open(width, height));
    });
    afterAll(() => page?.close());

    it("fits the width: a text box of at least 300 px, the chat across the page, no sideways scrolling", async () => {
      expect((await box(page, "#input")).width).toBeGreaterThanOrEqual(300);
      const chat = await box(page, "#messages");
      if (phone) expect(chat.width).toBe(width);
      else expect(chat.width).toBeGreaterThan(width / 2);
      const scrollWidth = await page.evaluate("document.documentElement.scrollWidth");
      expect(scrollWidth).toBeLessThanOrEqual(width);
    });

    it("shows the side panel on a laptop; on a phone it folds away and a button opens and closes it", async () => {
      const sidebarShown = () => page.locator("#sidebar").isVisible();
      if (!phone) {
        expect(await sidebarShown()).toBe(true);
        expect(await page.locator("#toggle-sidebar").isVisible()).toBe(false);
        return;
      }
      expect(await sidebarShown()).toBe(false);
      await page.click("#toggle-sidebar");
      await expect.poll(async () => (await box(page, "#sidebar")).x).toBe(0);
      expect(await sidebarShown()).toBe(true);
      expect(await page.locator("#add-user").isVisible()).toBe(true);
      await page.click("#close-sidebar");
      await expect.poll(sidebarShown).toBe(false);
    });

    it("says the Q&A community link is a placeholder (QA_COMMUNITY_URL unset)", async () => {
      const note = page.locator("#page-notices");
      expect(await note.isVisible()).toBe(true);
      expect(await note.textContent()).toContain("QA_COMMUNITY_URL");
    });

    it("a pasted bounce gets its answer, in bubbles that wrap normally within the width", async () => {
      await page.click("#follow");
      await page.locator(".row.bot").first().waitFor();
      await page.fill("#input", BOUNCE);
      await page.press("#input", "Enter");
      const bubble = page.locator(".flex-bubble", { hasText: userUnknown.title.ja });
      await bubble.waitFor({ timeout: 10_000 });
      const card = (await bubble.boundingBox())!;
      expect(card.x).toBeGreaterThanOrEqual(0);
      expect(card.x + card.width).toBeLessThanOrEqual(width);
      expect(card.width).toBeGreaterThan(200);
      // A text bubble is wider than tall for a short line: text runs across, not down a squeezed column.
      const question = (await page.locator(".row.bot .bot-text").last().boundingBox())!;
      expect(question.width).toBeGreaterThan(question.height);
      expect(question.x + question.width).toBeLessThanOrEqual(width);
    });

    it("a quick reply can be tapped and is answered", async () => {
      const chip = page.locator(".chip", { hasText: usedToWork.label.ja });
      await chip.scrollIntoViewIfNeeded();
      await chip.click();
      await expect.poll(() => page.locator("#messages").textContent()).toContain(usedToWork.answer.ja);
      expect(await page.locator(".notice-error").count()).toBe(0);
      expect(errors).toEqual([]);
    });
  });
});
