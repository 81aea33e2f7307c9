import type { Understanding } from "../understand/understand.ts";
import type { QuestionContext } from "./context.ts";

/**
 * 「最初の選択肢の画面に戻して」「さっきの選ぶ画面にもどして」 "back to the first list": the menu and a restart read as
 * close as each other, the menu named (it is a candidate only with a word of it, its `needs`: 選択肢, 選ぶ, 一覧).
 * Both show the symptom menu; which is no choice to offer (「もしかして…」), and a restart would forget the diagnosis
 * for the words of going back (「戻して」) alone: the menu, which was named.
 */
export function menuOverRestart(ctx: QuestionContext, understood: Understanding): Understanding {
  if (understood.kind === "none") return understood;
  const [first, second] = understood.candidates;
  if (!first || !second || second.score < first.score * AS_CLOSE) return understood;
  const does = [ctx.questions.get(first.id)?.does, ctx.questions.get(second.id)?.does];
  if (!does.includes("menu") || !does.includes("restart")) return understood;
  const menu = does[0] === "menu" ? first : second;
  return { kind: "confident", id: menu.id, candidates: understood.candidates };
}
/** The runner-up this close to the first is as likely (scores of the question index). */
const AS_CLOSE = 0.8;
