import { fold, nfkc } from "../../knowledge/fold.ts";
import type { TopicId } from "../../knowledge/types.ts";
import { CLOSING } from "../marks.ts";
import { includesAny, mentionsAny, trimEndOf } from "../text.ts";
import {
  asksIndirectly,
  clausesOf,
  conditionOf,
  isQuestion,
  MIN_TOLD_CHARS,
  sentenceAsks,
  sentencesOf,
} from "../understand/asking.ts";
import { ordersBluntly } from "../understand/feelings/anger.ts";
import { withoutQuoted } from "../understand/feelings/quoted.ts";
import { saysSomething, typedInKana } from "../understand/feelings/says.ts";
import { asksTermMeaning } from "../understand/frames.ts";
import { canonicalLength } from "../understand/normalize.ts";
import { THRESHOLDS } from "../understand/thresholds.ts";
import { answersEveryFailure, MAX_QUESTION_CHARS, type Understanding } from "../understand/understand.ts";
import { complains, fitsScreen, isConversationAct, isFrame, isGeneral, isPleasantry } from "./answers.ts";
import type { QuestionContext, UpsetContext } from "./context.ts";
import { preferred, wantEnd, wanted } from "./question.ts";
import { asksFor, endsAsQuestion, namesPerson, removedFrom, triedInVain, wants } from "./scans.ts";
import {
  ACT_AS_EXAMPLE,
  CALM_CLEAR,
  CALMLY_ASKED,
  MAX_UPSET_CLAUSES,
  MIN_UPSET_REST_CHARS,
  PIECE_ASKED,
  PLAIN_ASKED_LEAD,
  REQUEST_OVER_STORY,
  UPSET_CLEAR,
  UPSET_FITTING,
  UPSET_FITTING_TOLD,
  UPSET_TOLD,
} from "./thresholds.ts";

/**
 * Which question an upset message asks (words of feeling found: feeling.ts). Words of feeling are no part
 * of what is asked (「怖い…ウイルスですか？」 asks about a virus; 「急いでるのに送れない！どうしたらいいの」):
 * a question is read without them, which no example holds and which would only dilute its match. A message
 * that asks nothing besides them keeps its whole reading, but only if its words besides the feeling say the
 * same (「困りました…」 is no "OK", though 「ました」 is in 「わかりました」) or are something people tell
 * (「最悪、役に立たない」); 「何度送っても届かない、最悪」 is no question 「届かない？」.
 */
export function readUpset(
  ctx: UpsetContext,
  text: string,
  topic: TopicId | null,
  hurried = false,
): Understanding {
  const calm = ctx.feelings.withoutFeelingWords(text);
  const read = askedInPieces(ctx, calm, upsetReading(ctx, text, calm, topic, hurried), topic);
  // 「時間がないの、今すぐ届けたい」 "in a hurry, need to send this today": the mail they must get out, told beside
  // the feeling, is what is at stake, not "what comes of sending it again" (resend, read by its verb alone):
  // nothing is asked, so the diagnosis's steps (dialogs/README.md, the round 28 rule).
  const stake = topic !== null && read.kind === "confident" && stakeTold(ctx, calm, read.id);
  return stake || pleaOnly(ctx, text, calm, read) ? { kind: "none", candidates: read.candidates } : read;
}

/**
 * 「困ってます、助けてください」 "Please hurry, it's urgent": a plea that says nothing besides its words of feeling
 * (only endings are left: 「ます、ください」) and names no person is no request for a person, though those endings
 * are a person's examples' (「…お願いします」): with nothing else to go on, the next step helps them more (the paste
 * help, or the steps of the diagnosis on screen). A person asked for in words (「人につないで」) still is one.
 */
function pleaOnly(ctx: UpsetContext, text: string, calm: string, read: Understanding): boolean {
  return (
    read.kind === "confident" &&
    ctx.questions.get(read.id)?.does === "ask-person" &&
    !saysSomething(calm) &&
    !namesPerson(text, ctx.words)
  );
}

