import { answersEveryTopic } from "../../knowledge/questions.ts";
import type { TopicId } from "../../knowledge/types.ts";
import { CLOSING_ASKED, GAPS, hasQuestionMark } from "../marks.ts";
import { trimEndOf } from "../text.ts";
import { clausesOf, guessesAloud, isQuestion, sentenceAsks } from "../understand/asking.ts";
import { negates } from "../understand/normalize.ts";
import { MAX_QUESTION_CHARS, type Understanding } from "../understand/understand.ts";
import { isFrame } from "./answers.ts";
import type { InterpretContext, UpsetContext } from "./context.ts";

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
  ctx: Pick<InterpretContext, "index" | "questions" | "readings" | "symptomByReading"> &
    Pick<UpsetContext, "feelings">,
  text: string,
  understood: Understanding,
  topic: TopicId | null,
): Understanding {
  if (understood.kind !== "confident" || topic === null) return understood;
  const clauses = clausesOf(text.slice(0, MAX_QUESTION_CHARS));
  let firstAsking = clauses.findIndex(sentenceAsks);
  // "so their account is dead? how do I reach them now": the diagnosis said back with only a question mark to
  // ask by, before another question, is told: what follows it is asked. So is a cry that says nothing but its
  // feeling ("Are you kidding me?! Her account is suspended?? How do I reach her now?").
  while (
    firstAsking >= 0 &&
    firstAsking < clauses.length - 1 &&
    (saidBack(ctx, clauses[firstAsking]!, topic) || onlyCried(ctx, clauses[firstAsking]!))
  ) {
    const next = clauses.slice(firstAsking + 1).findIndex(sentenceAsks);
    firstAsking = next < 0 ? -1 : firstAsking + 1 + next;
  }
  if (firstAsking < 1) return understood;
  // The story ends in the diagnosis said back (skipped above).
  const back = sentenceAsks(clauses[firstAsking - 1]!);
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
  // Said back with a question mark, the whole's question need not lead the story's reading: it is among those close.
  const fromStory =
    (read.kind === "confident" && read.id === understood.id) ||
    (back && read.candidates.some((c) => c.id === understood.id));
  if (!saidAgain && !fromStory) return understood;
  const asked = ctx.index.understand(asking.join(" "), topic);
  if (asked.kind !== "confident" || asked.id === understood.id) return understood;
  const q = ctx.questions.get(asked.id);
  if (!q || q.topics[topic] === undefined || q.asksSide || isFrame(ctx, q.id) || q.id === REASON)
    return understood;
  return { kind: "confident", id: asked.id, candidates: understood.candidates };
}
/**
 * 「アカウント止まってるの？」 "her mailbox is full??": a clause that asks only by its question mark (no word of asking)
 * and names the diagnosis on screen in a symptom's words: the diagnosis said back, checked, not a question of its
 * own. Its marks are looked at first: most clauses have none.
 */
function saidBack(ctx: Pick<InterpretContext, "symptomByReading">, clause: string, topic: TopicId): boolean {
  if (!hasQuestionMark(clause)) return false;
  const bare = trimEndOf(clause, CLOSING_ASKED);
  return bare !== "" && !isQuestion(bare) && ctx.symptomByReading(bare) === topic;
}

/**
 * A short clause cried out (its question mark first) with no letter left once its words of feeling are taken out
 * (「は？？」 "are you kidding me?!").
 */
export function onlyCried(ctx: Pick<UpsetContext, "feelings">, clause: string): boolean {
  return (
    clause.length <= MAX_CRY &&
    hasQuestionMark(clause) &&
    !/[\p{L}\p{N}]/u.test(ctx.feelings.withoutFeelingWords(clause))
  );
}
const MAX_CRY = 24;

/** The cause asked (「原因は？」): a frame of its own, whatever diagnosis it is asked of. */
const REASON = "reason";

/** 「…って、」「…とは、」「…のは、」: the story closed as the matter of what follows (a plain scan of its end). */
function namedAsMatter(story: string): boolean {
  const end = trimEndOf(story, GAPS);
  return MATTER_ENDS.some((e) => end.endsWith(e));
}
const MATTER_ENDS = ["って", "とは", "のは", "というのは", "っていうのは"];
