import { fold, nfkc } from "../../knowledge/fold.ts";
import { firstBounceLine } from "../../knowledge/ocr/clean.ts";
import { maskPii, shouldWarn } from "../../knowledge/pii.ts";
import { answersEveryTopic, type Question, SAFE_TO_OPEN_QUESTION } from "../../knowledge/questions.ts";
import type { Classification, TopicId } from "../../knowledge/types.ts";
import { primaryRecord } from "../diagnosis.ts";
import type { DialogEvent } from "../events.ts";
import type { Lang } from "../knowledge-contract.ts";
import { cut, mentionsAny, normalizeCommand, withoutWords } from "../text.ts";
import { kindOfText, languageOfCommand } from "../text-kind.ts";
import { asksSomething, isEnglishQuestion, reportsBounce, sentenceAsks } from "../understand/asking.ts";
import { standardSpelling } from "../understand/dialect.ts";
import { asksWhy } from "../understand/frames.ts";
import { type LanguageRequest, languageRequest } from "../understand/language-request.ts";
import { retells } from "../understand/reason-texts.ts";
import { kanaOf, romajiToKana } from "../understand/romaji.ts";
import { plainEnglish } from "../understand/shorthand.ts";
import { MAX_QUESTION_CHARS, THRESHOLDS, type Understanding } from "../understand/understand.ts";
import { isShortReaction } from "./acts.ts";
import { isConversationAct, isPleasantry, questionEvent } from "./answers.ts";
import { bounceEvents } from "./bounce.ts";
import type { InterpretContext } from "./context.ts";
import { openingCourtesy } from "./courtesy.ts";
import { afterIntroduction } from "./introduced.ts";
import { mainEvent, plainWords } from "./main-event.ts";
import { readQuestion } from "./read-question.ts";
import { asksIfSafeToOpen, FULL_WIDTH_ASCII } from "./scans.ts";
import {
  CLASS_GIVES_WAY,
  MAX_COMMAND_CHARS,
  MAX_SHOWN_LINE_CHARS,
  MAX_TEXT_CHARS,
  MAX_TOPICS_OF_A_STANDALONE_ANSWER,
  REACTION_CLEAR,
} from "./thresholds.ts";
import { toldInClass } from "./told-in-class.ts";
import { criedOut, matchTyped } from "./typed-command.ts";
import type { SessionView } from "./types.ts";
import { wishesToAsk } from "./wish-to-ask.ts";

/**
 * A typed text or a file's content → events, in this order (dialogs/README "What a typed text becomes"):
 * 1. a command or button label typed back; romaji, dialect and shorthand read in standard forms;
 * 2. a bounce the classifier reads (bounce.ts), unless the words say something else; then what a text
 * that is no bounce asks for (main-event.ts). The language, a feeling and personal data go first.
 */
