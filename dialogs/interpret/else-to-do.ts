import { fold } from "../../knowledge/fold.ts";
import type { TopicId } from "../../knowledge/types.ts";
import { followedWithin } from "../text.ts";
import { sentenceAsks, sentencesOf } from "../understand/asking.ts";
import { MAX_QUESTION_CHARS, type Understanding } from "../understand/understand.ts";
import { stepsQuestion } from "./answers.ts";
import type { QuestionContext } from "./context.ts";

/**
 * 「スキャンしたら何も出なかった…ほかにやることある？」「パスワードは変えました。他にしておくことは？」"anything else I
 * should do?": with a diagnosis on screen, what else to do, asked in the last sentence, is the diagnosis's steps
 * (what to do, `does: next-steps`), not the question the step already done names (the scan, the password), whose
 * words the story lends the whole. Only after a story that asks nothing. Plain scans of two short lists (followedWithin).
 */
export function elseToDoAsked(
  ctx: QuestionContext,
  text: string,
  understood: Understanding,
  topic: TopicId | null,
): Understanding {
  if (topic === null) return understood;
  const sentences = sentencesOf(text.slice(0, MAX_QUESTION_CHARS));
  const last = sentences.at(-1);
  if (last === undefined || !sentenceAsks(last)) return understood;
  // 「乗っ取られたってこと？パスワードは変えるべき？ほかにやることある？」: a question of its own asked before it is
  // answered first (the others come with it as buttons).
  if (sentences.slice(0, -1).some(sentenceAsks)) return understood;
  const t = fold(last);
  if (!followedWithin(t, ELSE, ELSE_WINDOW, TO_DO) && !ELSE_EN.some((w) => t.includes(w))) return understood;
  const steps = stepsQuestion(ctx);
  return steps ? { kind: "confident", id: steps.id, candidates: understood.candidates } : understood;
}
/** "Else", "besides that" (「ほかに」「他にも」「あとは」). */
const ELSE = ["ほかに", "他に", "外に", "あとは", "後は", "それ以外"];
/** Letters between "else" and what to do (「ほかに何かやっておいた方がいいこと」). */
const ELSE_WINDOW = 14;
/** Something to do (「やること」「しておくこと」「すべきこと」「した方がいいこと」). */
const TO_DO = [
  "やること",
  "すること",
  "できること",
  "出来ること",
  "しておくこと",
  "しとくこと",
  "やっておくこと",
  "やっとくこと",
  "すべきこと",
  "やるべきこと",
  "方がいいこと",
  "ほうがいいこと",
  "気をつけること",
  "必要なこと",
  "対策",
];
const ELSE_EN = [
  "anything else i should",
  "anything else to do",
  "anything else i need to",
  "what else should i",
  "what else do i need",
  "what else can i do",
];
