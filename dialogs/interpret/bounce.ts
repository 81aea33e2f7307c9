import { fold, nfkc } from "../../knowledge/fold.ts";
import { shouldWarn } from "../../knowledge/pii.ts";
import { answersEveryTopic, type Question, SAFE_TO_OPEN_QUESTION } from "../../knowledge/questions.ts";
import type { BounceRecord, TopicId } from "../../knowledge/types.ts";
import { diagnosisOf } from "../diagnosis.ts";
import type { DialogEvent } from "../events.ts";
import { mentionsAny } from "../text.ts";
import { spokenLine, toldAroundCode } from "../text-kind.ts";
import { clausesOf, guessesAloud, isQuestion, reportsBounce, sentenceAsks } from "../understand/asking.ts";
import { regretsAndAsksIfOk } from "../understand/feelings/worry.ts";
import { MAX_QUESTION_CHARS, THRESHOLDS, type Understanding } from "../understand/understand.ts";
import { askedOnItsOwn, questionEvent, stoodFor } from "./answers.ts";
import type { InterpretContext } from "./context.ts";
import { guessedFromCode, policyCodeOnly } from "./policy-code.ts";
import { asksWhatItIs } from "./scans.ts";
import { CLEAR_OVER_BOUNCE } from "./thresholds.ts";
import type { SessionView } from "./types.ts";
import { THIS, type TypedWords } from "./words.ts";

/** What read-text.ts knows of a text the classifier read as a bounce. */
export interface BounceRead {
  text: string;
  /** The text's beginning (a whole mail file is long): what personal data is looked for in. */
  head: string;
  session: SessionView;
  record: BounceRecord;
  records: readonly BounceRecord[];
  /** A person's sentence, not the server's (typed, or read only once respelt): no server words to quote. */
  inOwnWords: boolean;
  typed: boolean;
  /** The symptom in the user's own words, if any. */
  ownWords: TopicId | undefined;
  question: () => Question | undefined;
  topScore: () => number;
  /** The text read as a question (the candidates under `question`). */
  understood: () => Understanding;
}

/**
 * A text the classifier reads as a bounce (and that is no talk about the diagnosis on screen): the
 * diagnosis (PASTE), unless a question is asked that names a reason only by the way.
 * `before` holds the events that go first (language, feeling); personal data is added to it.
 */
