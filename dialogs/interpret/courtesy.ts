import type { TopicId } from "../../knowledge/types.ts";
import type { CourtesyAct, DialogEvent } from "../events.ts";
import { isQuestion, sentencePieces } from "../understand/asking.ts";
import { canonicalLength } from "../understand/normalize.ts";
import type { QuestionContext } from "./context.ts";
import { isConnective, opensWithBut } from "./scans.ts";
import { ACT_AS_EXAMPLE } from "./thresholds.ts";

/**
 * 「ありがとう、ちなみに何MBまで？」 "hi! how do I check the address?": thanks or a greeting beside a question is
 * kept, not swallowed by the answer: one short line back (`COURTESY`: 「どういたしまして！」) before the answer.
 * Only beside a question's answer (ANSWER, FOLLOW_UP), in a piece of its own said in nearly an example's words;
 * not beside a feeling (its own line comes first) nor a pleasantry answered as such.
 */
export function withCourtesy(
  ctx: QuestionContext,
  events: DialogEvent[],
  text: string,
  topic: TopicId | null,
): DialogEvent[] {
  const main = events.at(-1);
  if (!main || events.some((e) => e.type === "UPSET")) return events;
  const answered =
    (main.type === "ANSWER" && !main.courtesy && ctx.questions.get(main.id)?.does === undefined) ||
    main.type === "FOLLOW_UP";
  if (!answered || text.length > MAX_COURTESY_SCAN) return events;
  const act = courtesyIn(ctx, text, topic);
  return act ? [...events.slice(0, -1), { type: "COURTESY", act }, main] : events;
}

/** Texts longer than this are stories or pastes: no courtesy is looked for in them. */
const MAX_COURTESY_SCAN = 300;
const ACTS: ReadonlySet<string> = new Set<CourtesyAct>(["thanks", "greeting"]);

/**
 * The thanks or greeting said in one piece of a text of several (not a connective: 「じゃあ、」); none before a
 * "but" (「ありがとう、でもまだわからない」: what follows it is meant, the thanks was only polite).
 */
function courtesyIn(ctx: QuestionContext, text: string, topic: TopicId | null): CourtesyAct | undefined {
  const pieces = sentencePieces(text);
  if (pieces.length < 2 || text.toLowerCase().includes(" but ")) return undefined;
  if (pieces.some((p, i) => i > 0 && opensWithBut(p, ctx.words))) return undefined;
  for (const piece of pieces) {
    if (canonicalLength(piece, ctx.readings) < 2 || isConnective(piece, ctx.words)) continue;
    // A piece that cannot read as thanks or a greeting is not read (most pieces: the index's costliest step).
    if (ctx.index.mayRead?.(piece, topic, ACTS, ACT_AS_EXAMPLE) === false) continue;
    const u = ctx.index.understand(piece, topic);
    const clear = (u.candidates[0]?.score ?? 0) >= ACT_AS_EXAMPLE;
    if (u.kind === "confident" && clear && ACTS.has(u.id)) return u.id as CourtesyAct;
  }
  return undefined;
}

/**
 * "bula! why is it back?", "hola, why is my mail back?", "merhaba! did it arrive?": a greeting or thanks of one word,
 * typed in Latin letters in the user's own language (not English: ENGLISH_COURTESY), opening a question before "!" or ",": the question is read
 * without it and the courtesy said back before its answer. Read with it, the word's "!" and the question's "?" were
 * an outburst (feelings/exclaimed.ts) and the word weighed in the question's reading ("why is my mail back?" became
 * "why do I get these?"). The words are the one-word examples of the greeting and thanks questions (acts.yaml): a
 * new language's greeting is an example added there. A hand scan: the word is looked up whole, in a Map.
 */
export function openingCourtesy(
  words: ReadonlyMap<string, CourtesyAct>,
  text: string,
): { act: CourtesyAct; rest: string } | undefined {
  let i = 0;
  while (text[i] === " ") i++;
  const start = i;
  while (i < text.length && isLatinLetter(text[i]!)) i++;
  if (i === start || i - start > MAX_COURTESY_WORD) return undefined;
  const act = words.get(text.slice(start, i).toLowerCase());
  if (act === undefined) return undefined;
  let j = i;
  while (text[j] === " ") j++;
  if (text[j] !== "!" && text[j] !== ",") return undefined;
  while (text[j] === "!" || text[j] === "," || text[j] === " ") j++;
  const rest = text.slice(j);
  // Marks raised besides ("salam! why is it always back??"): the whole is read, the greeting's mark among them.
  if (rest.includes("!") || rest.includes("！") || rest.includes("??") || rest.includes("？？"))
    return undefined;
  return rest.includes(" ") && isQuestion(rest) ? { act, rest } : undefined;
}
/** Longer than this, an opening word is no greeting ("assalamualaikum" is 15). */
const MAX_COURTESY_WORD = 20;
/** Latin letters, with the accents of Latin alphabets ("olá", "teşekkürler"). */
const isLatinLetter = (ch: string) =>
  (ch >= "a" && ch <= "z") ||
  (ch >= "A" && ch <= "Z") ||
  (ch >= "\u00c0" && ch <= "\u024f" && ch !== "\u00d7" && ch !== "\u00f7");

/**
 * English greetings and thanks ("hi, what is a bounce?"): the pieces of the whole text are read as they were
 * tuned (courtesyIn, acts.ts beyondPleasantries); read without them, "hello, can chat with real person or not?"
 * lost its person.
 */
const ENGLISH_COURTESY: ReadonlySet<string> = new Set(
  "hi hey hello hiya howdy yo thanks thx ty tnx thanx cheers".split(" "),
);

/**
 * The one-word examples of the greeting and thanks questions (acts.yaml) in other languages than English, in lower
 * case: openingCourtesy's words.
 */
export function courtesyWordsOf(questions: ReadonlyMap<string, { examples: readonly string[] }>) {
  const words = new Map<string, CourtesyAct>();
  for (const act of ["greeting", "thanks"] as const)
    for (const e of questions.get(act)?.examples ?? []) {
      const w = e.trim().toLowerCase();
      if (w !== "" && [...w].every(isLatinLetter) && !ENGLISH_COURTESY.has(w) && !words.has(w))
        words.set(w, act);
    }
  return words;
}