export async function fromText(
  ctx: InterpretContext,
  text: string,
  session: SessionView,
  file = false,
): Promise<DialogEvent[]> {
  const { deps } = ctx;
  // Commands and labels are short; normalising a long paste would only cost time (and its trailing-
  // punctuation pattern is quadratic on a long run of punctuation). A file's content is never one.
  const command = !file && text.length <= MAX_COMMAND_CHARS ? normalizeCommand(text) : "";
  const before: DialogEvent[] = [];

  // 1. A command or the label of a button, typed (or sent by a message action): exact match only,
  //    so a paste that contains "help" is still a paste.
  const tapped = command ? matchTyped(ctx, command, session) : undefined;
  if (tapped) {
    adopt(before, languageOfCommand(text), session);
    // "HELP!!!", 「ヘルプ！」: the help keyword cried out is a plea, as 「助けて」 is, not a wish to read how the
    // assistant is used: the line for the hurry, then the next step (the paste help, or the diagnosis's steps).
    if (tapped.type === "HELP" && criedOut(text))
      return [
        ...before,
        { type: "UPSET", feeling: "urgent" },
        session.topic ? { type: "NEXT_STEPS" } : { type: "HOW_TO_PASTE" },
      ];
    return [...before, tapped];
  }

  // Japanese in Latin letters: read as its kana (a typed text only; a paste keeps its letters). It keeps the
  // chat's language (the LINE profile's, or the script typed last): romaji tells which words, not which script
  // the user reads. A Japanese user on a phone without a Japanese keyboard is answered in Japanese as before (the
  // chat's language is theirs); a learner answered in English who types "wakaranai" stays in English, where a
  // switch to Japanese script would lose them further. A language asked for in romaji (「eigo de onegai」) is
  // still a request (withLanguage).
  const kana = file ? undefined : romajiToKana(text, ctx.englishWords);
  if (kana !== undefined) {
    const read = await fromText(ctx, kana, session);
    return languageRequest(kana) ? read : read.filter((e) => e.type !== "LANGUAGE");
  }
  // Kansai endings (「送れへん」「どないしたらええの」) and hurried English ("r u a bot", "recieve"): read in
  // their standard forms (a typed text only).
  const standard =
    file || text.length > MAX_QUESTION_CHARS
      ? undefined
      : (standardSpelling(text, ctx.words.oneKanjiVerbs) ?? plainEnglish(text, ctx.words.spokenEnglish));
  if (standard !== undefined)
    return inOwnLanguage(text, await fromText(ctx, standard, session), session, standard);
  // "In English please: should I resend it?": the language asked for, then the rest read without the request.
  const request = file || text.length > MAX_QUESTION_CHARS ? undefined : languageRequest(text);
  if (request) return withLanguage(ctx, request, session);
  // 「はじめまして、…の者です。…って何ですか」 "Hi, I'm a teacher from Osaka. what is a bounce?": who the writer is,
  // told first, then the question: the rest is read as a message of its own (introduced.ts).
  const introduced =
    file || text.length > MAX_QUESTION_CHARS ? undefined : afterIntroduction(ctx.greetingPieces, text);
  if (introduced !== undefined) return inOwnLanguage(text, await fromText(ctx, introduced, session), session);
  // "bula! why is it back?": a greeting or thanks of one word opening a question is said back, the question read alone.
  const greeted =
    file || text.length > MAX_QUESTION_CHARS ? undefined : openingCourtesy(ctx.courtesyWords, text);
  if (greeted) return inOwnLanguage(text, await fromText(ctx, greeted.rest, session), session);

  if (!file && text.length > MAX_TEXT_CHARS) {
    if (shouldWarn(text, "chat")) before.push({ type: "PERSONAL_DATA" });
    return [...before, { type: "UNSUPPORTED", kind: "too-long" }];
  }

  // The spam folder typed (typedWords.spamFolder) is where a mail was found, no mail refused as spam: a short
  // typed text is classified without it, and one that names returned mail besides (「エラーメールが迷惑メール
  // フォルダに入ってた」) is read without it altogether (nor is it spam received: the returned mail is the matter).
  const foldered = !file && text.length <= MAX_QUESTION_CHARS && mentionsAny(text, ctx.words.spamFolder);
  // So are the recipient's spam settings asked about with a diagnosis on screen (「相手ドコモで、迷惑メールの設定
  // がきついって聞いた」 after "gave up"): a setting that may hold the mail back, not a new mail refused as spam.
  const settings =
    !file &&
    session.topic !== null &&
    text.length <= MAX_QUESTION_CHARS &&
    mentionsAny(text, ctx.words.spamSettings);
  const classified =
    foldered || settings
      ? withoutWords(fold(text), [
          ...(foldered ? ctx.words.spamFolder : []),
          ...(settings ? ctx.words.spamSettings : []),
        ])
      : text;
  if (foldered && ctx.mentionOf(classified) === "returned") return fromText(ctx, classified, session);

  // 2. A bounce? The user's own words about a flood of returned mail decide over the bounce itself.
  let classification = await deps.classify(classified);
  let record = primaryRecord(classification.records);
  // 「Ｕｓｅｒ　ｕｎｋｎｏｗｎ」 typed on a Japanese keyboard: read the half-width form too.
  if (!record && !file && FULL_WIDTH_ASCII.test(text) && text.length <= MAX_QUESTION_CHARS) {
    classification = await deps.classify(nfkc(classified));
    record = primaryRecord(classification.records);
  }
  // 「ゆーざーあんのうんってでた」, "host unknwon": read once more with the English words written out.
  // Respelt only when needed (a bounce read as is, or a symptom matched, needs no respelling): the scan
  // compares every Latin word against the vocabulary, on the path of every typed text and paste.
  let respelledText: string | undefined | null = null; // null: not respelt yet
  const respelled = () => {
    if (respelledText === null)
      respelledText = !file && text.length <= MAX_QUESTION_CHARS ? ctx.respell(text) : undefined;
    return respelledText;
  };
  let respelledClassification: Classification | undefined;
  const spelt = record ? undefined : respelled();
  if (spelt) {
    classification = respelledClassification = await deps.classify(spelt);
    record = primaryRecord(classification.records);
  }
  // A file may be long (a whole mail): the checks on the user's own words look at its beginning only.
  const head = file && text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
  const kind = kindOfText(head, record !== undefined);
  // With nothing on screen, a symptom typed in words nobody listed (「写真つけたのだけはじかれる」: a class
  // of symptoms.yaml) is read too; never a server's text (a failed paste stays one).
  const toldCold = !file && !session.topic && !kind.fromServer && text.length <= MAX_QUESTION_CHARS;
  const ownPhrase =
    deps.matchSymptom(head) ??
    (head.length <= MAX_QUESTION_CHARS ? ctx.symptomByReading(head) : undefined) ??
    symptomIn(deps, respelled());
  // A short text nobody but a person writes (no status code, header line, SMTP transcript): it may be a
  // question. 「MAILER-DAEMONって誰ですか」 names a bounce word, but it is asked, not pasted.
  const typed =
    !file && !kind.marked && text.length <= MAX_QUESTION_CHARS && (!kind.fromServer || asksSomething(text));
  // The question index is asked only when its answer can change the outcome (a paste read as a bounce
  // with nothing on screen that is no question, a symptom in the user's words about a new topic): it
  // is the costliest step of reading a typed text (npm run bench:webhook). Same answers either way.
  const felt = typed ? ctx.feelings.feelingIn(text) : undefined;
  const feeling = felt !== undefined && ctx.feelings.feelingOver(text, felt) ? undefined : felt;
  // 「急いでるのに送れない！どうしたらいいの」: a question asked among upset words is understood without
  // them (readQuestion).
  // 「容量オーバーになる前に大きくしておきたい」: a symptom foreseen or guarded against (typedWords.notYet) has
  // not happened, so no question about a diagnosis (plain words, for every topic) is what it asks.
  const foreseen = typed && ownPhrase !== undefined && mentionsAny(text, ctx.words.notYet);
  let understoodOnce: Understanding | undefined;
  const understood = (): Understanding =>
    (understoodOnce ??= !typed
      ? { kind: "none", candidates: [] }
      : foreseen
        ? withoutDiagnosisQuestions(ctx, readQuestion(ctx, text, session.topic, feeling))
        : toldInClass(ctx, text, session.topic, readQuestion(ctx, text, session.topic, feeling)));
  const topScore = () => understood().candidates[0]?.score ?? 0;
  const question = (): Question | undefined => {
    const u = understood();
    return u.kind === "confident" ? ctx.questions.get(u.id) : undefined;
  };
  // What a returned mail said, retold (「最大サイズを超えてるって英語で来ました」): the reason whose own
  // title or summary it is close to (reason-texts.ts), when nothing above read it.
  const byClass =
    ownPhrase !== undefined || !toldCold
      ? undefined
      : (ctx.symptomByClass(head) ?? (!record && retells(text) ? ctx.reasonOf(head) : undefined));
  // A class gives way to a question clearly asked instead, or about that very symptom (askedInstead).
  // 「いっぱいになりそうなので容量を増やしたい」: the symptom foreseen has not happened; a question asked beside
  // it is what is meant (askedBeside).
  const phrase = foreseen && askedBeside(question) ? undefined : ownPhrase;
  const ownRead =
    phrase ??
    (byClass && !askedInstead(text, byClass, question, topScore, ctx.words.failureAsked)
      ? byClass
      : undefined);
  // 「迷惑メールの件で聞きたいことがあります」「ウイルスのことで相談したいんですが」: a wish to ask about a subject, its
  // question still to come (wish-to-ask.ts), names a symptom's word as what it asks about, not a symptom that
  // happened: no bounce and no symptom read, the subject's questions offered (main-event.ts). Only typed words
  // something read as returned mail are asked (its gate is one includes() per wish word).
  const wishOnly =
    (record !== undefined || ownRead !== undefined) &&
    typed &&
    !kind.fromServer &&
    wishesToAsk(head, ctx.words) === "subject";
  const ownWords = wishOnly ? undefined : ownRead;
  // Typed English the text-kind heuristics left open ("Who is MAILER-DAEMON?") is English when it asks
  // one of our questions.
  // A Japanese returned mail pasted (text a server wrote) says nothing of the user's language: a user whose
  // LINE is in English goes on in English. English words of their own around a paste still switch to English.
  // So is one read as something said of the talk itself (a greeting, thanks, a goodbye, "got it", a restart, a person:
  // "heyyy", "laters", "ok makes sense", "start again"): Japanese typed in Latin letters was read as its kana above
  // (romaji.ts), so a pleasantry or act still in Latin letters is English; a word of two letters ("ok", "k") is typed in
  // every language and tells none. So is any question of ours read in an English sentence of four words or more
  // (englishRead: "tried it three times now and each time it bounces back" after a Japanese diagnosis), unless the
  // text names a symptom (「temporary server error, try again later」 may be the server's phrase pasted: text-kind
  // tells whose it is).
  adopt(
    before,
    kind.fromServer && kind.lang === "ja" && !hasEnglishWords(text)
      ? undefined
      : (kind.lang ??
          (!record &&
          typed &&
          ((isEnglishQuestion(text) && understood().kind !== "none") ||
            (ownWords === undefined && englishRead(ctx, text, understood)))
            ? "en"
            : undefined)),
    session,
  );

  if (feeling) before.push({ type: "UPSET", feeling });

  // 「知らない英語のメール、開いたらまずい？」「MAILER-DAEMONから届いたメールは開いても平気ですか」: whether opening or
  // pressing something of a mail received is all right (scans.ts asksIfSafeToOpen), typed with nothing on screen or
  // with a diagnosis this question has an answer of its own for (mail never sent, an automatic reply), is that
  // question, though its words read a symptom (a flood of unknown mail) or MAILER-DAEMON. A mail named, or one on
  // screen: 「このリンク押してもいい？」 alone is about something else.
  const safe = typed ? ctx.questions.get(SAFE_TO_OPEN_QUESTION) : undefined;
  if (
    safe &&
    (session.topic === null
      ? mentionsAny(text, ctx.words.mailNamed)
      : safe.topics[session.topic] !== undefined && !safe.needsOn?.topics.includes(session.topic)) &&
    asksIfSafeToOpen(head, ctx.words)
  )
    return [...before, questionEvent(ctx, safe, session.topic)];

  // 「迷惑メールが大量にくる」: typed words that the classifier (or a symptom phrase: 「大量に届く」) reads
  // as returned mail, but that say something else (knowledge/data/questions `notBounce`: spam received).
  // Not when the text speaks of returned mail, reports what one said, or names the symptom the
  // classifier read (「迷惑メールと判定された」 is the mail refused as spam).
  // Asked only of typed text something read as returned mail (a paste is the server's text: no need).
  const mayNotBeBounce =
    !wishOnly &&
    (record !== undefined || ownWords !== undefined) &&
    !kind.fromServer &&
    (ownWords === undefined || ownWords !== record?.topic);
  const u = mayNotBeBounce ? understood() : undefined;
  const told = u?.kind === "confident" ? ctx.questions.get(u.id) : undefined;
  // 「知らない人からのメールが毎日何十通も」: told, with nothing on screen, in words of a class that says so (a
  // question's `toldAs`), though a symptom phrase (「何十通も」) reads returned mail.
  const toldAs = told?.notBounce ? told : toldCold ? ctx.toldAs(head) : undefined;
  if (toldAs && !reportsBounce(text) && ctx.mentionOf(text) === undefined)
    return [...before, questionEvent(ctx, toldAs, session.topic)];

  // The diagnosis on screen named again in a person's words (「普通の仕事のメールなのになんでスパム判定され
  // たの」 after "refused as spam": no code, no header line, nothing reported as the mail's words) is talk
  // about it, not a new paste: its question, else its steps, not the same advice once more.
  const sameAgain =
    record !== undefined &&
    record.topic === session.topic &&
    typed &&
    !kind.fromServer &&
    !reportsBounce(text);
  // Words of feeling typed with a diagnosis on screen, naming a reason without a server's marks and
  // without reporting a new mail (「ウイルスとか怖すぎる、どうしたらいいの」 after "mail you never sent"):
  // the person is telling how they feel about what is on screen, not pasting another bounce.
  const feltAboutScreen =
    feeling !== undefined && session.topic !== null && !kind.fromServer && !reportsBounce(text);
  // The classifier reads the symptom foreseen too (「容量オーバーになる前に」): a person's words, not a notice.
  const notHappened = foreseen && !kind.fromServer && askedBeside(question);
  // A why asked with a diagnosis on screen in words of another symptom, in a person's words and reporting no new
  // mail (「なぜ容量オーバーになったんでしょう」 after "too big": 容量オーバー also reads "mailbox full"): a question
  // about the diagnosis on screen (its cause, or what else it asks), not a new diagnosis. Its two scans run
  // only when another topic than the one on screen was read.
  const whyOfScreen =
    session.topic !== null &&
    typed &&
    !kind.fromServer &&
    ((record !== undefined && record.topic !== session.topic) ||
      (ownWords !== undefined && ownWords !== session.topic)) &&
    asksWhy(text) &&
    !reportsBounce(text);
  if (record && !wishOnly && !sameAgain && !feltAboutScreen && !notHappened && !whyOfScreen)
    return bounceEvents(
      ctx,
      {
        text,
        head,
        session,
        record,
        records: classification.records,
        inOwnWords: !kind.fromServer || classification === respelledClassification,
        typed,
        ownWords,
        question,
        topScore,
        understood,
      },
      before,
    );

  // A reaction of a few letters matches a question about a diagnosis by one short word at most ("so?"
  // in "so the address is wrong?"): it asks that question only when the match is strong. Short acts
  // (「あざす」「ども」) are what they say.
  const asked = (): Question | undefined => {
    const q = question();
    const reaction =
      q !== undefined &&
      Object.keys(q.topics).length > 0 &&
      isShortReaction(ctx, text) &&
      topScore() < REACTION_CLEAR;
    return reaction ? undefined : q;
  };
  const main = mainEvent(ctx, {
    text: head,
    session,
    ownWords,
    question: asked,
    understood,
    feeling,
    fromServer: kind.fromServer,
    typed,
    onScreen: sameAgain || (ownWords !== undefined && ownWords === session.topic),
    whyOfScreen,
  });
  // A paste cut right after its code (「…said: 550」, 「554 5.0.0」) is part of a bounce, as in a screenshot:
  // the line read, and the words after the code asked for (not "could not read it").
  const event = main.type === "UNREADABLE" ? (partlyRead(classification, head) ?? main) : main;
  // Part of a bounce holds the recipients' addresses, as a whole one does: only the rest is warned about.
  if (shouldWarn(head, event.type === "PARTLY_READ" ? "bounce" : "chat"))
    before.push({ type: "PERSONAL_DATA" });
  return [...before, event];
}

