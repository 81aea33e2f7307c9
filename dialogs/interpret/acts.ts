import { fold } from "../../knowledge/fold.ts";
import type { Question } from "../../knowledge/questions.ts";
import type { TopicId } from "../../knowledge/types.ts";
import { CLOSING, hasQuestionMark } from "../marks.ts";
import { mentionsAny, trimEndOf, trimStartOf, withoutWords } from "../text.ts";
import {
  askedBeforeNotKnowing,
  isQuestion,
  realises,
  SENTENCE_END,
  sentenceAsks,
  sentencePieces,
  sentencesOf,
  withoutReplyOpeners,
} from "../understand/asking.ts";
import { withoutFillers } from "../understand/fillers.ts";
import { asksOnlyWhy } from "../understand/frames.ts";
import { tellsLost, tellsNoHelp } from "../understand/lost-told.ts";
import { canonicalLength, negates } from "../understand/normalize.ts";
import type { Understanding } from "../understand/understand.ts";
import {
  fitsScreen,
  GREETING_ID,
  isConversationAct,
  isFrame,
  isPleasantry,
  pleasantriesOf,
  REQUESTED_ACTS,
} from "./answers.ts";
import type { QuestionContext, UpsetContext } from "./context.ts";
import {
  asksFor,
  endsAsQuestion,
  isConnective,
  namesPerson,
  opensWithBut,
  wants,
  withoutBut,
  withoutCounts,
} from "./scans.ts";
import {
  ACT_AS_EXAMPLE,
  ASKED_AS_EXAMPLE,
  CALM_CLEAR,
  MAX_REACTION_CHARS,
  PLEASANTRY_PIECE,
} from "./thresholds.ts";
import { wishesToAsk } from "./wish-to-ask.ts";

/**
 * Acts of the conversation (acts.yaml: thanks, OK, greetings, goodbyes, "I'm lost", a restart, a person)
 * around or instead of a question: which one a message of several pieces is, applied after the question
 * index has read it (readQuestion, in this file's order from the last).
 */

/** The acts an OK and thanks in one message are (thanksOverOk); an OK before a goodbye (closedByAct). */
const OK_ID = "ok";
const THANKS_ID = "thanks";
const GOODBYE_ID = "goodbye";
/** Being lost (「よくわからない」 "I don't get it"): plain words with a diagnosis on screen, else the paste help. */
const CONFUSED_ID = "confused";
/** "That didn't help": the apology and the community. */
const NOT_HELPFUL_ID = "not-helpful";
/** Acts that close a message (「…。納得」「…、ありがとう」「…。じゃあまた」); a greeting opens one. */
const CLOSING_ACTS: ReadonlySet<string> = new Set(["ok", "thanks", "goodbye"]);
const GOODBYE: ReadonlySet<string> = new Set([GOODBYE_ID]);

/** A text of a few letters at most (emoji, punctuation and spaces not counted). */
export function isShortReaction(ctx: Pick<QuestionContext, "readings">, text: string): boolean {
  if (text.length > MAX_REACTION_CHARS * 8) return false;
  return canonicalLength(text, ctx.readings) <= MAX_REACTION_CHARS;
}

/**
 * "I dont understand anything you said", "that didn't fix anything": being lost, or the answer that did not
 * help, told in English with nothing else named (lost-told.ts), is that act, whichever question its words
 * come closer to ("so I don't have to do anything?" shares "don't" and "anything"). Its place among the
 * candidates is first, as the index would have put it.
 */
export function lostTold(
  ctx: QuestionContext,
  text: string,
  topic: TopicId | null,
): Understanding | undefined {
  const id = tellsLost(text) ? CONFUSED_ID : tellsNoHelp(text) ? NOT_HELPFUL_ID : undefined;
  if (id === undefined || !ctx.questions.has(id)) return undefined;
  const { candidates } = ctx.index.understand(text, topic);
  const score = Math.max(0, ...candidates.map((c) => c.score));
  const others = candidates.filter((c) => c.id !== id);
  return { kind: "confident", id, candidates: [{ id, score }, ...others] };
}

/**
 * "What is mean domain? I don't understand this word": being lost, said beside a sentence that asks a question
 * of ours (what a word means, what to do), is about that question: it is answered, not the paste help or plain
 * words. The question must be read confidently from the asking sentences alone, and be no act itself.
 */
export function lostBesideQuestion(
  ctx: QuestionContext,
  text: string,
  understood: Understanding,
  topic: TopicId | null,
): Understanding {
  if (understood.kind !== "confident" || understood.id !== CONFUSED_ID) return understood;
  // 「どこが違うのかさっぱりわからん」: the question embedded before the not knowing is asked (round 45), where it reads
  // a question of ours clearly and no frame ("what do I do", "what does it mean": being lost is read then), nor
  // what was said (「何を言ってるのかわからない」 reads nothing clearly).
  const embedded = askedBeforeNotKnowing(text, ctx.words.utterly);
  if (embedded !== undefined) {
    const asked = ctx.index.understand(embedded, topic);
    const q = asked.kind === "confident" ? ctx.questions.get(asked.id) : undefined;
    const clear = (asked.candidates[0]?.score ?? 0) >= CALM_CLEAR;
    if (q && clear && !q.courtesy && !isConversationAct(q) && !isFrame(ctx, q.id)) return asked;
  }
  const sentences = sentencesOf(text);
  if (sentences.length < 2) return understood;
  const asking = sentences.filter((s) => sentenceAsks(s) && !realises(s));
  if (asking.length === 0 || asking.length === sentences.length) return understood;
  // 「なんで？意味わかんない！」: a why and nothing more asks no cause beside being lost; the whole is not understood.
  if (asking.every(asksOnlyWhy)) return understood;
  const asked = ctx.index.understand(asking.join(""), topic);
  if (asked.kind !== "confident" || asked.id === CONFUSED_ID) return understood;
  const q = ctx.questions.get(asked.id);
  return q && !q.courtesy && !isConversationAct(q) ? asked : understood;
}

