import { fold } from "../../knowledge/fold.ts";
import type { TopicId } from "../../knowledge/types.ts";
import { CLOSING_ASKED, GAPS } from "../marks.ts";
import { endOfLast, trimEndOf } from "../text.ts";
import { asksWhetherSo } from "../understand/frames.ts";
import { MAX_QUESTION_CHARS, type Understanding } from "../understand/understand.ts";
import { fitsScreen, isPleasantry } from "./answers.ts";
import type { QuestionContext } from "./context.ts";

/**
 * 「あいてのめーるばこいっぱいってことはまたあとでおくればいいの」「身に覚えのないメールが戻ってきた件、パスワードは
 * 変えるべき？」: what the user took from the advice (「…ってことは」) or the matter they speak of (「…の件、」), then
 * the question. The lead-in's words (the diagnosis said again, the mail named) match other questions (whose side,
 * mail never sent) and win over the question's few words. With a diagnosis on screen the part after the last
 * lead-in is read alone; a question read there (confidently, or as the likeliest of a few) that has an answer for
 * the diagnosis (no pleasantry) is the one asked. A guess (whether so, 「…のかな」) and anything else keep the whole's
 * reading. A plain scan (lastIndexOf), no pattern.
 */
export function afterLeadIn(
  ctx: QuestionContext,
  text: string,
  understood: Understanding,
  topic: TopicId | null,
): Understanding {
  if (topic === null) return understood;
  const cut = text.slice(0, MAX_QUESTION_CHARS);
  const rest = questionAfterLeadIn(cut);
  if (rest === undefined) return understood;
  // A guess after the lead-in (「…ってことは相手がアドレス変えたのかな」「…ってことは、要するに打ち損じたってこと？」)
  // asks whether what it took is so: the lead-in's words are its matter, and the whole is read. After a
  // connective (「…びっくりした。じゃあ届いてるってことね？」) the guess is about what follows from the story, in its
  // own words: it is read alone.
  const guess = asksWhetherSo(rest) || WONDERING.some((w) => trimEndOf(rest, CLOSING_ASKED).endsWith(w));
  if (guess && endOfLastOpening(fold(cut)) < endOfLast(fold(cut), LEAD_INS)) return understood;
  const read = ctx.index.understand(rest, topic);
  // Unsure is enough (a few questions come close: the likeliest is answered, the others offered), where the
  // likeliest fits the diagnosis.
  const top =
    read.kind === "confident" ? read.id : read.kind === "unsure" ? read.candidates[0]?.id : undefined;
  if (top === undefined || isPleasantry(ctx, top) || !fitsScreen(ctx, top, topic)) return understood;
  return read;
}

/** The text after its last lead-in, when a question of a few letters at least follows; else undefined. */
export function questionAfterLeadIn(text: string): string | undefined {
  const t = fold(text);
  const end = Math.max(endOfLast(t, LEAD_INS), endOfLastOpening(t));
  if (end < 0) return undefined;
  let from = end;
  while (from < t.length && GAPS.has(t[from]!)) from++;
  const rest = t.slice(from);
  return [...rest].length >= MIN_QUESTION_CHARS ? rest : undefined;
}

/**
 * What the user took from the advice, and the matter named (「…の件、」 with its comma: 「件」 alone is a count,
 * 「3件」). 「ってことは？」 alone asks whether it is so: MIN_QUESTION_CHARS.
 */
const LEAD_INS = [
  "ってことは",
  "ということは",
  "件、",
  "件で、",
  "件ですが",
  "件なんですが",
  "件なんだけど",
  "件について、",
];
/**
 * 「悲報、相手のアカウント止まってたw じゃあこっから何すれば？」「受信箱パンパンで返ってきた。で、ここから何すればいい？」:
 * a connective that opens a sentence after what the user told (「じゃあ」「で、」「それで」 "so, then") leads in to the
 * question as 「ってことは」 does: what was told is its matter. Only where it opens a sentence (after a full stop, a
 * mark, a laugh or a space), not within one (「メールで、」「スマホじゃ」). Where the last of them ends, or -1.
 */
function endOfLastOpening(t: string): number {
  let end = -1;
  for (const word of OPENING_CONNECTIVES)
    for (let at = t.indexOf(word, 1); at >= 0; at = t.indexOf(word, at + 1))
      if (SENTENCE_BREAKS.has(t[at - 1]!)) end = Math.max(end, at + word.length);
  return end;
}
const OPENING_CONNECTIVES = ["じゃあ", "じゃ、", "それじゃ", "それで", "で、", "ほんなら", "ほんで"];
/** What closes a sentence before a connective opens the next (NFKC: 「！」 is "!"). */
const SENTENCE_BREAKS: ReadonlySet<string> = new Set([..."。.!?…〜~ 　w笑"]);
/** Endings that wonder aloud (「…のかな」). */
const WONDERING = ["かな", "かなあ", "かなー"];
/** Fewer letters after the lead-in are its own ending (「ってことはない？」「ってことは？」), no question. */
const MIN_QUESTION_CHARS = 5;
