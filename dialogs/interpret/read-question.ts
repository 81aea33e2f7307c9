import { fold } from "../../knowledge/fold.ts";
import type { TopicId } from "../../knowledge/types.ts";
import type { Feeling } from "../events.ts";
import { SENTENCE_END } from "../marks.ts";
import { includesAny, mentionsAny, trimEndOf, withoutWords } from "../text.ts";
import {
  clausesOf,
  isQuestion,
  sentenceAsks,
  sentencesOf,
  withoutComplaintTag,
} from "../understand/asking.ts";
import { gladTears, movedToTears } from "../understand/feelings/passed.ts";
import { saysInKana, saysSomething } from "../understand/feelings/says.ts";
import { negates } from "../understand/normalize.ts";
import type { Understanding } from "../understand/understand.ts";
import {
  amongPleasantries,
  beyondPleasantries,
  callNamed,
  closedByAct,
  dismissedWithComplaint,
  englishLost,
  howAreYouAsked,
  introducedWithGreeting,
  laughedAtRealised,
  lostBesideQuestion,
  lostTold,
  openedByAct,
  praiseTold,
  ratedLukewarm,
  realisedAfterSigh,
  reliefTold,
  requestBesideLost,
  someoneHelpAsked,
  thanksOverOk,
  toldWithPleasantry,
} from "./acts.ts";
import { fitsScreen, isFrame, isGeneral, isPleasantry } from "./answers.ts";
import { chatUseAsked } from "./chat-use.ts";
import type { InterpretContext, UpsetContext } from "./context.ts";
import { elseToDoAsked } from "./else-to-do.ts";
import { afterLeadIn } from "./lead-in.ts";
import { menuOverRestart } from "./menu-named.ts";
import { planTold } from "./plan-told.ts";
import { askingSentences, preferred } from "./question.ts";
import { reportedThenWant } from "./reported-want.ts";
import { sentencesAgree } from "./sentences-agree.ts";
import { toldThenAsked } from "./told-then-asked.ts";
import { knownAlready, personAskedLast, readUpset } from "./upset.ts";
import { wayAsked } from "./way-asked.ts";
import { whatNowAfterStory } from "./what-now.ts";
import { ASKING_LEAVE } from "./words.ts";

/**
 * Which question a typed text asks: read calmly (question.ts) or, where words of feeling are taken out of
 * it, without them (upset.ts), then weighed against the acts of the conversation around it (acts.ts). A
 * pleasantry next to a feeling (「夜遅くにすみません、急ぎで困ってます」) gives way to the next step.
 */
