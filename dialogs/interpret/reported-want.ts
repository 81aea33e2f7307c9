import { fold } from "../../knowledge/fold.ts";
import type { TopicId } from "../../knowledge/types.ts";
import { trimEndOf } from "../text.ts";
import { MAX_QUESTION_CHARS, type Understanding } from "../understand/understand.ts";
import { isPleasantry } from "./answers.ts";
import type { UpsetContext } from "./context.ts";

/**
 * 「3日も届いてないって相手に言われた、早く何とかしたい」「先方から届いてないと連絡があった、どうにかしたい」: what
 * someone else said, reported (…言われた, …と連絡があった), then a want of the user's own closing the message: the
 * want is what they ask for, not the reported words (which read as "did it arrive?" or "tell the recipient").
 * The clause after the report, without its words of feeling, is read alone; a question of ours read there
 * confidently (no pleasantry) is the one asked. Anything else keeps the whole's reading.
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
  if (read.kind !== "confident" || isPleasantry(ctx, read.id)) return understood;
  return read;
}

/** The clause after the last report, when it ends with a want (「…したい」「…たいんだけど」), else undefined. */
export function wantAfterReport(text: string): string | undefined {
  const folded = fold(text);
  let end = -1;
  for (const word of REPORTS) {
    const at = folded.lastIndexOf(word);
    if (at >= 0) end = Math.max(end, at + word.length);
  }
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
  const body = trimEndOf(rest, CLOSING);
  return rest.length > 0 && WANT_ENDS.some((w) => body.endsWith(w)) ? rest : undefined;
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
];
const CLAUSE_ENDS = new Set([..."、,。.!！"]);
/** Marks and spaces closing a sentence (「…したい！」「…したいです…」). */
const CLOSING = new Set([..."。．.!！?？…〜~ 　"]);
/** How a want closes a message (「…したい」「…たいんだけど」「…たいんですが」). */
const WANT_ENDS = [
  "たい",
  "たいです",
  "たいんだけど",
  "たいんですけど",
  "たいんですが",
  "たいのですが",
  "たいけど",
  "たいのに",
];