/**
 * 「相手に連絡しろって、そんなのとっくにわかってるんですけど？」「…しろなんて言われなくてもわかってます」「…しろって
 * そればっかりじゃん」: the advice on screen quoted back as an order, beside "I know that" or "always that", is a
 * verdict on the advice ("that didn't help"), not the question of what it quotes. So is the advice said back in
 * quotation marks or as a way out taken, beside "heard it before" or scorn (「はいはい、また『相手側の問題』ですか。便利な
 * 言葉ですね」 "blame the recipient again. very convenient.", round 39). A hand scan of two lists (ui.yaml typedWords
 * quotedOrders, knownAlready) and of the quotation marks.
 */
export function knownAlready(
  ctx: UpsetContext,
  text: string,
  topic: TopicId | null,
): Understanding | undefined {
  if (topic === null) return undefined;
  const t = fold(text);
  if (!includesAny(t, ctx.words.knownAlready)) return undefined;
  // 「はいはい、また『相手側の問題』ですか。便利な言葉ですね」: words in quotation marks are the advice said back too.
  if (!includesAny(t, ctx.words.quotedOrders) && withoutQuoted(t) === t) return undefined;
  const q = [...ctx.questions.values()].find((x) => x.does === "not-helpful");
  return q ? { kind: "confident", id: q.id, candidates: [{ id: q.id, score: 1 }] } : undefined;
}

/**
 * 「それじゃAIの意味ないじゃん。人に聞かせてよ」「何度聞いても同じ答えしか返ってこない。人と話させて」: a person
 * asked for by name, as a request, a want or an order, in the last piece of an upset message is what they want, whatever
 * the anger before it says of the talk ("that didn't help"). `calm`: the text without its words of feeling.
 */
export function personAskedLast(
  ctx: UpsetContext,
  calm: string,
  topic: TopicId | null,
): Understanding | undefined {
  const pieces = clausesOf(calm.slice(0, MAX_QUESTION_CHARS));
  const last = pieces.at(-1);
  if (last === undefined || !namesPerson(last, ctx.words)) return undefined;
  // 「機械じゃなくて人を出せ」: a person barked for in the plain imperative is asked for too.
  if (!wants(trimEndOf(last.trim(), CLOSING_PARTICLES)) && !ordersBluntly(nfkc(last))) return undefined;
  const u = ctx.index.understand(last, topic);
  if (u.kind === "confident") return ctx.questions.get(u.id)?.does === "ask-person" ? u : undefined;
  // 「機械じゃなくて人を出せ」: the person named and asked for comes close to "that didn't help" (the machine
  // scorned): among the close readings of a piece that names a person and asks for one, the person is meant.
  const top = u.candidates[0]?.score ?? 0;
  const person = u.candidates.find(
    (c) => ctx.questions.get(c.id)?.does === "ask-person" && c.score >= THRESHOLDS.ratio * top,
  );
  return person && top >= THRESHOLDS.confident
    ? { kind: "confident", id: person.id, candidates: u.candidates }
    : undefined;
}
/** 「聞かせてよ」「代わってね」: a request said with a closing particle (and its marks) is still one. */
const CLOSING_PARTICLES = new Set([..."よねなー〜~!！。. "]);