// The steps of fromText that need nothing of its own state but what they are given: functions of the module,
// not closures made for each typed text.

/** The chat's language switched to `lang` (before the text's events), when it is another than the chat's. */
function adopt(before: DialogEvent[], lang: Lang | undefined, session: SessionView): void {
  if (lang && lang !== session.lang) before.push({ type: "LANGUAGE", lang });
}

/** The symptom of symptoms.yaml a respelt text names. */
function symptomIn(deps: InterpretContext["deps"], spelt: string | undefined): TopicId | undefined {
  return spelt ? deps.matchSymptom(spelt) : undefined;
}

/**
 * A class read (`byClass`) gives way to a question clearly asked instead (「動画を送りたいのに毎回はじかれる。大きいファ
 * イルってどうやって送るの」: how to send large files, not the diagnosis again), or asked about that very symptom
 * (「動画が毎回戻ってくる、大きいのはどう送れば？」: an answer of its own for its topic and few others, not "what does
 * it mean").
 */
function askedInstead(
  text: string,
  byClass: TopicId,
  question: () => Question | undefined,
  topScore: () => number,
  failureAsked: readonly string[],
): boolean {
  // 「相手の受信箱が満杯で送れなかったみたい」 "it seems" tells: its 「たい」 is no wish (sentenceAsks).
  const q = sentenceAsks(text) ? question() : undefined;
  // 「…休業中ですってメールが届いた。これも失敗？」 "an auto reply came, is that a bounce too?": whether the mail the
  // story retells is a failure at all is what the class's diagnosis answers (round 44: read as "keeps failing" or
  // "are you a person?" from the piece alone or the 自動応答 retold; typedWords.failureAsked).
  if (q !== undefined && mentionsAny(text, failureAsked)) return false;
  // 「開封しましたってメールが届いたけど、これ何？」: "what is this?" beside the mail's words retold is answered by
  // what they tell (the diagnosis), not by what a returned mail is in general. So is "what does this mean"
  // asked of the story, no word and no why (「出してないメールのエラーが来るんですが、どういうことですか」: the
  // diagnosis, not "why do I get them"; round 32).
  if (q?.asksWhat || (mentionsAny(text, STORY_MEANING) && !asksWhy(text))) return false;
  const aboutClass =
    q !== undefined &&
    q.topics[byClass] !== undefined &&
    Object.keys(q.topics).length <= MAX_TOPICS_OF_A_STANDALONE_ANSWER;
  return q !== undefined && q.does === undefined && (topScore() >= CLASS_GIVES_WAY || aboutClass);
}

