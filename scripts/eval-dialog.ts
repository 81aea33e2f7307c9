/**
 * `npm run --silent eval:dialog [-- --verbose]`: how well typed messages are understood. Runs every
 * utterance of test/dialog-eval/*.yaml through the real interpreter, machine and knowledge data, after
 * putting its context on screen (a symptom tapped from the menu, or nothing), and compares the answer given
 * with the answer expected. Prints accuracy per kind for the tuning set (dev.yaml) and the held-out set
 * (held-out.yaml, never tuned on), then the confusion list of the held-out misses (all misses with
 * --verbose).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { knowledgeServices } from "../bot/wiring.ts";
import { Conversations } from "../dialogs/conversation.ts";
import type { ReplyIntent } from "../dialogs/intents.ts";
import { createInterpreter } from "../dialogs/interpret.ts";
import { MemorySessionStore } from "../dialogs/stores/memory.ts";
import { loadUi } from "../dialogs/ui.ts";
import { canonical, readingTable } from "../dialogs/understand/normalize.ts";
import { loadKnowledge } from "../knowledge/knowledge.ts";
import { answerFor } from "../knowledge/questions.ts";
import { TOPIC_IDS, type TopicId } from "../knowledge/types.ts";

const KINDS = ["followup", "cold", "act", "emotion", "english", "casual"] as const;
const itemSchema = z
  .object({
    kind: z.enum(KINDS),
    context: z.union([z.enum(TOPIC_IDS), z.literal("none")]),
    text: z.string().min(1),
    expect: z.string().min(1),
  })
  .strict();
type Item = z.infer<typeof itemSchema>;

const dir = join(import.meta.dirname, "..", "test", "dialog-eval");
const load = (name: string) => z.array(itemSchema).parse(parse(readFileSync(join(dir, name), "utf8")));
const sets = { dev: load("dev.yaml"), "held-out": load("held-out.yaml") };
const verbose = process.argv.includes("--verbose");

const knowledge = loadKnowledge();
const services = knowledgeServices(knowledge);
const interpret = createInterpreter({ ...services, ui: loadUi() });
const { questions } = services.questions;

/** Annotations said before the answer proper: they do not name it. */
const BESIDE = new Set(["warnPersonalData", "acknowledgeFeelings", "askFeedback", "noticeSessionExpired"]);
const NAMES: Partial<Record<ReplyIntent["type"], string>> = {
  explainPasting: "paste-help",
  escalate: "human",
  confirmRestart: "restart",
  showSteps: "next-step",
  offerCandidates: "clarify",
  answerSmallTalk: "fallback",
  showMenu: "menu",
  explainHelp: "help",
  showMoreTopics: "more",
  greet: "greet",
};

/** The answer id of a reply: which question (or other answer) the user got. */
function answerId(intents: ReplyIntent[], context: TopicId | null, expected: string): string {
  const upset = intents.some((i) => i.type === "acknowledgeFeelings") ? "upset+" : "";
  const main = intents.find((i) => !BESIDE.has(i.type));
  if (!main) return `${upset}(nothing)`;
  let id: string;
  switch (main.type) {
    case "answerQuestion":
      id = main.id;
      break;
    case "showDiagnosis":
      id = `topic:${main.diagnosis.topic}`;
      break;
    case "answerFollowUp": {
      // Questions answered with a follow-up button's answer: which questions give this one here?
      const givers = [...questions.values()]
        .filter((q) => {
          const a = answerFor(q, context);
          return a && "followUp" in a && a.followUp.topic === main.topic && a.followUp.id === main.id;
        })
        .map((q) => q.id);
      const bare = expected.replace(/^upset\+/, "");
      id = givers.includes(bare) ? bare : (givers[0] ?? `followup:${main.id}`);
      break;
    }
    default:
      id = NAMES[main.type] ?? main.type;
  }
  return upset + id;
}

async function run(item: Item): Promise<string> {
  const conversations = new Conversations({ store: new MemorySessionStore(), interpret });
  const user = "Ueval";
  const topic = item.context === "none" ? null : item.context;
  if (topic) await conversations.turn(user, { kind: "postback", data: `a=symptom&topic=${topic}` });
  const turn = await conversations.turn(user, { kind: "text", text: item.text });
  return answerId(turn.intents, topic, item.expect);
}

// The held-out part measures what was never tuned on: none of its sentences may be an example in the data.
const table = readingTable(services.questions.readings);
const examples = new Map<string, string>();
for (const q of questions.values()) for (const e of q.examples) examples.set(canonical(e, table), q.id);
const copied = sets["held-out"].filter((item) => examples.has(canonical(item.text, table)));
if (copied.length > 0) {
  for (const item of copied)
    console.error(
      `held-out sentence copied into the data (${examples.get(canonical(item.text, table))}): ${item.text}`,
    );
  process.exitCode = 1;
}

const pct = (a: number, b: number) => (b === 0 ? "   -  " : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
const misses: Record<string, { item: Item; got: string }[]> = {};
const rows: string[] = [];
const totals: Record<string, [number, number]> = {};
for (const [name, items] of Object.entries(sets)) {
  const byKind = new Map<string, [number, number]>();
  misses[name] = [];
  for (const item of items) {
    const got = await run(item);
    const ok = got === item.expect;
    const k = byKind.get(item.kind) ?? [0, 0];
    byKind.set(item.kind, [k[0] + (ok ? 1 : 0), k[1] + 1]);
    if (!ok) misses[name]!.push({ item, got });
  }
  const hit = [...byKind.values()].reduce((a, [h]) => a + h, 0);
  totals[name] = [hit, items.length];
  rows.push(
    `${name.padEnd(9)} ${KINDS.map((k) => pct(...(byKind.get(k) ?? [0, 0]))).join(" ")}   ${pct(hit, items.length)} (${hit}/${items.length})`,
  );
}
console.log(`set       ${KINDS.map((k) => k.padStart(6)).join(" ")}   all`);
for (const row of rows) console.log(row);
for (const [name, list] of Object.entries(misses)) {
  if (name !== "held-out" && !verbose) continue;
  if (list.length === 0) continue;
  console.log(`\nconfusions (${name}): expected → got  [context] text`);
  for (const { item, got } of list) console.log(`  ${item.expect} → ${got}  [${item.context}] ${item.text}`);
}
const [h, n] = totals["held-out"]!;
console.log(`\nheld-out accuracy ${pct(h, n).trim()} (target ≥ 90%)`);