function upsetReading(
  ctx: UpsetContext,
  text: string,
  calm: string,
  topic: TopicId | null,
  hurried: boolean,
): Understanding {
  const rest = ctx.index.understand(calm, topic);
  const restId = rest.kind === "confident" ? rest.id : undefined;
  const restScore = rest.candidates[0]?.score ?? 0;
  // The whole message, read only where needed (the question index is the costliest step).
  let wholeOnce: Understanding | undefined;
  const wholeRead = () => (wholeOnce ??= ctx.index.understand(text, topic));
  // What is left may be a bare ending (「ください」 of 「助けてください」): it must match well, or say
  // what the whole says.
  // 「ボットじゃ話にならない、人を出して」: a person asked for among the anger, by name, is what they want.
  const person = wanted(ctx, ctx.questions.get(rest.candidates[0]?.id ?? ""), calm);
  if (person?.does === "ask-person" && namesPerson(calm, ctx.words) && restScore >= UPSET_FITTING)
    return { kind: "confident", id: person.id, candidates: rest.candidates };
  // 「役立たずだな」 "this is useless": the word of feeling is itself the verdict on the answer (taken out,
  // it alone reads as "that didn't help"; a plain 「最悪」 does not). Read with it, the message is that,
  // unless something is asked besides. The whole first: it is read below anyway on most paths, and where it does
  // not read "that didn't help" the word of feeling needs no reading of its own (perf38b).
  if (
    !isQuestion(calm) &&
    complains(ctx, wholeRead()) &&
    complains(ctx, ctx.index.understand(removedFrom(ctx.feelings.withoutExceptions(text), calm), topic))
  )
    return wholeRead();
  if (isQuestion(calm) && restScore >= CALM_CLEAR) return rest;
  // 「他の人には届いてるのか心配で」「読んだのか読んでないのか分からなくてモヤモヤする」: a question embedded in the
  // feeling (asking.ts asksIndirectly) is asked: the question it reads, named clearly enough, whatever is on screen.
  const indirectly = !isQuestion(calm) && asksIndirectly(text);
  if (
    indirectly &&
    restId !== undefined &&
    !isPleasantry(ctx, restId) &&
    !isFrame(ctx, restId) &&
    restScore >= UPSET_FITTING_TOLD
  )
    return rest;
  const asked = isQuestion(calm) || indirectly;
  // With nothing on screen, a question asked besides the feeling is read as it would be asked calmly
  // (「大きいファイルってどうやって送るのよ💢」, 「…ここに貼ったメールって、どこかに残るんですか」): the
  // story around it too (askingSentences), as long as what is left is more than an ending.
  const calmly = topic === null ? calmlyAsked(ctx, calm) : undefined;
  if (calmly !== undefined) return calmly;
  // 「ういるすかな こわい」: typed in kana alone, what is left shows no word in kanji or katakana (saysSomething),
  // though the index reads it clearly: the question it reads, with or without a diagnosis that it fits.
  if (
    restId !== undefined &&
    restScore >= CALM_CLEAR &&
    !isPleasantry(ctx, restId) &&
    !isFrame(ctx, restId) &&
    (topic === null || fitsScreen(ctx, restId, topic)) &&
    canonicalLength(calm, ctx.readings) >= MIN_UPSET_REST_CHARS &&
    typedInKana(text)
  )
    return rest;
  // A want or a guess said among the feeling (「ふざけんな、so-netのせいだろこれ」「パスワード盗まれたのか
  // も…こわい」) that one of the diagnosis's own questions answers is that question, asked or not: the
  // apology, then that answer, not the steps again. What is left must be more than an ending.
  if (
    restId !== undefined &&
    topic !== null &&
    !isPleasantry(ctx, restId) &&
    fitsScreen(ctx, restId, topic) &&
    // The diagnosis said again, not asked about (「相手のアカウントが止まってるって…どうしよう」), is
    // the situation told: not "what does it mean".
    (asked || !isFrame(ctx, restId)) &&
    // In a hurry and asking nothing (「今日中に届かないと困る」 "I have a deadline today", "meeting in ten minutes and
    // nothing sends"): what is at stake told, not a guess (round 28's rule, stakeTold): the steps.
    (asked || !hurried || ctx.questions.get(restId)?.statement === true || guessesOrWants(ctx, text, calm)) &&
    restScore >= (asked ? UPSET_FITTING : UPSET_FITTING_TOLD) &&
    canonicalLength(calm, ctx.readings) >= MIN_UPSET_REST_CHARS &&
    saysSomething(calm)
  )
    return rest;
  // The whole, diluted by the feeling, counts when it matches clearly (or is no returned mail at
  // all: 「迷惑メールが毎日届いて困ってる」) and says what the rest says.
  const whole = wholeRead();
  const wholeScore = whole.candidates[0]?.score ?? 0;
  const wholeClear = wholeScore >= UPSET_CLEAR || ctx.questions.get(restId ?? "")?.notBounce === true;
  if (whole.kind === "confident" && whole.id === restId && wholeClear) return whole;
  if (
    ctx.questions.get(restId ?? "")?.statement &&
    restScore >= UPSET_TOLD &&
    canonicalLength(calm, ctx.readings) >= MIN_UPSET_REST_CHARS
  )
    return rest;
  return { kind: "none", candidates: whole.candidates };
}

