import { readFileSync } from "node:fs";
import { simpleParser } from "mailparser";

const m = await simpleParser(readFileSync(process.argv[2]), {
  keepDeliveryStatus: true,
  skipTextToHtml: true,
  skipImageLinks: true,
});
console.log("subject", m.subject, "from", m.from?.text);
console.log("TEXT>>", m.text);
for (const a of m.attachments)
  console.log(
    "ATT",
    a.contentType,
    a.contentDisposition,
    a.size,
    JSON.stringify(a.content.toString().slice(0, 300)),
  );
