import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { DataFileError, loadDataFile } from "../knowledge/data-file.ts";

const schema = z.object({ title: z.object({ ja: z.string().min(1), en: z.string().min(1) }) });

const dir = mkdtempSync(join(tmpdir(), "data-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

function fileWith(content: string): string {
  const file = join(dir, `topic-${++files}.yaml`);
  writeFileSync(file, content);
  return file;
}

describe("loadDataFile", () => {
  it("returns the validated content", () => {
    expect(loadDataFile(fileWith("title: { ja: 宛先不明, en: Unknown user }"), schema)).toEqual({
      title: { ja: "宛先不明", en: "Unknown user" },
    });
  });

  it("names the file and the field that is wrong", () => {
    const file = fileWith("title: { ja: '' , en: Unknown user }");
    expect(() => loadDataFile(file, schema)).toThrow(DataFileError);
    expect(() => loadDataFile(file, schema)).toThrow(`${file}: field "title.ja"`);
  });

  it("reports broken YAML with the file name", () => {
    const file = fileWith("title: [unclosed");
    expect(() => loadDataFile(file, schema)).toThrow(`${file}: file: cannot be read as YAML`);
  });
});
