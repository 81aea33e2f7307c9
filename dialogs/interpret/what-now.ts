import type { TopicId } from "../../knowledge/types.ts";
import { clausesOf, sentenceAsks } from "../understand/asking.ts";
import { MAX_QUESTION_CHARS, type Understanding } from "../understand/understand.ts";
import type { InterpretContext, UpsetContext } from "./context.ts";
import { onlyCried } from "./told-then-asked.ts";

/**
 * "my application is due tonight, what now", "she uses this address every day. what am I supposed to do now": with a
 * diagnosis on screen, a situation told, asking nothing, then a last clause with "now" that read alone asks only
 * what to do (a question that gives the steps, `does: next-steps`). The story's words match questions of their own
 * ("application", "every day", "costs me money") and outweigh the few words of asking, so the whole read as one of
 * them; what is asked is what to do now. Not when a clause before it asks something too (then that is the
 * matter), unless it only cries out ("seriously??"); not without "now" ("I need to send a 200MB video, how do I do
 * that" asks how to do what the story wants); not over the diagnosis's answer for tries in vain, which the whole
 * read ("rejected every single time, what now"). With nothing on screen the steps are the paste help, and the story
 * is the matter. The last clause is read alone only when it is short and says "now".
 */
export function whatNowAfterStory(
  ctx: Pick<InterpretContext, "index" | "questions"> & Pick<UpsetContext, "feelings" | "ui">,
  text: string,
  understood: Understanding,
  topic: TopicId | null,
): Understanding {
  if (topic === null) return understood;
  if (
    understood.kind === "confident" &&
    (ctx.questions.get(understood.id)?.does === "next-steps" ||
      understood.id === ctx.ui.feelings.triesAnswer?.[topic])
  )
    return understood;
  // Gate: no "now" anywhere, none in the last clause; spares cutting every text with a diagnosis into clauses.
  if (!text.toLowerCase().includes("now")) return understood;
  const clauses = clausesOf(text.slice(0, MAX_QUESTION_CHARS));
  const last = clauses.at(-1);
  if (clauses.length < 2 || last === undefined || last.length > MAX_ASKING_CHARS || !saysNow(last))
    return understood;
  const story = clauses.slice(0, -1);
  if (story.some((c) => sentenceAsks(c) && !onlyCried(ctx, c))) return understood;
  const asked = ctx.index.understand(last, topic);
  if (asked.kind !== "confident" || ctx.questions.get(asked.id)?.does !== "next-steps") return understood;
  return { kind: "confident", id: asked.id, candidates: understood.candidates };
}
/** A last clause longer than this asks more than what to do now. */
const MAX_ASKING_CHARS = 32;

/** Whether a clause says "now" as a word ("what now", "what do I do now"): what follows from the story, asked. */
function saysNow(clause: string): boolean {
  const words = clause.toLowerCase().split(/[^a-z]+/);
  return words.includes("now");
}
