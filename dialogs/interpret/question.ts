import { fold, nfkc } from "../../knowledge/fold.ts";
import type { Question } from "../../knowledge/questions.ts";
import type { TopicId } from "../../knowledge/types.ts";
import type { DialogEvent } from "../events.ts";
import { CLOSING, hasQuestionMark, TOLD_CLOSE } from "../marks.ts";
import { trimEndOf, withoutWords } from "../text.ts";
import { asksOpen, clausesOf, sentenceAsks, sentencesOf } from "../understand/asking.ts";
import { asksTermMeaning } from "../understand/frames.ts";
import { negates } from "../understand/normalize.ts";
import { MAX_QUESTION_CHARS, type Understanding } from "../understand/understand.ts";
import { fitsScreen, isFrame, isPleasantry, questionEvent } from "./answers.ts";
import type { InterpretContext, QuestionContext } from "./context.ts";
import { contrastEnd, guesses } from "./scans.ts";
import { ASKED_CLEARLY, SECOND_CLEAR } from "./thresholds.ts";
import {
  ALTERNATIVES,
  HOW_ASKED,
  LIMIT_ASKED,
  REASONS,
  SIZE_UNITS,
  TURNS,
  WANT,
  WANT_TURNS,
} from "./words.ts";

/** Reading a calm typed question: which part of the text asks, and what a question told stands for. */

/** Questions that, told rather than asked, are a request: "are you a person?" told is "a person, please". */
const TOLD_AS_WANT: Readonly<Record<string, string>> = { "is-person": "person" };

/**
 * 「ロボットじゃなくて人がいい」: what is wanted is what comes after 「じゃなくて」 (not 「じゃなくても」):
 * that part alone is read when it is understood and the whole is not, or it matches better.
 */
export function preferred(ctx: QuestionContext, text: string, topic: TopicId | null): Understanding {
  const whole = ctx.index.understand(text, topic);
  const at = contrastEnd(text);
  const part = at >= 0 ? text.slice(at) : turnedTo(text);
  if (part === undefined) return wantedThen(ctx, text, requested(ctx, text, whole, topic), topic);
  const wanted = ctx.index.understand(part, topic);
  const better = (wanted.candidates[0]?.score ?? 0) > (whole.candidates[0]?.score ?? 0);
  return wanted.kind === "confident" && (better || whole.kind !== "confident") ? wanted : whole;
}

/**
 * 「コピーがうまくできないので、画面の写真を送ってもいいですか」: a reason told (…ので、) before a request. Where the
 * whole is torn between the reason's question (how to copy) and the request's (a screenshot), the request is
 * what is asked: its part alone, read confidently as a question the whole had among its candidates (not
 * first), that names something (no frame: 「相手が携帯なので、どうしたらいい？」 asks about the mobile address; no
 * pleasantry: 「急ぎじゃないので大丈夫です」 is no goodbye).
 */
function requested(
  ctx: QuestionContext,
  text: string,
  whole: Understanding,
  topic: TopicId | null,
): Understanding {
  const top = whole.candidates[0];
  if (!top) return whole;
  const at = reasonEnd(text.slice(0, MAX_QUESTION_CHARS));
  if (at < 0) return whole;
  const request = ctx.index.understand(text.slice(at), topic);
  if (request.kind !== "confident" || request.id === top.id) return whole;
  // The request alone still close to the whole's question leaves out what the reason named (「電話で相談したい
  // ので、番号を教えて」: the phone's number, not the port's): it does not lean away from the whole.
  const rival = request.candidates.find((c) => c.id === top.id)?.score ?? 0;
  if (rival >= REQUEST_LEANS * (request.candidates[0]?.score ?? 0)) return whole;
  if (isFrame(ctx, request.id) || isPleasantry(ctx, request.id)) return whole;
  return whole.candidates.some((c) => c.id === request.id) ? request : whole;
}

/**
 * A request after a reason (「…ので、番号を教えて」) is what is asked only where, read alone, it scores the whole's
 * question below this share of its own: else it leans on what the reason named (`requested`).
 */
const REQUEST_LEANS = 0.8;

