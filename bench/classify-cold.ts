/**
 * One cold round, for bench/classify.ts: a fresh process imports the classifier, reads the files (both
 * untimed, as for Perl Sisimai), then classifies each file once and prints the mails/s of that first
 * round. Run in its own process because the first round is what a freshly started server sees.
 */
import { readFileSync } from "node:fs";
import { loadMailparser } from "../knowledge/bounce/mail.ts";
import { classify } from "../knowledge/classify.ts";

const files = process.argv.slice(2);
const inputs = files.map((f) => new Uint8Array(readFileSync(f)));
await loadMailparser(); // module loading is outside the timing (mailparser is loaded on first use)
const t0 = performance.now();
for (const input of inputs) await classify(input);
process.stdout.write(`${(inputs.length / ((performance.now() - t0) / 1000)).toFixed(1)}\n`);
