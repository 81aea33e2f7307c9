/**
 * `npm run check:knowledge [-- DIR]`: loads and validates the knowledge data (default knowledge/data/),
 * ui.yaml included, the same way the assistant does at start-up, and says in one line what is wrong and where.
 * That includes advice that contradicts itself (knowledge/consistency.ts, claims.yaml).
 */
import { join, relative } from "node:path";
import { checkKeyAnswers, DEFAULT_UI_FILE, loadUi } from "../dialogs/ui.ts";
import { DataFileError } from "../knowledge/data-file.ts";
import { checkResendLines, loadKnowledge } from "../knowledge/knowledge.ts";
import { loadQuestions } from "../knowledge/questions.ts";

const dir = process.argv[2];
try {
  const knowledge = loadKnowledge(dir);
  const ui = loadUi(dir ? join(dir, "ui.yaml") : DEFAULT_UI_FILE);
  checkResendLines(knowledge, ui.diagnosis.resend, ui.diagnosis.noResendLineFor, dir);
  const { questions, readings, kanaEnglish } = loadQuestions(knowledge, dir);
  checkKeyAnswers(ui, questions, dir ? join(dir, "ui.yaml") : DEFAULT_UI_FILE);
  const examples = [...questions.values()].reduce((n, q) => n + q.examples.length, 0);
  const phrases = knowledge.symptoms.reduce((n, s) => n + s.phrases.length, 0);
  const mentions = ui.mentions.returned.length + ui.mentions["not-sent"].length;
  console.log(
    `OK: ${knowledge.topics.size} topics, ${knowledge.links.size} links, ${knowledge.carriers.length} carriers, ` +
      `${phrases} symptom phrases, ${mentions} mention phrases, ${knowledge.claims.length} claims, ` +
      `${Object.keys(knowledge.codes.status).length + Object.keys(knowledge.codes.reply).length} codes, ` +
      `${questions.size} questions with ${examples} examples, ${readings.size} readings, ` +
      `${kanaEnglish.size} English words in kana`,
  );
  const qa = knowledge.links.get("qa-community")!;
  if (new URL(qa.url).hostname.endsWith(".invalid"))
    console.log("note: qa-community is a placeholder url; set QA_COMMUNITY_URL when running the assistant");
} catch (error) {
  if (!(error instanceof DataFileError)) throw error;
  const near = relative(process.cwd(), error.file);
  const file = near && !near.startsWith("..") ? near : error.file;
  console.error(`ERROR in ${file}`);
  console.error(`  ${error.message.slice(error.file.length + 2)}`);
  process.exitCode = 1;
}