/**
 * 「動画送りたいんだけど、どうしたらいい？」: a want told (…たい, then 「けど」「のに」「んですが」) and then only "what do I
 * do": what is asked is how to do what is wanted, the want's own question (large files), when the whole reads
 * as the frame alone. The want is read alone; a question of ours read confidently there, that names
 * something (no frame, no pleasantry), is the one asked.
 */
function wantedThen(
  ctx: QuestionContext,
  text: string,
  whole: Understanding,
  topic: TopicId | null,
): Understanding {
  if (whole.kind !== "confident" || !isFrame(ctx, whole.id)) return whole;
  const end = wantEnd(text.slice(0, MAX_QUESTION_CHARS));
  if (end < 0) return whole;
  const want = ctx.index.understand(text.slice(0, end), topic);
  if (want.kind !== "confident" || isFrame(ctx, want.id) || isPleasantry(ctx, want.id)) return whole;
  return want;
}

/** Where a want told before a turn ends (「…送りたい」 of 「…送りたいんだけど、」), or -1. */
export function wantEnd(text: string): number {
  for (let at = text.indexOf(WANT); at >= 0; at = text.indexOf(WANT, at + 1)) {
    const end = at + WANT.length;
    if (WANT_TURNS.some((turn) => text.startsWith(turn, end))) return end;
  }
  return -1;
}

/**
 * Where a request starts after the last reason told before it (REASONS), or -1 (none, or nothing after it).
 * 「…送ったのですが」「…なのでしょうか」 hold 「ので」 but give no reason.
 */
function reasonEnd(text: string): number {
  let end = -1;
  for (const word of REASONS) {
    const at = text.lastIndexOf(word);
    const after = at + word.length;
    if (at >= 0 && after > end && !NO_REASON_AFTER.includes(text.charAt(after))) end = after;
  }
  return end >= 0 && end < text.length ? end : -1;
}
/** Letters after 「ので」 that make it 「のです」「のでしょう」「のでは」: no reason. */
const NO_REASON_AFTER = ["す", "し", "は"];

/**
 * 「ウイルスチェックしたけど問題なし。でもまだ届き続けてる」: after what was done or found, the last sentence,
 * opening with a "but" (TURNS), is what is the matter now; the words of what was done (the scan) would read
 * as asking for it again.
 */
function turnedTo(text: string): string | undefined {
  const sentences = sentencesOf(text.slice(0, MAX_QUESTION_CHARS));
  if (sentences.length < 2) return undefined;
  const last = sentences.at(-1)!;
  const folded = fold(last);
  return TURNS.some((w) => folded.startsWith(w)) ? last : undefined;
}

/**
 * 「朝から30通も来てて止まりません。これいつまで続くの？仕事のメールが埋もれる」: a message that tells a
 * story around its question is read from the sentences that ask, when they say clearly what is asked
 * and the whole, diluted by the story, says it less clearly. Every sentence asking (two questions at
 * once), or none, leaves the whole.
 */
export function askingSentences(
  ctx: QuestionContext,
  text: string,
  whole: Understanding,
  topic: TopicId | null,
): Understanding {
  const sentences = storyThenAsked(sentencesOf(cutAfterLaughs(text.slice(0, MAX_QUESTION_CHARS))));
  if (whole.kind === "confident") {
    const after = outcomeAfterTold(ctx, text, whole, topic);
    if (after !== whole) return after;
  }
  if (sentences.length < 2) return whole;
  if (whole.kind === "confident") {
    const learnt = learntThenAsked(ctx, sentences, whole, topic);
    if (learnt !== undefined) return learnt;
  }
  const asking = sentences.filter(sentenceAsks);
  if (asking.length === 0 || asking.length === sentences.length) return whole;
  if (whole.kind === "confident")
    return (
      termOverTold(ctx, sentences, asking, whole, topic) ??
      toldOverAsked(ctx, sentences, asking, whole, topic)
    );
  const asked = ctx.index.understand(asking.join(""), topic);
  if (asked.kind !== "confident" || isPleasantry(ctx, asked.id)) return whole;
  // Something done (a person, a restart) only when clearly asked: 「…を減らせば受け取ってもらえますか？」
  // shares only 「もらえますか」 with "can I talk to a person".
  const does = ctx.questions.get(asked.id)?.does;
  const clear = (asked.candidates[0]?.score ?? 0) >= ASKED_CLEARLY;
  return clear || does === undefined || does === "next-steps" || does === "paste-help" ? asked : whole;
}

