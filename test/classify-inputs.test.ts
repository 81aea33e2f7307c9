import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { inputsOf } from "../knowledge/cli/classify-inputs.ts";

const dir = mkdtempSync(join(tmpdir(), "classify-inputs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a folder's files read in place", () => {
  it("give each file's own bytes, also after a file bigger than the buffer made it grow", () => {
    const big = Buffer.alloc(2.5 * 1024 * 1024 + 7, "big mail line\n");
    writeFileSync(join(dir, "a-small.eml"), "Subject: first\n\nshort\n");
    writeFileSync(join(dir, "b-big.eml"), big);
    writeFileSync(join(dir, "c-empty.eml"), "");
    writeFileSync(join(dir, "d-small.eml"), "Subject: last\n");
    const { inputs } = inputsOf(dir);
    expect(inputs.map((i) => i.name)).toEqual(["a-small.eml", "b-big.eml", "c-empty.eml", "d-small.eml"]);
    for (const input of inputs) {
      const expected = readFileSync(join(dir, input.name));
      expect(Buffer.from(input.readInPlace!()).equals(expected)).toBe(true);
      expect(Buffer.from(input.read()).equals(expected)).toBe(true);
    }
  });
});
