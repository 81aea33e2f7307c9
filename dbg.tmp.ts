import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { buildQuestionIndex } from "./dialogs/understand/understand.ts";
import { loadKnowledge } from "./knowledge/knowledge.ts";
import { loadQuestions } from "./knowledge/questions.ts";

const idx = buildQuestionIndex(loadQuestions(loadKnowledge()));
const items = parse(readFileSync("test/dialog-eval/dev.yaml", "utf8"));
let topRight = 0,
  n = 0;
for (const it of items) {
  const u = idx.understand(it.text, it.context === "none" ? null : it.context);
  const exp = it.expect.replace("upset+", "");
  const top = u.candidates[0];
  n++;
  if (top?.id === exp) topRight++;
  if (process.argv[2] === "all" || u.kind !== "confident")
    console.log(
      u.kind.padEnd(9),
      exp.padEnd(16),
      u.candidates.map((c) => `${c.id}:${c.score.toFixed(2)}`).join(" "),
      "|",
      it.text,
    );
}
console.log("top1", topRight, n);
