import { answerFor, answersEveryTopic, type Question } from "../../knowledge/questions.ts";
import type { TopicId } from "../../knowledge/types.ts";
import type { DialogEvent } from "../events.ts";
import { asksNegated, asksOpen, isQuestion } from "../understand/asking.ts";
import type { Understanding } from "../understand/understand.ts";
import type { QuestionContext } from "./context.ts";
import { withCourtesy } from "./courtesy.ts";
import { CLEAR_OVER_BOUNCE, MAX_TOPICS_OF_A_STANDALONE_ANSWER } from "./thresholds.ts";

/**
 * What a question of ours is (a pleasantry, a frame, an act of the conversation, general or fitting the
 * diagnosis on screen) and what answering it means as an event.
 */

type Questions = Pick<QuestionContext, "questions">;

/** What a question does that a message asks for at its end (「…、一からお願い」「…、人につないで」). */
export const REQUESTED_ACTS = new Set(["restart", "ask-person"]);

/**
 * What answering a question means: a text (ANSWER), a follow-up button's answer (FOLLOW_UP, carrier
 * picker included), or what the question does (the paste help, a person, starting over).
 */
export function questionEvent(
  ctx: Pick<QuestionContext, "questions" | "knowledge">,
  asked: Question,
  topic: TopicId | null,
): DialogEvent {
  const q = (topic && asked.withDiagnosis && ctx.questions.get(asked.withDiagnosis)) || asked;
  switch (q.does) {
    case "paste-help":
      return { type: "HOW_TO_PASTE" };
    case "ask-person":
      return { type: "HUMAN" };
    case "not-helpful":
      return { type: "HUMAN", reason: "not-helpful" };
    case "restart":
      return { type: "RESTART" };
    case "next-steps":
      return topic ? { type: "NEXT_STEPS" } : { type: "HOW_TO_PASTE" };
    case "repeat":
      return { type: "REPEAT" };
    case "menu":
      return { type: "MENU" };
    case "more":
      return { type: "MORE_TOPICS" };
    case "help":
      return { type: "HELP" };
  }
  const answer = answerFor(q, topic);
  if (answer && "followUp" in answer) {
    const { topic: t, id } = answer.followUp;
    const followUp = ctx.knowledge.topics.get(t)?.followUps.find((f) => f.id === id);
    if (followUp) return { type: "FOLLOW_UP", topic: t, id, carriers: followUp.carriers === true };
  }
  return { type: "ANSWER", id: q.id, ...(q.courtesy && { courtesy: true }) };
}

/**
 * An answer that opens with yes or no (「はい、電話やLINEなど…」「いいえ、送り直さないでください」), given to
 * a typed message that asks nothing (「それはもうやりました」), asks what or how (「相手に何て言えばいい？」)
 * or asks in the negative (「送り直さなくていいの？」, where 「いいえ」 would say the opposite of what
 * follows), is marked told: the reply leaves the opener out (the rest of every such answer stands alone).
 */
export function toldOrAsked(
  ctx: QuestionContext,
  events: DialogEvent[],
  text: string,
  topic: TopicId | null,
): DialogEvent[] {
  // Thanks or a greeting beside the question answered is said back first (courtesy.ts).
  return withCourtesy(ctx, answeredAsAsked(ctx, events, text, topic), text, topic);
}

function answeredAsAsked(
  ctx: Pick<QuestionContext, "questions" | "knowledge">,
  events: DialogEvent[],
  text: string,
  topic: TopicId | null,
): DialogEvent[] {
  const last = events[events.length - 1];
  if (last?.type !== "ANSWER" && last?.type !== "FOLLOW_UP") return events;
  if (isQuestion(text) && !asksOpen(text) && !asksNegated(text)) return events;
  const question = last.type === "ANSWER" ? ctx.questions.get(last.id) : undefined;
  const answer = question
    ? answerFor(question, topic)
    : last.type === "FOLLOW_UP"
      ? ctx.knowledge.topics.get(last.topic)?.followUps.find((f) => f.id === last.id)?.answer
      : undefined;
  const opens =
    answer && "ja" in answer && (/^(?:はい|いいえ)、/.test(answer.ja) || /^(?:Yes|No)[.,] /.test(answer.en));
  return opens ? [...events.slice(0, -1), { ...last, told: true }] : events;
}

/** The question a question stands for with a diagnosis on screen (「わからない」 → "in plain words"). */
export function stoodFor(ctx: Questions, asked: Question): Question {
  return (asked.withDiagnosis && ctx.questions.get(asked.withDiagnosis)) || asked;
}