/**
 * 「もうわけわかんない、最初からにして」「意味不明。人と話させてください」: being lost, told beside a request for a
 * restart or a person in a piece of its own, is why the request is made: the request is what to do (a feeling
 * in it is acknowledged apart). Only a piece that asks for something (asksFor, wants) and reads confidently,
 * alone, as that act.
 */
export function requestBesideLost(
  ctx: QuestionContext,
  text: string,
  understood: Understanding,
  topic: TopicId | null,
): Understanding {
  if (understood.kind !== "confident" || understood.id !== CONFUSED_ID) return understood;
  const pieces = sentencePieces(text);
  if (pieces.length < 2) return understood;
  for (const piece of pieces) {
    if (!wants(piece)) continue;
    const u = ctx.index.understand(piece, topic);
    if (u.kind !== "confident") continue;
    const does = ctx.questions.get(u.id)?.does;
    if (does !== undefined && REQUESTED_ACTS.has(does))
      return { kind: "confident", id: u.id, candidates: understood.candidates };
  }
  return understood;
}

/**
 * 「お世話になっております。先ほどのご説明ですが、再送は不要という理解でよろしいでしょうか」,
 * 「ありがとう、ところで何MBまで？」: a message of several pieces (sentences, or parts between commas)
 * whose best match is a pleasantry is understood from its other pieces, when they ask something we
 * know; 「こんにちは。」 alone, 「ありがとう。助かりました」 or 「ありがとう。相手に連絡してみます」 (nothing
 * asked) stays the pleasantry.
 */
export function beyondPleasantries(
  ctx: QuestionContext,
  text: string,
  whole: Understanding,
  topic: TopicId | null,
): Understanding {
  if (!isPleasantry(ctx, whole.candidates[0]?.id)) return whole;
  // 「ありがとう、でもまだ分からない」 "thanks, but I'm still lost": what comes after a "but" is what is meant,
  // asked or told (being lost, "that didn't help", a request): the thanks was a courtesy before it.
  // 「わかりやすかったけど、相手の容量はどう確かめるの？」: a "but" closing the first clause turns the same way.
  const split = splitAtBut(text, ctx.words);
  if (split !== undefined) {
    const { after } = split;
    const meant = ctx.index.understand(after, topic);
    // 「ありがとうございます。ただ、まだ相手に届いてないみたいです」: a trouble told (not asked) after it, in the
    // words of a question the diagnosis on screen has no answer of its own for, is no such question: the
    // advice did not settle it (butStillFails).
    // A trouble told after a "but" inside a clause ("thanks but it still bounced") is left to butStillFails.
    const toldTrouble = topic !== null && !sentenceAsks(after) && troubleTold(ctx, after);
    const mere =
      !split.opened ||
      (meant.kind === "confident" && !told(ctx, meant.id) && !fitsScreen(ctx, meant.id, topic!));
    if (meant.kind === "confident" && !isPleasantry(ctx, meant.id) && !(toldTrouble && mere)) return meant;
  }
  const pieces = sentencePieces(text);
  // One sentence that asks (「放置でOK？」 after "still trying"): no acknowledgement but the question
  // that comes next, if one fits the diagnosis on screen.
  if (pieces.length < 2) {
    // A question the index's rules read beyond the pleasantry ranked first ("got it or not?": whether it
    // arrived) is that question, not what follows the pleasantry's words ("or not?") or the next one ranked.
    if (topic && whole.kind === "confident" && !isPleasantry(ctx, whole.id)) return whole;
    // "ok so what now": the OK only opens the question that follows it.
    const rest = withoutReplyOpeners(text);
    if (rest !== undefined && isQuestion(rest)) {
      const meant = ctx.index.understand(rest, topic);
      if (meant.kind === "confident" && !isPleasantry(ctx, meant.id)) return meant;
    }
    // Said in nearly the words of an acknowledgement (「そういうことか」: its か is no question), it is one.
    const asAct = (whole.candidates[0]?.score ?? 0) >= ACT_AS_EXAMPLE;
    if (!topic || asAct || isShortReaction(ctx, text) || !isQuestion(text)) return whole;
    const next = whole.candidates.find((c) => !isPleasantry(ctx, c.id) && fitsScreen(ctx, c.id, topic));
    return next ? { kind: "confident", id: next.id, candidates: whole.candidates } : whole;
  }
  const reads = pieces.map((s) => ctx.index.understand(s, topic));
  const rest = pieces.filter((_, i) => !(reads[i]!.kind === "confident" && isPleasantry(ctx, reads[i]!.id)));
  // What is left must ask: 「ありがとう。相手に連絡してみます」 tells what they will do, and is thanks.
  // "Good evening. Please explain what a domain is.": a request opened with "please" asks as a question does
  // (not any request's ending: 「電話で確認して、」 joins a story).
  const asks = (p: string) => isQuestion(p) || fold(p).trimStart().startsWith("please");
  if (rest.length === 0) return whole;
  if (rest.length === pieces.length) return lastAsked(ctx, pieces, reads, whole);
  if (!rest.some(asks)) return actBesideApology(ctx, pieces, rest, whole, topic);
  const asked = ctx.index.understand(rest.join("。"), topic);
  if (asked.kind === "confident") return isPleasantry(ctx, asked.id) ? whole : asked;
  // 「夜分にすみません。こちらは何時まで受け付けていますか」: a question of ours a few come close to, asked as one
  // after a polite opener (a mark, or 「…か」: not 「はいはい、また待てってことね」), is read as it would be asked
  // alone (the likeliest, the others under it), not as the opener. So is a formal request to be told
  // (「こんにちは。一度に何人まで送れるか教えてください」「…について知りたいです」): a request or a want that asks.
  const top = asked.candidates[0];
  const askedAsOne = rest.some((p) => endsAsQuestion(p) || (wants(p) && isQuestion(p)));
  return asked.kind === "unsure" && top && askedAsOne && !isPleasantry(ctx, top.id) ? asked : whole;
}