/**
 * 「急いでるのに、so-netのせいだろこれ」「締め切り前なのにウイルスかも」 "rushing, and I bet it's their server": a
 * guess, a blame or a want said beside a hurry, which one of the diagnosis's questions answers though nothing is
 * asked. The hurry with only the situation told (「今日中に先方に届かないと困る」 "I have a deadline today",
 * "meeting in ten minutes and nothing sends") asks nothing: what is left of it (「に先方に届いて…」 "i have a
 * today") matched a question (wait, whose side) weakly by its words of sending, arriving or its frame. A plain scan
 * of the text without its words of feeling (NFKC, lower case), and of the text for a fear or tries counted
 * (ui.yaml typedWords hurriedGuesses, fearedOutcome).
 */
function guessesOrWants(ctx: UpsetContext, text: string, calm: string): boolean {
  const t = nfkc(calm).toLowerCase();
  if (ctx.words.hurriedGuesses.some((w) => t.includes(w)) || wants(calm)) return true;
  // A fear of how it ends ("worried it won't get there in time": its words of feeling are not in `calm`) guesses
  // it; tries counted ("the third time this week") tell that it keeps failing, which the diagnosis answers
  // (ui.yaml feelings.triesAnswer).
  const whole = nfkc(text).toLowerCase();
  return ctx.words.fearedOutcome.some((w) => whole.includes(w)) || triedInVain(text, ctx.words);
}

/**
 * 「今日中に送らないといけない」「今すぐ届けたい」 "I have to send it right now": a need or a want to send, told and not
 * asked, read as the question of what comes of sending again (`asksOutcome: after-fixing`, resend). A want
 * (〜たい) or a need (〜ないと; "need to") told: ui.yaml typedWords stakes.
 */
function stakeTold(ctx: UpsetContext, calm: string, restId: string | undefined): boolean {
  if (restId === undefined || ctx.questions.get(restId)?.asksOutcome !== "after-fixing") return false;
  const t = nfkc(calm).toLowerCase();
  if (!includesAny(t, ctx.words.stakes)) return false;
  // A want that closes the message (「届けたい」) is told here, though a request's ending elsewhere (「…を知りたい」).
  const told = trimEndOf(t.trim(), CLOSING);
  return !isQuestion(told.endsWith("たい") ? told.slice(0, -"たい".length) : told);
}

/**
 * 「相手のアカウントが止まってるって、もう連絡手段ないの？」「アドレス合ってるはずなのに。もう一回送ればいいの？」:
 * what an upset message asks is in the pieces that ask (sentences and parts between commas, each read
 * alone with the diagnosis on screen); the pieces that tell (the diagnosis said again, the story) are the
 * situation, whose words only dilute the question or win over it. The clearest question of ours among the
 * asking pieces (no frame, no pleasantry; with a diagnosis on screen, one that fits it) replaces the
 * reading of the whole when the whole reads nothing clearly, or reads what a telling piece says. Where the
 * whole reads what an earlier asking piece asks, the last asking piece is the question.
 */