/** A question of ours asked beside a symptom foreseen (no act: a question with an answer). */
function askedBeside(question: () => Question | undefined): boolean {
  const q = question();
  return q !== undefined && q.does === undefined;
}

/**
 * What a respelling or a part of the text read in its place gave, in the language of the text as typed: "smtp settings
 * pls" is read as "…please", "Dunno what to do with any of this, mate" as "don't know…", "good evening, can you explain
 * me what is MAILER-DAEMON" without its greeting, and the part read alone may tell no language (a server's word in it,
 * a longer sentence) where the whole did. The typed text's own language, when it tells one, is the reply's.
 */
function inOwnLanguage(
  typed: string,
  events: DialogEvent[],
  session: SessionView,
  respelt?: string,
): DialogEvent[] {
  // "mi vex now, dis mail bounce again": words of spoken English tell no language as typed ("mi", "dis" are no
  // English word a typed sentence is known by); re-spelt ("me vex now, this mail…"), they do.
  const own = kindOfText(typed).lang ?? (respelt === undefined ? undefined : kindOfText(respelt).lang);
  if (own === undefined) return events;
  const rest = events.filter((e) => e.type !== "LANGUAGE");
  return own === session.lang ? rest : [{ type: "LANGUAGE", lang: own }, ...rest];
}