/**
 * 「急いでないので大丈夫です。いつ頃届く見込みですか」: the whole reads as a pleasantry (its 「大丈夫です」 of "no thanks,
 * I'm fine") but no piece does alone, and the last piece asks a question of ours clearly: that question is what
 * the message is for (the pieces' readings are those beyondPleasantries made already: no index read more).
 */
function lastAsked(
  ctx: QuestionContext,
  pieces: readonly string[],
  reads: readonly Understanding[],
  whole: Understanding,
): Understanding {
  const last = reads.at(-1);
  if (last?.kind !== "confident" || isPleasantry(ctx, last.id)) return whole;
  // Asked as a question (a mark or 「…か」), not a want told (「メールなんてやめたい」).
  return endsAsQuestion(pieces.at(-1)!) ? last : whole;
}

/**
 * 「すみません、意味がよく…」「ごめんなさい、人と話したいです」: what is told after an apology that is itself an act of
 * the conversation (being lost, a person, "that didn't help": isConversationAct; no restart, whose words 「質問が
 * あります」 are any opening's) is what is said, asked or not. Beside thanks, an OK or a greeting (「ありがとう。相手に
 * 連絡してみます」「おはようございます。昨日の件で来ました」 "perfect, that fixed it") the courtesy stands, unless a person
 * is named and wanted.
 */
function actBesideApology(
  ctx: QuestionContext,
  pieces: readonly string[],
  rest: string[],
  whole: Understanding,
  topic: TopicId | null,
): Understanding {
  const told = ctx.index.understand(rest.join("。"), topic);
  const q = told.kind === "confident" ? ctx.questions.get(told.id) : undefined;
  if (!q || isPleasantry(ctx, q.id) || q.does === "restart" || !isConversationAct(q)) return whole;
  // 「ご丁寧にありがとうございます。できれば人の方にも相談してみたい」: a person named and wanted, after any courtesy.
  if (q.does === "ask-person" && namesPerson(rest.join("。"), ctx.words)) return told;
  const courtesies = pieces.filter((p) => !rest.includes(p)).map((p) => fold(p));
  return courtesies.some((p) => mentionsAny(p, APOLOGY_WORDS)) ? told : whole;
}
const APOLOGY_WORDS = ["すみません", "すいません", "ごめん", "申し訳", "失礼", "sorry"];

/**
 * 「ありがとうございます、でもまだ届きません」 "thanks but it still bounced": a courtesy, then after a "but" a
 * trouble told and nothing asked (a negation, or things as they were: 「まだ」「同じ」 "still"). The clause after
 * the "but" carries the message: the advice did not settle it (mainEvent answers as for tries in vain), it
 * was no thanks.
 */
export function butStillFails(
  ctx: UpsetContext,
  text: string,
  understood: Understanding,
  topic: TopicId,
): boolean {
  // The whole read as the courtesy, or as a question the trouble's words share that has no answer of its
  // own here (「…まだ相手に届いてないみたいです」 is no "did it arrive?" after "user unknown").
  const id = understood.kind === "confident" ? understood.id : undefined;
  const q = id === undefined ? undefined : ctx.questions.get(id);
  // The diagnosis's answer for tries in vain (ui.yaml `feelings.triesAnswer`: "thanks but it still bounced" reads
  // "it keeps failing") is what a "but still" gets anyway (key-answer.ts movedOn): read so, it is no question asked.
  const settled =
    q !== undefined &&
    q.id !== ctx.ui.feelings.triesAnswer?.[topic] &&
    (q.statement === true || q.ifTold !== undefined || fitsScreen(ctx, q.id, topic));
  if (q && !isPleasantry(ctx, q.id) && !isConversationAct(q) && settled) return false;
  const split = splitAtBut(text, ctx.words);
  if (split === undefined || sentenceAsks(split.after) || !troubleTold(ctx, split.after)) return false;
  // 「でもまだちょっとわからない」 "still lost", 「でも役に立たなかった」: being lost, "that didn't help" (its words,
  // `deniedHelp`), read as before; a trouble told is about the mail.
  if (mentionsAny(split.after, ctx.words.deniedHelp)) return false;
  // 「わかりやすかったけど、まだ届かない」 "nice explanation but it's still bouncing": the advice praised or said to
  // have helped is a courtesy before the "but" as thanks are.
  if (courtesyTold(ctx, split.before)) return true;
  const before = ctx.index.understand(split.before, topic);
  return before.kind === "confident" && isPleasantry(ctx, before.id);
}

/** The advice praised or said to have helped (ui.yaml `praise`, `helped`), not denied (「わかりにくかった」). */
function courtesyTold(ctx: QuestionContext, text: string): boolean {
  const said = mentionsAny(text, ctx.words.praise) || mentionsAny(text, ctx.words.helped);
  return said && !negates(text, ctx.readings) && !mentionsAny(text, ctx.words.deniedHelp);
}

/**
 * A text cut at a "but" that opens a piece after the first (「…、でも」: `opened`), or at the first " but " or
 * clause-closing "but" inside ("thanks but …", 「わかりやすかったけど、…」: ui.yaml `butClosing`), with something
 * on both sides.
 */