export function bounceEvents(ctx: InterpretContext, b: BounceRead, before: DialogEvent[]): DialogEvent[] {
  const { text, session, record, ownWords } = b;
  // A question about the diagnosis on screen that happens to name a reason (「ウイルスに感染してるって
  // こと？」 after "mail you never sent" reads as "virus found" to the classifier) is answered as the
  // question; a pasted bounce, or a question about another reason, is read as a bounce.
  // Words of the symptom besides the bounce ("my friend's mailbox is full") name a new problem.
  const names = ownWords === record.topic && record.topic !== session.topic;
  const aboutScreen = session.topic && !names ? b.question() : undefined;
  if (
    aboutScreen &&
    session.topic &&
    asksAboutScreen(stoodFor(ctx, aboutScreen), b.topScore(), record.topic, session.topic)
  )
    return [...before, questionEvent(ctx, aboutScreen, session.topic)];
  // With nothing on screen, a question typed in words the classifier also reads as a reason
  // (「ウイルスチェックってどうやるの」 reads as "virus found", 「迷惑メール」 as "refused as spam") is
  // the question when it is clearly asked and its answer does not hang on the diagnosis (answers of
  // its own for a few topics at most: how to scan, is it safe; not "should I resend"), and the text
  // does not report what a returned mail said (「宛先不明って出たけど…」 is about that bounce) nor names a
  // symptom in the user's words (「迷惑メールと判定された」 is the refused mail).
  // Bounce words without a server's marks (no code, no <address>, no header line) are a person's:
  // 「MAILER-DAEMONってなに？ウイルス？」 asks what MAILER-DAEMON is, and names a reason as a guess.
  // 「これ何？」 "What is this?" beside the bounce's own words asks what that bounce is: its diagnosis.
  // A guess told aloud asks too (「パソコンがウイルスに感染したかもしれない」: am I infected, not a virus found).
  // 「届いたエラーメールがウイルスかもしれなくて怖い」「エラーメール自体がウイルスってことある？」: the returned mail
  // itself feared, not a virus found in what was sent: whether it is safe to open (reading is; its links and
  // attachments are not), not the diagnosis "a virus was found in your attachment".
  const safe = ctx.questions.get(SAFE_TO_OPEN_QUESTION);
  if (
    safe &&
    !session.topic &&
    b.typed &&
    b.inOwnWords &&
    record.topic === "virus-detected" &&
    ownWords === undefined &&
    !reportsBounce(text) &&
    fearsTheMailItself(text, ctx.words)
  )
    return [...before, questionEvent(ctx, safe, null)];
  const askedCold =
    !session.topic &&
    b.typed &&
    ownWords === undefined &&
    (isQuestion(text) || guessesAloud(text)) &&
    !reportsBounce(text) &&
    !(asksWhatItIs(text, ctx.words) && mentionsAny(text, THIS));
  const standalone = askedCold ? (askedInsteadOfWhat(ctx, b) ?? b.question()) : undefined;
  // 「エラーメール開いちゃったけどウイルスとか大丈夫ですか」: something done, then whether it is all right, asks
  // about what they did (confidently read is enough), not what a returned mail said.
  const doneAndAsked = standalone !== undefined && regretsAndAsksIfOk(nfkc(text));
  if (standalone && !standalone.does && (doneAndAsked || askedOnItsOwn(standalone, b.topScore())))
    return [...before, questionEvent(ctx, standalone, null)];
  // 「送信したメールが全部戻ってくるんだけど、ウイルス？」: the story told, then a guess asked in a clause of its
  // own, which the whole (diluted by the story) reads less clearly: that clause, when it is clearly asked.
  // Read so also where the whole is read unsure (a few questions close: 「…んだけど、ウイルス？」).
  const guessed = askedCold ? askedInLastClause(ctx, text) : undefined;
  if (guessed) return [...before, questionEvent(ctx, guessed, null)];
  if (shouldWarn(b.head, "bounce")) before.push({ type: "PERSONAL_DATA" });
  // 「550 5.7.1」 alone says the receiver refused by its rules, not which: the words after the code are
  // asked for, unless the user's own words say which (「迷惑メール扱いで550 5.7.1」), also in words nobody listed,
  // told around the code in a person's line (「5.7.1でIPがリストに載ってるみたいなことが書いてある」 "the bounce say
  // 5.7.1 and something about my IP being on a list": a class of symptoms.yaml, read as for a symptom told cold).
  const said = ownWords ?? (guessedFromCode(record) ? symptomToldAroundCode(ctx, text) : undefined);
  const codeOnly =
    said === undefined ? policyCodeOnly(b.records, record, text, "paste", b.inOwnWords) : undefined;
  if (codeOnly) return [...before, codeOnly];
  const diagnosis = diagnosisOf(record, ctx.deps.carrierOf, b.records);
  // Typed, not pasted ("My mail came back with 'Relay access denied'", 「ゆーざーあんのうん」): the
  // classifier's explanation is the user's own sentence, which the summary must not quote as the
  // server's words.
  if (b.inOwnWords) diagnosis.detail = "";
  // Mail the user never sent: whom it failed to reach is no concern of theirs.
  if (said === "backscatter")
    Object.assign(diagnosis, { topic: "backscatter", recipients: [], moreRecipients: 0 });
  // Which rule a policy code alone refused by, the user's own words say.
  else if (said !== undefined && guessedFromCode(record)) diagnosis.topic = said;
  return [...before, { type: "PASTE", diagnosis }];
}

/**
 * The symptom a person's one line tells around a code (a short line, in Japanese or with "I", "my" or a question mark:
 * text-kind.ts spokenLine; or reporting what the mail said, "it says 5.7.1 and something like…": toldAroundCode), read
 * by symptoms.yaml's classes; a paste's line is the server's and is not read so.
 */
