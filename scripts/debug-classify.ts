// Developer aid: shows what each stage made of one file (raw draft fields are printed: run on test data only).
import { readFileSync } from "node:fs";
import { decide } from "../knowledge/bounce/decide.ts";
import { lfBytes } from "../knowledge/bounce/input.ts";
import { parseMail } from "../knowledge/bounce/mail.ts";
import { fragmentMessage } from "../knowledge/bounce/message.ts";
import { draftsOf } from "../knowledge/bounce/pipeline.ts";
import { pasteOf } from "../knowledge/cli/paste.ts";

const file = process.argv[2]!;
const raw = new Uint8Array(readFileSync(file));
const m = process.argv.includes("--fragments")
  ? fragmentMessage(await pasteOf(raw))
  : await parseMail(lfBytes(raw));
if (process.argv.includes("-v")) console.log({ ...m, headers: [...m.headers.keys()].join(",") });
for (const d of draftsOf(m)) console.log(d, decide(d));