function askedInPieces(
  ctx: UpsetContext,
  calm: string,
  whole: Understanding,
  topic: TopicId | null,
): Understanding {
  // 「しらないひとあてのえらーがいっぱいくる のっとられたのかな こわい」: typed in kana alone, spaces part the clauses
  // where kanji would have shown where words begin, and what the pieces say is in kana.
  const kana = calm.includes(" ") && typedInKana(calm);
  const clauses = clausesOf(calm.slice(0, MAX_QUESTION_CHARS));
  const pieces = kana ? clauses.flatMap((c) => c.split(" ")) : clauses;
  // Each piece is read on its own: a run of commas (hostile, or a list) is no story with a question in it.
  if (pieces.length < 2 || pieces.length > MAX_UPSET_CLAUSES) return whole;
  let best: Understanding | undefined;
  let bestPiece = "";
  // 「役に立たない、相手に連絡しろってそればっかりじゃん」: a piece that is itself a verdict on the talk ("that
  // didn't help", a restart, a person), in nearly an example's words, is what is said when nothing is asked.
  let act: Understanding | undefined;
  const told = new Set<string>();
  // 「入力ミスだって？…じゃあ確認の仕方を教えなさいよ」「乗っ取られてない？パスワード変えるべき？」: of several
  // questions, the first often says the diagnosis or the fear again; the last asks what to do about it.
  let last: Understanding | undefined;
  const earlier = new Set<string>();
  // What the pieces that ask read, frames too (「こっちはどうしろと」): the request, against the story.
  const requested = new Set<string>();
  // 「説明が難しすぎてイヤになる。もっと簡単に言って」: the diagnosis asked for in plain words, in a piece of its own.
  let plainAsked: Understanding | undefined;
  let plainAskedAt = -1;
  // What the message's last piece asks, read as it was read below (no read of its own).
  let closing: Understanding | undefined;
  // The meaning of a word asked in a piece of its own (「ブロックリストって何ですか？」), read so.
  let termAsked: Understanding | undefined;
  const lastPiece = pieces.at(-1);
  const readPiece = (p: string, at: number) => {
    const restated = restatedCondition(ctx, p, topic);
    // The condition tells what the whole may read (the diagnosis again).
    if (restated) told.add(restated.told);
    const u = restated?.asked ?? ctx.index.understand(p, topic);
    // 「もっと簡単に言って」「わかるように説明してください」: plain words asked for as a request (not the diagnosis
    // quoted, 「止まってるって…」, nor "does it mean…?", which asks about what the other pieces tell). The last such
    // piece of the message (a telling piece read after the others, below, gives way to a later one).
    if (at > plainAskedAt && asksFor(p) && !endsQuoting(p) && meaningAsked(ctx, u)) {
      plainAsked = u;
      plainAskedAt = at;
    }
    return u;
  };
  const telling = (u: Understanding) => {
    if (u.kind === "confident") told.add(u.id);
    const q = u.kind === "confident" ? ctx.questions.get(u.id) : undefined;
    if (!act && q && isConversationAct(q) && (u.candidates[0]?.score ?? 0) >= ACT_AS_EXAMPLE) act = u;
  };
  // The pieces that tell are read only where what they tell is weighed (below: whether one tells what the whole
  // reads), or their act or plain words asked for (where no asking piece reads clearly): then all, in their order
  // (perf38b: the question index is the costliest step of a reading).
  const deferred: number[] = [];
  const toldAll = () => {
    for (const at of deferred) telling(readPiece(pieces[at]!, at));
    deferred.length = 0;
    return told;
  };
  for (const [at, p] of pieces.entries()) {
    if (canonicalLength(p, ctx.readings) < MIN_TOLD_CHARS) continue;
    // 「送り直していいの？ダメなの？」: the "no" of the question before it asks nothing else (it read "will it arrive").
    if (at > 0 && p === lastPiece && choiceNoOnly(p, ctx.words.choiceNo)) continue;
    if (!kana && !saysSomething(p)) {
      // 「こっちはどうしろと」「どうすりゃいいのよ」: in kana alone a piece tells nothing, but may still ask what to do.
      const frame = sentenceAsks(p) ? ctx.index.understand(p, topic) : undefined;
      if (frame?.kind === "confident" && isFrame(ctx, frame.id)) requested.add(frame.id);
      if (p === lastPiece) closing = frame;
      continue;
    }
    if (!sentenceAsks(p)) {
      deferred.push(at);
      continue;
    }
    const u = readPiece(p, at);
    if (u.kind === "confident" && !isPleasantry(ctx, u.id)) requested.add(u.id);
    if (p === lastPiece) closing = u;
    // 「ブロックリストって何ですか？」: a word asked what it means, in a piece of its own, asks that, not about what
    // the other pieces tell (frames.ts asksTermMeaning: a word test first).
    if (
      termAsked === undefined &&
      u.kind === "confident" &&
      isFrame(ctx, u.id) &&
      !ctx.questions.get(u.id)?.does &&
      asksTermMeaning(p)
    )
      termAsked = u;
    // A frame (「直し方は？」「またやり直し？」「相手の会社に何かあった？」: what to do, a restart, what it means)
    // asks about what the other pieces tell.
    if (u.kind !== "confident" || isPleasantry(ctx, u.id) || isFrame(ctx, u.id)) continue;
    // Cut by words of feeling (「相手どうなってるの」 without 「どうなって」): a fragment, no question of its own.
    if (p.trim().includes("  ")) continue;
    // A general question asked in nearly an example's words (「意味わからん、ドメインって何？」) is answered
    // with a diagnosis on screen too.
    const score = u.candidates[0]?.score ?? 0;
    // 「…戻ってきた…他の方にはちゃんと届いてるんでしょうか」 after "address not found": a question whose general answer
    // is written for every failure (`anyDiagnosis`: whether the others got it, what to report) fits any diagnosis,
    // as the question index weighs it (understand.ts fitOf); read calmly it was answered, upset it gave way to the
    // key answer (round 40, family40b). So is "did it reach them?" (its general answer: no, it didn't), asked in the
    // piece that closes the message (「…最悪…相手に届いたか確認できる？」 after "gave up retrying", round 45; not the
    // dismay told before another question, 「届いてなかったなんて…どう謝れば」).
    const asked = ctx.questions.get(u.id);
    if (
      topic !== null &&
      !fitsScreen(ctx, u.id, topic) &&
      !asked?.anyDiagnosis &&
      !(p === lastPiece && asked && answersEveryFailure(asked)) &&
      !(isGeneral(ctx, u.id) && score >= ACT_AS_EXAMPLE)
    )
      continue;
    if (score > (best?.candidates[0]?.score ?? 0)) {
      best = u;
      bestPiece = p;
    }
    if (score < PIECE_ASKED) continue;
    if (last?.kind === "confident") earlier.add(last.id);
    last = u;
  }
  // 「アドレスを変えたいのですが、どうすれば…」: a want told is what "what do I do" asks about (wantedThen).
  const request =
    wantEnd(calm) < 0
      ? (requestOverStory(whole, toldAll, requested) ??
        stepsClosing(ctx, whole, toldAll, requested, closing, topic))
      : undefined;
  if (request) return request;
  if (best?.kind !== "confident" || (best.candidates[0]?.score ?? 0) < PIECE_ASKED) {
    toldAll();
    // Where the whole reads nothing, plain words asked for with a diagnosis on screen are what is asked, read
    // as if the feeling beside them were not there, before an act told (「説明が難しすぎて」 reads lost).
    // So is a word of it asked what it means (「ブロックリストって何ですか？こちらは普通に送っただけなのに」: round 41).
    const meaning = plainAsked ?? termAsked;
    return whole.kind !== "confident" && topic !== null && meaning ? meaning : (act ?? whole);
  }
  if (whole.kind !== "confident") return best;
  // 「送った覚えのないエラーがずっと届く。気持ち悪い、乗っ取られてるの？」: the whole read as a frame (the diagnosis
  // said again: what it means) though the question its words match best is the one a piece asks: that question.
  if (whole.id !== best.id && isFrame(ctx, whole.id) && whole.candidates[0]?.id === best.id) return best;
  if (whole.id !== best.id && !subjectTold(ctx, whole.id, bestPiece) && toldAll().has(whole.id)) return best;
  return last?.kind === "confident" && last.id !== whole.id && earlier.has(whole.id) ? last : whole;
}