function symptomToldAroundCode(ctx: InterpretContext, text: string): TopicId | undefined {
  if (text.length > MAX_QUESTION_CHARS || text.includes("\n")) return undefined;
  if (!spokenLine(text) && !toldAroundCode(text)) return undefined;
  return ctx.symptomByClass(text);
}

/**
 * 「戻ってきたメールってウイルスなの？」: "what is a returned mail" (asked only with a word of "what", `asksWhat`)
 * matched by the mail's words, no "what" asked, and a question that answers on its own close under it
 * (`spread`, clearly enough to stand beside a bounce's words: askedOnItsOwn): that one is asked (is it safe),
 * not the virus found that the classifier reads in 「ウイルス」.
 */
function askedInsteadOfWhat(ctx: InterpretContext, b: BounceRead): Question | undefined {
  const top = b.question();
  if (!top?.asksWhat || asksWhatItIs(b.text, ctx.words)) return undefined;
  const next = b.understood().candidates[1];
  const q = next && ctx.questions.get(next.id);
  return q &&
    !q.does &&
    !q.asksWhat &&
    next.score >= b.topScore() * THRESHOLDS.spread &&
    askedOnItsOwn(q, next.score)
    ? q
    : undefined;
}

/** The question the last clause of a text asks on its own, clearly, when the text has a clause before it. */
function askedInLastClause(ctx: InterpretContext, text: string): Question | undefined {
  const clauses = clausesOf(text);
  const last = clauses.at(-1);
  if (clauses.length < 2 || last === undefined || !sentenceAsks(last)) return undefined;
  const u = ctx.index.understand(last, null);
  const q = u.kind === "confident" ? ctx.questions.get(u.id) : undefined;
  return q && !q.does && askedOnItsOwn(q, u.candidates[0]?.score ?? 0) ? q : undefined;
}

/**
 * Whether a question that also reads as a bounce is about the diagnosis on screen: any question is when
 * the bounce read is the one on screen. About another reason, "what does it mean" (asked for every topic)
 * and "what do I do" (what a question does, not a text) are about the new bounce (「Mailbox fullってなに」
 * after a user-unknown diagnosis), and other questions count only when clearly asked (「宛先不明って出る」
 * after "mail you never sent" is the new bounce; 「ウイルスに感染してるってこと？」 after it is a question).
 */
function asksAboutScreen(question: Question, score: number, read: TopicId, onScreen: TopicId): boolean {
  if (read === onScreen) return true;
  if (question.does || answersEveryTopic(question)) return false;
  return score >= CLEAR_OVER_BOUNCE;
}

/**
 * Whether a text names the returned mail itself as what may be harmful: its word, at most a particle, then a
 * word of a virus or of opening it (「エラーメールがウイルスかも」「返ってきたメールって開いても平気？」); never a
 * virus named first, as a returned mail reports one (「ウイルスが見つかったって戻ってきた」). A plain scan (ui.yaml
 * typedWords returnedMail, mailFeared, virusFound).
 */
function fearsTheMailItself(text: string, words: TypedWords): boolean {
  const t = fold(text);
  // 「エラーメールにウイルスが見つかったって」: what the mail said, a virus found or judged, is its diagnosis.
  if (words.virusFound.some((w) => t.includes(w))) return false;
  for (const mail of words.returnedMail)
    for (let at = t.indexOf(mail); at >= 0; at = t.indexOf(mail, at + 1)) {
      const after = at + mail.length;
      for (const link of LINKS)
        if (t.startsWith(link, after) && words.mailFeared.some((w) => t.startsWith(w, after + link.length)))
          return true;
    }
  return false;
}
/** What may stand between the mail and what is feared of it: nothing, a particle or a pause, 「自体」「そのもの」. */
const LINKS = [
  "",
  "が",
  "は",
  "って",
  "に",
  "には",
  "も",
  "、",
  " ",
  "自体",
  "自体が",
  "じたいが",
  "そのもの",
  "そのものが",
];
