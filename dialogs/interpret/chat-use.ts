import { fold } from "../../knowledge/fold.ts";
import type { TopicId } from "../../knowledge/types.ts";
import { mentionsAny } from "../text.ts";
import { isQuestion } from "../understand/asking.ts";
import type { Understanding } from "../understand/understand.ts";
import type { QuestionContext } from "./context.ts";

/**
 * 「このトーク画面ってどういうふうに使うの」「ボタン押せばいいの？」 "how do I use this chat?": how to use the chat
 * itself, asked with a diagnosis on screen, is the help (how to paste, pick, and the commands), whatever the
 * diagnosis's questions share with it (「どういうふうに」 of "how do I tell them", 「押せばいい」 of "should I send it
 * again"). The chat named (its talk, screen, buttons, 「ここ」) with a verb of using it and a "how" (or 「使い方」,
 * also asked to be told), or its buttons with a verb of pressing, asked; not the mail, its sending or anyone's settings (「送信ボタンを押せばいい？」 is a
 * resend, 「受信設定の画面でどう押すの」 the recipient's phone). Hand scans of short lists (ui.yaml typedWords chatNamed,
 * chatWayOfUse, chatTell, notTheChat, chatUsing, chatHow, chatButtons, chatPressing), after one `includes`.
 */
export function chatUseAsked(
  ctx: QuestionContext,
  text: string,
  understood: Understanding,
  topic: TopicId | null,
): Understanding {
  if (topic === null || (understood.kind === "confident" && understood.id === HELP_ID)) return understood;
  const t = fold(text);
  const w = ctx.words;
  if (!mentionsAny(t, w.chatNamed) || !ctx.questions.has(HELP_ID)) return understood;
  // 「このトークの使い方を簡単に教えて」: the way of using it asked to be told is asked too (its 「簡単に教えて」 is no
  // "in plain words" of the diagnosis).
  const wayOfUse = mentionsAny(t, w.chatWayOfUse);
  if (!(isQuestion(text) || (wayOfUse && mentionsAny(t, w.chatTell)))) return understood;
  if (mentionsAny(t, w.notTheChat)) return understood;
  const used = wayOfUse || (mentionsAny(t, w.chatUsing) && mentionsAny(t, w.chatHow));
  const pressed = mentionsAny(t, w.chatButtons) && mentionsAny(t, w.chatPressing);
  if (!used && !pressed) return understood;
  return { kind: "confident", id: HELP_ID, candidates: understood.candidates };
}
/** The question whose answer is the help (acts.yaml, `does: help`). */
const HELP_ID = "how-to-ask";
