import { buildQuestionIndex } from "./dialogs/understand/understand.ts";
import { loadKnowledge } from "./knowledge/knowledge.ts";
import { loadQuestions } from "./knowledge/questions.ts";

const idx = buildQuestionIndex(loadQuestions(loadKnowledge()));
for (const t of process.argv.slice(2)) {
  const u = idx.understand(t, null);
  console.log(u.kind.padEnd(9), u.candidates.map((c) => `${c.id}:${c.score.toFixed(2)}`).join(" "), "|", t);
}
