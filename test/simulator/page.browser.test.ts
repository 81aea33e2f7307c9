import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { messagingApi } from "@line/bot-sdk";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { encodePostback } from "../../dialogs/postback.ts";
import { setupRichMenu } from "../../scripts/richmenu.ts";
import { chromiumMissing, launchChromium } from "./chromium.ts";
import { createEchoBot } from "./echo-bot.ts";
import { type Running, startBotWithSimulator } from "./harness.ts";

/**
 * The chat page in a real browser, against a small echo bot: what the page does with each kind of
 * message and action, independent of the assistant's dialogs (those are in assistant.browser.test.ts).
 */

const config = { channelSecret: "page-secret", channelAccessToken: "page-token" };
const FIXTURE = "The original message was received.\n550 5.1.1 <x@example.jp>... User unknown";

describe.skipIf(chromiumMissing)("chat page", () => {
  let browser: Browser;
  let running: Running;
  let page: Page;
  let fixturesDir: string;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  beforeEach(async () => {
    fixturesDir = mkdtempSync(join(tmpdir(), "bounces-"));
    writeFileSync(join(fixturesDir, "postfix-user-unknown.txt"), FIXTURE);
    running = await startBotWithSimulator((apiBaseUrl) => createEchoBot({ ...config, apiBaseUrl }).app, {
      ...config,
      fixturesDir,
    });
    page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(running.baseUrl);
    await page.waitForSelector("body[data-ready=true]");
    expect(errors).toEqual([]);
  });
  afterEach(async () => {
    await page?.close();
    await running?.close();
    rmSync(fixturesDir, { recursive: true, force: true });
  });

  const botTexts = () => page.locator(".row.bot .bot-text");
  const userTexts = () => page.locator(".row.user .user-text");
  const send = async (text: string) => {
    await page.fill("#input", text);
    await page.press("#input", "Enter");
  };

  it("follow → the bot's greeting, and the follow button shows the friendship", async () => {
    await page.click("#follow");
    await expect.poll(() => botTexts().allInnerTexts()).toEqual(["welcome!"]);
    expect(await page.isDisabled("#follow")).toBe(true);
    expect(await page.locator(".chip").allInnerTexts()).toEqual(["もう一度", "ポストバック"]);
  });

  it("the example picker pastes a fixture; the reply's Flex bubble renders, and its button sends", async () => {
    await page.selectOption("#examples", { label: "postfix-user-unknown" });
    expect(await page.inputValue("#input")).toBe(FIXTURE);
    await page.click("#send");
    await page.waitForSelector(".flex-bubble");
    expect(await userTexts().first().textContent()).toBe(FIXTURE);
    const bubble = page.locator(".flex-bubble");
    expect(await bubble.locator(".flex-header .flex-text").textContent()).toBe("Echo");
    expect(await bubble.locator(".flex-separator").count()).toBe(1);
    const button = bubble.locator(".flex-button-primary");
    expect(await button.textContent()).toBe("Again");
    await button.click();
    await expect.poll(() => userTexts().allInnerTexts()).toEqual([FIXTURE, "again"]);
  });

  it("quick replies: a message chip sends its text, a postback chip shows its displayText, then they vanish", async () => {
    await page.click("#follow");
    await page.click(".chip >> text=もう一度");
    await expect.poll(() => userTexts().allInnerTexts()).toEqual(["again"]);
    await page.waitForSelector(".flex-bubble");
    await page.click(".chip >> text=ポストバック");
    await expect.poll(() => botTexts().last().textContent()).toBe("postback pb=1");
    expect(await userTexts().last().textContent()).toBe("押しました");
    expect(await page.locator(".chip").count()).toBe(0);
  });

  it("shows the loading animation until the reply arrives", async () => {
    await send("slow");
    await page.waitForSelector(".dots", { state: "visible" });
    await page.waitForSelector(".flex-bubble");
    expect(await page.locator(".dots").count()).toBe(0);
  });

  it("a reply LINE would reject shows as an error with LINE's details, not as messages", async () => {
    await send("too many chips");
    const notice = page.locator(".notice-error");
    await notice.waitFor();
    expect(await notice.textContent()).toContain("messages[0].quickReply.items");
    expect(await botTexts().count()).toBe(0);
  });

  it("links are clickable; markup in text stays text", async () => {
    await send("see https://example.com/help and <img src=x onerror=alert(1)>");
    await page.waitForSelector(".flex-bubble");
    expect(await page.locator(".bot-text a").getAttribute("href")).toBe("https://example.com/help");
    expect(await page.locator("#messages img").count()).toBe(0);
    expect(await botTexts().first().textContent()).toContain("<img src=x onerror=alert(1)>");
  });

  it("several users: each has its own chat; added users get LINE-shaped ids", async () => {
    await send("from the first user");
    await page.waitForSelector(".flex-bubble");
    await page.click(".user >> nth=1");
    await expect.poll(() => userTexts().count()).toBe(0);
    await page.click("#add-user");
    await expect.poll(() => page.locator(".user").count()).toBe(4);
    expect(await page.locator(".user.current .user-id").textContent()).toMatch(/^U[0-9a-f]{32}$/);
    await page.click(".user >> nth=0");
    await expect.poll(() => userTexts().allInnerTexts()).toEqual(["from the first user"]);
  });

  it("a new user's LINE language is chosen on the page; the stand-in's Get Profile answers it", async () => {
    await page.selectOption("#add-user-language", "en");
    await page.click("#add-user");
    await expect.poll(() => page.locator(".user.current .user-lang").textContent()).toBe("LINE: English");
    const userId = (await page.locator(".user.current .user-id").textContent()) ?? "";
    const profile = await fetch(`${running.simulator.apiBaseUrl}/v2/bot/profile/${userId}`, {
      headers: { authorization: `Bearer ${config.channelAccessToken}` },
    });
    expect(((await profile.json()) as { language?: string }).language).toBe("en");
  });

  it("the rich menu set up by npm run richmenu's code shows under the chat; a tile sends its postback", async () => {
    const baseURL = running.simulator.apiBaseUrl;
    const channelAccessToken = config.channelAccessToken;
    await setupRichMenu({
      client: new messagingApi.MessagingApiClient({ channelAccessToken, baseURL }),
      blobClient: new messagingApi.MessagingApiBlobClient({ channelAccessToken, baseURL }),
    });
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    expect(await page.locator(".richmenu-area").count()).toBe(8);
    await page.locator(".richmenu-area").first().click();
    await expect
      .poll(() => botTexts().last().textContent())
      .toBe(`postback ${encodePostback({ a: "symptom", topic: "user-unknown" })}`);
    await page.click("#richmenu-bar");
    expect(await page.isHidden("#richmenu-panel")).toBe(true);
  });

  it("after the server restarts (new users, new ids), the page starts afresh by itself", async () => {
    await send("before the restart");
    await page.waitForSelector(".flex-bubble");
    const oldIds = await page.locator(".user-id").allTextContents();
    const port = Number(new URL(running.baseUrl).port);
    await running.close();
    running = await startBotWithSimulator(
      (apiBaseUrl) => createEchoBot({ ...config, apiBaseUrl }).app,
      { ...config, fixturesDir },
      port,
    );
    await expect
      .poll(() => page.locator(".user-id").allTextContents(), { timeout: 10_000 })
      .not.toEqual(oldIds);
    await page.waitForSelector("body[data-ready=true]");
    expect(await userTexts().count()).toBe(0);
    await send("after the restart");
    await expect.poll(() => botTexts().first().textContent()).toBe("echo: after the restart");
  });

  it("reset blocks the bot and clears the chat; follow is offered again", async () => {
    await page.click("#follow");
    await botTexts().first().waitFor();
    await page.click("#reset");
    await expect.poll(() => botTexts().count()).toBe(0);
    expect(await page.isDisabled("#follow")).toBe(false);
  });

  it("the Flex renderer lays out boxes, texts, spacing and margins as LINE documents them", async () => {
    const bubble = {
      type: "bubble",
      size: "kilo",
      styles: { footer: { separator: true } },
      header: {
        type: "box",
        layout: "vertical",
        backgroundColor: "#06c755",
        contents: [{ type: "text", text: "Title", size: "xl", weight: "bold", color: "#ffffff" }],
      },
      body: {
        type: "box",
        layout: "vertical",
        spacing: "md",
        contents: [
          { type: "text", text: "wrapped ".repeat(20), wrap: true, size: "sm" },
          {
            type: "box",
            layout: "baseline",
            margin: "xl",
            contents: [
              { type: "text", text: "Key", flex: 2, color: "#aaaaaa" },
              { type: "text", text: "Value", flex: 5 },
            ],
          },
          {
            type: "box",
            layout: "horizontal",
            contents: [
              { type: "text", text: "a" },
              { type: "separator" },
              { type: "text", text: "b", align: "end" },
            ],
          },
        ],
      },
      footer: {
        type: "box",
        layout: "vertical",
        contents: [
          {
            type: "button",
            style: "link",
            height: "sm",
            action: { type: "uri", label: "Open", uri: "https://example.com/" },
          },
        ],
      },
    };
    await page.addScriptTag({ content: readFileSync(new URL("./flex-probe.js", import.meta.url), "utf8") });
    const layout = (await page.evaluate(`flexProbe(${JSON.stringify(bubble)})`)) as Record<string, number>;
    expect(layout).toMatchObject({
      width: 260, // kilo
      titleSize: "22px", // xl
      titleWeight: "700",
      headerBackground: "rgb(6, 199, 85)",
      headerFill: 260, // the header box's background reaches the bubble's edges
      wrappedSize: "14px", // sm
      baselineMargin: "16px", // the child's margin xl replaces the box's spacing md
      baselineAlign: "baseline",
      horizontalGap: "8px", // spacing md
      verticalSeparatorWidth: 1,
      footerSeparator: "solid",
      buttonHeight: 40, // sm
    });
    expect(layout.wrappedLines).toBeGreaterThan(1);
    expect(layout.flexRatio).toBeCloseTo(2.5, 1);
  });
});
