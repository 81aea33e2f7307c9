/**
 * What eval:dialog and index-fragility share: the items of test/dialog-eval/*.yaml, how a reply is named by
 * the answer id it gives, and whether that is an answer expected.
 */
import { z } from "zod";
import { Conversations } from "../dialogs/conversation.ts";
import type { ReplyIntent } from "../dialogs/intents.ts";
import type { Interpreter } from "../dialogs/interpret.ts";
import type { Lang } from "../dialogs/knowledge-contract.ts";
import { MemorySessionStore } from "../dialogs/stores/memory.ts";
import { canonical, readingTable } from "../dialogs/understand/normalize.ts";
import type { Knowledge } from "../knowledge/knowledge.ts";
import { answerFor, type QuestionBank } from "../knowledge/questions.ts";
import { TOPIC_IDS, type TopicId } from "../knowledge/types.ts";

export const KINDS = ["followup", "cold", "act", "emotion", "english", "casual"] as const;
export const itemSchema = z
  .object({
    kind: z.enum(KINDS),
    context: z.union([z.enum(TOPIC_IDS), z.literal("none")]),
    text: z.string().min(1),
    expect: z.string().min(1),
  })
  .strict();
export type Item = z.infer<typeof itemSchema>;

/**
 * Held-out items whose text equals a data example once both are folded as the interpreter folds them
 * (width, kana, readings), each with the question id of that example. A held-out set measures what was
 * never tuned on, so there must be none; a new reading can fold two texts together that differed before.
 */
export function heldOutCopies(
  bank: QuestionBank,
  items: readonly Item[],
): { item: Item; question: string }[] {
  const table = readingTable(bank.readings);
  const examples = new Map<string, string>();
  for (const q of bank.questions.values())
    for (const e of q.examples) examples.set(canonical(e, table), q.id);
  return items.flatMap((item) => {
    const question = examples.get(canonical(item.text, table));
    return question === undefined ? [] : [{ item, question }];
  });
}

/** The data the interpreter was made with: follow-ups are named by the questions that give them. */
export interface Sources {
  knowledge: Knowledge;
  questions: QuestionBank;
}

/** Annotations said before the answer proper: they do not name it. */
const BESIDE = new Set([
  "warnPersonalData",
  "acknowledgeFeelings",
  "returnCourtesy",
  "askFeedback",
  "noticeSessionExpired",
]);
const NAMES: Partial<Record<ReplyIntent["type"], string>> = {
  explainPasting: "paste-help",
  // "That helped" typed with a diagnosis on screen rates it as the Yes button does: thanked.
  thankForFeedback: "thanks",
  escalate: "human",
  confirmRestart: "restart",
  showSteps: "next-step",
  offerCandidates: "clarify",
  answerSmallTalk: "fallback",
  showMenu: "menu",
  explainHelp: "help",
  showMoreTopics: "more",
  greet: "greet",
};

