import { readFileSync } from "node:fs";
import { simpleParser } from "mailparser";

const m = await simpleParser(readFileSync(process.argv[2]), { skipTextToHtml: true, skipImageLinks: true });
console.log(m.text);
console.log("----HTML?", !!m.html);