export function readQuestion(
  ctx: UpsetContext & Pick<InterpretContext, "symptomByReading">,
  text: string,
  topic: TopicId | null,
  feeling: Feeling | undefined,
): Understanding {
  // 「どうもうまくいかない」: 「どうも」 before a failure is "somehow", no greeting or thanks; it is left out.
  if (mentionsAny(text, ctx.words.thanking) && negates(text, ctx.readings))
    text = withoutWords(text, ctx.words.thanking, "");
  // 「うまくいかないんですよね」: a failure told and closed by 「よね」 is a complaint; its 「よね」 asks nothing.
  text = withoutComplaintTag(text);
  // "I dont understand anything you said": being lost, told in so many words, whatever else the words match.
  const lost = lostTold(ctx, text, topic) ?? someoneHelpAsked(ctx, text) ?? englishLost(ctx, text);
  if (lost) return requestBesideLost(ctx, text, lost, topic);
  // A feeling read only by the shape of a message (a sentence's end, marks, a raised voice, a deadline) leaves
  // no word of feeling to take out: the text is its own calm twin and is read as one. What says nothing
  // besides the feeling (「何なのもう」「え？！なんで？！」) is still read as upset: calmly it is a weak guess.
  const upset =
    feeling !== undefined &&
    (ctx.feelings.withoutFeelingWords(text) !== ctx.feelings.withoutExceptions(text) ||
      !(saysSomething(text) || saysInKana(text, ctx.readings)));
  // 「怒ってるわけじゃないんですが、人と話すことはできますか」: a feeling said to be absent only dilutes what is asked.
  const calmed = feeling === undefined ? ctx.feelings.withoutCalmedFeelings(text) : undefined;
  const asked = calmed !== undefined && saysSomething(calmed) ? calmed : text;
  let understood =
    (feeling !== undefined
      ? (personAskedLast(ctx, ctx.feelings.withoutFeelingWords(text), topic) ??
        knownAlready(ctx, text, topic))
      : undefined) ??
    (upset
      ? readUpset(ctx, text, topic, feeling === "urgent")
      : askingSentences(ctx, asked, preferred(ctx, asked, topic), topic));
  // What someone else said, reported, then a want closing the message: the want is asked (reported-want.ts).
  understood = reportedThenWant(ctx, text, understood, topic);
  // 「…ってことは」「…の件、」 then the question: the question is read after its lead-in (lead-in.ts).
  understood = afterLeadIn(ctx, text, understood, topic);
  // A fact told first, then the question (told-then-asked.ts): the question is read without the story.
  understood = toldThenAsked(ctx, text, understood, topic);
  // A situation told, then only "what now" (what-now.ts): the steps.
  understood = whatNowAfterStory(ctx, text, understood, topic);
  // Every sentence alone asking one question that the whole does not read as (sentences-agree.ts): that one.
  understood = sentencesAgree(ctx, text, understood, topic);
  // 「…何も出なかった。ほかにやることある？」: what else to do is the steps, not the step told (else-to-do.ts).
  understood = elseToDoAsked(ctx, text, understood, topic);
  // 「…届けたいんだけど、何か手ある？」: a bare ask for a way after a story is the steps, or the want's question (way-asked.ts).
  understood = wayAsked(ctx, text, understood, topic);
  // Weighed against the acts of the conversation around it, in this order (acts.ts).
  understood = lostBesideQuestion(ctx, text, understood, topic);
  understood = requestBesideLost(ctx, text, understood, topic);
  understood = beyondPleasantries(ctx, text, understood, topic);
  understood = toldWithPleasantry(ctx, text, understood, topic);
  understood = closedByAct(ctx, text, understood, topic);
  // 「…相手に連絡してみます」: what the user will do, told to close a message that asks nothing (plan-told.ts).
  understood = planTold(ctx, text, understood);
  understood = openedByAct(ctx, text, understood, topic);
  understood = amongPleasantries(ctx, text, understood);
  // The menu and a restart as close as each other, the menu named: the menu (menu-named.ts).
  understood = menuOverRestart(ctx, understood);
  understood = introducedWithGreeting(ctx, text, understood, topic);
  // 「このトーク画面ってどう使うの」「ボタン押せばいいの？」 with a diagnosis on screen: the help (chat-use.ts).
  understood = chatUseAsked(ctx, text, understood, topic);
  understood = reliefTold(ctx, text, understood);
  understood = laughedAtRealised(ctx, text, understood);
  understood = realisedAfterSigh(ctx, text, understood);
  understood = praiseTold(ctx, text, understood);
  understood = thanksOverOk(ctx, text, understood, topic);
  understood = howAreYouAsked(ctx, text, understood, topic);
  understood = callNamed(ctx, text, understood);
  understood = ratedLukewarm(ctx, text, understood, topic);
  understood = dismissedWithComplaint(ctx, text, understood, topic, feeling !== undefined);
  understood = praisedInIrony(ctx, text, understood);
  understood = movedToThank(ctx, text, understood, feeling);
  if (feeling && understood.kind === "confident" && isPleasantry(ctx, understood.id))
    return { kind: "none", candidates: understood.candidates };
  return askedAgain(ctx, text, understood, topic);
}

/**
 * 「はいはい、大変参考になりました（棒）」「さすがAI、役に立つね」: the advice rated helpful in irony (praise said of a
 * failure, not glad: feeling.ts `ironic`) is rated the other way, "that didn't help" (the apology and the Q&A
 * community), not thanked for.
 */
function praisedInIrony(ctx: UpsetContext, text: string, understood: Understanding): Understanding {
  const q = understood.kind === "confident" ? ctx.questions.get(understood.id) : undefined;
  // Thanks read from praise of the answer (「参考になりました」), not said in words: soundsGlad keeps those.
  if (!q?.courtesy || !(q.ratesHelpful || q.id === THANKS)) return understood;
  if (!ctx.feelings.ironic(text)) return understood;
  const no = [...ctx.questions.values()].find((x) => x.does === "not-helpful");
  return no ? { kind: "confident", id: no.id, candidates: understood.candidates } : understood;
}
/** The act of thanks (acts.yaml). */
const THANKS = "thanks";