/** A real reply code or status read with no reason (reason "onhold"): the line that holds it, masked. */
function partlyRead(classification: Classification, text: string): DialogEvent | undefined {
  const coded = classification.records.some(
    (r) => r.reason === "onhold" && (/^[245]\d\d$/.test(r.replyCode) || /^[245]\.\d\.\d$/.test(r.status)),
  );
  const line = coded ? firstBounceLine(text) : undefined;
  return line
    ? { type: "PARTLY_READ", line: cut(maskPii(line), MAX_SHOWN_LINE_CHARS), from: "paste" }
    : undefined;
}

/**
 * A language asked for: the chat switches to it whatever the rest is written in, and the rest is read as a
 * message of its own. Asked for alone, the answer is what the assistant says in that language: the diagnosis
 * on screen in plain words, else how to use the chat.
 */
async function withLanguage(
  ctx: InterpretContext,
  { lang, rest }: LanguageRequest,
  session: SessionView,
): Promise<DialogEvent[]> {
  const switched: DialogEvent[] = lang === session.lang ? [] : [{ type: "LANGUAGE", lang }];
  if (rest === "") {
    const plain = session.topic ? plainWords(ctx) : undefined;
    return [...switched, plain ? questionEvent(ctx, plain, session.topic) : { type: "HELP" }];
  }
  const events = await fromText(ctx, rest, { ...session, lang });
  return [...switched, ...events.filter((e) => e.type !== "LANGUAGE")];
}

