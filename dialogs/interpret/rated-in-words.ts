import { fold } from "../../knowledge/fold.ts";
import type { TopicId } from "../../knowledge/types.ts";
import type { DialogEvent } from "../events.ts";
import { mentionsAny, normalizeCommand, withoutWords } from "../text.ts";
import { sentenceAsks, sentencePieces } from "../understand/asking.ts";
import { negates } from "../understand/normalize.ts";
import { turnsAtBut } from "./acts.ts";
import type { QuestionContext } from "./context.ts";

/** What a success told may have been read as instead (a question its words share, the steps, nothing). */
const READ_AS_OTHER = new Set<DialogEvent["type"]>([
  "ANSWER",
  "NEXT_STEPS",
  "SMALL_TALK",
  "FOLLOW_UP",
  "CLARIFY",
]);
/** What thanks for what came of the advice (「おかげで届いた」) may have been read as besides: the paste help. */
const THANKED_AS_OTHER = new Set<DialogEvent["type"]>([...READ_AS_OTHER, "HOW_TO_PASTE"]);

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
  ctx: Pick<QuestionContext, "questions" | "words" | "readings" | "knowledge"> & {
    noWords: ReadonlySet<string>;
  },
  events: DialogEvent[],
  text: string,
  topic: TopicId | null,
): DialogEvent[] {
  const { words, readings } = ctx;
  const last = events[events.length - 1];
  // 「役に立ったよ」 "that solved it": it worked, told, and read as its denial (「役に立たない」 shares every
  // word but the negation). Nothing in it negates or asks: the advice helped.
  // 「アドレス直したら無事届きました」「圧縮したら送れた」: it went through in the end, told with a diagnosis on
  // screen, read as some question of it (the words of "did it arrive?", "large files") or as nothing: the
  // advice worked too (`succeeded`), unless told as how things were before (「前は送れたのに」 `usedTo`).
  // Where the trouble was mail coming in, it stopping is the success (「パスワード変えたら止まった」, `stopped`:
  // its 「来なくなった」 is no negation).
  const stopped =
    topic !== null &&
    ctx.knowledge.topics.get(topic)?.resend === "not-yours" &&
    mentionsAny(text, words.stopped);
  const succeeded =
    topic !== null && (stopped || mentionsAny(text, words.succeeded)) && !mentionsAny(text, words.usedTo);
  // Told calmly: 「ちゃんと届くか心配です」 worries about it (the upset line is said), 「おかげで全部パー」 is scorn.
  // 「おかげで送れました！！」: thanks for a success, with marks of joy, is no upset (no apology line either).
  const joyful = succeeded && mentionsAny(text, words.thankedFor);
  const calm = joyful || !events.some((e) => e.type === "UPSET");
  const readAsOther = calm && succeeded && last !== undefined && READ_AS_OTHER.has(last.type);
  // 「さっきはどうも、おかげで届いたよ」「おかげさまで送れました」: thanks for what came of the advice.
  const thankedFor =
    calm && last !== undefined && THANKED_AS_OTHER.has(last.type) && mentionsAny(text, words.thankedFor);
  // 「参考になりましたが、やっぱり戻ってきます」: praise that turns at a "but" to a trouble or a question rates nothing.
  // Asked only where it decides something: it cuts the text into pieces, and most texts rate nothing.
  const turned = () => turnsAtBut(ctx, text);
  const worked =
    // 「大変参考になりました（棒）」: praise in irony, read as "that didn't help" with the upset line, is no rating.
    ((last?.type === "HUMAN" &&
      last.reason === "not-helpful" &&
      calm &&
      (mentionsAny(text, words.worked) || mentionsAny(text, words.succeeded))) ||
      readAsOther ||
      thankedFor) &&
    !turned() &&
    !mentionsAny(text, words.deniedHelp) &&
    !negates(stopped ? withoutWords(fold(text), words.stopped, "、") : text, readings) &&
    // 「届いたみたい」 "it seems": no wish of 「たい」, nothing asked.
    !sentenceAsks(text);
  const kept = joyful ? events.slice(0, -1).filter((e) => e.type !== "UPSET") : events.slice(0, -1);
  if (worked && topic !== null) return [...kept, { type: "FEEDBACK", helpful: true }];
  const helpful = worked ? [...ctx.questions.values()].find((q) => q.ratesHelpful) : undefined;
  if (helpful) return [...events.slice(0, -1), { type: "ANSWER", id: helpful.id }];
  const asked = last?.type === "ANSWER" ? ctx.questions.get(last.id) : undefined;
  // 「いいえ。結局送れないままです」 "nope, still stuck": "was this helpful?" answered no in a sentence, the rest
  // telling how things stand and asking nothing, is "that didn't help", whatever question its words share;
  // not a fact told that means something (`statement`, `ifTold`: 「いいえ、相手はドコモです」).
  const factTold =
    asked !== undefined && !asked.courtesy && (asked.statement === true || asked.ifTold !== undefined);
  if (
    last !== undefined &&
    THANKED_AS_OTHER.has(last.type) &&
    !factTold &&
    opensWithNo(text, ctx.noWords) &&
    !sentenceAsks(text)
  )
    return [...events.slice(0, -1), { type: "HUMAN", reason: "not-helpful" }];
  const rated =
    (last?.type === "FEEDBACK" && last.helpful) ||
    asked?.ratesHelpful === true ||
    (asked?.courtesy === true && topic !== null && mentionsAny(text, words.helped));
  if (!rated) return events;
  // A typographic apostrophe ("didn’t help") reads as the typed one.
  if (mentionsAny(text.replaceAll("’", "'"), words.deniedHelp))
    return [...events.slice(0, -1), { type: "HUMAN", reason: "not-helpful" }];
  return topic === null || turned() ? events : [...events.slice(0, -1), { type: "FEEDBACK", helpful: true }];
}

/** Whether a message of several pieces opens with a bare "no" (ui.yaml `keywords.no`: 「いいえ、…」 "nope, …"). */
function opensWithNo(text: string, noWords: ReadonlySet<string>): boolean {
  const pieces = sentencePieces(text);
  return pieces.length >= 2 && noWords.has(normalizeCommand(pieces[0]!));
}
