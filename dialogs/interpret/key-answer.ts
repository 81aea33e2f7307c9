import type { TopicId } from "../../knowledge/types.ts";
import type { DialogEvent } from "../events.ts";
import { tellsSituation } from "../understand/feelings/says.ts";
import { questionEvent } from "./answers.ts";
import type { UpsetContext } from "./context.ts";
import { triedInVain } from "./scans.ts";

/**
 * The answer a diagnosis gives first to someone upset or who tried already (ui.yaml `feelings.keyAnswer`,
 * `feelings.triesAnswer`): large files for "too big", what to do when it keeps failing after "refused as
 * spam".
 */

/**
 * An upset user who tells their situation besides the feeling (「泣きそう、ゼミのレポートが提出できない」)
 * and asks nothing we know: the answer of the diagnosis's key question (ui.yaml `feelings.keyAnswer`),
 * if it has one. Feeling alone, or with fillers (「ちょっと心配になってきました」), gets the steps.
 */
export function keyAnswer(ctx: UpsetContext, text: string, topic: TopicId): DialogEvent | undefined {
  const tries = ctx.ui.feelings.triesAnswer?.[topic];
  const counted = tries === undefined ? undefined : ctx.questions.get(tries);
  if (counted && triedInVain(text, ctx.words)) return questionEvent(ctx, counted, topic);
  const id = ctx.ui.feelings.keyAnswer?.[topic];
  const q = id === undefined ? undefined : ctx.questions.get(id);
  return q && tellsSituation(ctx.feelings.withoutFeelingWords(text))
    ? questionEvent(ctx, q, topic)
    : undefined;
}

/**
 * After "I tried that already" (「だめでした」「それはもう試しました」): "that didn't help" (the apology and the Q&A
 * community); the diagnosis's answer for tries that keep failing (after "refused as spam") where the tries
 * are told as failing again (`again`: 「何度送っても」, 「ありがとう、でもまだ届きません」), not for the advice
 * tried and no more said. Its key answer is one of the steps on screen, tried already: said calmly, giving it
 * again would not move on. Said in anger, the key answer still comes first (what an upset user is given:
 * keyAnswer above).
 */
export function movedOn(ctx: UpsetContext, topic: TopicId, upset: boolean, again: boolean): DialogEvent {
  const key = upset ? ctx.ui.feelings.keyAnswer?.[topic] : undefined;
  const id = key ?? (again ? ctx.ui.feelings.triesAnswer?.[topic] : undefined);
  const q = id === undefined ? undefined : ctx.questions.get(id);
  return q ? questionEvent(ctx, q, topic) : { type: "HUMAN", reason: "not-helpful" };
}
