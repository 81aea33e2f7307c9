/**
 * `npm run --silent eval:fragility [-- k] [-- --new id,id] [-- --live]`: how far adding examples to one
 * question reaches.
 * For each of the questions below, the dev set (test/dialog-eval/dev.yaml) is answered with that question's
 * last k examples (default 5) left out, and again with them in: k examples added. An item whose answer
 * changes though neither answer is that question flipped elsewhere (the fragility the index should not
 * have); one that changes to or from that question is the addition doing its work (counted apart).
 * `--verbose`: the items flipped elsewhere. `--new`: instead, the questions named, left out whole and put
 * in (new questions added). `--live`: the index weighs features by the examples of the day, as it did
 * before its fixed background (understand.ts): 9 dev items flipped elsewhere over the 12 questions (k = 5),
 * 1 with the background; sending-limit and change-address added, 15 and 2.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { knowledgeServices } from "../bot/wiring.ts";
import { createInterpreter } from "../dialogs/interpret.ts";
import { loadUi } from "../dialogs/ui.ts";
import { loadKnowledge } from "../knowledge/knowledge.ts";
import type { QuestionBank } from "../knowledge/questions.ts";
import { answerer, itemSchema, matches } from "./dialog-answers.ts";

const k = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 5);
const added = process.argv.includes("--new")
  ? process.argv[process.argv.indexOf("--new") + 1]!.split(",")
  : [];
const verbose = process.argv.includes("--verbose");
const PROBED = [
  "resend",
  "wait",
  "contact-recipient",
  "did-it-arrive",
  "size-limit",
  "plain-words",
  "phone",
  "chat-stored",
  "what-to-paste",
  "ok",
  "thanks",
  "mobile-address",
];
const dev = z
  .array(itemSchema)
  .parse(parse(readFileSync(join(import.meta.dirname, "..", "test", "dialog-eval", "dev.yaml"), "utf8")));
const knowledge = loadKnowledge();
const services = knowledgeServices(knowledge);
if (process.argv.includes("--live")) delete services.questions.background;
const ui = loadUi();

/** The answer id of every dev item, with this question bank. */
async function answers(questions: QuestionBank): Promise<string[]> {
  const run = answerer(createInterpreter({ ...services, questions, ui }), { knowledge, questions });
  const out: string[] = [];
  for (const item of dev) out.push((await run(item)).id);
  return out;
}
/** The bank with `ids`' last k examples left out, or (`whole`) without those questions. */
function without(ids: string[], whole: boolean): QuestionBank {
  const bank = services.questions;
  const questions = new Map(bank.questions);
  for (const id of ids) {
    const q = bank.questions.get(id)!;
    if (whole) questions.delete(id);
    else questions.set(id, { ...q, examples: q.examples.slice(0, -k) });
  }
  return { ...bank, questions };
}

const full = await answers(services.questions);
const right = (got: string[]) => got.filter((g, i) => matches(dev[i]!.expect, g)).length;
console.log(`dev ${right(full)}/${dev.length} with all examples; k = ${k}`);
let elsewhere = 0;
let own = 0;
const probes: [string[], boolean][] =
  added.length > 0 ? [[added, true]] : PROBED.map((id) => [[id], false] as [string[], boolean]);
const bare = (g: string) => g.replace(/^upset\+/, "").replace(/@[a-z]+$/, "");
for (const [ids, whole] of probes) {
  const before = await answers(without(ids, whole));
  let e = 0;
  let o = 0;
  before.forEach((b, i) => {
    if (b === full[i]) return;
    if (ids.includes(bare(b)) || ids.includes(bare(full[i]!))) o++;
    else {
      e++;
      if (verbose)
        console.log(`  ${dev[i]!.expect}: ${b} -> ${full[i]}  [${dev[i]!.context}] ${dev[i]!.text}`);
    }
  });
  elsewhere += e;
  own += o;
  console.log(
    `${(whole ? `+${ids.join(",")}` : ids[0]!).padEnd(18)} flipped elsewhere ${String(e).padStart(3)}  to/from it ${String(o).padStart(3)}  dev ${right(before)} -> ${right(full)}`,
  );
}
console.log(
  `total: ${elsewhere} flipped elsewhere, ${own} to/from the question, over ${probes.length} probes`,
);