/**
 * 「やさしい説明でうるっときた〜ありがと」「涙が出そうです、こんなに丁寧に教えてもらえるなんて」「うれし泣きしそう、ずっと分から
 * なかったことがやっと解けた」: tears of being moved by the answer or of joy (passed.ts movedToTears, gladTears: no distress,
 * so no feeling was read), with nothing asked, are thanks for it. Their words of kindness (「やさしい説明」 "explained so
 * kindly") otherwise read as a frame asked ("say it simply") or the steps (round 44: three writers of rounds 40, 41 and
 * 43). Gated by the word test of tears named: the sentences and the tears are read only of such a calm text.
 */
function movedToThank(
  ctx: UpsetContext,
  text: string,
  understood: Understanding,
  feeling: Feeling | undefined,
): Understanding {
  if (feeling !== undefined || (understood.kind === "confident" && understood.id === THANKS))
    return understood;
  const t = fold(text);
  if (!includesAny(t, ctx.words.tearsNamed) || sentencesOf(t).some(sentenceAsks)) return understood;
  if (!(gladTears(t) || movedToTears(t, ctx.words, ctx.feelings.feelingIn))) return understood;
  return ctx.questions.has(THANKS)
    ? { kind: "confident", id: THANKS, candidates: understood.candidates }
    : understood;
}

/**
 * "Say that again" beside a question of ours (「いつ届くかもう一度教えて」「スキャンの手順もう一回」) is that
 * question asked again, not the last answer whatever it was: the text without its words of "again" is read,
 * and a question read confidently there that names something (no frame: 「もっかい言って」 is not "say it in
 * other words") and has an answer of its own for the diagnosis on screen (with none, a general one) is the one
 * asked (「今の、もう一度お願いできますか」 is not "what can you do?").
 */
function askedAgain(
  ctx: UpsetContext,
  text: string,
  understood: Understanding,
  topic: TopicId | null,
): Understanding {
  // 「選ぶやつもう一回出して」: "again" among close readings (one of them "say it again") asks for what is named
  // again, when the text without its words of "again" names it clearly.
  const repeatClose =
    understood.kind === "unsure" &&
    understood.candidates.some((c) => ctx.questions.get(c.id)?.does === "repeat") &&
    mentionsAny(text, ctx.words.again);
  if (understood.kind !== "confident" && !repeatClose) return understood;
  if (understood.kind === "confident" && ctx.questions.get(understood.id)?.does !== "repeat")
    return againOnly(ctx, text, understood, topic);
  const rest = withoutWords(fold(text), ctx.words.again);
  const read = askingSentences(ctx, rest, preferred(ctx, rest, topic), topic);
  if (read.kind !== "confident") return understood;
  const q = ctx.questions.get(read.id);
  const fits = topic ? fitsScreen(ctx, read.id, topic) : isGeneral(ctx, read.id);
  // The menu named (「ボタンもう一回出して」) is shown again, as its button would.
  if (q?.does === "menu") return read;
  return q &&
    !isFrame(ctx, read.id) &&
    !q.courtesy &&
    fits &&
    namesBesidesSaying(ctx, rest) &&
    !toldDone(ctx, rest, read.id, topic)
    ? read
    : understood;
}

/**
 * 「画面消しちゃったので、もう一回」「さっきの消しちゃった。もう一度」 "we accidentally deleted the chat, can you say it
 * again": a clause that tells something done (a verb in the past, not asked) is why the last answer is wanted again;
 * when the question read of the rest comes from such clauses (the others alone do not read as it), it is no question
 * asked again (消す "delete" is safe-to-open's after mail never sent). Asked only of a text read as "say it again" whose
 * rest reads as another question: plain scans of its clauses' ends, English words split only here.
 */