/**
 * A reading without the questions about a diagnosis (those with an answer for every topic: 「かんたんに言う
 * と？」): the best of the rest is answered when it leads as the index wants a question to lead.
 */
function withoutDiagnosisQuestions(ctx: InterpretContext, u: Understanding): Understanding {
  const candidates = u.candidates.filter((c) => {
    const q = ctx.questions.get(c.id);
    return q === undefined || !answersEveryTopic(q);
  });
  if (candidates.length === u.candidates.length) return u;
  const [first, second] = candidates;
  if (!first || first.score < THRESHOLDS.candidate) return { kind: "none", candidates };
  const leads = !second || second.score < first.score * THRESHOLDS.ratio;
  return leads && first.score >= THRESHOLDS.confident
    ? { kind: "confident", id: first.id, candidates }
    : { kind: "unsure", candidates };
}

/**
 * A text in Latin letters alone, with a word of three letters or more, that the understanding reads confidently as a
 * pleasantry or an act of the conversation (acts.yaml), or as any question of ours when it is a sentence of four words
 * or more: what people tell us, in English ("tried it three times now and each time it bounces back", "fixed the
 * address and it went through" after a Japanese diagnosis, round 43). The index's examples are what people type; a
 * server's line is read by the classifier first (no bounce read is a condition of the caller), and a term alone
 * ("SPF", "softbank mail") tells no language. The letter tests first: most texts end there.
 */