function splitAtBut(
  text: string,
  words: QuestionContext["words"],
): { before: string; after: string; opened: boolean } | undefined {
  const pieces = sentencePieces(text);
  const but = pieces.findIndex((p, i) => i > 0 && opensWithBut(p, words));
  const after = but > 0 ? withoutBut(pieces.slice(but).join(""), words) : undefined;
  if (after !== undefined) return { before: pieces.slice(0, but).join(""), after, opened: true };
  const t = fold(text);
  let cut: { at: number; length: number } | undefined;
  for (const w of [" but ", ...words.butClosing]) {
    const at = t.indexOf(w);
    if (at > 0 && (cut === undefined || at < cut.at)) cut = { at, length: w.length };
  }
  if (cut === undefined) return undefined;
  const rest = trimStartOf(t.slice(cut.at + cut.length), BUT_TRAIL);
  return rest === "" ? undefined : { before: t.slice(0, cut.at), after: rest, opened: false };
}
/** What may follow a clause-closing "but" before the clause it turns to (「けど、」「けど…」). */
const BUT_TRAIL: ReadonlySet<string> = new Set([..." 、,，…。"]);

/**
 * 「参考になりましたが、やっぱり戻ってきます」「わかりやすかったけど、容量はどう確かめるの？」: a message that turns at a
 * "but" to a trouble told or a question asked: whatever praise or thanks came before, the advice is not rated
 * as having helped (rated-in-words.ts).
 */
export function turnsAtBut(ctx: Pick<QuestionContext, "words" | "readings">, text: string): boolean {
  const split = splitAtBut(text, ctx.words);
  return split !== undefined && (sentenceAsks(split.after) || troubleTold(ctx, split.after));
}

/** A trouble told: a negation (「届きません」 "didn't"), or things as they were (ui.yaml `typedWords.unchanged`). */
function troubleTold(ctx: Pick<QuestionContext, "words" | "readings">, text: string): boolean {
  return negates(text, ctx.readings) || mentionsAny(text, ctx.words.unchanged);
}

/**
 * A question people tell rather than ask, or one whose telling means something (`statement`, `ifTold`), or
 * an act of the talk (「でもまだわからない」 "still lost" is being lost).
 */
function told(ctx: QuestionContext, id: string): boolean {
  const q = ctx.questions.get(id);
  return q !== undefined && (q.statement === true || q.ifTold !== undefined || isConversationAct(q));
}

/**
 * 「ありがとう、相手に確認してみる」: thanks (or OK, a greeting) and, besides, what the user will do, asked
 * nothing: the pleasantry, not the question whose words the plan shares (how to reach the recipient).
 * Something people tell us (`statement`: 「ありがとう。スマホのアドレスにだけ送れない」) is still answered.
 */
export function toldWithPleasantry(
  ctx: QuestionContext,
  text: string,
  whole: Understanding,
  topic: TopicId | null,
): Understanding {
  if (whole.kind !== "confident" || isPleasantry(ctx, whole.id) || isQuestion(text)) return whole;
  // Told besides an apology or thanks, some questions mean something (`ifTold`, `statement`).
  const q = ctx.questions.get(whole.id);
  if (q?.statement || q?.ifTold) return whole;
  // 「ごめん、全然わからない」: being lost, "that didn't help", a restart or a person is itself what is said.
  if (q && isConversationAct(q)) return whole;
  const pieces = sentencePieces(text);
  if (pieces.length < 2) return whole;
  // 「ごめん、もう一回言って」: what is asked for at the end, besides an apology, is wanted, not a plan told
  // (「設定を見直して、だめだったらまた来ます」: a 「…て、」 inside goes on).
  if (asksFor(pieces[pieces.length - 1]!)) return whole;
  for (const [i, piece] of pieces.entries()) {
    // 「あ、」 of 「あ、全角で打ってたかもしれない」 is a start of noticing, no greeting; 「じゃあ、」 before
    // more (「…なんか、じゃあ、向こうに連絡したらいいんだな」) joins what follows, no goodbye.
    if (canonicalLength(piece, ctx.readings) < 2) continue;
    if (i < pieces.length - 1 && isConnective(piece, ctx.words)) continue;
    if (ctx.index.mayRead?.(piece, topic, pleasantriesOf(ctx), PLEASANTRY_PIECE) === false) continue;
    const u = ctx.index.understand(piece, topic);
    // 「それな、」 matches "OK" only weakly: a piece said as a pleasantry must match one clearly enough.
    const said = (u.candidates[0]?.score ?? 0) >= PLEASANTRY_PIECE;
    if (u.kind === "confident" && isPleasantry(ctx, u.id) && said) return u;
  }
  return whole;
}

/**
 * 「ああ、ドメインの打ち間違いか。納得」「なんだ、ただのお知らせか。安心しました」: a message that closes with an
 * acknowledgement, thanks or goodbye (its last piece alone is that act) and asks nothing before it is that
 * act, though its other words are those of a question about the diagnosis (the cause they now understand,
 * what they will do). A question told as fact (`statement`: 「相手はドコモです、ありがとう」) is still answered.
 */
export function closedByAct(
  ctx: QuestionContext,
  text: string,
  understood: Understanding,
  topic: TopicId | null,
): Understanding {
  if (understood.kind === "confident" && isPleasantry(ctx, understood.id))
    return understood.id === OK_ID ? okThenGoodbye(ctx, text, understood, topic) : understood;
  if (understood.kind === "confident" && ctx.questions.get(understood.id)?.statement) return understood;
  if (hasQuestionMark(text)) return understood;
  const pieces = sentencePieces(text);
  if (pieces.length < 2) return understood;
  // 「…どげんしたらよか」 closes with a question that shares the letters of an act.
  if (pieces.some((p) => sentenceAsks(p) && !realises(p))) return understood;
  // 「時間をおけば勝手に届くやつですか、これ」: a last piece that only points at the mail is the subject said
  // after its question (inverted), no closing act.
  if (pointsOnly(pieces[pieces.length - 1]!)) return understood;
  // Read only where it may close the message: a closing act at any score the reading gives it, or a request (a
  // restart, a person) or a verdict in nearly an example's words (perf44: the index's bound, understand.ts mayRead).
  const lastPiece = pieces[pieces.length - 1]!;
  if (
    ctx.index.mayRead?.(lastPiece, topic, CLOSING_ACTS, 0) === false &&
    ctx.index.mayRead(lastPiece, topic, requestedActsOf(ctx), ASKED_AS_EXAMPLE) === false
  )
    return understood;
  const last = ctx.index.understand(lastPiece, topic);
  if (last.kind !== "confident") return understood;
  if (CLOSING_ACTS.has(last.id)) return last;
  // 「もうわけがわからない、一からお願い」: lost, then asking to start over in the words of a request; that
  // is what is wanted (「…いい加減にしてほしい」 shares only 「してほしい」 with "a person, please"). So is a verdict
  // on the advice that closes what was tried ("I tried what you said and it still bounces, not helpful").
  const does = ctx.questions.get(last.id)?.does ?? "";
  return closesAsRequest(does) && (last.candidates[0]?.score ?? 0) >= ASKED_AS_EXAMPLE ? last : understood;
}