/** The answer id of a reply: which question (or other answer) the user got. */
function answerId(
  { knowledge, questions }: Sources,
  intents: ReplyIntent[],
  context: TopicId | null,
  expected: string,
): string {
  const upset = intents.some((i) => i.type === "acknowledgeFeelings") ? "upset+" : "";
  const main = intents.find((i) => !BESIDE.has(i.type));
  if (!main) return `${upset}(nothing)`;
  let id: string;
  switch (main.type) {
    case "answerQuestion":
      // "That helped" is thanks in the sets' ids (answer-ids has no id of its own for it).
      id = questions.questions.get(main.id)?.ratesHelpful ? "thanks" : main.id;
      break;
    case "escalate":
      // "That didn't help" typed (or tapped) is answered with the apology and the community.
      id = main.reason === "not-helpful" ? "not-helpful" : "human";
      break;
    case "showDiagnosis":
      // The diagnosis said again because it was asked for (「もう一回言って」): its steps, shown once more; it
      // is also the repeat act itself (right after a diagnosis the last answer is the diagnosis), as labelled.
      id = !main.repeated
        ? `topic:${main.diagnosis.topic}`
        : // "calm+repeat" ("sorry, I skipped it, once more please") wants the same act, said without an apology.
          expected.split("|").some((e) => e.replace(/^(upset|calm)\+/, "") === "repeat")
          ? "repeat"
          : "next-step";
      break;
    case "showMoreTopics":
      // The second menu said again because "say that again" came right after it: the repeat act itself.
      id = main.repeated ? "repeat" : "more";
      break;
    case "answerFollowUp":
    case "showCarrierSteps": {
      // Questions answered with a follow-up button's answer: which questions give this one here? (A
      // carrier's steps shown at once stand for the topic's follow-up that asks for the carrier.)
      const followUp =
        main.type === "answerFollowUp"
          ? main.id
          : (knowledge.topics.get(main.topic)?.followUps.find((f) => f.carriers === true)?.id ?? "");
      const givers = [...questions.questions.values()]
        .filter((q) => {
          const a = answerFor(q, context);
          return a && "followUp" in a && a.followUp.topic === main.topic && a.followUp.id === followUp;
        })
        .map((q) => q.id);
      const bare = expected.split("|").map((e) => e.replace(/^(upset|calm)\+/, "").replace(/@[a-z]+$/, ""));
      id = givers.find((g) => bare.includes(g)) ?? givers[0] ?? `followup:${followUp}`;
      break;
    }
    default:
      id = NAMES[main.type] ?? main.type;
  }
  // With no diagnosis on screen (nothing tapped, or "something else": the second menu, no diagnosis), the
  // next step is the paste help: "what do I do?" there is answered by what to paste (sets label it next-step).
  if (
    id === "paste-help" &&
    context === null &&
    expected.split("|").some((e) => /^(upset\+)?next-step$/.test(e))
  )
    id = "next-step";
  // A carrier's steps shown with the answer (the carrier named in the text, or read from the bounce): "@carrier".
  const steps = intents.find((i) => i.type === "showCarrierSteps");
  return upset + id + (steps?.type === "showCarrierSteps" ? `@${steps.carrier}` : "");
}

/**
 * Whether the answer given is one expected. An expectation that names a carrier ("mobile-address@au")
 * wants that carrier's steps; one that names none accepts the answer with or without steps. One that
 * starts "upset+" wants the feelings acknowledged before the answer; one that does not accepts the answer
 * with or without that line (it is said beside the answer, like the feedback question: 「急いでるんだけど
 * 送り直していい？」 labelled `resend` is answered rightly with 「お急ぎのところ…」 first). One that starts
 * "calm+" wants the answer without that line.
 */
export function matches(expect: string, got: string): boolean {
  // "calm+": the answer without an acknowledgement of feelings (「すみません、…」 is an opener, not upset).
  if (expect.startsWith("calm+"))
    return !got.startsWith("upset+") && matches(expect.replace(/(^|\|)calm\+/g, "$1"), got);
  const wanted = expect.split("|");
  const named = (g: string) => wanted.includes(g) || wanted.includes(g.replace(/@[a-z]+$/, ""));
  return named(got) || (got.startsWith("upset+") && named(got.slice("upset+".length)));
}

/** The answer id of a reply and the language it was said in. */
export interface Answer {
  id: string;
  lang: Lang;
}

/**
 * Answers an item as a user would meet it: its context put on screen (a symptom tapped from the menu, or
 * nothing, the chat in Japanese as a user with no LINE profile language meets it), then its text typed; gives
 * the answer id of the reply and its language (an English speaker answered in Japanese is failed whatever the
 * id). The symptom "something else" (`unknown`) shows the second menu, no diagnosis: its items are answered as
 * with nothing on screen.
 */
export function answerer(interpret: Interpreter, sources: Sources) {
  return async (item: Item): Promise<Answer> => {
    const conversations = new Conversations({ store: new MemorySessionStore(), interpret });
    const user = "Ueval";
    const topic = item.context === "none" ? null : item.context;
    const tapped = topic
      ? await conversations.turn(user, { kind: "postback", data: `a=symptom&topic=${topic}` })
      : undefined;
    const shown = tapped?.intents.some((i) => i.type === "showDiagnosis") ? topic : null;
    const turn = await conversations.turn(user, { kind: "text", text: item.text });
    return { id: answerId(sources, turn.intents, shown, item.expect), lang: turn.lang };
  };
}
