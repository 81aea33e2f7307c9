import { fold } from "../../knowledge/fold.ts";
import { CLOSING, hasQuestionMark } from "../marks.ts";
import { mentionsAny, trimEndOf } from "../text.ts";
import { isQuestion, sentencePieces } from "../understand/asking.ts";
import { GONE_TO_DO } from "../understand/feelings/worry.ts";
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
  // 「最初からやり直します」「別のメールのことなので、一から聞き直しますね」: starting over told as one's plan is done
  // here, by this chat: the restart it reads, not an OK.
  if (understood.kind === "confident" && ctx.questions.get(understood.id)?.does === RESTART)
    return understood;
  if (!ctx.questions.has(OK_ID) || hasQuestionMark(text)) return understood;
  const last = sentencePieces(text).at(-1);
  if (last === undefined) return understood;
  const end = trimEndOf(trimEndOf(fold(last), CLOSING), SOFTENERS);
  const planned = PLANS.some((p) => end.endsWith(p)) || opensEnglishPlan(end);
  if (!planned || isQuestion(last) || mentionsAny(fold(text), NOT_A_PLAN)) return understood;
  return { kind: "confident", id: OK_ID, candidates: understood.candidates };
}
const OK_ID = "ok";
const RESTART = "restart";
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
  // Round 37 (family37b): back later (「確認してからまた来ます」), and gone to do it and back (「先にメール確認して
  // くる」「送信済みを見てきます」, GONE_TO_DO): a plan too.
  ...GONE_TO_DO,
  "また来ます",
  "またきます",
  "出直します",
  "でなおします",
];
/**
 * "ok I'll do that", "wait, let me check my mail first", "let me try that and get back to you": an English plan of
 * the writer's own opens the last piece, after at most a few words of reply ("ok", "got it", "hold on"). Not "let me
 * know", "let me talk to someone", "let me ask about something else": requests, a person or another matter.
 */
function opensEnglishPlan(end: string): boolean {
  const words = end.split(/[\s,.!]+/).filter((w) => w !== "");
  for (let i = 0; i < Math.min(words.length, ENGLISH_REPLY_WORDS + 1); i++) {
    const w = words[i]!.replace("’", "'");
    const next = words[i + 1];
    if (w === "i'll" || w === "ill" || (w === "i" && (next === "will" || next === "'ll")))
      return next !== undefined;
    if ((w === "i'm" || w === "im") && (next === "gonna" || next === "going")) return true;
    if (w === "let" && next === "me")
      return words[i + 2] !== undefined && !LET_ME_NOT_A_PLAN.has(words[i + 2]!);
  }
  return false;
}
/** How many words of reply may come before the plan ("ok so", "got it then", "hold on"). */
const ENGLISH_REPLY_WORDS = 3;
const LET_ME_NOT_A_PLAN: ReadonlySet<string> = new Set(["know", "talk", "speak", "ask", "get", "be"]);
/** A plea or a doubt beside the plan: what to do is still asked; or another paste announced (「貼り直します」). */
const NOT_A_PLAN = [
  "どうしたら",
  "どうすれば",
  "わからな",
  "分からな",
  "けど",
  "のに",
  "貼り直",
  "はりなお",
  // The same in English, word-initial (mentionsAny): a "but" leaves the plan unsaid, a doubt still asks.
  "but ",
  "don't know",
  "dont know",
  "not sure",
];