/** What closes a message as what is wanted (closedByAct): a request (a restart, a person) or "that didn't help". */
const closesAsRequest = (does: string) => REQUESTED_ACTS.has(does) || does === "not-helpful";
/** The questions that close a message as a request (closesAsRequest), gathered once per bank. */
function requestedActsOf(ctx: QuestionContext): ReadonlySet<string> {
  let ids = REQUESTS.get(ctx.questions);
  if (ids === undefined) {
    ids = new Set([...ctx.questions.values()].filter((q) => closesAsRequest(q.does ?? "")).map((q) => q.id));
    REQUESTS.set(ctx.questions, ids);
  }
  return ids;
}
const REQUESTS = new WeakMap<ReadonlyMap<string, Question>, ReadonlySet<string>>();

/** A piece that is only a word pointing at the thing at hand (「これ」「それ」 "this"), marks left out. */
function pointsOnly(piece: string): boolean {
  return POINTERS.has(trimEndOf(fold(piece).trim(), SENTENCE_END).trim());
}
const POINTERS = new Set([
  "これ",
  "それ",
  "こいつ",
  "コレ",
  "これって",
  "それって",
  "this",
  "that",
  "this one",
]);

/** 「了解です、ではまた」 "alright, I'll leave it there. bye!": an OK that opens, a goodbye that closes: goodbye. */
function okThenGoodbye(
  ctx: QuestionContext,
  text: string,
  understood: Understanding,
  topic: TopicId | null,
): Understanding {
  const pieces = sentencePieces(text);
  if (pieces.length < 2) return understood;
  // Said in nearly a goodbye's words (「では」 of 「そのようにいたします」 is no goodbye).
  if (ctx.index.mayRead?.(pieces[pieces.length - 1]!, topic, GOODBYE, ASKED_AS_EXAMPLE) === false)
    return understood;
  const last = ctx.index.understand(pieces[pieces.length - 1]!, topic);
  const clear = (last.candidates[0]?.score ?? 0) >= ASKED_AS_EXAMPLE;
  return last.kind === "confident" && last.id === GOODBYE_ID && clear ? last : understood;
}

/**
 * 「了解！急ぎじゃないので大丈夫です」: a message that opens with an OK, thanks or a goodbye said in nearly an
 * example's words and asks nothing, whose whole says nothing clearly: that act (what follows tells how things
 * stand for the user). Not before a "but" (「ありがとう、でも…」: what follows is meant).
 */
export function openedByAct(
  ctx: QuestionContext,
  text: string,
  understood: Understanding,
  topic: TopicId | null,
): Understanding {
  if (understood.kind === "confident" || hasQuestionMark(text)) return understood;
  const pieces = sentencePieces(text);
  if (pieces.length < 2 || pieces.some((p) => sentenceAsks(p) && !realises(p))) return understood;
  if (pieces.some((p, i) => i > 0 && opensWithBut(p, ctx.words))) return understood;
  if (ctx.index.mayRead?.(pieces[0]!, topic, CLOSING_ACTS, ACT_AS_EXAMPLE) === false) return understood;
  const first = ctx.index.understand(pieces[0]!, topic);
  const clear = (first.candidates[0]?.score ?? 0) >= ACT_AS_EXAMPLE;
  return first.kind === "confident" && CLOSING_ACTS.has(first.id) && clear ? first : understood;
}

/**
 * 「ありがとー！またよろしく」「お世話様でした。それでは」: close to thanks, a goodbye and a greeting at once, and
 * to nothing else. Which of them is no choice to offer (「もしかして…」 with three pleasantries): the likeliest
 * that closes a talk (a greeting would start it again), else the likeliest.
 */
export function amongPleasantries(
  ctx: QuestionContext,
  text: string,
  understood: Understanding,
): Understanding {
  const { candidates } = understood;
  if (understood.kind !== "unsure" || candidates.length === 0) return understood;
  // 「じゃあまた」「またね〜」: a pleasantry of a few letters that asks nothing is that pleasantry; what else
  // comes close shares a syllable with it (「また」 of "send it again"), not a question.
  const few = isShortReaction(ctx, text) && !isQuestion(text);
  if (few && isPleasantry(ctx, candidates[0]!.id))
    return { kind: "confident", id: candidates[0]!.id, candidates };
  if (!candidates.every((c) => isPleasantry(ctx, c.id))) return understood;
  // 「ちょっと聞きたいことがあるんですが」: a wish to ask opens a talk (wish-to-ask.ts), whatever its closing matched.
  const opens = wishesToAsk(text, ctx.words) !== undefined;
  const chosen = candidates.find((c) => CLOSING_ACTS.has(c.id) !== opens) ?? candidates[0]!;
  return { kind: "confident", id: chosen.id, candidates };
}

/**
 * 「こんにちは。養蜂をやっている者です」「歯科技工士です、こんばんは」: a greeting beside who the writer is (a piece
 * that closes as an introduction does, 「…者です」「…と申します」, and names no mail), asking and telling nothing
 * else: the greeting (the answer asks what they need). 「こんにちは。エラーメールが来たんです」 tells the trouble.
 */
