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
  },
);