/**
 * 「再送していいの？ダメなの？」「もっかい送ってええん？あかんの？」 "may I send it again or not": a piece that is only the
 * "no" of a yes-or-no question (ui.yaml typedWords choiceNo, after an optional 「それとも」), with an ending of a few
 * letters after it (なの, ですか, なん), is the question before it asked the other way. Read alone, its word of failure
 * matched another question (will it arrive, rejected every time), which then won as the message's last question.
 */
function choiceNoOnly(piece: string, noWords: readonly string[]): boolean {
  let t = trimEndOf(fold(piece).trim(), QUOTE_END_MARKS);
  if (t.startsWith(OR_ELSE)) t = t.slice(OR_ELSE.length);
  return noWords.some((w) => t.startsWith(w) && t.length - w.length <= MAX_CHOICE_ENDING);
}
const OR_ELSE = "それとも";
/** 「なんですか」: the longest ending after a "no" that leaves it a bare "no". */
const MAX_CHOICE_ENDING = 5;

/**
 * 「止まってるって。」「無理だって」: a piece that ends quoting what was said (って after a verb's or an adjective's
 * ending), not asking for something (「言って」「教えて」).
 */
function endsQuoting(piece: string): boolean {
  const t = trimEndOf(piece, QUOTE_END_MARKS);
  return t.endsWith("って") && QUOTED_ENDINGS.has(t.at(-3) ?? "");
}
const QUOTE_END_MARKS = new Set([..." 。.!！?？、,…"]);
const QUOTED_ENDINGS = new Set([..."るたいだんすよ"]);

