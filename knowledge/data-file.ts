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

/**
 * The data with each string a copy of its own. The YAML parser hands out a scalar as a slice of the file's
 * text, and V8 keeps a slice's whole text alive (a SlicedString holds its parent): a few thousand examples,
 * phrases and words held ~0.9 MB of data-file text, comments included, for the process's life (a heap
 * snapshot of the bot with 10k sessions: questions/*.yaml, ui.yaml, typed.yaml). V8 slices only strings of
 * 13 units or more; a copy through a Buffer is a flat string. Not yaml's reviver: it keeps a value equal to
 * the one it had (===), which a copy of a string is.
 */
function withOwnStrings(value: unknown): unknown {
  if (typeof value === "string")
    return value.length >= 13 ? Buffer.from(value, "utf16le").toString("utf16le") : value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = withOwnStrings(value[i]);
  } else if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) if (key !== "__proto__") record[key] = withOwnStrings(record[key]);
  }
  return value;
}

/** Reads a YAML file and validates it; the first problem is reported with its path (e.g. "steps.ja.2"). */
export function loadDataFile<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = withOwnStrings(parse(readFileSync(file, "utf8")));
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