export function introducedWithGreeting(
  ctx: QuestionContext,
  text: string,
  understood: Understanding,
  topic: TopicId | null,
): Understanding {
  if (understood.kind === "confident" || !ctx.questions.has(GREETING_ID) || isQuestion(text))
    return understood;
  const pieces = sentencePieces(text);
  if (pieces.length < 2 || pieces.length > MAX_INTRODUCED_PIECES) return understood;
  let greeting: Understanding | undefined;
  for (const piece of pieces) {
    const u = ctx.index.understand(piece, topic);
    if (u.kind === "confident" && u.id === GREETING_ID && (u.candidates[0]?.score ?? 0) >= PLEASANTRY_PIECE)
      greeting ??= u;
    else if (!introduces(ctx, piece)) return understood;
  }
  return greeting ?? understood;
}
/** An introduction and a greeting, maybe a second line of who they are: more is a story. */
const MAX_INTRODUCED_PIECES = 3;
function introduces(ctx: QuestionContext, piece: string): boolean {
  const end = trimEndOf(fold(piece).trim(), SENTENCE_END);
  if (!INTRODUCTIONS.some((e) => end.endsWith(e)) || EXPLAINING.some((e) => end.endsWith(e))) return false;
  return !mentionsAny(end, MAIL_WORDS) && !troubleTold(ctx, end);
}
const INTRODUCTIONS = ["です", "でーす", "と申します", "といいます", "と言います"];
/** 「…来たんです」「…なのです」: an explanation of what happened, not who they are. */
const EXPLAINING = ["んです", "のです"];
const MAIL_WORDS = ["メール", "めーる", "mail", "エラー", "送", "届", "戻", "アドレス", "返信"];

/**
 * 「私のせいじゃないならよかったです」 "not my fault then, what a relief": relief at what was said, closing a
 * message that asks nothing (ui.yaml `typedWords.relief`, at its very end), is an OK, whatever question its
 * other words name (whose side, said back as the condition of the relief).
 */
export function reliefTold(ctx: QuestionContext, text: string, understood: Understanding): Understanding {
  if (!ctx.questions.has(OK_ID) || hasQuestionMark(text)) return understood;
  const folded = withoutClosingMarks(fold(text));
  if (!ctx.words.relief.some((r) => folded.endsWith(r))) return understood;
  return { kind: "confident", id: OK_ID, candidates: understood.candidates };
}

/**
 * 「なんだよ、自分で打ち間違えてたのかよ笑」「全角だっただけかｗ」「いっぱいなだけか笑 焦って損した」: the cause realised
 * (a sentence closing in 「か」「かよ」) and laughed at, in a message that asks nothing, closes the matter as
 * 「…か。納得」 does: an OK, whatever question the cause's words name (dotted address, full width, the diagnosis
 * in plain words). With a question (「…だったのか笑 半角にすれば送れる？」) the question is answered. Plain scans.
 */
export function laughedAtRealised(
  ctx: QuestionContext,
  text: string,
  understood: Understanding,
): Understanding {
  if (!ctx.questions.has(OK_ID) || hasQuestionMark(text)) return understood;
  const pieces = sentencePieces(cutAfterLaughs(fold(text)));
  const asks = (p: string) => sentenceAsks(p) && !realisedWithLaugh(p) && !OPENERS.has(trimEndOf(p, CLOSING));
  if (pieces.some(asks)) return understood;
  if (!pieces.some(realisedWithLaugh)) return understood;
  return { kind: "confident", id: OK_ID, candidates: understood.candidates };
}
/**
 * 「なんだ自動返信か、びっくりした〜」「なーんだ、ただの自動応答だったのか」 "oh, it's just an auto-reply": what it turned
 * out to be, opened by the sigh of 「なんだ」 and closed by 「か」 (no wondering why: 「なんだ、なんで戻ったのか」 asks),
 * with nothing asked after it, is understanding said aloud: an OK, not "what does it mean" (the words of the
 * diagnosis it names). A start told after it is over (feelings/passed.ts). Not 「なんだか」 ("somehow").
 */
export function realisedAfterSigh(
  ctx: QuestionContext,
  text: string,
  understood: Understanding,
): Understanding {
  if (!ctx.questions.has(OK_ID) || hasQuestionMark(text)) return understood;
  const t = fold(text).trimStart();
  const sigh = REALISING_SIGHS.find((s) => t.startsWith(s) && !t.startsWith("か", s.length));
  if (sigh === undefined) return understood;
  const pieces = sentencePieces(t.slice(sigh.length));
  const realised = pieces.find((p) => trimEndOf(p, CLOSING) !== "");
  if (realised === undefined) return understood;
  const body = trimEndOf(trimEndOf(realised.trim(), CLOSING), LAUGHS);
  if (!(body.endsWith("か") || body.endsWith("のね")) || mentionsAny(body, WONDERING)) return understood;
  if (mentionsAny(body, AGAIN_WORDS) || pieces.some((p) => p !== realised && sentenceAsks(p)))
    return understood;
  return { kind: "confident", id: OK_ID, candidates: understood.candidates };
}
/** The sighs of "oh, that's all" (not 「なんだよ」, which may be annoyance). */
const REALISING_SIGHS = ["なーんだ", "なあんだ", "なんだー", "なんだぁ", "なんだ", "なんや"];
/** 「なんだ、また戻ってきたのか」: the trouble again, a disappointment, not a relief. */
const AGAIN_WORDS = ["また", "まだ"];
/** A laugh (笑, w's) closing a sentence before a space: cut there, as a mark would (a hand scan). */
function cutAfterLaughs(t: string): string {
  let out = "";
  for (let i = 0; i < t.length; i++) {
    out += t[i];
    if (LAUGHS.has(t[i]!) && t[i + 1] === " ") out += "。";
  }
  return out;
}
/** A sentence closing in 「…か」「…かよ」 before its laugh: something realised and laughed at (not 「笑えない」). */
function realisedWithLaugh(piece: string): boolean {
  const end = trimEndOf(piece.trim(), CLOSING);
  const laugh = trimEndOf(end, LAUGHS);
  if (laugh === end || laugh.length < 3) return false;
  const body = laugh.endsWith("かよ") ? laugh.slice(0, -2) : laugh.endsWith("か") ? laugh.slice(0, -1) : "";
  return REALISED_ENDS.some((e) => body.endsWith(e)) && !mentionsAny(body, WONDERING);
}
/**
 * What is realised ends so: 「…たのか」「…なだけか」「…だったか」; not a complaint's 「…じゃんか」. (Read as a question,
 * 「…たの」 asks: the end before 「か」 is enough here, with no word that wonders why or how.)
 */