/** Plain words asked for (the question every diagnosis answers: what it means), read confidently. */
function meaningAsked(ctx: QuestionContext, u: Understanding): boolean {
  const top = u.candidates[0]?.score ?? 0;
  return (
    u.kind === "confident" &&
    isFrame(ctx, u.id) &&
    ctx.questions.get(u.id)?.does === undefined &&
    top >= PIECE_ASKED &&
    (u.candidates[1]?.score ?? 0) < PLAIN_ASKED_LEAD * top
  );
}

/**
 * 「町内会の50人に送りたいけど、制限に引っかからないか心配」: the piece that asks (「制限に引っかからないか」) lacks
 * the words the whole's question needs (`needs`: a count of recipients), which the telling piece names: it asks
 * about what that piece tells, and the whole (the sending limit) is the question, not the asking piece read
 * alone (the size limit, which needs no such word).
 */
function subjectTold(ctx: QuestionContext, wholeId: string, piece: string): boolean {
  const needs = ctx.questions.get(wholeId)?.needs;
  return needs !== undefined && !mentionsAny(piece, needs);
}

/**
 * 「ふざけんなよ、向こうの問題じゃん。こっちはどうしろと」: where the whole reads what a telling piece says (the
 * story: whose side) only just ahead of what the piece that asks reads (what to do), the request is what is
 * asked: the story is the situation, not the question. `toldAll`: what the telling pieces read (read when first asked).
 */
function requestOverStory(
  whole: Understanding,
  toldAll: () => ReadonlySet<string>,
  requested: ReadonlySet<string>,
): Understanding | undefined {
  if (whole.kind !== "confident" || requested.has(whole.id)) return undefined;
  const told = toldAll();
  if (!told.has(whole.id)) return undefined;
  const top = whole.candidates[0]?.score ?? 0;
  const asked = whole.candidates
    .slice(1, 3)
    .find((c) => requested.has(c.id) && !told.has(c.id) && c.score >= REQUEST_OVER_STORY * top);
  return asked ? { kind: "confident", id: asked.id, candidates: whole.candidates } : undefined;
}

/**
 * "she sent something important days ago and it never went thru. what do we do", "customer waiting for the invoice
 * and it won't send. quick, what do I do": the story told, then only "what do I do" closing the message. The whole
 * read what the story's words match (whose side, "rejected every time"), which no piece asks: the steps are what is
 * asked (round 31's rule: asking only what to do while telling the situation), with a diagnosis on screen. Not where
 * the story's question is asked too (「…5 days and then it failed?? what now」), nor after a want told (the caller:
 * 「変えたい、どうすれば」); nor where the story reads something people tell (`statement`: 「相手はドコモの携帯で」), the
 * diagnosis's key answer (its first step: 「データが重くて送れない！どうすれば」 is how to send large files) or its
 * answer for tries that keep failing ("4 times returned already. What should I do??"): what the steps lead with.
 */
