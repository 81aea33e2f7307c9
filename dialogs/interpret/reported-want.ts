import { fold } from "../../knowledge/fold.ts";
import type { TopicId } from "../../knowledge/types.ts";
import { endOfLast } from "../text.ts";
import { MAX_QUESTION_CHARS, type Understanding } from "../understand/understand.ts";
import { closingWant, wantsItThrough } from "../understand/wants.ts";
import { isPleasantry, stepsQuestion } from "./answers.ts";
import type { UpsetContext } from "./context.ts";

/**
 * 「3日も届いてないって相手に言われた、早く何とかしたい」「先方から届いてないと連絡があった、どうにかしたい」: what
 * someone else said, reported (…言われた, …と連絡があった), then a want of the user's own closing the message: the
 * want is what they ask for, not the reported words (which read as "did it arrive?" or "tell the recipient").
 * The clause after the report, without its words of feeling, is read alone; a question of ours read there
 * confidently (no pleasantry) is the one asked, and the mail wished through (「早く何とかしたい」) asks the steps.
 * Anything else keeps the whole's reading. Wants are read in understand/wants.ts.
 */
export function reportedThenWant(
  ctx: UpsetContext,
  text: string,
  understood: Understanding,
  topic: TopicId | null,
): Understanding {
  const want = wantAfterReport(text.slice(0, MAX_QUESTION_CHARS));
  if (want === undefined) return understood;
  const read = ctx.index.understand(ctx.feelings.withoutFeelingWords(want), topic);
  const asked = read.kind === "confident" && !isPleasantry(ctx, read.id) ? read.id : undefined;
  // 「早く何とかしたい」「急いで届けたい」: the mail wished through is the way there asked, the steps, whatever its
  // few words match best ("whose side", "will it arrive"), unless it asks to send again (resend's answer).
  if (wantsItThrough(want) && ctx.questions.get(asked ?? "")?.asksOutcome !== "after-fixing") {
    const steps = stepsQuestion(ctx);
    if (steps) return { kind: "confident", id: steps.id, candidates: read.candidates };
  }
  return asked !== undefined ? read : understood;
}

/** The clause after the last report, when it ends with a want (「…したい」「…たいんだけど」), else undefined. */
export function wantAfterReport(text: string): string | undefined {
  const folded = fold(text);
  const end = endOfLast(folded, REPORTS);
  if (end < 0) return undefined;
  // The report's own clause runs to the next comma or full stop (「言われてて、」「連絡があった。」).
  let cut = -1;
  for (let i = end; i < folded.length; i++)
    if (CLAUSE_ENDS.has(folded[i]!)) {
      cut = i + 1;
      break;
    }
  if (cut < 0) return undefined;
  const rest = folded.slice(cut).trim();
  return rest.length > 0 && closingWant(rest) !== undefined ? rest : undefined;
}

/** Words that report what someone else said or let know (read on the folded text). */
const REPORTS = [
  "言われ",
  "いわれ",
  "連絡があ",
  "れんらくがあ",
  "連絡が来",
  "連絡がき",
  "連絡をもら",
  "連絡もら",
  "催促され",
  "さいそくされ",
  "言ってき",
  "いってき",
  // Told off or hurried (「3日も届いてないって怒られた」「まだかって急かされてる」): what they said, reported too.
  "怒られ",
  "おこられ",
  "急かされ",
  "せかされ",
];
const CLAUSE_ENDS = new Set([..."、,。.!！"]);
