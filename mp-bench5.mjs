import { readFileSync } from "node:fs";
import { simpleParser } from "mailparser";

const b = readFileSync("/work/shared/corpus/sisimai-dev/" + process.argv[2]);
const opts = {
  keepDeliveryStatus: true,
  skipTextToHtml: true,
  skipImageLinks: true,
  skipTextLinks: true,
  skipHtmlToText: process.argv[3] === "nohtml",
};
for (let r = 0; r < 3; r++) {
  const t0 = performance.now();
  for (let i = 0; i < 200; i++) await simpleParser(b, opts);
  if (r === 2) console.log(process.argv[2], (((performance.now() - t0) / 200) * 1000).toFixed(0), "µs");
}
const m = await simpleParser(b, opts);
console.log("html?", !!m.html, "text len", m.text?.length);
