import type { QuestionBank } from "../../knowledge/questions.ts";
import type { TopicId } from "../../knowledge/types.ts";
import type { DialogEvent } from "../events.ts";
import { mentionsAny } from "../text.ts";
import { isQuestion } from "../understand/asking.ts";
import { negates, type ReadingTable } from "../understand/normalize.ts";
import type { TypedWords } from "./words.ts";

/**
 * "It helped" told under the advice. The question index reads 「役に立ちました」 as the act that rates it
 * (ratesHelpful; here, the one place, it becomes the Yes button's event with a diagnosis on screen), but
 * weighs words, not their negation: 「役に立ちませんでした」
 * 「わかりにくかった」 come close too, and those mean the advice did not help. And thanks that say what
 * helped ("thanks, that helped", 「助かりました、ありがとう」) rate it as well, so the user is not asked
 * "was this helpful?" once more. Only the negated forms of helping, understanding and solving count as
 * denial (ui.yaml typedWords helped, deniedHelp), so 「問題なく届きました、助かりました」 still rates. Plain scans,
 * no pattern.
 */
export function ratedInWords(
  events: DialogEvent[],
  text: string,
  bank: QuestionBank,
  topic: TopicId | null,
  words: TypedWords,
  readings: ReadingTable,
): DialogEvent[] {
  const last = events[events.length - 1];
  // 「役に立ったよ」 "that solved it": it worked, told, and read as its denial (「役に立たない」 shares every
  // word but the negation). Nothing in it negates or asks: the advice helped.
  // 「アドレス直したら無事届きました」「1時間くらいしたらちゃんと届いてました」: it went through in the end,
  // told with a diagnosis on screen, read as some question of it (the words of "did it arrive?") or as
  // nothing: the advice worked too (`succeeded`).
  const readAsOther =
    topic !== null &&
    (last?.type === "ANSWER" || last?.type === "NEXT_STEPS" || last?.type === "SMALL_TALK") &&
    mentionsAny(text, words.succeeded);
  const worked =
    ((last?.type === "HUMAN" &&
      last.reason === "not-helpful" &&
      (mentionsAny(text, words.worked) || mentionsAny(text, words.succeeded))) ||
      readAsOther) &&
    !mentionsAny(text, words.deniedHelp) &&
    !negates(text, readings) &&
    !isQuestion(text);
  if (worked && topic !== null) return [...events.slice(0, -1), { type: "FEEDBACK", helpful: true }];
  const helpful = worked ? [...bank.questions.values()].find((q) => q.ratesHelpful) : undefined;
  if (helpful) return [...events.slice(0, -1), { type: "ANSWER", id: helpful.id }];
  const asked = last?.type === "ANSWER" ? bank.questions.get(last.id) : undefined;
  const rated =
    (last?.type === "FEEDBACK" && last.helpful) ||
    asked?.ratesHelpful === true ||
    (asked?.courtesy === true && topic !== null && mentionsAny(text, words.helped));
  if (!rated) return events;
  // A typographic apostrophe ("didn’t help") reads as the typed one.
  if (mentionsAny(text.replaceAll("’", "'"), words.deniedHelp))
    return [...events.slice(0, -1), { type: "HUMAN", reason: "not-helpful" }];
  return topic === null ? events : [...events.slice(0, -1), { type: "FEEDBACK", helpful: true }];
}
