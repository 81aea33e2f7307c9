import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { z } from "zod";

/** A data file that failed validation; the message names the file and the field, for support staff. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${file}: ${field ? `field "${field}"` : "file"}: ${problem}`);
    this.name = "DataFileError";
  }
}

/** Reads a YAML file and validates it; the first problem is reported with its path (e.g. "steps.ja.2"). */
export function loadDataFile<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new DataFileError(file, "", `cannot be read as YAML: ${(error as Error).message}`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new DataFileError(file, issue.path.join("."), issue.message);
  }
  return result.data;
}