const REALISED_ENDS = ["の", "だけ", "た"];
const WONDERING = ["なんで", "なぜ", "どう", "何", "いつ", "どこ", "誰", "why", "how"];
/** 「なんだよ、」「なーんだ、」: the sigh that opens what is realised asks nothing ("what" only in form). */
const OPENERS = new Set(["なんだ", "なんだよ", "なあんだ", "なんや", "なんだよお"]);
const LAUGHS = new Set([..."笑w"]);

/**
 * 「説明がわかりやすくて助かった」 "great explanation, really clear": the explanation praised (ui.yaml
 * `typedWords.praise`), in a message that asks and wants nothing and neither negates nor turns with a "but", is
 * thanks, not "say it in plain words" (whose examples share わかりやすく, 説明, "explain", "clear").
 */
export function praiseTold(ctx: QuestionContext, text: string, understood: Understanding): Understanding {
  if (!ctx.questions.has(THANKS_ID) || isQuestion(text)) return understood;
  const folded = fold(text);
  if (!mentionsAny(folded, ctx.words.praise) || mentionsAny(folded, ctx.words.praiseNot)) return understood;
  if (
    negates(text, ctx.readings) ||
    opensWithBut(text, ctx.words) ||
    withoutBut(text, ctx.words) !== undefined
  )
    return understood;
  if (sentencePieces(text).some(wants)) return understood;
  return { kind: "confident", id: THANKS_ID, candidates: understood.candidates };
}

/**
 * 「えいごばっかでいみふ」「英語ばかりで読めない」 "it's all english, i cant read it": the English of a mail (or of
 * the answer) told unreadable (ui.yaml `typedWords.englishNamed` and `unreadable`), asking nothing, is being lost:
 * plain words after a diagnosis, the paste help without (not what returned mail is, nor small talk).
 */
export function englishLost(ctx: QuestionContext, text: string): Understanding | undefined {
  if (!ctx.questions.has(CONFUSED_ID) || text.length > MAX_ENGLISH_LOST_CHARS || isQuestion(text))
    return undefined;
  if (!mentionsAny(text, ctx.words.englishNamed) || !mentionsAny(text, ctx.words.unreadable))
    return undefined;
  return { kind: "confident", id: CONFUSED_ID, candidates: [{ id: CONFUSED_ID, score: 1 }] };
}
/** Longer, a message tells more than that it cannot read English. */
const MAX_ENGLISH_LOST_CHARS = 60;

/**
 * 「誰か助けて」「だれか手伝ってくれる人いない？」 "somebody please help me": someone's help called for (ui.yaml
 * `typedWords.someoneHelp`) asks for a person, not "are you a person?" (誰か) nor only a feeling (助けて), unless
 * something is asked besides.
 */
export function someoneHelpAsked(ctx: QuestionContext, text: string): Understanding | undefined {
  const person = [...ctx.questions.values()].find((q) => q.does === "ask-person");
  if (!person || !mentionsAny(text, ctx.words.someoneHelp)) return undefined;
  // 「誰か助けて、何MBまで送れるの？」: a question asked besides is what to answer.
  const besides = sentencePieces(text).filter((p) => !mentionsAny(p, ctx.words.someoneHelp));
  if (besides.some(sentenceAsks)) return undefined;
  return { kind: "confident", id: person.id, candidates: [{ id: person.id, score: 1 }] };
}

/**
 * "how are you?" 「お元気ですか」: asked how the assistant is (ui.yaml `typedWords.howAreYou`), with nothing else said
 * but a few letters ("hi! how r u today?") or another pleasantry, opens a chat: a greeting, answered in the
 * language it was typed in (not "are you a person?", whose examples share "are you").
 */
export function howAreYouAsked(
  ctx: QuestionContext,
  text: string,
  understood: Understanding,
  topic: TopicId | null,
): Understanding {
  if (!ctx.questions.has(GREETING_ID) || text.length > MAX_HOW_ARE_YOU_CHARS) return understood;
  const folded = fold(text);
  if (!mentionsAny(folded, ctx.words.howAreYou)) return understood;
  const rest = withoutWords(folded, ctx.words.howAreYou);
  if (!isShortReaction(ctx, rest)) {
    const besides = ctx.index.understand(rest, topic);
    if (besides.kind !== "confident" || !isPleasantry(ctx, besides.id)) return understood;
  }
  return { kind: "confident", id: GREETING_ID, candidates: understood.candidates };
}
/** Longer, a message says more than a how-are-you. */
const MAX_HOW_ARE_YOU_CHARS = 60;

/**
 * 「担当者と電話できますか」「電話で対応してくれる人いる？」 "is there anyone I can call": a person asked for, or
 * whether a person answers, with a call named (ui.yaml `typedWords.calling`) asks for a phone line: the phone
 * question (no number is known, and it says so), not the hand-over to the community nor "I am a program".
 * Read where the likeliest (clearly or among a few) is one of those two.
 */