/**
 * 「ブラックリストって何？うちは何も悪いことしてないのに」「警告メールって何？脅し？こっちは何もしてないのに」: with a
 * diagnosis on screen, the one sentence that asks is a word asked what it means (frames.ts asksTermMeaning), and the
 * whole reads what the sentences that tell say (a denial of fault reads whose side): the word asked about is the
 * question, read alone (plain words for the diagnosis's word, or the question that knows the word). Gated by the
 * word test of asksTermMeaning: two reads of the index only for such a sentence (round 41, family41c).
 */
function termOverTold(
  ctx: QuestionContext,
  sentences: readonly string[],
  asking: readonly string[],
  whole: Understanding & { kind: "confident" },
  topic: TopicId | null,
): Understanding | undefined {
  if (topic === null || asking.length > 2) return undefined;
  // 「警告メールって何？脅し？」: a guess after it reads nothing of its own; the whole then reads what is told.
  const term = asking.find(asksTermMeaning);
  if (term === undefined) return undefined;
  const asked = ctx.index.understand(term, topic);
  if (asked.kind !== "confident" || asked.id === whole.id || isPleasantry(ctx, asked.id)) return undefined;
  if (ctx.questions.get(asked.id)?.does !== undefined) return undefined;
  // 「ブロックリストって何？…私のせいなの？」: a second question of its own is asked besides the word.
  const other = asking.find((s) => s !== term);
  if (other !== undefined && ctx.index.understand(other, topic).kind === "confident") return undefined;
  const told = ctx.index.understand(sentences.filter((s) => !sentenceAsks(s)).join(""), topic);
  return told.kind === "confident" && told.id === whole.id ? asked : undefined;
}

/**
 * 「ドメインを打ち間違えてた笑 直して送り直せばいい？」「一文字打ち間違えてただけでした。直して送り直せばOK？」: with a
 * diagnosis on screen, a fact told in sentences of its own (a question's `ifTold`: the slip found, which alone is
 * answered with what to do about it) lends the whole its reading (a wrong address), though the sentence that asks
 * says what they want to know (whether to send it again). Where the sentences that tell read alone what the whole
 * reads, and those that ask read confidently a question of their own for the diagnosis (no frame or pleasantry:
 * 「…ってこと？」 asks about the story), the asked one is the question. Other stories keep the whole: their words
 * are what the question is about (「相手ガラケーなんだけど関係ある？」).
 */
function toldOverAsked(
  ctx: QuestionContext,
  sentences: readonly string[],
  asking: string[],
  whole: Understanding & { kind: "confident" },
  topic: TopicId | null,
): Understanding {
  if (topic === null || ctx.questions.get(whole.id)?.ifTold === undefined) return whole;
  const asked = ctx.index.understand(asking.join(""), topic);
  if (asked.kind !== "confident" || asked.id === whole.id) return whole;
  if (isPleasantry(ctx, asked.id) || isFrame(ctx, asked.id) || ctx.questions.get(asked.id)?.does)
    return whole;
  if (!fitsScreen(ctx, asked.id, topic) || (asked.candidates[0]?.score ?? 0) < ASKED_CLEARLY) return whole;
  const told = ctx.index.understand(sentences.filter((s) => !sentenceAsks(s)).join(""), topic);
  return told.kind === "confident" && told.id === whole.id ? asked : whole;
}

/**
 * 「怒られるのかと思ったら設定の問題なのね。正しい設定を教えて」: with a diagnosis on screen, what was learnt, said aloud in
 * sentences of their own closed by a full stop (「…なのね。」「…なんだね。」, no question mark), then a last sentence
 * that asks: the learnt words (the diagnosis said again) lent the whole its reading (whose side), the last sentence
 * says what is wanted. Taken when it reads clearly, alone, a question of its own for the diagnosis (no frame,
 * pleasantry or act).
 */
