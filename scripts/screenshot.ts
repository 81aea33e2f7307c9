import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { BUILT_IN_EXAMPLES } from "../simulator/examples.ts";
import { launchChromium } from "./chromium.ts";
import { startLocalServer } from "./local-server.ts";

/**
 * `npm run screenshot`: starts the assistant in local mode, adds it as a friend, pastes a
 * "550 5.1.1 User unknown" bounce and saves the chat page as docs/simulator.png (shown in the README).
 */

const OUT = fileURLToPath(new URL("../docs/simulator.png", import.meta.url));

const server = await startLocalServer();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1120, height: 1400 } });
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready=true]");
  await page.click("#richmenu-bar"); // fold the rich menu away: the chat is what the picture is about
  await page.click("#follow");
  await page.waitForSelector(".row.bot");
  await page.fill("#input", BUILT_IN_EXAMPLES[0]!.text);
  const sent = Date.now();
  await page.press("#input", "Enter");
  await page.waitForSelector(".flex-bubble");
  console.log(`diagnosis shown ${Date.now() - sent} ms after sending the bounce`);
  await page.waitForTimeout(300); // let the scroll settle
  mkdirSync(fileURLToPath(new URL("../docs/", import.meta.url)), { recursive: true });
  await page.screenshot({ path: OUT });
  console.log(`wrote ${OUT}`);
} finally {
  await browser.close();
  await server.stop();
}
