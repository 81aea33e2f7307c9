import type { DialogEvent } from "../events.ts";
import { mentionsAny } from "../text.ts";
import { asksWhyInGeneral } from "../understand/frames.ts";
import { romajiToKana } from "../understand/romaji.ts";
import { questionEvent } from "./answers.ts";
import type { InterpretContext } from "./context.ts";
import { deniesReturnedMail } from "./denied-mention.ts";

/**
 * 「ちゃんと相手に届いてるかな」「送ったメール届いてる？エラーとかは来てない」: asked with nothing on screen, a
 * question whose answer takes a returned mail for granted (did-it-arrive) asks something else when the text
 * names no returned mail, or names one only to say none came: whether no returned mail means it arrived
 * (the question's `withoutBounce`). A text that names one (「戻ってきたけど届いてないの？」) keeps its question.
 */
export function withoutBounce(
  ctx: Pick<
    InterpretContext,
    "questions" | "knowledge" | "mentionOf" | "returnedOf" | "readings" | "words" | "englishWords"
  >,
  events: DialogEvent[],
  text: string,
  topic: string | null,
): DialogEvent[] {
  const last = events[events.length - 1];
  if (topic !== null || last?.type !== "ANSWER") return events;
  // 「メール戻ってきたけどなんで？」 "why did my email bounce?": asked of one mail told come back (`ifOneCameBack`), not of
  // returned mail in general (「メールってなんで戻ってくるの」), the question is answered as its other one (what to paste).
  const one = ctx.questions.get(last.id)?.ifOneCameBack;
  const instead = one === undefined ? undefined : ctx.questions.get(one);
  // Romaji (「meeru ga modotte kita」) was read as its kana (read-text.ts): so are its words here.
  const read = instead ? (romajiToKana(text, ctx.englishWords) ?? text) : text;
  // The cause asked for by name (「なんで戻ってきたのか原因が知りたい」): the usual causes are wanted, with what to paste.
  if (
    instead &&
    mentionsAny(read, ctx.words.cameBack) &&
    !asksWhyInGeneral(read) &&
    !mentionsAny(read, ctx.words.causeNamed)
  )
    return [...events.slice(0, -1), questionEvent(ctx, instead, null)];
  const meant = ctx.questions.get(last.id)?.withoutBounce;
  if (meant === undefined || !ctx.questions.has(meant)) return events;
  const named = ctx.mentionOf(text);
  if (named === "returned" && !deniesReturnedMail(text, ctx.returnedOf.strip, ctx.readings)) return events;
  const also = last.also?.filter((id) => id !== meant);
  const answer: DialogEvent = { ...last, id: meant, ...(also && { also }) };
  return [...events.slice(0, -1), answer];
}