function stepsClosing(
  ctx: UpsetContext,
  whole: Understanding,
  toldAll: () => ReadonlySet<string>,
  requested: ReadonlySet<string>,
  closing: Understanding | undefined,
  topic: TopicId | null,
): Understanding | undefined {
  if (
    topic === null ||
    whole.kind !== "confident" ||
    closing?.kind !== "confident" ||
    closing.id === whole.id
  )
    return undefined;
  if (ctx.questions.get(closing.id)?.does !== "next-steps") return undefined;
  if (requested.has(whole.id) || ctx.questions.get(whole.id)?.statement) return undefined;
  const { keyAnswer, triesAnswer } = ctx.ui.feelings;
  if (keyAnswer?.[topic] === whole.id || triesAnswer?.[topic] === whole.id) return undefined;
  if (!toldAll().has(whole.id)) return undefined;
  return { kind: "confident", id: closing.id, candidates: whole.candidates };
}

/**
 * 「相手の受信箱がいっぱいなら、いつ送れるようになるの？」: a condition that only says the diagnosis again
 * (read alone, it is "what does it mean") is no part of the question: what follows it, read alone.
 */
function restatedCondition(
  ctx: QuestionContext,
  clause: string,
  topic: TopicId | null,
): { told: string; asked: Understanding } | undefined {
  const parts = topic === null ? undefined : conditionOf(clause);
  if (!parts || canonicalLength(parts[1], ctx.readings) < MIN_UPSET_REST_CHARS) return undefined;
  const head = ctx.index.understand(parts[0], topic);
  if (head.kind !== "confident" || !isFrame(ctx, head.id) || ctx.questions.get(head.id)?.does)
    return undefined;
  return { told: head.id, asked: ctx.index.understand(parts[1], topic) };
}

/**
 * A message without its words of feeling, read as a calm one is (the story around a question too), when
 * it asks something clearly: a question of ours, no pleasantry, from a text that says something besides
 * the feeling (「ください」 of 「助けてください」 is an ending, not a question).
 */
function calmlyAsked(ctx: QuestionContext, calm: string): Understanding | undefined {
  if (!isQuestion(calm) || !saysSomething(calm) || canonicalLength(calm, ctx.readings) < MIN_UPSET_REST_CHARS)
    return undefined;
  // The whole, and each sentence that asks something (a plea around it, 「教えてください。」, or a story
  // after it, 「もう3回も戻ってきてるんだけど」, only dilutes it): the clearest question of ours.
  const readings = [preferred(ctx, calm, null)];
  const askingOf: string[] = [];
  const sentences = sentencesOf(calm.slice(0, MAX_QUESTION_CHARS));
  if (sentences.length > 1)
    for (const s of sentences)
      if (sentenceAsks(s) && saysSomething(s) && canonicalLength(s, ctx.readings) >= MIN_UPSET_REST_CHARS) {
        readings.push(ctx.index.understand(s, null));
        askingOf.push(s);
      }
  let best: Understanding | undefined;
  // 「焦ってます。電話で聞けるところないんですか」: a few questions come close, as they would asked calmly; the
  // likeliest is answered with the others under it (main-event.ts), as it would be then: not the paste help.
  // Only where the question is asked as one (a mark, or 「…か」: no count of tries 「何回送っても」) and is no
  // frame ("what does it mean"), which asks about what the rest tells.
  let close: Understanding | undefined;
  for (const [i, u] of readings.entries()) {
    const top = u.candidates[0];
    const asked = endsAsQuestion(i === 0 ? calm : (askingOf[i - 1] ?? ""));
    if (
      u.kind === "unsure" &&
      top &&
      asked &&
      !isPleasantry(ctx, top.id) &&
      !isFrame(ctx, top.id) &&
      top.score > (close?.candidates[0]?.score ?? 0)
    )
      close = u;
    if (u.kind !== "confident" || isPleasantry(ctx, u.id)) continue;
    if ((u.candidates[0]?.score ?? 0) > (best?.candidates[0]?.score ?? 0)) best = u;
  }
  if (best && (best.candidates[0]?.score ?? 0) >= CALMLY_ASKED) return best;
  return close && (close.candidates[0]?.score ?? 0) >= CALMLY_ASKED ? close : undefined;
}
