import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LogLines } from "../bot/log-destination.ts";

/** The default destination of log lines (bot/log-destination.ts): stdout in production, a file here. */
describe("log lines written asynchronously", () => {
  const dir = mkdtempSync(join(tmpdir(), "log-lines-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes every line in order, those logged while a write is under way too, and says when all are out", async () => {
    const file = join(dir, "a.log");
    const fd = openSync(file, "w");
    const lines = new LogLines(fd);
    const sent = Array.from({ length: 5_000 }, (_, i) => `{"n":${i},"msg":"turn ${"…".repeat(i % 7)}"}\n`);
    for (const line of sent.slice(0, 2_500)) lines.write(line);
    await new Promise((resolve) => setImmediate(resolve)); // a write goes out meanwhile
    for (const line of sent.slice(2_500)) lines.write(line);
    await new Promise<void>((resolve) => lines.flush(() => resolve()));
    closeSync(fd);
    expect(readFileSync(file, "utf8")).toBe(sent.join(""));
  });

  it("writes what still waits when asked to at once (the process exiting)", async () => {
    const file = join(dir, "b.log");
    const fd = openSync(file, "w");
    const lines = new LogLines(fd);
    lines.write("first\n"); // goes out asynchronously
    lines.write("second\n");
    lines.write("third\n");
    lines.flushSync();
    await new Promise<void>((resolve) => lines.flush(() => resolve()));
    closeSync(fd);
    expect(readFileSync(file, "utf8").split("\n").sort()).toEqual(["", "first", "second", "third"]);
  });

  it("stops logging, without throwing, when its descriptor cannot be written", async () => {
    const file = join(dir, "c.log");
    closeSync(openSync(file, "w"));
    const fd = openSync(file, "r"); // open for reading only: every write fails
    const lines = new LogLines(fd);
    expect(() => lines.write("lost\n")).not.toThrow();
    await new Promise<void>((resolve) => lines.flush(() => resolve()));
    expect(() => lines.write("lost too\n")).not.toThrow();
    lines.flushSync();
    closeSync(fd);
    expect(readFileSync(file, "utf8")).toBe("");
  });
});
