import { fold } from "../../knowledge/fold.ts";
import { CLOSING, hasQuestionMark } from "../marks.ts";
import { mentionsAny, trimEndOf } from "../text.ts";
import { isQuestion, sentencePieces } from "../understand/asking.ts";
import type { Understanding } from "../understand/understand.ts";
import { isPleasantry } from "./answers.ts";
import type { QuestionContext } from "./context.ts";

/**
 * 「そうですか、仕方ないですね。相手に連絡してみます」「締め切りはまだ先なので、ゆっくり確認します」「今エラーメール
 * 探します」: what the user will do now, told to close a message that asks nothing, is an OK (the plan needs no
 * answer), though its words are a question's (contact the recipient, check the address, what to paste). The last
 * piece closes in a plan of one's own (「…てみます」, or a verb of doing in 「…します」: not 「エラーが出ます」, a
 * report); not after a "but" (「連絡してみますけど」: what follows is left unsaid) nor a plea (「どうしたら…」).
 */
export function planTold(ctx: QuestionContext, text: string, understood: Understanding): Understanding {
  if (understood.kind === "confident" && (understood.id === OK_ID || isPleasantry(ctx, understood.id)))
    return understood;
  if (!ctx.questions.has(OK_ID) || hasQuestionMark(text)) return understood;
  const last = sentencePieces(text).at(-1);
  if (last === undefined) return understood;
  const end = trimEndOf(trimEndOf(fold(last), CLOSING), SOFTENERS);
  if (!PLANS.some((p) => end.endsWith(p)) || isQuestion(last) || mentionsAny(fold(text), NOT_A_PLAN))
    return understood;
  return { kind: "confident", id: OK_ID, candidates: understood.candidates };
}
const OK_ID = "ok";
/** 「…てみますね」「…しますわ」: a softening particle after the plan. */
const SOFTENERS: ReadonlySet<string> = new Set([..."ねわよ"]);
/** A plan of one's own closing the piece (folded). */
const PLANS = [
  "てみます",
  "てみる",
  "てみよう",
  "確認します",
  "探します",
  "さがします",
  "連絡します",
  "送り直します",
  "送りなおします",
  "調べます",
  "試します",
  "見直します",
  "直します",
  "聞きます",
  "待ちます",
  "そうします",
];
/** A plea or a doubt beside the plan: what to do is still asked; or another paste announced (「貼り直します」). */
const NOT_A_PLAN = ["どうしたら", "どうすれば", "わからな", "分からな", "けど", "のに", "貼り直", "はりなお"];
