import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/**
 * Debian's Chromium, driven by playwright-core (no browser download: `.ci/run` installs the apt package).
 * On a developer machine without it the browser tests are skipped with a note; in CI they fail instead,
 * so a missing browser never passes for a green run.
 */

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const inCi = Boolean(process.env.CI) && process.env.CI !== "0" && process.env.CI !== "false";

export const chromiumMissing = !existsSync(CHROMIUM_PATH);

if (chromiumMissing) {
  const note = `Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`;
  if (inCi) throw new Error(`${note} Browser tests cannot be skipped in CI.`);
  console.warn(`Skipping browser tests. ${note}`);
}

// Flags for a closed network and a sandbox-less container (root), without background chatter.
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}