function learntThenAsked(
  ctx: QuestionContext,
  sentences: readonly string[],
  whole: Understanding & { kind: "confident" },
  topic: TopicId | null,
): Understanding | undefined {
  if (topic === null) return undefined;
  const last = sentences.at(-1)!;
  if (!sentenceAsks(last) || !sentences.slice(0, -1).every(saysLearnt)) return undefined;
  const asked = ctx.index.understand(last, topic);
  if (asked.kind !== "confident" || asked.id === whole.id) return undefined;
  if (isPleasantry(ctx, asked.id) || isFrame(ctx, asked.id) || ctx.questions.get(asked.id)?.does)
    return undefined;
  const clear = (asked.candidates[0]?.score ?? 0) >= ASKED_CLEARLY;
  return clear && fitsScreen(ctx, asked.id, topic) ? asked : undefined;
}
/** A sentence closed by a full stop after 「…のね」「…んだね」: learnt and said aloud, not asked. */
function saysLearnt(sentence: string): boolean {
  const t = nfkc(sentence).trim();
  if (!LEARNT_STOPS.has(t.at(-1) ?? "")) return false;
  const body = trimEndOf(t, CLOSING);
  return LEARNT_ENDS.some((e) => body.endsWith(e));
}
const LEARNT_STOPS: ReadonlySet<string> = new Set([..."。."]);
const LEARNT_ENDS = ["なのね", "だったのね", "なんだね", "なんですね", "だったんですね"];

/** 「…打ち間違えてた笑 直して…」: a laugh closing a sentence before a space ends it, as a full stop would. */
function cutAfterLaughs(t: string): string {
  let out = "";
  for (let i = 0; i < t.length; i++) {
    out += t[i];
    const laugh = LAUGH_ENDS.has(t[i]!) || (t[i] === "w" && (t.codePointAt(i - 1) ?? 0) > 0x7f);
    if (laugh && (t[i + 1] === " " || t[i + 1] === "　")) out += "。";
  }
  return out;
}
/** And "w" after Japanese (「…くるw 」), not after a word: "how to" is no laugh. */
const LAUGH_ENDS = new Set([..."笑ｗ"]);

/**
 * 「新しいアドレス教えてもらった。そっちに送ればいい？」「相手が容量空けたって、もう送っていい？」: a fact told first (a
 * fix made, a new address, space freed), then what comes of it asked: whether to send again (`asksOutcome:
 * after-fixing`), when the part that asks reads it alone, confidently and clearly, though the whole reads the fact
 * told (tell the recipient, the mailbox size), whatever question that is (toldOverAsked takes only a slip of
 * `ifTold`, told in sentences of its own). The parts are the sentences, or of one sentence its clauses; only the
 * last one has a question mark, if any.
 */
function outcomeAfterTold(
  ctx: QuestionContext,
  text: string,
  whole: Understanding,
  topic: TopicId | null,
): Understanding {
  if (whole.kind !== "confident" || ctx.questions.get(whole.id)?.asksOutcome !== undefined) return whole;
  const sentences = sentencesOf(text.slice(0, MAX_QUESTION_CHARS));
  const parts = sentences.length === 1 ? clausesOf(sentences[0]!) : sentences;
  // Told, not asked, before the last part: no question mark (「教えてもらった」 holds a request's word); a thing done
  // or learned, told in the past (「直しました」「空けたって」), just before it; then whether, not how or when, asked.
  if (parts.length < 2 || parts.slice(0, -1).some((p) => hasQuestionMark(p))) return whole;
  const last = parts.at(-1)!;
  const before = trimEndOf(fold(parts.at(-2)!), TOLD_TRAIL);
  if (!sentenceAsks(last) || asksOpen(last) || !DONE_ENDS.some((e) => before.endsWith(e))) return whole;
  const asked = ctx.index.understand(last, topic);
  const clear = (asked.candidates[0]?.score ?? 0) >= SECOND_CLEAR;
  // The whole's question read from the fact alone: the part that asks does not name it (「半角に直せばOK？」 after
  // 「全角のせいだったのか！」 still asks about full width).
  const fromFact = !asked.candidates.some((c) => c.id === whole.id);
  return asked.kind === "confident" &&
    clear &&
    fromFact &&
    ctx.questions.get(asked.id)?.asksOutcome === "after-fixing"
    ? asked
    : whole;
}

