import { answersEveryTopic } from "../../knowledge/questions.ts";
import type { TopicId } from "../../knowledge/types.ts";
import { GAPS } from "../marks.ts";
import { trimEndOf } from "../text.ts";
import { clausesOf, guessesAloud, sentenceAsks } from "../understand/asking.ts";
import { negates } from "../understand/normalize.ts";
import { MAX_QUESTION_CHARS, type Understanding } from "../understand/understand.ts";
import { isFrame } from "./answers.ts";
import type { InterpretContext } from "./context.ts";

/**
 * "her mailbox is full, I must tell her?" 「相手の受信箱いっぱい、連絡したほうがいい？」: the diagnosis on screen told
 * again in a symptom's words first, then the question. The told part's words (mailbox, full) match a question
 * of their own ("a bigger mailbox?") and win over the question's few words, so the whole is read as the story.
 * Where the told clauses alone read as the whole did (the decision came from the story) and the asking clauses
 * after them read confidently as another question with an answer of its own for the diagnosis, that question is
 * the one asked. Not a question that points back at what was told ("…, is that the problem?" asks whose side;
 * 「…、それが原因？」), nor a frame (plain words, the steps, the cause): those take their matter from the story.
 * Nor a story that is the matter asked about (「全角が混ざってるって、どこを見れば？」: 「って」 names what the question is
 * of), nor one that denies ("I never sent this mail, who sent it?": the denial is what the user tells us).
 * Clauses as clausesOf cuts them: a condition stays with what it conditions (「容量を減らせば、届く？」 asks one
 * thing); a guess told aloud asks whether it is so, and is no story.
 */
export function toldThenAsked(
  ctx: Pick<InterpretContext, "index" | "questions" | "readings" | "symptomByReading">,
  text: string,
  understood: Understanding,
  topic: TopicId | null,
): Understanding {
  if (understood.kind !== "confident" || topic === null) return understood;
  const clauses = clausesOf(text.slice(0, MAX_QUESTION_CHARS));
  const firstAsking = clauses.findIndex(sentenceAsks);
  if (firstAsking < 1) return understood;
  const told = clauses.slice(0, firstAsking);
  const asking = clauses.slice(firstAsking);
  // Told first, asked after: a story resumed after the question ("…? I sent it twice") is not this shape.
  if (!asking.every(sentenceAsks) || told.some(guessesAloud)) return understood;
  const story = told.join(" ");
  if (ctx.symptomByReading(story) !== topic || namedAsMatter(story) || negates(story, ctx.readings))
    return understood;
  // The whole read as the story, or as the diagnosis said again (plain words: the story says it).
  const read = ctx.index.understand(story, topic);
  const whole = ctx.questions.get(understood.id);
  const saidAgain = whole !== undefined && answersEveryTopic(whole);
  if (!saidAgain && (read.kind !== "confident" || read.id !== understood.id)) return understood;
  const asked = ctx.index.understand(asking.join(" "), topic);
  if (asked.kind !== "confident" || asked.id === understood.id) return understood;
  const q = ctx.questions.get(asked.id);
  if (!q || q.topics[topic] === undefined || q.asksSide || isFrame(ctx, q.id) || q.id === REASON)
    return understood;
  return { kind: "confident", id: asked.id, candidates: understood.candidates };
}
/** The cause asked (「原因は？」): a frame of its own, whatever diagnosis it is asked of. */
const REASON = "reason";

/** 「…って、」「…とは、」「…のは、」: the story closed as the matter of what follows (a plain scan of its end). */
function namedAsMatter(story: string): boolean {
  const end = trimEndOf(story, GAPS);
  return MATTER_ENDS.some((e) => end.endsWith(e));
}
const MATTER_ENDS = ["って", "とは", "のは", "というのは", "っていうのは"];
