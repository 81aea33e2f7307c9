/**
 * `npm run index:background`: writes knowledge/data/questions-background.tsv, the fixed background the
 * question index weighs features by (dialogs/understand/understand.ts says why), from the examples as they
 * are now. Run it on purpose, as a commit of its own with eval:dialog before and after: every weight of the
 * index moves with it.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { backgroundOf } from "../dialogs/understand/understand.ts";
import { loadKnowledge } from "../knowledge/knowledge.ts";
import { BACKGROUND_FILE, loadQuestions } from "../knowledge/questions.ts";

const file = join(import.meta.dirname, "..", "knowledge", "data", BACKGROUND_FILE);
const { questions, frequencies } = backgroundOf(loadQuestions(loadKnowledge()));
const lines = [...frequencies]
  .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
  .map(([feature, count]) => {
    if (/[\t\n]/.test(feature) || feature === "questions")
      throw new Error(`feature ${JSON.stringify(feature)}`);
    return `${feature}\t${count}`;
  });
const header = [
  "# The question index's fixed background: in how many questions' examples each feature (normalize.ts:",
  "# words as w:…, character 2- and 3-grams) occurred, for those of two questions or more. Made by",
  "# `npm run index:background`; not edited by hand (dialogs/understand/understand.ts says why it is fixed).",
  `questions\t${questions}`,
];
writeFileSync(file, `${[...header, ...lines].join("\n")}\n`);
console.log(`${file}: ${questions} questions, ${lines.length} features`);
