import type { TopicId } from "../../knowledge/types.ts";
import type { DialogEvent } from "../events.ts";
import { trimEndOf } from "../text.ts";
import { clausesOf, sentenceAsks, sentencesOf } from "../understand/asking.ts";
import { tellsSituation } from "../understand/feelings/says.ts";
import { wantsItThrough } from "../understand/wants.ts";
import { questionEvent } from "./answers.ts";
import type { UpsetContext } from "./context.ts";
import { triedInVain } from "./scans.ts";

/**
 * The answer a diagnosis gives first to someone upset or who tried already (ui.yaml `feelings.keyAnswer`,
 * `feelings.triesAnswer`): large files for "too big", what to do when it keeps failing after "refused as
 * spam".
 */

/**
 * An upset user who tells their situation besides the feeling and asks in words we cannot read (「全角とか
 * 知らないよ、どこ直せばいいの」), or only "what do I do" (`whatToDoAsked`): the answer of the diagnosis's key
 * question (ui.yaml `feelings.keyAnswer`), if it has one. Nothing asked (「泣きそう、ゼミのレポートが提出できな
 * い」), feeling alone or with fillers (「ちょっと心配になってきました」): the steps (undefined).
 */
export function keyAnswer(
  ctx: UpsetContext,
  text: string,
  topic: TopicId,
  whatToDoAsked = false,
): DialogEvent | undefined {
  const tries = ctx.ui.feelings.triesAnswer?.[topic];
  const counted = tries === undefined ? undefined : ctx.questions.get(tries);
  if (counted && triedInVain(text, ctx.words)) return questionEvent(ctx, counted, topic);
  // Nothing asked (a feeling, the situation or what is at stake told, 「どうしよう」): the steps, whose first
  // is the key action (dialogs/README.md, the round 28 rule). The key answer is for a question asked in words
  // the index could not read (「どこを直せばいいの」 after "address written wrong").
  if (!(whatToDoAsked || asksBeyondLament(text))) return undefined;
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
 * keyAnswer above), unless the tries are told as failing again and the diagnosis has an answer for that
 * (「アドレスなら何度も確認したって言ってるでしょ！」 "I've triple-checked that address, it's correct!" after
 * "address not found": the address right yet refused, not "tell the recipient"; round 32).
 */
export function movedOn(ctx: UpsetContext, topic: TopicId, upset: boolean, again: boolean): DialogEvent {
  const tries = again ? ctx.ui.feelings.triesAnswer?.[topic] : undefined;
  const key = upset ? ctx.ui.feelings.keyAnswer?.[topic] : undefined;
  const id = tries ?? key;
  const q = id === undefined ? undefined : ctx.questions.get(id);
  return q ? questionEvent(ctx, q, topic) : { type: "HUMAN", reason: "not-helpful" };
}

/**
 * Whether a sentence of the text asks something (「…なんです」 tells; a sentence told then a question asks), other
 * than the lament 「どうしよう」 "now what", which asks nobody: nothing asked.
 */
export function asksBeyondLament(text: string): boolean {
  return sentencesOf(text).some(
    (s) => sentenceAsks(s) && !endsLamenting(s) && !wantsItThrough(s) && !onlyLaments(s),
  );
}
const endsLamenting = (s: string) => {
  const end = trimEndOf(s.trim(), CLAUSE_ENDS);
  return LAMENTS.some((l) => end.endsWith(l));
};
/**
 * 「お客様が来られなかったらどうしよう、不安です」: a sentence whose only asking clause is the lament, the feeling
 * told after it, asks nobody either.
 */
function onlyLaments(sentence: string): boolean {
  return clausesOf(sentence).every((c) => endsLamenting(c) || !sentenceAsks(c));
}
const CLAUSE_ENDS = new Set([..."、,，"]);

const LAMENTS = [
  "どうしよう",
  "どうしよう…",
  "どうしよう。",
  "どうしよ",
  "どうしよ…",
  "now what",
  "what now",
];
