/**
 * npm run bench:adversarial [-- --short]
 *
 * Hostile texts a user can send on LINE (bench/hostile-texts.ts: 5,000 characters of "/", "@", ":=",
 * kaomoji lines, Japanese with a "/" per sentence, ...) through the whole message path (bench/
 * message-path.ts: interpreter, classifier, masker, renderer), each as a new user's first message and
 * then 「いいえ」 (the escalation summary quotes the paste, masked). An ordinary bounce paste is measured in
 * the same rounds as the baseline.
 *
 * A message's time is the median over the rounds (one round: every text once, in order); the figure is
 * the worst text's, against the ordinary paste's. Exits 1 when it is over BUDGET_MS: one message that
 * takes long stalls every other user of the instance (the bot handles events on one thread).
 * --short (CI): fewer rounds.
 */
import { HOSTILE_TEXTS, ORDINARY_PASTE } from "./hostile-texts.ts";
import { createMessagePath } from "./message-path.ts";

export const BUDGET_MS = 20;
const GIVE_UP_MS = 1_000;
const SHORT = process.argv.includes("--short");
const ROUNDS = SHORT ? 3 : 9;
const WARMUP = SHORT ? 1 : 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const path = createMessagePath();
  const cases: [string, string][] = [["ordinary paste (baseline)", ORDINARY_PASTE], ...HOSTILE_TEXTS];
  let user = 0;
  /** Milliseconds of the slower of the two turns: the text, then 「いいえ」. */
  const once = async (text: string): Promise<number> => {
    const userId = `U${(++user).toString(16).padStart(32, "0")}`;
    let slowest = 0;
    for (const message of [text, "いいえ"]) {
      const started = performance.now();
      const answer = await path.answer(userId, message);
      slowest = Math.max(slowest, performance.now() - started);
      if (answer.length === 0) throw new Error(`no answer to ${message.slice(0, 40)}`);
    }
    // Super-linear somewhere: no need to measure the rest (that could take hours).
    if (slowest > GIVE_UP_MS)
      throw new Error(`${slowest.toFixed(0)} ms for one message: ${text.slice(0, 40)}…`);
    return slowest;
  };

  for (let i = 0; i < WARMUP; i++) for (const [, text] of cases) await once(text);
  const times = cases.map((): number[] => []);
  for (let r = 0; r < ROUNDS; r++) {
    for (const [i, [, text]] of cases.entries()) times[i]!.push(await once(text));
  }

  const baseline = median(times[0]!);
  console.log(`# whole message path, ${ROUNDS} rounds (median ms per message; slowest round)`);
  let worst = { name: "", ms: 0 };
  for (const [i, [name, text]] of cases.entries()) {
    const ms = median(times[i]!);
    const max = Math.max(...times[i]!);
    console.log(
      `${ms.toFixed(2).padStart(8)} ms ${`(${max.toFixed(1)})`.padStart(8)}  ${name} (${text.length} chars)`,
    );
    if (i > 0 && ms > worst.ms) worst = { name, ms };
  }
  const ratio = worst.ms / baseline;
  console.log(
    `worst: ${worst.ms.toFixed(2)} ms (${worst.name}) = ${ratio.toFixed(1)}× the ordinary paste (${baseline.toFixed(2)} ms); budget ${BUDGET_MS} ms`,
  );
  if (worst.ms > BUDGET_MS) {
    console.log(`FAIL: over ${BUDGET_MS} ms per message`);
    process.exitCode = 1;
  }
}

await main().catch((error: unknown) => {
  console.log(`FAIL: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
