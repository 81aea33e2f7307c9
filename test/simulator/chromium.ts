import { existsSync } from "node:fs";
import { CHROMIUM_PATH } from "../../scripts/chromium.ts";

/**
 * Browser tests run when Debian's Chromium is there. On a developer machine without it they are skipped
 * with a note; in CI they fail instead, so a missing browser never passes for a green run.
 */

export { launchChromium } from "../../scripts/chromium.ts";

const inCi = Boolean(process.env.CI) && process.env.CI !== "0" && process.env.CI !== "false";

export const chromiumMissing = !existsSync(CHROMIUM_PATH);

if (chromiumMissing) {
  const note = `Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`;
  if (inCi) throw new Error(`${note} Browser tests cannot be skipped in CI.`);
  console.warn(`Skipping browser tests. ${note}`);
}