export function callNamed(ctx: QuestionContext, text: string, understood: Understanding): Understanding {
  const top = understood.candidates[0];
  if (understood.kind === "none" || !top || !ctx.questions.has(PHONE_ID)) return understood;
  const asked = understood.kind === "confident" ? understood.id : top.id;
  if (asked !== IS_PERSON_ID && ctx.questions.get(asked)?.does !== "ask-person") return understood;
  if (!mentionsAny(fold(text), ctx.words.calling)) return understood;
  return { kind: "confident", id: PHONE_ID, candidates: understood.candidates };
}
/** Can I phone someone; am I talking to a person (callNamed). */
const PHONE_ID = "phone";
const IS_PERSON_ID = "is-person";

/**
 * 「まあまあかな」「微妙」 "meh, sort of": the advice rated lukewarm (ui.yaml `typedWords.lukewarm`) with a diagnosis on
 * screen, saying little else and asking nothing, is no "yes" to "was this helpful?": being lost where it names
 * understanding (「半分くらいわかった」: plain words), else "that didn't help" (the apology and people to ask).
 */
export function ratedLukewarm(
  ctx: QuestionContext,
  text: string,
  understood: Understanding,
  topic: TopicId | null,
): Understanding {
  if (topic === null) return understood;
  // 「まあまあかな」: a closing 「かな」 muses, it asks nothing.
  const folded = withoutMusing(withoutClosingMarks(fold(text)));
  if (hasQuestionMark(text) || isQuestion(folded)) return understood;
  if (!mentionsAny(folded, ctx.words.lukewarm)) return understood;
  const named = mentionsAny(folded, ctx.words.understanding);
  const rest = withoutFillers(
    withoutWords(withoutWords(folded, ctx.words.lukewarm), ctx.words.understanding),
  );
  // What is left names nothing (「まあまあ急ぎです」 tells how urgent, no rating): a few letters, no kanji or katakana.
  if (canonicalLength(rest, ctx.readings) > MAX_LUKEWARM_REST || CONTENT_LETTER.test(rest)) return understood;
  const id = named ? CONFUSED_ID : NOT_HELPFUL_ID;
  return ctx.questions.has(id) ? { kind: "confident", id, candidates: understood.candidates } : understood;
}

/** Letters a lukewarm rating may have besides its words (「半分ぐらいはわかった」 leaves 「ぐらいはった」). */
const MAX_LUKEWARM_REST = 8;
/** A kanji or katakana letter: a word that names something. */
const CONTENT_LETTER = /[\p{Script=Han}\p{Script=Katakana}]/u;

/** A text without a closing 「かな」 (「まあまあかな」 "so-so, I guess"), which muses rather than asks. */
function withoutMusing(text: string): string {
  const musing = MUSINGS.find((m) => text.endsWith(m));
  return musing === undefined ? text : text.slice(0, -musing.length);
}
const MUSINGS = ["かなあ", "かなー", "かな〜", "かな"];

/**
 * 「もういいよ、何回聞いても同じ答えしか返ってこない」 "forget it, this is pointless": a dismissal opening the message
 * (ui.yaml `typedWords.dismissal`) and a complaint after it (felt, or a trouble told), asking nothing, is "that didn't help" (the apology and
 * people to ask), not the question the complaint's words share; alone (「もういいです」) or before thanks, a goodbye
 * or a request (a person, a restart), it stays what it was read as.
 */
export function dismissedWithComplaint(
  ctx: QuestionContext,
  text: string,
  understood: Understanding,
  topic: TopicId | null,
  felt: boolean,
): Understanding {
  if (!ctx.questions.has(NOT_HELPFUL_ID)) return understood;
  const pieces = sentencePieces(text);
  if (pieces.length < 2) return understood;
  const first = fold(pieces[0]!).trimStart();
  if (!ctx.words.dismissal.some((d) => first.startsWith(d))) return understood;
  const rest = pieces.slice(1).join("");
  // 「何回聞いても」 counts the tries: its 何 asks nothing.
  if (pieces.slice(1).some((p) => sentenceAsks(withoutCounts(p)) || wants(p))) return understood;
  // A complaint: said with feeling, or a trouble told (「もういいです。相手に電話します」 tells a plan: as read).
  if (!felt && !troubleTold(ctx, rest)) return understood;
  const read = ctx.index.understand(rest, topic);
  const q = read.kind === "confident" ? ctx.questions.get(read.id) : undefined;
  if (q && q.id !== NOT_HELPFUL_ID && (isPleasantry(ctx, q.id) || isConversationAct(q))) return understood;
  return { kind: "confident", id: NOT_HELPFUL_ID, candidates: understood.candidates };
}

/** A text without the marks, emoji and spaces that close it (「…よかったです！😊」). */
function withoutClosingMarks(text: string): string {
  let end = text.length;
  while (end > 0 && !/[\p{L}\p{N}]/u.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/**
 * 「やってみます！ありがとね」「了解です、助かりました」: an OK and thanks in one message is thanks (what the
 * user will do, 「やってみます」, is said in the words of an OK). A greeting that also thanks (「どうもどうも」:
 * `typedWords.thanking`), said under an answer, is thanks: nothing is opened there.
 */
export function thanksOverOk(
  ctx: QuestionContext,
  text: string,
  understood: Understanding,
  topic: TopicId | null,
): Understanding {
  if (understood.kind === "confident" && understood.id === GREETING_ID && topic !== null)
    return mentionsAny(text, ctx.words.thanking) ? { ...understood, id: THANKS_ID } : understood;
  if (understood.kind !== "confident" || understood.id !== OK_ID) return understood;
  const pieces = sentencePieces(text);
  if (pieces.length < 2) return understood;
  for (const piece of pieces) {
    const u = ctx.index.understand(piece, topic);
    if (u.kind === "confident" && u.id === THANKS_ID) return u;
  }
  return understood;
}