/** Ends of a thing done or learned, told (「…打ち間違えてただけでした」「…空けたって」「…送ってたみたい」). */
const DONE_ENDS = [
  "た",
  "たよ",
  "たって",
  "たみたい",
  "でした",
  "だった",
  "たけど",
  "たんだけど",
  "たので",
  "たから",
];
/** A told part's closing marks and laughs (marks.ts CLOSING). */
const TOLD_TRAIL = new Set([...CLOSING, ..."笑w"]);

/**
 * 「がっこうのめーりんぐりすとにへんしんしたらかえってきたんだけどなにすればいい」: one sentence typed fast (no mark,
 * voice input, a long hiragana run) that tells a story and closes it with 「けど」 before what it asks is two
 * sentences, as 「…かえってきたんだけど。なにすればいい？」 would be: the story first, then the question. Cut at the
 * last 「けど」 only where a story of STORY_CHARS letters or more comes before it and what follows asks (sentenceAsks).
 */
function storyThenAsked(sentences: readonly string[]): readonly string[] {
  if (sentences.length !== 1) return sentences;
  const sentence = sentences[0]!;
  // Clauses marked by the writer (「…聞いたけど、相手のほうが…」) were weighed as typed: only a text with none.
  if (sentence.includes("、") || sentence.includes(",")) return sentences;
  const at = sentence.lastIndexOf(CLAUSE_BUT);
  if (at < STORY_CHARS) return sentences;
  const asked = sentence.slice(at + CLAUSE_BUT.length).trim();
  return asked.length >= ASKED_CHARS && sentenceAsks(asked)
    ? [sentence.slice(0, at + CLAUSE_BUT.length), asked]
    : sentences;
}
const CLAUSE_BUT = "けど";
/** Letters of a story before 「けど」 (「…かえってきたんだ」): fewer is a clause of the question itself (「悪いけど」). */
const STORY_CHARS = 8;
/** Letters of what is asked after it: a bare 「なんで」 (「…とどかんっちゃけどなんで」) is a lament, not a question. */
const ASKED_CHARS = 5;

/** Apologies and "it can't be helped" are negations in form only (「申し訳ない、間違えてました」 denies nothing). */
const POLITE_NEGATIONS = [
  "申し訳ない",
  "申し訳ありません",
  "申し訳ございません",
  "もうしわけない",
  "すみません",
  "すいません",
  "済みません",
  "仕方ない",
  "しかたない",
  "しょうがない",
];

/**
 * 「…打ち間違えてただけでした」「…間違えてただけだった笑」: a fact told as all there was to it (「…ただけ」 closing the
 * text, a laugh or marks after it), the trouble explained and done with. A plain scan of the text's end.
 */
function closedAsOnly(text: string): boolean {
  const end = trimEndOf(fold(text).trimEnd(), TOLD_CLOSE);
  return ONLY_ENDS.some((e) => end.endsWith(e)) || PLAN_ENDS.some((e) => end.endsWith(e));
}
/**
 * 「ただの打ち間違いでした。直して送ります」「つづり間違えてた。直して送り直します」: the fix told as what they will do
 * now closes the matter as well (round 32: the sets label these OK, and 「…直して送り直せばいい？」, asked, resend).
 */
const PLAN_ENDS = [
  "直して送ります",
  "直して送り直します",
  "直して再送します",
  "直して送りなおします",
  "直します",
];
const OK_ID = "ok";
const ONLY_ENDS = ["ただけでした", "ただけだった", "ただけです", "ただけ", "ただけみたい"];

/** Whether a told text denies (「アドレスは間違ってないです」), apologies left aside. */
function deniesIn(ctx: Pick<QuestionContext, "readings">, text: string): boolean {
  return negates(withoutWords(nfkc(text), POLITE_NEGATIONS), ctx.readings);
}

/**
 * A question about something told as a want, not asked (「ロボットじゃなくて人がいい」 reads as "are you a
 * person?"): the request it stands for (TOLD_AS_WANT).
 */
