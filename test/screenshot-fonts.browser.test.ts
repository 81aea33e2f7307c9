import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  japaneseFonts,
  MissingJapaneseFont,
  renderPhoneShot,
  requireJapaneseFonts,
} from "../scripts/phone-screenshot.ts";
import { chromiumMissing, launchChromium } from "./simulator/chromium.ts";

/**
 * The evaluation screenshots must show Japanese as a phone does. A machine without fonts-noto-cjk draws
 * every Japanese character as a box; last round's held-out set was drawn so and measured three points low.
 * Here the browser gets a fontconfig of its own with no fonts at all (whatever this machine has), and the
 * drawing refuses, naming the Debian package; eval:screenshots refuses a set that does not say its fonts.
 */

const dir = mkdtempSync(join(tmpdir(), "no-fonts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(chromiumMissing)("drawing a phone screenshot on a machine without Japanese fonts", () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(join(dir, "fonts"));
    const conf = join(dir, "fonts.conf");
    writeFileSync(
      conf,
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${dir}/fonts</dir><cachedir>${dir}/cache</cachedir></fontconfig>\n`,
    );
    browser = await launchChromium({ ...(process.env as Record<string, string>), FONTCONFIG_FILE: conf });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("finds that Japanese would not be drawn with Noto Sans CJK JP", async () => {
    const check = await japaneseFonts(browser);
    expect(check.ok).toBe(false);
    expect(check.drawnWith.sans.join(" ")).not.toContain("Noto Sans CJK JP");
  });

  it("stops before drawing, with a message that names fonts-noto-cjk", async () => {
    await expect(requireJapaneseFonts(browser)).rejects.toBeInstanceOf(MissingJapaneseFont);
    await expect(
      renderPhoneShot(browser, { body: "550 5.1.1 User unknown", theme: "light", format: "png", scale: 2 }),
    ).rejects.toThrow(/apt-get install fonts-noto-cjk/);
  });
});

describe("scoring a set of screenshots", () => {
  it("refuses a set drawn without saying its Japanese font (drawn as boxes before the check)", () => {
    const set = join(dir, "old-set");
    mkdirSync(join(set, "text"), { recursive: true });
    writeFileSync(join(set, "labels.tsv"), "file\tidx\treason\tdeliverystatus\treplycode\taction\n");
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/eval-screenshots.ts", set], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("has no fonts.txt");
    expect(run.stdout).toBe("");
  });
});