function englishRead(ctx: InterpretContext, text: string, understood: () => Understanding): boolean {
  if (!WORD_OF_THREE.test(text) || JAPANESE_SCRIPT.test(text) || !moreEnglishThanRomaji(text)) return false;
  const u = understood();
  if (u.kind !== "confident") return false;
  const q = ctx.questions.get(u.id);
  if (q === undefined) return false;
  return isPleasantry(ctx, u.id) || isConversationAct(q) || englishSentence(text);
}
const WORD_OF_THREE = /[A-Za-z]{3}/;
/** Words of a sentence told, not a term typed alone. */
const TOLD_WORDS = 4;

/**
 * A sentence told in English: four words or more, more of them (of two letters or more) spelling no romaji than
 * spelling some. 「au no address ni okutta」 is Japanese in Latin letters around one English word (au, no, ni, okutta
 * spell kana); "tried it three times now and each time it bounces back" is English.
 */
function englishSentence(text: string): boolean {
  let words = 0;
  let english = 0;
  let romaji = 0;
  for (const word of text.toLowerCase().split(/[^a-z]+/)) {
    if (word === "") continue;
    words++;
    if (word.length < 2) continue;
    if (kanaOf(word) === undefined) english++;
    else romaji++;
  }
  return words >= TOLD_WORDS && english > romaji;
}

/**
 * "ok wakatta" mixes in a romaji word the romaji reader left (its "ok"): Japanese. Words of three letters or more
 * that spell no romaji must be at least as many as those that do ("start again": "again" spells あがいん).
 */
function moreEnglishThanRomaji(text: string): boolean {
  let english = 0;
  let romaji = 0;
  for (const word of text.toLowerCase().split(/[^a-z]+/)) {
    if (word.length < 3) continue;
    if (kanaOf(word) === undefined) english++;
    else romaji++;
  }
  return english > 0 && english >= romaji;
}
const JAPANESE_SCRIPT = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/**
 * Whether a text holds English words besides addresses and codes (「これ何？ Undelivered Mail…」: the
 * Japanese there is the user's own, around an English notice). A hand scan, linear in the text.
 */
function hasEnglishWords(text: string): boolean {
  let letters = 0;
  let inAddress = false;
  for (const ch of text) {
    if (ch === " " || ch === "\n" || ch === "\t" || ch === "<" || ch === ">" || ch > "\u007f")
      inAddress = false;
    else if (ch === "@") inAddress = true;
    const latin = (ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z");
    if (latin && !inAddress) letters++;
  }
  return letters >= MIN_ENGLISH_LETTERS;
}
/** Letters of English (outside addresses) that make a text more than a Japanese notice with codes. */
const MIN_ENGLISH_LETTERS = 12;

/** "What does this mean" asked of a story told (not of a word: 「SPFってどういう意味」 names one). */
const STORY_MEANING = [
  "これってどういうこと",
  "これはどういうこと",
  "どういうことですか",
  "どういうことでしょう",
  "どういうこと?",
  "what does this mean",
  "what does that mean",
  "what does it mean",
];