/** The answer every one of these questions gets with this diagnosis on screen, if they all get one. */
export function sameAnswer(
  ctx: Pick<QuestionContext, "questions" | "knowledge">,
  ids: readonly string[],
  topic: TopicId | null,
): DialogEvent | undefined {
  let first: DialogEvent | undefined;
  for (const id of ids) {
    const q = ctx.questions.get(id);
    if (!q) return undefined;
    const event = questionEvent(ctx, q, topic);
    if (first === undefined) first = event;
    else if (JSON.stringify(event) !== JSON.stringify(first)) return undefined;
  }
  return first;
}

/** Whether a question has an answer of its own for the diagnosis on screen. */
export function fitsScreen(ctx: Questions, id: string, topic: TopicId): boolean {
  const q = ctx.questions.get(id);
  return !!q && (q.topics[topic] !== undefined || q.does === "next-steps");
}

/** A question of no diagnosis that does nothing but answer (what a domain is, can I phone someone). */
export function isGeneral(ctx: Questions, id: string): boolean {
  const q = ctx.questions.get(id);
  return q !== undefined && Object.keys(q.topics).length === 0 && q.does === undefined && !q.courtesy;
}

/** A question that does something (the steps, a restart) or means "what is it" for every diagnosis. */
export function isFrame(ctx: Questions, id: string): boolean {
  const q = ctx.questions.get(id);
  return q !== undefined && (q.does !== undefined || answersEveryTopic(q));
}

/**
 * The question whose answer is the steps of the diagnosis on screen (`does: next-steps`), which readers of a want
 * (reported-want.ts) or of "what else" (else-to-do.ts) turn to. A scan of the bank, made only on their rare turn.
 */
export function stepsQuestion(ctx: Questions): Question | undefined {
  for (const q of ctx.questions.values()) if (q.does === "next-steps") return q;
  return undefined;
}

/** A greeting, thanks, OK or goodbye (`courtesy: true`): said around a message, rarely the whole of it. */
export function isPleasantry(ctx: Questions, id: string | undefined): boolean {
  return id !== undefined && ctx.questions.get(id)?.courtesy === true;
}

/** The pleasantries of a question bank (isPleasantry), gathered once per bank. */
export function pleasantriesOf(ctx: Questions): ReadonlySet<string> {
  let ids = PLEASANTRIES.get(ctx.questions);
  if (ids === undefined) {
    ids = new Set([...ctx.questions.values()].filter((q) => q.courtesy === true).map((q) => q.id));
    PLEASANTRIES.set(ctx.questions, ids);
  }
  return ids;
}
const PLEASANTRIES = new WeakMap<ReadonlyMap<string, Question>, ReadonlySet<string>>();

/** The greeting act (acts.yaml). */
export const GREETING_ID = "greeting";

/** A greeting opens a conversation: whatever is said beside it (「こんにちは、エラーメールが来ました」) is the matter. */
export function isGreeting(id: string | undefined): boolean {
  return id === GREETING_ID;
}

/** I'm lost, "that didn't help", start over, a person: what the user says of the conversation itself. */
export function isConversationAct(q: Question): boolean {
  return (
    q.withDiagnosis !== undefined ||
    (q.does !== undefined && REQUESTED_ACTS.has(q.does)) ||
    q.does === "not-helpful"
  );
}

/** Read as "that didn't help" (`does: not-helpful`). */
export function complains(ctx: Questions, u: Understanding): boolean {
  return u.kind === "confident" && ctx.questions.get(u.id)?.does === "not-helpful";
}

/**
 * A specific question, clearly asked, that stands on its own over what else its words read as (a bounce
 * reason, a symptom): its answer hangs on no diagnosis (answers of its own for a few topics at most: how to
 * scan, is it safe; not "should I resend"), and it matches well.
 */
export function askedOnItsOwn(question: Question, score: number): boolean {
  // Round 44 (family44c): an answer of its own only where the question's own words are named (`needsOn`: "am I
  // infected?" after a block, where the PC or a virus is named) is no dependence on the diagnosis.
  const gated = question.needsOn?.topics ?? [];
  let depends = 0;
  for (const topic of Object.keys(question.topics)) if (!gated.includes(topic as TopicId)) depends++;
  return depends <= MAX_TOPICS_OF_A_STANDALONE_ANSWER && score >= CLEAR_OVER_BOUNCE;
}
