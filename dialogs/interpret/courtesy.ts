import type { TopicId } from "../../knowledge/types.ts";
import type { CourtesyAct, DialogEvent } from "../events.ts";
import { sentencePieces } from "../understand/asking.ts";
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
    const u = ctx.index.understand(piece, topic);
    const clear = (u.candidates[0]?.score ?? 0) >= ACT_AS_EXAMPLE;
    if (u.kind === "confident" && clear && ACTS.has(u.id)) return u.id as CourtesyAct;
  }
  return undefined;
}
