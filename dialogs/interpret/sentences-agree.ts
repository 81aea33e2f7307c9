import type { TopicId } from "../../knowledge/types.ts";
import { sentencesOf } from "../understand/asking.ts";
import { MAX_QUESTION_CHARS, type Understanding } from "../understand/understand.ts";
import { isPleasantry } from "./answers.ts";
import type { QuestionContext } from "./context.ts";

/**
 * "so domain is not existing? what it means": two sentences that each, read alone, ask the same question (the
 * diagnosis said again and asked whether so is it in plain words; "what it means" is too), while the whole
 * reads as another: the words of both together ("domain", "not existing") match a question neither asks
 * ("wrong address?"). Where every sentence alone reads confidently as one question (no pleasantry), that
 * question is the one asked. Sentences as sentencesOf cuts them (。！？ and line ends).
 */
export function sentencesAgree(
  ctx: Pick<QuestionContext, "index" | "questions">,
  text: string,
  understood: Understanding,
  topic: TopicId | null,
): Understanding {
  const sentences = sentencesOf(text.slice(0, MAX_QUESTION_CHARS));
  if (sentences.length < 2 || sentences.length > MAX_SENTENCES) return understood;
  // The answer does not hang on the order the sentences are read in: those read already in this reading come
  // first, and the first that disagrees leaves the others unread (perf38b).
  const known = ctx.index.known;
  const order = known
    ? [...sentences].sort((a, b) => knownFirst(known(a, topic)) - knownFirst(known(b, topic)))
    : sentences;
  let agreed: string | undefined;
  for (const sentence of order) {
    const read = ctx.index.understand(sentence, topic);
    if (read.kind !== "confident" || (agreed !== undefined && read.id !== agreed)) return understood;
    // Any sentence names the only question that can be agreed on: a pleasantry, or the one the whole reads
    // already, leaves the reading as it is whatever the others read, so they are not read (perf33).
    if (isPleasantry(ctx, read.id) || sameAs(understood, read.id)) return understood;
    agreed = read.id;
  }
  return agreed === undefined
    ? understood
    : { kind: "confident", id: agreed, candidates: understood.candidates };
}
/** Sorting key: a sentence read already comes first. */
const knownFirst = (read: Understanding | undefined) => (read === undefined ? 1 : 0);
/** Whether `understood` confidently reads the question `id`. */
function sameAs(understood: Understanding, id: string): boolean {
  return understood.kind === "confident" && understood.id === id;
}
/** More sentences than this are a story, each read alone once too often for what they tell. */
const MAX_SENTENCES = 3;
