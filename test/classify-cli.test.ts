import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

/**
 * `npm run --silent classify -- --json PATH` as users and scripts run it (scripts/run-compiled.mjs: the
 * compiled build when current, else the sources through tsx): mails and screenshots in one folder, one
 * JSON line per file in name order, a screenshot named by its own file name.
 */

const ROOT = join(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "classify-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function classifyJson(path: string) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [join(ROOT, "scripts", "run-compiled.mjs"), "knowledge/cli/classify", "--json", path],
    { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
  );
  return stdout
    .trim()
    .split("\n")
    .map(
      (l) => JSON.parse(l) as { file: string; records: { reason: string; topic: string; status: string }[] },
    );
}

describe("classify CLI", () => {
  it("reads a folder of mails and screenshots (PNG, JPEG by content) in name order", {
    timeout: 180_000,
  }, async () => {
    copyFileSync(join(ROOT, "test/fixtures/bounces/postfix-user-unknown.eml"), join(dir, "a-mail.eml"));
    copyFileSync(
      join(ROOT, "test/fixtures/screenshots/exim-mailbox-full.dark.2x.png"),
      join(dir, "b-shot.png"),
    );
    // A JPEG whose name does not say so: the bytes decide.
    copyFileSync(
      join(ROOT, "test/fixtures/screenshots/postfix-user-unknown.light.3x.jpg"),
      join(dir, "c-shot.dat"),
    );
    copyFileSync(join(ROOT, "test/fixtures/screenshots/no-text.jpg"), join(dir, "d-photo.jpeg"));
    const lines = await classifyJson(dir);
    expect(lines.map((l) => l.file)).toEqual(["a-mail.eml", "b-shot.png", "c-shot.dat", "d-photo.jpeg"]);
    expect(lines[0]!.records[0]).toMatchObject({ reason: "userunknown", topic: "user-unknown" });
    expect(lines[1]!.records[0]).toMatchObject({
      reason: "mailboxfull",
      topic: "mailbox-full",
      status: "5.2.2",
    });
    expect(lines[2]!.records[0]).toMatchObject({ reason: "userunknown", status: "5.1.1" });
    expect(lines[3]!.records).toEqual([]);
    expect(Object.keys(lines[0]!.records[0]!).sort()).toEqual([
      "action",
      "reason",
      "replyCode",
      "status",
      "topic",
    ]);
  });

  it("reads one screenshot given as the path", { timeout: 120_000 }, async () => {
    const lines = await classifyJson(
      join(ROOT, "test/fixtures/screenshots/postfix-user-unknown.light.3x.jpg"),
    );
    expect(lines).toEqual([
      expect.objectContaining({
        file: "postfix-user-unknown.light.3x.jpg",
        records: [expect.objectContaining({ reason: "userunknown" })],
      }),
    ]);
  });
});