export function wanted(
  ctx: Pick<QuestionContext, "questions" | "words" | "readings"> &
    Partial<Pick<InterpretContext, "mentionOf">>,
  q: Question | undefined,
  text: string,
): Question | undefined {
  // Told as a fact, neither asked nor guessed (「ごめんなさい、アドレス間違えてました」): its told form;
  // told denied (「アドレスは間違ってないです」), its denied form. Mail that did not arrive is no denial
  // (「アドレス間違えてて届かなかった」): its words are taken out first.
  if ((q?.ifTold || q?.ifDenied) && !sentencesOf(text).some(sentenceAsks) && !guesses(text, ctx.words)) {
    const told = ctx.mentionOf ? ctx.mentionOf.strip(text) : text;
    // 「笑 自分のアドレス打ち間違えてただけでした」: the mistake told as all there was to it closes the matter: OK.
    if (q.ifTold && closedAsOnly(text)) return ctx.questions.get(OK_ID) ?? q;
    const form = deniesIn(ctx, told) ? q.ifDenied : q.ifTold;
    if (form) return ctx.questions.get(form) ?? q;
  }
  // A size named and how asked, not the limit (「40MBの資料があるんだけど、どうやったら送れますか」): how to send
  // something that big (`ifHowAsked`). The size is the story; sizes read as one drew it to "what is the limit".
  if (q?.ifHowAsked && asksHowForSize(text)) return ctx.questions.get(q.ifHowAsked) ?? q;
  const want = q && TOLD_AS_WANT[q.id];
  if (!want) return q;
  // Asked (a question mark, or an end in か: 「人と話せますか」) it is the question; a wish (「…したいです」) is no question here.
  const folded = fold(text).trimEnd();
  if (hasQuestionMark(folded) || folded.endsWith("か") || !ctx.words.wants.some((w) => folded.includes(w)))
    return q;
  return ctx.questions.get(want) ?? q;
}

/**
 * Whether a text names a size (digits, then MB, GB or メガ) and asks how to do something (HOW_ASKED), not what
 * the limit is (LIMIT_ASKED: 「相手の上限はどうやって調べる？」 asks the limit). Plain string scans.
 */
export function asksHowForSize(text: string): boolean {
  const folded = fold(text.slice(0, MAX_QUESTION_CHARS));
  return (
    namesSize(folded) &&
    HOW_ASKED.some((w) => folded.includes(w)) &&
    !LIMIT_ASKED.some((w) => folded.includes(w))
  );
}

/** A run of digits followed (a space allowed) by a unit of size. */
function namesSize(folded: string): boolean {
  for (let i = 0; i < folded.length; i++) {
    if (!isDigit(folded.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < folded.length && (isDigit(folded.charCodeAt(j)) || folded[j] === ".")) j++;
    const after = folded.slice(j, j + 4).trimStart();
    if (SIZE_UNITS.some((u) => after.startsWith(u))) return true;
    i = j;
  }
  return false;
}
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/**
 * 「何MBまで送れますか？あと、再送はしたほうがいい？」: two sentences that ask, each clearly a question of
 * ours with an answer in words: the second is answered after the first (ANSWER `and`).
 */
export function withSecondQuestion(
  ctx: QuestionContext,
  event: DialogEvent,
  text: string,
  topic: TopicId | null,
): DialogEvent {
  if (event.type !== "ANSWER" && !(event.type === "FOLLOW_UP" && !event.carriers)) return event;
  const sentences = sentencesOf(text.slice(0, MAX_QUESTION_CHARS));
  if (sentences.length < 2) return event;
  const asking = sentences.filter(sentenceAsks);
  if (asking.length < 2 || asking.some(offersAlternative)) return event;
  for (const sentence of asking) {
    const u = ctx.index.understand(sentence, topic);
    if (u.kind !== "confident" || (u.candidates[0]?.score ?? 0) < SECOND_CLEAR) continue;
    const q = ctx.questions.get(u.id);
    if (!q || q.courtesy || q.does !== undefined) continue;
    const second = questionEvent(ctx, q, topic);
    const words = second.type === "ANSWER" || (second.type === "FOLLOW_UP" && !second.carriers);
    // The question answered stands for another with a diagnosis on screen (withDiagnosis): that one's id.
    const meant = (topic && q.withDiagnosis && ctx.questions.get(q.withDiagnosis)) || q;
    if (words && JSON.stringify(second) !== JSON.stringify(event)) return { ...event, and: meant.id };
  }
  return event;
}

/** 「…向こうの？それとも私の？」: the sentence is the other half of a choice the one before it opens. */
function offersAlternative(sentence: string): boolean {
  const t = fold(sentence).trimStart();
  return ALTERNATIVES.some((w) => t.startsWith(w));
}