function toldDone(ctx: UpsetContext, rest: string, id: string, topic: TopicId | null): boolean {
  const clauses = clausesOf(rest);
  const { toldJoins, pastSubjects } = ctx.words;
  const asked = clauses.filter(
    (c) => sentenceAsks(c) || !(endsInPast(c, toldJoins) || pastInEnglish(c, pastSubjects)),
  );
  if (asked.length === clauses.length) return false;
  if (asked.length === 0) return true;
  const u = ctx.index.understand(asked.join(" "), topic);
  return !(u.kind === "confident" && u.id === id);
}
/**
 * 「画面を消してしまった、」「閉じちゃったので」: a clause that ends in a verb's past, before what joins it to the request
 * (ui.yaml typedWords `toldJoins`: 「…ので」「…から」「…けど」).
 */
function endsInPast(clause: string, toldJoins: readonly string[]): boolean {
  let end = trimEndOf(clause, SENTENCE_END);
  const joined = toldJoins.find((j) => end.endsWith(j));
  if (joined) end = trimEndOf(end.slice(0, -joined.length), SENTENCE_END);
  return end.endsWith("た") || end.endsWith("だ");
}
/**
 * "I deleted the chat", "we accidentally closed it": a verb in -ed after its doer or an adverb of mishap (ui.yaml
 * typedWords `pastSubjects`: "i", "we", "accidentally").
 */
function pastInEnglish(clause: string, pastSubjects: readonly string[]): boolean {
  const words = clause.toLowerCase().split(" ");
  return words.some(
    (w, i) => i > 0 && pastSubjects.includes(words[i - 1]!) && trimEndOf(w, SENTENCE_END).endsWith("ed"),
  );
}

/**
 * 「もう一回言ってもらえる？」: without "again", 「言ってもらえる？」 still matches "tell the recipient" by its verb of
 * saying and its request alone; a question asked again is named besides the saying, in a word of content
 * (「いつ届くか」「スキャンの手順」 "the size limit").
 */
function namesBesidesSaying(ctx: UpsetContext, rest: string): boolean {
  return !mentionsAny(rest, ctx.words.saying) || saysSomething(withoutWords(rest, ctx.words.saying));
}

/**
 * 「今のとこもう一回お願い」「最後のところもう一回見せて」: a question matched only by its words of "again" (「もう一回
 * 送っていい？」 of resend) is not asked when, without them, the text no longer reads as it: with "say that again"
 * close, the last answer is asked for once more.
 */
function againOnly(
  ctx: UpsetContext,
  text: string,
  understood: Understanding & { kind: "confident" },
  topic: TopicId | null,
): Understanding {
  if (!mentionsAny(text, ctx.words.again) || asksToDoAgain(ctx, text)) return understood;
  // The menu asked for again (「症状の一覧をもう一度見せて」): its own words (`needs`) name it, not "again".
  if (ctx.questions.get(understood.id)?.does === "menu") return understood;
  const repeat = understood.candidates.find((c) => ctx.questions.get(c.id)?.does === "repeat");
  if (!repeat) return understood;
  const rest = ctx.index.understand(withoutWords(fold(text), ctx.words.again), topic);
  // "can you say that again?": without "again", "can you say that" still reads as a frame ("in plain words"),
  // but asked with a word of saying, it is the words of again that ask; explaining asked for (「もう一回説明して」
  // "explain it again") asks the explanation, which the frame answers.
  const frameSaid =
    isFrame(ctx, understood.id) &&
    mentionsAny(text, ctx.words.saying) &&
    !mentionsAny(text, ctx.words.explaining);
  if (rest.kind === "confident" && rest.id === understood.id && !frameSaid) return understood;
  return { kind: "confident", id: repeat.id, candidates: understood.candidates };
}

/**
 * 「もう一回やってみていい？」: "again" in a question, without a word of saying, asks about doing it again. In a
 * request (「もう一回お願い」), beside a question of its own (「え、今なんて？もう一回」 "huh? one more time"), or
 * asked with a word of saying (「もう一回言ってくれる？」 "could you go over it once more?"), it asks to hear it again;
 * leave asked (「もう一回出していい？」 "should I send it once more?") is about doing, whatever the verb.
 */
function asksToDoAgain(ctx: UpsetContext, text: string): boolean {
  return sentencesOf(text).some(
    (s) =>
      mentionsAny(s, ctx.words.again) &&
      isQuestion(s) &&
      (!mentionsAny(s, ctx.words.saying) || mentionsAny(s, LEAVE_ASKED)),
  );
}
const LEAVE_ASKED = [...ASKING_LEAVE, "should i", "can i", "do i", "shall i"];
