import { type Browser, chromium } from "playwright-core";

/**
 * Debian's Chromium (`apt-get install -y chromium`, done by `.ci/run`), driven by playwright-core:
 * playwright's own browser download cannot work on these machines.
 */

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

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

/** `env`: the browser's environment instead of this process's (a test gives it a fontconfig of its own). */
export function launchChromium(env?: Record<string, string>): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, ...(env ? { env } : {}) });
}
