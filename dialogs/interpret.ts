import { firstBounceLine } from "../knowledge/ocr/clean.ts";
import { maskPii, shouldWarn } from "../knowledge/pii.ts";
import { answerFor, answersEveryTopic, type Question, type QuestionBank } from "../knowledge/questions.ts";
import type { Classification, TopicId } from "../knowledge/types.ts";
import { buildLabelIndex, fromPostback, KEYWORD_EVENTS, keywordIndex } from "./commands.ts";
import { diagnosisOf, primaryRecord } from "./diagnosis.ts";
import { type DialogEvent, FEELINGS, type Feeling, type UnsupportedKind } from "./events.ts";
import type { Carrier, Knowledge, Lang } from "./knowledge-contract.ts";
import { unreadPaste } from "./paste-excerpt.ts";
import { decodePostback } from "./postback.ts";
import { isServerStatus } from "./recipients.ts";
import { cut, followedWithin, mentionsAny, normalizeCommand, withoutWords } from "./text.ts";
import { kindOfText, languageOfCommand } from "./text-kind.ts";
import { checkKeyAnswers, type UiTexts } from "./ui.ts";
import {
  asksSomething,
  clausesOf,
  conditionOf,
  deadlineIn,
  exclaimed,
  isEnglishQuestion,
  isLament,
  isQuestion,
  MIN_TOLD_CHARS,
  NEW_MAIL_WORDS,
  realises,
  reportsBounce,
  sentenceAsks,
  sentencePieces,
  sentencesOf,
} from "./understand/asking.ts";
import { carrierNamer } from "./understand/carriers.ts";
import { standardSpelling } from "./understand/dialect.ts";
import {
  feltByShape,
  NEGATED_FEELINGS,
  relievedAtEnd,
  saysSomething,
  soundsGlad,
  splitAtPastContrast,
  tellsSituation,
  withoutDeniedBlame,
} from "./understand/feelings.ts";
import { canonicalLength, readingTable } from "./understand/normalize.ts";
import { phraseMatcher } from "./understand/phrases.ts";
import { reasonTextReader, retells } from "./understand/reason-texts.ts";
import { buildRespeller } from "./understand/respell.ts";
import { romajiToKana } from "./understand/romaji.ts";
import { stringsIn, withScope } from "./understand/scope.ts";
import { plainEnglish } from "./understand/shorthand.ts";
import { namesFault } from "./understand/sides.ts";
import { symptomClassMatcher } from "./understand/symptom-classes.ts";
import {
  buildQuestionIndex,
  MAX_QUESTION_CHARS,
  type QuestionIndex,
  type Understanding,
} from "./understand/understand.ts";

export { diagnosisOf, primaryRecord } from "./diagnosis.ts";
export { languageOf } from "./text-kind.ts";
export { isServerStatus };

/**
 * Turns what the user sent into typed dialog events, BEFORE the machine sees it: this is where the
 * classifier runs, where commands and taps are recognised, and where personal data is noticed.
 * Nothing here keeps the text: only the masked diagnosis leaves this module.
 */

export type UserInput =
  | { kind: "follow" }
  | { kind: "text"; text: string }
  | { kind: "postback"; data: string }
  | { kind: "unsupported"; what: UnsupportedKind }
  /** The text read off a screenshot (bot/media.ts: OCR, cleaned); "" when it could not be read at all. */
  | { kind: "screenshot"; text: string }
  /** A mail (.eml) or text (.txt) file's content, decoded: read as a paste without a length limit. */
  | { kind: "file"; text: string };

/** What the interpreter may know of the session: enough to match typed labels to the current options. */
export interface SessionView {
  lang: Lang;
  topic: TopicId | null;
  pickingCarrier: boolean;
  /** The diagnosis was the last answer (nothing asked since): 「はい」 then acknowledges it. */
  justDiagnosed?: boolean;
}

export interface InterpreterDeps {
  /** kind "fragment": read as a pasted piece even if it starts like a mail (a screenshot's text). */
  classify: (text: string, kind?: "fragment") => Promise<Classification>;
  knowledge: Knowledge;
  /** knowledge.ts `matchSymptom(knowledge, text)`: the user's own words → topic. */
  matchSymptom: (text: string) => TopicId | undefined;
  /** knowledge.ts `carrierOf(knowledge, domain)`: is the recipient a mobile-carrier address? */
  carrierOf: (domain: string) => Carrier | undefined;
  ui: UiTexts;
  /** knowledge/questions.ts `loadQuestions(knowledge)`: what users ask, and the answers. */
  questions: QuestionBank;
  /** Wraps the question index, e.g. to keep what recent texts mean to it (bot/recent-results.ts). */
  keepUnderstood?: (index: QuestionIndex) => QuestionIndex;
}

/** Longer than this is not a paste from a phone; it is answered kindly instead of classified. */
export const MAX_TEXT_CHARS = 100_000;
/** Longer texts are never a typed command or button label. */
const MAX_COMMAND_CHARS = 200;
/** The line of a partly read screenshot shown back to the user (masked) is cut to this. */
const MAX_SHOWN_LINE_CHARS = 120;

export type Interpreter = (input: UserInput, session: SessionView) => Promise<DialogEvent[]>;

export function createInterpreter(deps: InterpreterDeps): Interpreter {
  const keywordOf = keywordIndex(deps.ui);
  const labelIndex = buildLabelIndex(deps);
  const readings = readingTable(deps.questions.readings);
  // "returned" first: 「エラーメールが返ってきて送れない」 is about the bounce.
  const mentionOf = phraseMatcher(
    (["returned", "not-sent"] as const).map((kind) => [kind, deps.ui.mentions[kind]] as const),
    readings,
  );
  // In the order of FEELINGS (events.ts): "urgent" first, "worried" last.
  const feelingOf = phraseMatcher(
    FEELINGS.map((kind) => [kind, deps.ui.feelings.words[kind]] as const),
    readings,
  );
  // Blame (「So-netのせいでしょ」), lost (「意味わからん」): feelings whose words stay in what is read.
  const blameOf = phraseMatcher(
    [
      ["frustrated", deps.ui.feelings.words.kept?.frustrated ?? []],
      ["worried", deps.ui.feelings.words.kept?.worried ?? []],
    ] as const,
    readings,
  );
  // Praise said of a failure (「さすがSo-netさん、素晴らしいサービスですね」): sarcasm, unless glad (feelings.ts).
  const praiseOf = phraseMatcher([["frustrated", deps.ui.feelings.words.ironic ?? []] as const], readings);
  const ironic = (text: string): Feeling | undefined =>
    praiseOf(text) !== undefined && !soundsGlad(text) ? "frustrated" : undefined;
  checkKeyAnswers(deps.ui, deps.questions.questions);
  // Words of mail itself (ui.yaml aboutMail): with nothing on screen, a text not understood that has one
  // is about returned mail more likely than small talk (mainEvent).
  const aboutMail = phraseMatcher([["mail", deps.ui.aboutMail ?? []] as const], readings);
  // 「もう試した」: the advice on screen was tried already (mainEvent).
  const triedOf = phraseMatcher([["tried", deps.ui.feelings.words.tried ?? []] as const], readings);
  const notFeelings = [...(deps.ui.feelings.words.except ?? []), ...NEGATED_FEELINGS].map((w) =>
    w.normalize("NFKC").toLowerCase(),
  );
  // Self-blame denied and told (「私のせいじゃないならよかった」) is none either (feelings.ts).
  const blames = (deps.ui.feelings.words.kept?.worried ?? []).map((w) => w.normalize("NFKC").toLowerCase());
  // Lower case: "Not panicking, just curious" denies as "not panicking" does.
  const withoutExceptions = (text: string) =>
    withoutDeniedBlame(withoutWords(text.normalize("NFKC").toLowerCase(), notFeelings), blames);
  // The text without its words of feeling, as written: what it asks besides them (readQuestion).
  const withoutFeelingWords = (text: string) => feelingOf.strip(withoutExceptions(text));
  /** The feeling a typed text tells: by its words, blame, marks, a deadline, its shape, sarcasm, tries counted. */
  const feelingIn = (text: string): Feeling | undefined => {
    const plain = withoutExceptions(text);
    return (
      feelingOf(plain) ??
      blameOf(plain) ??
      exclaimed(text) ??
      deadlineIn(plain) ??
      feltByShape(text) ??
      ironic(text) ??
      (countsTries(text) ? "frustrated" : undefined)
    );
  };
  /**
   * A worry (not anger: thanks after anger is often sarcasm) that is over: closed by relief or thanks with
   * nothing asked (「びっくりしたけど、普通のお知らせだったんですね。ありがとう」), or told as past before a
   * contrast with nothing felt after it (「不安だったけど、説明を読んで少し落ち着きました」).
   */
  const feelingOver = (text: string, felt: Feeling): boolean => {
    if (felt === "frustrated") return false;
    if (relievedAtEnd(text)) return true;
    const turned = splitAtPastContrast(text);
    return turned !== undefined && feelingIn(turned[0]) !== undefined && feelingIn(turned[1]) === undefined;
  };
  // Symptoms typed in hiragana (「ようりょうおーばー」): symptoms.yaml read through readings.yaml, tried
  // after the symptom matcher itself.
  const symptomByReading = phraseMatcher(
    deps.knowledge.symptoms.map(({ topic, phrases }) => [topic, phrases] as const),
    readings,
  );
  // Questions asked only with one of their words (`needs`; a carrier named counts too).
  const needed = new Map(
    [...deps.questions.questions.values()]
      .filter((q) => q.needs)
      .map((q) => [q.id, phraseMatcher([[true, q.needs!]] as const, readings)] as const),
  );
  const lacksNeeded = (q: Question | undefined, text: string) => {
    const has = q ? needed.get(q.id) : undefined;
    return has !== undefined && has(text) === undefined && carrierIn(text) === undefined;
  };
  // 「写真つけたのだけはじかれる」: symptoms told in words nobody listed (symptoms.yaml classes).
  const symptomByClass = symptomClassMatcher(deps.knowledge.symptoms, readings);
  // 「一時的なエラーなので後でもう一度って書いてあった」: a reason retold, close to its own texts.
  const reasonOf = reasonTextReader(deps.knowledge, deps.questions, mentionOf.strip);
  // Starting over (`does: restart`): what another returned mail asked about means.
  const restartQuestion = [...deps.questions.questions.values()].find((q) => q.does === "restart");
  // Built once: the examples of knowledge/data/questions/ as a search index.
  // A text about something no question covers (fees, contracts) is no question of ours (scope.ts).
  const scoped = withScope(
    // What the assistant says each diagnosis is (its title and menu label): said again and asked whether
    // it is so, it asks for the diagnosis in plain words.
    buildQuestionIndex(
      deps.questions,
      new Map([...deps.knowledge.topics].map(([id, t]) => [id, [t.title.ja, t.menuLabel.ja]])),
    ),
    deps.questions,
    stringsIn([
      deps.knowledge.topics,
      deps.knowledge.carriers,
      deps.knowledge.symptoms,
      deps.knowledge.codes,
    ]),
  );
  const questionIndex = deps.keepUnderstood ? deps.keepUnderstood(scoped) : scoped;
  // 「arigatou」「mou ichido okuttemo ii?」: Japanese typed in Latin letters, read as the kana it spells
  // unless its words are English the data knows ("no", "see you", "take care" spell kana too).
  const englishWords = new Set<string>();
  const addEnglish = (phrase: string) => {
    for (const w of phrase
      .normalize("NFKC")
      .toLowerCase()
      .split(/[^a-z']+/))
      if (w) englishWords.add(w);
  };
  for (const q of deps.questions.questions.values()) q.examples.forEach(addEnglish);
  for (const list of [...Object.values(deps.ui.keywords), ...Object.values(deps.ui.mentions)])
    list.forEach(addEnglish);
  for (const kind of FEELINGS) deps.ui.feelings.words[kind].forEach(addEnglish);
  deps.ui.feelings.words.kept?.frustrated?.forEach(addEnglish);
  deps.ui.feelings.words.kept?.worried?.forEach(addEnglish);
  deps.ui.feelings.words.ironic?.forEach(addEnglish);
  for (const { phrases } of deps.knowledge.symptoms) phrases.forEach(addEnglish);
  // 「ユーザーアンノウン」, "User Unkown": the English of a returned mail, typed by ear or with a typo.
  const respell = buildRespeller(deps.questions.kanaEnglish);
  // 「相手はソフトバンクです」「ahamoの友達」: the carrier a follow-up names.
  const carrierIn = carrierNamer(deps.knowledge.carriers);
  // The follow-up that asks for the recipient's carrier, per topic on screen (and with none: the answer
  // a question about mobile addresses gives without a diagnosis).
  const carrierFollowUps = new Map<TopicId | null, { topic: TopicId; id: string }>();
  for (const [id, topic] of deps.knowledge.topics) {
    const f = topic.followUps.find((f) => f.carriers === true);
    if (f) carrierFollowUps.set(id, { topic: id, id: f.id });
  }
  for (const q of deps.questions.questions.values()) {
    const a = answerFor(q, null);
    if (a && "followUp" in a && carrierFollowUps.get(a.followUp.topic)?.id === a.followUp.id)
      carrierFollowUps.set(null, carrierFollowUps.get(a.followUp.topic)!);
  }

  return async (input, session) => {
    switch (input.kind) {
      case "follow":
        return [{ type: "FOLLOW" }];
      case "unsupported":
        return [{ type: "UNSUPPORTED", kind: input.what }];
      case "postback": {
        const p = decodePostback(input.data);
        // 「もしかして…」 tapped: answered as if typed, in the context of the diagnosis on screen.
        if (p?.a === "ask") {
          const question = deps.questions.questions.get(p.id);
          return [question ? questionEvent(question, session.topic) : { type: "MENU" }];
        }
        return [fromPostback(p, deps.knowledge)];
      }
      case "text":
        return toldOrAsked(
          ratedInWords(
            withCarrier(await fromText(input.text, session), input.text, session),
            input.text,
            deps.questions,
            session.topic,
          ),
          input.text,
          session.topic,
        );
      case "file":
        return fromText(input.text, session, true);
      case "screenshot":
        return fromScreenshot(input.text);
    }
  };

  /**
   * A screenshot's text: a bounce the classifier reads is answered as its paste would be; part of one (a
   * code or an address, no reason) is shown back, masked, with a request for the rest; nothing is a
   * kind "could not read it". Never a guess. The chat's language is the user's, not the screenshot's.
   */
  async function fromScreenshot(text: string): Promise<DialogEvent[]> {
    if (text.trim() === "") return [{ type: "SCREENSHOT_UNREADABLE" }];
    const classification = await deps.classify(text, "fragment");
    const record = primaryRecord(classification.records);
    const before: DialogEvent[] = shouldWarn(text, "bounce") ? [{ type: "PERSONAL_DATA" }] : [];
    if (record)
      return [
        ...before,
        { type: "PASTE", diagnosis: diagnosisOf(record, deps.carrierOf, classification.records) },
      ];
    const line = firstBounceLine(text);
    if (!line) return [...before, { type: "SCREENSHOT_UNREADABLE" }];
    return [...before, { type: "SCREENSHOT_PARTIAL", line: cut(maskPii(line), MAX_SHOWN_LINE_CHARS) }];
  }

  async function fromText(text: string, session: SessionView, file = false): Promise<DialogEvent[]> {
    // Commands and labels are short; normalising a long paste would only cost time (and its trailing-
    // punctuation pattern is quadratic on a long run of punctuation). A file's content is never one.
    const command = !file && text.length <= MAX_COMMAND_CHARS ? normalizeCommand(text) : "";
    const before: DialogEvent[] = [];
    const adopt = (l: Lang | undefined) => {
      if (l && l !== session.lang) before.push({ type: "LANGUAGE", lang: l });
    };

    // 1. A command or the label of a button, typed (or sent by a message action): exact match only,
    //    so a paste that contains "help" is still a paste.
    const tapped = command ? matchTyped(command, session) : undefined;
    if (tapped) {
      adopt(languageOfCommand(text));
      return [...before, tapped];
    }

    // Japanese in Latin letters: read as its kana (a typed text only; a paste keeps its letters).
    const kana = file ? undefined : romajiToKana(text, englishWords);
    if (kana !== undefined) return fromText(kana, session);
    // Kansai endings (「送れへん」「どないしたらええの」) and hurried English ("r u a bot", "recieve"): read in
    // their standard forms (a typed text only).
    const standard =
      file || text.length > MAX_QUESTION_CHARS ? undefined : (standardSpelling(text) ?? plainEnglish(text));
    if (standard !== undefined) return fromText(standard, session);

    if (!file && text.length > MAX_TEXT_CHARS) {
      if (shouldWarn(text, "chat")) before.push({ type: "PERSONAL_DATA" });
      return [...before, { type: "UNSUPPORTED", kind: "too-long" }];
    }

    // 2. A bounce? The user's own words about a flood of returned mail decide over the bounce itself.
    let classification = await deps.classify(text);
    let record = primaryRecord(classification.records);
    // 「Ｕｓｅｒ　ｕｎｋｎｏｗｎ」 typed on a Japanese keyboard: read the half-width form too.
    if (!record && !file && FULL_WIDTH_ASCII.test(text) && text.length <= MAX_QUESTION_CHARS) {
      classification = await deps.classify(text.normalize("NFKC"));
      record = primaryRecord(classification.records);
    }
    // 「ゆーざーあんのうんってでた」, "host unknwon": read once more with the English words written out.
    // Respelt only when needed (a bounce read as is, or a symptom matched, needs no respelling): the scan
    // compares every Latin word against the vocabulary, on the path of every typed text and paste.
    let respelledText: string | undefined | null = null; // null: not respelt yet
    const respelled = () => {
      if (respelledText === null)
        respelledText = !file && text.length <= MAX_QUESTION_CHARS ? respell(text) : undefined;
      return respelledText;
    };
    const symptomIn = (spelt: string | undefined) => (spelt ? deps.matchSymptom(spelt) : undefined);
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
      (head.length <= MAX_QUESTION_CHARS ? symptomByReading(head) : undefined) ??
      symptomIn(respelled());
    // A short text nobody but a person writes (no status code, header line, SMTP transcript): it may be a
    // question. 「MAILER-DAEMONって誰ですか」 names a bounce word, but it is asked, not pasted.
    const typed =
      !file && !kind.marked && text.length <= MAX_QUESTION_CHARS && (!kind.fromServer || asksSomething(text));
    // The question index is asked only when its answer can change the outcome (a paste read as a bounce
    // with nothing on screen that is no question, a symptom in the user's words about a new topic): it
    // is the costliest step of reading a typed text (npm run bench:webhook). Same answers either way.
    const felt = typed ? feelingIn(text) : undefined;
    const feeling = felt !== undefined && feelingOver(text, felt) ? undefined : felt;
    // 「急いでるのに送れない！どうしたらいいの」: a question asked among upset words is understood without
    // them (readQuestion).
    let understoodOnce: Understanding | undefined;
    const understood = (): Understanding =>
      (understoodOnce ??= typed
        ? readQuestion(text, session.topic, feeling)
        : { kind: "none", candidates: [] });
    const topScore = () => understood().candidates[0]?.score ?? 0;
    const question = (): Question | undefined => {
      const u = understood();
      return u.kind === "confident" ? deps.questions.questions.get(u.id) : undefined;
    };
    // A class gives way to a question clearly asked (「動画を送りたいのに毎回はじかれる。大きいファイルってど
    // うやって送るの」: how to send large files, not the diagnosis again).
    // What a returned mail said, retold (「最大サイズを超えてるって英語で来ました」): the reason whose own
    // title or summary it is close to (reason-texts.ts), when nothing above read it.
    const byClass =
      ownPhrase !== undefined || !toldCold
        ? undefined
        : (symptomByClass(head) ?? (!record && retells(text) ? reasonOf(head) : undefined));
    // A class gives way to a question asked about that very symptom (「動画が毎回戻ってくる、大きいのはどう
    // 送れば？」: an answer of its own for its topic and few others, not "what does it mean").
    const aboutClass = (q: Question) =>
      byClass !== undefined &&
      q.topics[byClass] !== undefined &&
      Object.keys(q.topics).length <= MAX_TOPICS_OF_A_STANDALONE_ANSWER;
    const askedInstead = () => {
      const q = isQuestion(text) ? question() : undefined;
      return q !== undefined && q.does === undefined && (topScore() >= CLASS_GIVES_WAY || aboutClass(q));
    };
    const ownWords = ownPhrase ?? (byClass && !askedInstead() ? byClass : undefined);
    // Typed English the text-kind heuristics left open ("Who is MAILER-DAEMON?") is English when it asks
    // one of our questions.
    adopt(
      kind.lang ??
        (!record && typed && isEnglishQuestion(text) && understood().kind !== "none" ? "en" : undefined),
    );
    if (feeling) before.push({ type: "UPSET", feeling });

    // 「迷惑メールが大量にくる」: typed words that the classifier (or a symptom phrase: 「大量に届く」) reads
    // as returned mail, but that say something else (knowledge/data/questions `notBounce`: spam received).
    // Not when the text speaks of returned mail, reports what one said, or names the symptom the
    // classifier read (「迷惑メールと判定された」 is the mail refused as spam).
    // Asked only of typed text something read as returned mail (a paste is the server's text: no need).
    const mayNotBeBounce =
      (record !== undefined || ownWords !== undefined) &&
      !kind.fromServer &&
      (ownWords === undefined || ownWords !== record?.topic);
    const u = mayNotBeBounce ? understood() : undefined;
    const told = u?.kind === "confident" ? deps.questions.questions.get(u.id) : undefined;
    if (told?.notBounce && !reportsBounce(text) && mentionOf(text) === undefined)
      return [...before, questionEvent(told, session.topic)];

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
    if (record && !sameAgain && !feltAboutScreen) {
      // A question about the diagnosis on screen that happens to name a reason (「ウイルスに感染してるって
      // こと？」 after "mail you never sent" reads as "virus found" to the classifier) is answered as the
      // question; a pasted bounce, or a question about another reason, is read as a bounce.
      // Words of the symptom besides the bounce ("my friend's mailbox is full") name a new problem.
      const names = ownWords === record.topic && record.topic !== session.topic;
      const aboutScreen = session.topic && !names ? question() : undefined;
      if (
        aboutScreen &&
        session.topic &&
        asksAboutScreen(stoodFor(aboutScreen), topScore(), record.topic, session.topic)
      )
        return [...before, questionEvent(aboutScreen, session.topic)];
      // With nothing on screen, a question typed in words the classifier also reads as a reason
      // (「ウイルスチェックってどうやるの」 reads as "virus found", 「迷惑メール」 as "refused as spam") is
      // the question when it is clearly asked and its answer does not hang on the diagnosis (answers of
      // its own for a few topics at most: how to scan, is it safe; not "should I resend"), and the text
      // does not report what a returned mail said (「宛先不明って出たけど…」 is about that bounce) nor names a
      // symptom in the user's words (「迷惑メールと判定された」 is the refused mail).
      // Bounce words without a server's marks (no code, no <address>, no header line) are a person's:
      // 「MAILER-DAEMONってなに？ウイルス？」 asks what MAILER-DAEMON is, and names a reason as a guess.
      const standalone =
        !session.topic && typed && ownWords === undefined && isQuestion(text) && !reportsBounce(text)
          ? question()
          : undefined;
      if (standalone && !standalone.does && askedOnItsOwn(standalone, topScore()))
        return [...before, questionEvent(standalone, null)];
      if (shouldWarn(head, "bounce")) before.push({ type: "PERSONAL_DATA" });
      const diagnosis = diagnosisOf(record, deps.carrierOf, classification.records);
      // Typed, not pasted ("My mail came back with 'Relay access denied'", 「ゆーざーあんのうん」): the
      // classifier's explanation is the user's own sentence, which the summary must not quote as the
      // server's words.
      if (!kind.fromServer || classification === respelledClassification) diagnosis.detail = "";
      // Mail the user never sent: whom it failed to reach is no concern of theirs.
      if (ownWords === "backscatter")
        Object.assign(diagnosis, { topic: "backscatter", recipients: [], moreRecipients: 0 });
      return [...before, { type: "PASTE", diagnosis }];
    }

    // A reaction of a few letters matches a question about a diagnosis by one short word at most ("so?"
    // in "so the address is wrong?"): it asks that question only when the match is strong. Short acts
    // (「あざす」「ども」) are what they say.
    const asked = (): Question | undefined => {
      const q = question();
      const reaction =
        q !== undefined &&
        Object.keys(q.topics).length > 0 &&
        isShortReaction(text) &&
        topScore() < REACTION_CLEAR;
      return reaction ? undefined : q;
    };
    const event = mainEvent({
      text: head,
      session,
      ownWords,
      question: asked,
      understood,
      feeling,
      fromServer: kind.fromServer,
      typed,
      onScreen: sameAgain || (ownWords !== undefined && ownWords === session.topic),
    });
    if (shouldWarn(head, "chat")) before.push({ type: "PERSONAL_DATA" });
    return [...before, event];
  }

  /**
   * What a typed text that is no readable bounce asks for, in this order: 3. the symptom in the user's
   * words (unless it is a question about the symptom on screen); 4. a question we know (a text that only
   * tells about returned mail, 「エラーメールが返ってくる」, is no question unless the question is one
   * people tell, 「相手は携帯です」); 5. a server's text we could not read (a failed paste, which counts
   * toward talking to a person); 6. the user talking about returned mail; 7. a question we are unsure
   * of; 8. nothing understood. An upset user with nothing else to say gets the next step.
   */
  function mainEvent(m: {
    text: string;
    session: SessionView;
    ownWords: TopicId | undefined;
    /** Asked only when needed (see fromText). */
    question: () => Question | undefined;
    understood: () => Understanding;
    feeling: Feeling | undefined;
    fromServer: boolean;
    typed: boolean;
    /** It names the diagnosis on screen (a bounce's words or a symptom): it is about that diagnosis. */
    onScreen: boolean;
  }): DialogEvent {
    const { text, session, ownWords, feeling } = m;
    const nextStep: DialogEvent = session.topic ? { type: "NEXT_STEPS" } : { type: "HOW_TO_PASTE" };
    // A specific question about the diagnosis on screen, clearly asked, is that question even where its
    // words name a symptom (「送った覚えがない」 after "refused as spam": that button's answer).
    // So is a cause guessed and asked about (「私の送った写真が重すぎたせいではないの？」 after "mailbox full"):
    // whose side it is, though its words name another symptom.
    const aboutScreen = () => {
      const q = session.topic ? m.question() : undefined;
      const score = m.understood().candidates[0]?.score ?? 0;
      return (
        q !== undefined &&
        session.topic !== null &&
        q.topics[session.topic] !== undefined &&
        (askedOnItsOwn(q, score) ||
          (q.asksSide && namesFault(text) && isQuestion(text) && score >= CLEAR_OVER_BOUNCE))
      );
    };
    if (ownWords && ownWords !== session.topic && !aboutScreen()) return { type: "SYMPTOM", topic: ownWords };
    // Spam received (`notBounce`) is no reading of words that name the diagnosis on screen (「迷惑メール扱い
    // とか失礼すぎない？」 after "refused as spam": the refused mail itself).
    const read = wanted(m.question(), text);
    // 「返ってきたメールに英語でなんか書いてある」: the words of "what is a returned mail", without asking what.
    // 「なぜか一部の人にだけメールが届かない」: the words of "the recipient is on a mobile", naming none.
    const question =
      (read?.notBounce && m.onScreen) || (read?.asksWhat && !asksWhatItIs(text)) || lacksNeeded(read, text)
        ? undefined
        : read;
    const understood = m.understood();
    // 「それくらいとっくにやってる」「もう試したけどだめ」: the advice on screen was tried already. Unless a
    // specific question is asked besides, the answer moves on: the diagnosis's key answer, or (none) the Q&A
    // community; never the same steps again.
    if (session.topic && m.typed && triedOf(withoutConditions(text)) !== undefined) {
      // A person, "that didn't help" or a restart asked besides is what they want.
      const asks =
        question !== undefined &&
        !question.courtesy &&
        (question.does === undefined
          ? isQuestion(withoutCounts(sentencesOf(triedOf.strip(text)).at(-1) ?? ""))
          : question.does !== "next-steps");
      if (!asks) return movedOn(session.topic);
    }
    const mention = m.typed || !m.fromServer ? mentionOf(text) : undefined;
    const besides = mention && m.typed ? mentionOf.strip(text) : "";
    const foldedBesides = mentionOf.fold(besides);
    // 「なんで届かないの😭」: a lament about returned mail, not a question of ours. With a diagnosis on
    // screen its next step; without, the paste help that starts from what they said.
    // A question asked in the very words of one of its examples (「もう届かないの？」) is that question.
    const asked = question !== undefined && (understood.candidates[0]?.score ?? 0) >= ASKED_AS_EXAMPLE;
    if (mention && !asked && isLament(foldedBesides))
      return session.topic ? nextStep : { type: "BOUNCE_MENTIONED", about: mention };
    // Something people tell rather than ask (「スマホのアドレスだけ届かない、Gmailには届く」), said clearly
    // in the words of the whole message, is that question too, though the message also names returned mail.
    const toldClearly =
      question?.statement === true &&
      !question.courtesy &&
      (understood.candidates[0]?.score ?? 0) >= TOLD_CLEAR;
    // 「お客様にご迷惑をおかけしてしまった…どうすれば」: upset, telling their situation, and asking only
    // "what do I do": the key answer of the diagnosis on screen (its first step for that situation).
    if (question?.does === "next-steps" && feeling && session.topic) {
      // 「…」 ends a piece here too: 「見積書なのに困った…どうしたらいい？」 tells, then asks.
      const situation = sentencePieces(text.split("…").join("。")).filter((p) => !isQuestion(p));
      const key = situation.length > 0 ? keyAnswer(situation.join("。"), session.topic) : undefined;
      if (key) return key;
    }
    // 「別のエラーメールが届いたので最初からお願いします」: a restart or a person asked for in so many words
    // (a request: 「…お願い」「…して」) beside the returned mail told is that request, not the paste help.
    const requested =
      REQUESTED_ACTS.has(question?.does ?? "") && sentencePieces(text).some((p) => asksFor(p));
    if (question && (!mention || isQuestion(text) || toldClearly || requested))
      return withSecondQuestion(questionEvent(question, session.topic), text, session.topic);
    // A message that only tells about returned mail is answered with the paste help, unless what it says
    // besides (「スマホのアドレスにだけ」 in 「スマホのアドレスにだけ送れない」) is something people tell us.
    if (foldedBesides.length >= MIN_TOLD_CHARS) {
      const rest = questionIndex.understand(besides, session.topic);
      const clearly = rest.kind === "confident" && (rest.candidates[0]?.score ?? 0) >= TOLD_CLEAR;
      const told = clearly ? deps.questions.questions.get(rest.id) : undefined;
      if (told?.statement) return questionEvent(told, session.topic);
    }
    if (m.fromServer && !m.typed) return { type: "UNREADABLE", paste: unreadPaste(text) };
    // 「で？」「え？」「それから？」 "so?": a reaction to the last answer that asks nothing of its own is a
    // prompt to go on: the steps of the diagnosis on screen, or how to paste one.
    // Between two acts ("ok thx": OK or thanks) it is the act, asked which.
    const top = deps.questions.questions.get(understood.candidates[0]?.id ?? "");
    const betweenActs = understood.kind === "unsure" && Object.keys(top?.topics ?? {}).length === 0;
    if (!question && !m.fromServer && !betweenActs && isShortReaction(text)) return nextStep;
    if ((mention || m.onScreen) && session.topic) {
      // With a diagnosis on screen, words about returned mail are about it (「まだエラーメールが戻ってくる
      // けど再送していい？」): the best question that fits it, however weakly, else its steps. Only a new
      // mail (「別のエラーメールが来た」) asks for the paste help again; asked about or to be looked at (a want
      // or a request: 「別のエラーメールも見てほしい」), it starts over.
      const lower = text.normalize("NFKC").toLowerCase();
      if (mention && NEW_MAIL_WORDS.some((w) => lower.includes(w))) {
        const restart = sentencePieces(text).some(wants) ? restartQuestion : undefined;
        return restart ? questionEvent(restart, session.topic) : { type: "BOUNCE_MENTIONED", about: mention };
      }
      // Said in anger or worry and asking nothing we know ("this is so annoying, it keeps bouncing"): not a
      // weak guess at a question, but the key answer or the steps.
      if (feeling && !question) return keyAnswer(text, session.topic) ?? nextStep;
      const fitting = understood.candidates.find((c) => fitsScreen(c.id, session.topic!));
      const fit = fitting && deps.questions.questions.get(fitting.id);
      return fit && !isPleasantry(fit.id) ? questionEvent(fit, session.topic) : nextStep;
    }
    if (mention) return { type: "BOUNCE_MENTIONED", about: mention };
    if (understood.kind === "unsure" && !feeling) {
      // Questions that all get the same answer here (「何をすればいいのか全然わからない」: "what do I do" and
      // "I'm lost" both get the paste help with nothing on screen) are no choice to offer: that answer.
      const same = sameAnswer(
        understood.candidates.map((c) => c.id),
        session.topic,
      );
      if (same) return same;
      // The likeliest of them is answered, the others offered as buttons under it: an answer that is
      // likely right says more than a list to pick from (a question about a person, a restart or the
      // paste help, or a pleasantry, is still asked which: they do something, or say nothing).
      const [likeliest, ...others] = understood.candidates.map((c) => c.id);
      const q = wanted(deps.questions.questions.get(likeliest ?? ""), text);
      const harmless = q?.does === undefined || q.does === "paste-help" || q.does === "next-steps";
      const answered = q && !q.courtesy && harmless ? questionEvent(q, session.topic) : undefined;
      if (answered?.type === "ANSWER") return { ...answered, also: others };
      if (answered) return answered;
      return { type: "CLARIFY", ids: understood.candidates.map((c) => c.id) };
    }
    if (m.fromServer) return { type: "UNREADABLE", paste: unreadPaste(text) };
    // 「LINEにメールの文章ってどうやって持ってくるの」: nothing on screen, not understood, but about mail: the
    // paste help starts from what they have (small talk would only say it could not answer).
    if (!session.topic && aboutMail(text) !== undefined) return { type: "HOW_TO_PASTE" };
    if (!feeling) return { type: "SMALL_TALK" };
    return (session.topic && keyAnswer(text, session.topic)) || nextStep;
  }

  /**
   * An upset user who tells their situation besides the feeling (「泣きそう、ゼミのレポートが提出できない」)
   * and asks nothing we know: the answer of the diagnosis's key question (ui.yaml `feelings.keyAnswer`),
   * if it has one. Feeling alone, or with fillers (「ちょっと心配になってきました」), gets the steps.
   */
  function keyAnswer(text: string, topic: TopicId): DialogEvent | undefined {
    const tries = deps.ui.feelings.triesAnswer?.[topic];
    const counted = tries === undefined ? undefined : deps.questions.questions.get(tries);
    if (counted && triedInVain(text)) return questionEvent(counted, topic);
    const id = deps.ui.feelings.keyAnswer?.[topic];
    const q = id === undefined ? undefined : deps.questions.questions.get(id);
    return q && tellsSituation(withoutFeelingWords(text)) ? questionEvent(q, topic) : undefined;
  }

  /**
   * An answer that opens with "yes" (「はい、電話やLINEなど…」), given to a typed message that asks nothing
   * (「それはもうやりました」), is marked told: the reply leaves the "yes" out.
   */
  function toldOrAsked(events: DialogEvent[], text: string, topic: TopicId | null): DialogEvent[] {
    const last = events[events.length - 1];
    if (last?.type !== "ANSWER" || isQuestion(text)) return events;
    const q = deps.questions.questions.get(last.id);
    const answer = q && answerFor(q, topic);
    const yes = answer && "ja" in answer && (answer.ja.startsWith("はい") || answer.en.startsWith("Yes"));
    return yes ? [...events.slice(0, -1), { ...last, told: true }] : events;
  }

  /**
   * A question about something told as a want, not asked (「ロボットじゃなくて人がいい」 reads as "are you a
   * person?"): the request it stands for (TOLD_AS_WANT).
   */
  function wanted(q: Question | undefined, text: string): Question | undefined {
    // Told as a fact, neither asked nor guessed (「ごめんなさい、アドレス間違えてました」): its told form.
    if (q?.ifTold && !sentencesOf(text).some(sentenceAsks) && !guesses(text))
      return deps.questions.questions.get(q.ifTold) ?? q;
    const want = q && TOLD_AS_WANT[q.id];
    if (!want) return q;
    // Asked (a question mark, or an end in か: 「人と話せますか」) it is the question; a wish (「…したいです」) is no question here.
    const folded = text.normalize("NFKC").toLowerCase().trimEnd();
    if (/[?？]/.test(folded) || folded.endsWith("か") || !WANTS.some((w) => folded.includes(w))) return q;
    return deps.questions.questions.get(want) ?? q;
  }

  /**
   * 「何MBまで送れますか？あと、再送はしたほうがいい？」: two sentences that ask, each clearly a question of
   * ours with an answer in words: the second is answered after the first (ANSWER `and`).
   */
  function withSecondQuestion(event: DialogEvent, text: string, topic: TopicId | null): DialogEvent {
    if (event.type !== "ANSWER" && !(event.type === "FOLLOW_UP" && !event.carriers)) return event;
    const sentences = sentencesOf(text.slice(0, MAX_QUESTION_CHARS));
    if (sentences.length < 2) return event;
    const asking = sentences.filter(sentenceAsks);
    if (asking.length < 2) return event;
    for (const sentence of asking) {
      const u = questionIndex.understand(sentence, topic);
      if (u.kind !== "confident" || (u.candidates[0]?.score ?? 0) < SECOND_CLEAR) continue;
      const q = deps.questions.questions.get(u.id);
      if (!q || q.courtesy || q.does !== undefined) continue;
      const second = questionEvent(q, topic);
      const words = second.type === "ANSWER" || (second.type === "FOLLOW_UP" && !second.carriers);
      // The question answered stands for another with a diagnosis on screen (withDiagnosis): that one's id.
      const meant = (topic && q.withDiagnosis && deps.questions.questions.get(q.withDiagnosis)) || q;
      if (words && JSON.stringify(second) !== JSON.stringify(event)) return { ...event, and: meant.id };
    }
    return event;
  }

  /**
   * After "I tried that already": the key answer of the diagnosis on screen (or its answer for tries that
   * keep failing), else the Q&A community.
   */
  function movedOn(topic: TopicId): DialogEvent {
    // Tried and failed after "refused as spam" (no key answer): what to do when it keeps failing.
    const id = deps.ui.feelings.keyAnswer?.[topic] ?? deps.ui.feelings.triesAnswer?.[topic];
    const q = id === undefined ? undefined : deps.questions.questions.get(id);
    return q ? questionEvent(q, topic) : { type: "HUMAN", reason: "not-helpful" };
  }

  /** The answer every one of these questions gets with this diagnosis on screen, if they all get one. */
  function sameAnswer(ids: readonly string[], topic: TopicId | null): DialogEvent | undefined {
    let first: DialogEvent | undefined;
    for (const id of ids) {
      const q = deps.questions.questions.get(id);
      if (!q) return undefined;
      const event = questionEvent(q, topic);
      if (first === undefined) first = event;
      else if (JSON.stringify(event) !== JSON.stringify(first)) return undefined;
    }
    return first;
  }

  /** Whether a question has an answer of its own for the diagnosis on screen. */
  function fitsScreen(id: string, topic: TopicId): boolean {
    const q = deps.questions.questions.get(id);
    return !!q && (q.topics[topic] !== undefined || q.does === "next-steps");
  }

  /** A question of no diagnosis that does nothing but answer (what a domain is, can I phone someone). */
  function isGeneral(id: string): boolean {
    const q = deps.questions.questions.get(id);
    return q !== undefined && Object.keys(q.topics).length === 0 && q.does === undefined && !q.courtesy;
  }

  /** A question that does something (the steps, a restart) or means "what is it" for every diagnosis. */
  function isFrame(id: string): boolean {
    const q = deps.questions.questions.get(id);
    return q !== undefined && (q.does !== undefined || answersEveryTopic(q));
  }

  /** A greeting, thanks, OK or goodbye (`courtesy: true`): said around a message, rarely the whole of it. */
  function isPleasantry(id: string | undefined): boolean {
    return id !== undefined && deps.questions.questions.get(id)?.courtesy === true;
  }

  /**
   * Which question a typed text asks. Words of feeling are no part of what is asked (「怖い…ウイルスです
   * か？」 asks about a virus; 「急いでるのに送れない！どうしたらいいの」): a question is read without them,
   * which no example holds and which would only dilute its match. A message that asks nothing besides them
   * keeps its whole reading, but only if its words besides the feeling say the same (「困りました…」 is no
   * "OK", though 「ました」 is in 「わかりました」) or are something people tell (「最悪、役に立たない」);
   * 「何度送っても届かない、最悪」 is no question 「届かない？」. A pleasantry next to words of feeling
   * (「夜遅くにすみません、急ぎで困ってます」) gives way to the next step.
   */
  function readQuestion(text: string, topic: TopicId | null, feeling: Feeling | undefined): Understanding {
    let understood: Understanding;
    if (!feeling) understood = askingSentences(text, preferred(text, topic), topic);
    else {
      const calm = withoutFeelingWords(text);
      const rest = questionIndex.understand(calm, topic);
      const restId = rest.kind === "confident" ? rest.id : undefined;
      const restScore = rest.candidates[0]?.score ?? 0;
      // The whole message, read only where needed (the question index is the costliest step).
      let wholeOnce: Understanding | undefined;
      const wholeRead = () => (wholeOnce ??= questionIndex.understand(text, topic));
      // What is left may be a bare ending (「ください」 of 「助けてください」): it must match well, or say
      // what the whole says.
      // 「ボットじゃ話にならない、人を出して」: a person asked for among the anger, by name, is what they want.
      const person = wanted(deps.questions.questions.get(rest.candidates[0]?.id ?? ""), calm);
      if (person?.does === "ask-person" && namesPerson(calm) && restScore >= UPSET_FITTING)
        understood = { kind: "confident", id: person.id, candidates: rest.candidates };
      // 「役立たずだな」 "this is useless": the word of feeling is itself the verdict on the answer (taken out,
      // it alone reads as "that didn't help"; a plain 「最悪」 does not). Read with it, the message is that,
      // unless something is asked besides.
      else if (
        !isQuestion(calm) &&
        complains(questionIndex.understand(removedFrom(withoutExceptions(text), calm), topic)) &&
        complains(wholeRead())
      )
        understood = wholeRead();
      else if (isQuestion(calm) && restScore >= CALM_CLEAR) understood = rest;
      else {
        // With nothing on screen, a question asked besides the feeling is read as it would be asked calmly
        // (「大きいファイルってどうやって送るのよ💢」, 「…ここに貼ったメールって、どこかに残るんですか」): the
        // story around it too (askingSentences), as long as what is left is more than an ending.
        const calmly = topic === null ? calmlyAsked(calm) : undefined;
        if (calmly !== undefined) understood = calmly;
        // A want or a guess said among the feeling (「ふざけんな、so-netのせいだろこれ」「パスワード盗まれたのか
        // も…こわい」) that one of the diagnosis's own questions answers is that question, asked or not: the
        // apology, then that answer, not the steps again. What is left must be more than an ending.
        else if (
          restId !== undefined &&
          topic !== null &&
          !isPleasantry(restId) &&
          fitsScreen(restId, topic) &&
          // The diagnosis said again, not asked about (「相手のアカウントが止まってるって…どうしよう」), is
          // the situation told: not "what does it mean".
          (isQuestion(calm) || !isFrame(restId)) &&
          restScore >= (isQuestion(calm) ? UPSET_FITTING : UPSET_FITTING_TOLD) &&
          canonicalLength(calm, readings) >= MIN_UPSET_REST_CHARS &&
          saysSomething(calm)
        )
          understood = rest;
        else {
          // The whole, diluted by the feeling, counts when it matches clearly (or is no returned mail at
          // all: 「迷惑メールが毎日届いて困ってる」) and says what the rest says.
          const whole = wholeRead();
          const wholeScore = whole.candidates[0]?.score ?? 0;
          const wholeClear =
            wholeScore >= UPSET_CLEAR || deps.questions.questions.get(restId ?? "")?.notBounce === true;
          const wholeQ = whole.kind === "confident" ? deps.questions.questions.get(whole.id) : undefined;
          if (whole.kind === "confident" && whole.id === restId && wholeClear) understood = whole;
          // "this is useless": a word of feeling that is the whole of what is said of the conversation
          // ("that didn't help", a restart, a person), in nearly an example's words: that act.
          else if (wholeQ && isConversationAct(wholeQ) && wholeScore >= ACT_AS_EXAMPLE) understood = whole;
          else if (
            deps.questions.questions.get(restId ?? "")?.statement &&
            restScore >= UPSET_TOLD &&
            canonicalLength(calm, readings) >= MIN_UPSET_REST_CHARS
          )
            understood = rest;
          else understood = { kind: "none", candidates: whole.candidates };
        }
      }
    }
    if (feeling) understood = askedInPieces(withoutFeelingWords(text), understood, topic);
    understood = thanksOverOk(
      text,
      closedByAct(text, toldWithPleasantry(text, beyondPleasantries(text, understood, topic), topic), topic),
      topic,
    );
    if (feeling && understood.kind === "confident" && isPleasantry(understood.id))
      return { kind: "none", candidates: understood.candidates };
    return understood;
  }

  /** Read as "that didn't help" (`does: not-helpful`). */
  function complains(u: Understanding): boolean {
    return u.kind === "confident" && deps.questions.questions.get(u.id)?.does === "not-helpful";
  }

  /**
   * 「相手のアカウントが止まってるって、もう連絡手段ないの？」「アドレス合ってるはずなのに。もう一回送ればいいの？」:
   * what an upset message asks is in the pieces that ask (sentences and parts between commas, each read
   * alone with the diagnosis on screen); the pieces that tell (the diagnosis said again, the story) are the
   * situation, whose words only dilute the question or win over it. The clearest question of ours among the
   * asking pieces (no frame, no pleasantry; with a diagnosis on screen, one that fits it) replaces the
   * reading of the whole when the whole reads nothing clearly, or reads what a telling piece says.
   */
  function askedInPieces(calm: string, whole: Understanding, topic: TopicId | null): Understanding {
    const pieces = clausesOf(calm.slice(0, MAX_QUESTION_CHARS));
    // Each piece is read on its own: a run of commas (hostile, or a list) is no story with a question in it.
    if (pieces.length < 2 || pieces.length > MAX_UPSET_CLAUSES) return whole;
    let best: Understanding | undefined;
    // 「役に立たない、相手に連絡しろってそればっかりじゃん」: a piece that is itself a verdict on the talk ("that
    // didn't help", a restart, a person), in nearly an example's words, is what is said when nothing is asked.
    let act: Understanding | undefined;
    const told = new Set<string>();
    for (const p of pieces) {
      if (!saysSomething(p) || canonicalLength(p, readings) < MIN_TOLD_CHARS) continue;
      const restated = restatedCondition(p, topic);
      // The condition tells what the whole may read (the diagnosis again).
      if (restated) told.add(restated.told);
      const u = restated?.asked ?? questionIndex.understand(p, topic);
      if (!sentenceAsks(p)) {
        if (u.kind === "confident") told.add(u.id);
        const q = u.kind === "confident" ? deps.questions.questions.get(u.id) : undefined;
        if (!act && q && isConversationAct(q) && (u.candidates[0]?.score ?? 0) >= ACT_AS_EXAMPLE) act = u;
        continue;
      }
      // A frame (「直し方は？」「またやり直し？」「相手の会社に何かあった？」: what to do, a restart, what it means)
      // asks about what the other pieces tell.
      if (u.kind !== "confident" || isPleasantry(u.id) || isFrame(u.id)) continue;
      // Cut by words of feeling (「相手どうなってるの」 without 「どうなって」): a fragment, no question of its own.
      if (p.trim().includes("  ")) continue;
      // A general question asked in nearly an example's words (「意味わからん、ドメインって何？」) is answered
      // with a diagnosis on screen too.
      const score = u.candidates[0]?.score ?? 0;
      if (topic !== null && !fitsScreen(u.id, topic) && !(isGeneral(u.id) && score >= ACT_AS_EXAMPLE))
        continue;
      if (score > (best?.candidates[0]?.score ?? 0)) best = u;
    }
    if (best?.kind !== "confident" || (best.candidates[0]?.score ?? 0) < PIECE_ASKED) return act ?? whole;
    if (whole.kind !== "confident") return best;
    return whole.id !== best.id && told.has(whole.id) ? best : whole;
  }

  /**
   * 「相手の受信箱がいっぱいなら、いつ送れるようになるの？」: a condition that only says the diagnosis again
   * (read alone, it is "what does it mean") is no part of the question: what follows it, read alone.
   */
  function restatedCondition(
    clause: string,
    topic: TopicId | null,
  ): { told: string; asked: Understanding } | undefined {
    const parts = topic === null ? undefined : conditionOf(clause);
    if (!parts || canonicalLength(parts[1], readings) < MIN_UPSET_REST_CHARS) return undefined;
    const head = questionIndex.understand(parts[0], topic);
    if (head.kind !== "confident" || !isFrame(head.id) || deps.questions.questions.get(head.id)?.does)
      return undefined;
    return { told: head.id, asked: questionIndex.understand(parts[1], topic) };
  }

  /**
   * A message without its words of feeling, read as a calm one is (the story around a question too), when
   * it asks something clearly: a question of ours, no pleasantry, from a text that says something besides
   * the feeling (「ください」 of 「助けてください」 is an ending, not a question).
   */
  function calmlyAsked(calm: string): Understanding | undefined {
    if (!isQuestion(calm) || !saysSomething(calm) || canonicalLength(calm, readings) < MIN_UPSET_REST_CHARS)
      return undefined;
    // The whole, and each sentence that asks something (a plea around it, 「教えてください。」, or a story
    // after it, 「もう3回も戻ってきてるんだけど」, only dilutes it): the clearest question of ours.
    const readings_ = [preferred(calm, null)];
    const sentences = sentencesOf(calm.slice(0, MAX_QUESTION_CHARS));
    if (sentences.length > 1)
      for (const s of sentences)
        if (sentenceAsks(s) && saysSomething(s) && canonicalLength(s, readings) >= MIN_UPSET_REST_CHARS)
          readings_.push(questionIndex.understand(s, null));
    let best: Understanding | undefined;
    for (const u of readings_) {
      if (u.kind !== "confident" || isPleasantry(u.id)) continue;
      if ((u.candidates[0]?.score ?? 0) > (best?.candidates[0]?.score ?? 0)) best = u;
    }
    return best && (best.candidates[0]?.score ?? 0) >= CALMLY_ASKED ? best : undefined;
  }

  /**
   * 「ロボットじゃなくて人がいい」: what is wanted is what comes after 「じゃなくて」 (not 「じゃなくても」):
   * that part alone is read when it is understood and the whole is not, or it matches better.
   */
  function preferred(text: string, topic: TopicId | null): Understanding {
    const whole = questionIndex.understand(text, topic);
    const at = contrastEnd(text);
    if (at < 0) return whole;
    const wanted = questionIndex.understand(text.slice(at), topic);
    const better = (wanted.candidates[0]?.score ?? 0) > (whole.candidates[0]?.score ?? 0);
    return wanted.kind === "confident" && (better || whole.kind !== "confident") ? wanted : whole;
  }

  /**
   * 「朝から30通も来てて止まりません。これいつまで続くの？仕事のメールが埋もれる」: a message that tells a
   * story around its question is read from the sentences that ask, when they say clearly what is asked
   * and the whole, diluted by the story, says it less clearly. Every sentence asking (two questions at
   * once), or none, leaves the whole.
   */
  function askingSentences(text: string, whole: Understanding, topic: TopicId | null): Understanding {
    const sentences = sentencesOf(text.slice(0, MAX_QUESTION_CHARS));
    if (sentences.length < 2 || whole.kind === "confident") return whole;
    const asking = sentences.filter(sentenceAsks);
    if (asking.length === 0 || asking.length === sentences.length) return whole;
    const asked = questionIndex.understand(asking.join(""), topic);
    if (asked.kind !== "confident" || isPleasantry(asked.id)) return whole;
    // Something done (a person, a restart) only when clearly asked: 「…を減らせば受け取ってもらえますか？」
    // shares only 「もらえますか」 with "can I talk to a person".
    const does = deps.questions.questions.get(asked.id)?.does;
    const clear = (asked.candidates[0]?.score ?? 0) >= ASKED_CLEARLY;
    return clear || does === undefined || does === "next-steps" || does === "paste-help" ? asked : whole;
  }

  /**
   * 「お世話になっております。先ほどのご説明ですが、再送は不要という理解でよろしいでしょうか」,
   * 「ありがとう、ところで何MBまで？」: a message of several pieces (sentences, or parts between commas)
   * whose best match is a pleasantry is understood from its other pieces, when they ask something we
   * know; 「こんにちは。」 alone, 「ありがとう。助かりました」 or 「ありがとう。相手に連絡してみます」 (nothing
   * asked) stays the pleasantry.
   */
  function beyondPleasantries(text: string, whole: Understanding, topic: TopicId | null): Understanding {
    if (!isPleasantry(whole.candidates[0]?.id)) return whole;
    const pieces = sentencePieces(text);
    // One sentence that asks (「放置でOK？」 after "still trying"): no acknowledgement but the question
    // that comes next, if one fits the diagnosis on screen.
    if (pieces.length < 2) {
      // Said in nearly the words of an acknowledgement (「そういうことか」: its か is no question), it is one.
      const asAct = (whole.candidates[0]?.score ?? 0) >= ACT_AS_EXAMPLE;
      if (!topic || asAct || isShortReaction(text) || !isQuestion(text)) return whole;
      const next = whole.candidates.find((c) => !isPleasantry(c.id) && fitsScreen(c.id, topic));
      return next ? { kind: "confident", id: next.id, candidates: whole.candidates } : whole;
    }
    // 「ありがとう、でもまだ分からない」 "thanks, but I'm still lost": what comes after a "but" is what is meant,
    // asked or told (being lost, "that didn't help", a request): the thanks was a courtesy before it.
    const but = pieces.findIndex((p, i) => i > 0 && opensWithBut(p));
    if (but > 0) {
      const meant = questionIndex.understand(withoutBut(pieces.slice(but).join("")) ?? "", topic);
      if (meant.kind === "confident" && !isPleasantry(meant.id)) return meant;
    }
    const rest = pieces.filter((s) => {
      const u = questionIndex.understand(s, topic);
      return !(u.kind === "confident" && isPleasantry(u.id));
    });
    // What is left must ask: 「ありがとう。相手に連絡してみます」 tells what they will do, and is thanks.
    if (rest.length === 0 || rest.length === pieces.length || !rest.some(isQuestion)) return whole;
    const asked = questionIndex.understand(rest.join("。"), topic);
    return asked.kind === "confident" && !isPleasantry(asked.id) ? asked : whole;
  }

  /**
   * 「ありがとう、相手に確認してみる」: thanks (or OK, a greeting) and, besides, what the user will do, asked
   * nothing: the pleasantry, not the question whose words the plan shares (how to reach the recipient).
   * Something people tell us (`statement`: 「ありがとう。スマホのアドレスにだけ送れない」) is still answered.
   */
  function toldWithPleasantry(text: string, whole: Understanding, topic: TopicId | null): Understanding {
    if (whole.kind !== "confident" || isPleasantry(whole.id) || isQuestion(text)) return whole;
    // Told besides an apology or thanks, some questions mean something (`ifTold`, `statement`).
    const q = deps.questions.questions.get(whole.id);
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
      if (canonicalLength(piece, readings) < 2) continue;
      if (i < pieces.length - 1 && isConnective(piece)) continue;
      const u = questionIndex.understand(piece, topic);
      if (u.kind === "confident" && isPleasantry(u.id)) return u;
    }
    return whole;
  }

  /**
   * 「ああ、ドメインの打ち間違いか。納得」「なんだ、ただのお知らせか。安心しました」: a message that closes with an
   * acknowledgement, thanks or goodbye (its last piece alone is that act) and asks nothing before it is that
   * act, though its other words are those of a question about the diagnosis (the cause they now understand,
   * what they will do). A question told as fact (`statement`: 「相手はドコモです、ありがとう」) is still answered.
   */
  function closedByAct(text: string, understood: Understanding, topic: TopicId | null): Understanding {
    if (understood.kind === "confident" && isPleasantry(understood.id)) return understood;
    if (understood.kind === "confident" && deps.questions.questions.get(understood.id)?.statement)
      return understood;
    if (text.includes("?") || text.includes("？")) return understood;
    const pieces = sentencePieces(text);
    if (pieces.length < 2) return understood;
    // 「…どげんしたらよか」 closes with a question that shares the letters of an act.
    if (pieces.some((p) => sentenceAsks(p) && !realises(p))) return understood;
    const last = questionIndex.understand(pieces[pieces.length - 1]!, topic);
    if (last.kind !== "confident") return understood;
    if (CLOSING_ACTS.has(last.id)) return last;
    // 「もうわけがわからない、一からお願い」: lost, then asking to start over in the words of a request; that
    // is what is wanted (「…いい加減にしてほしい」 shares only 「してほしい」 with "a person, please").
    const requested = REQUESTED_ACTS.has(deps.questions.questions.get(last.id)?.does ?? "");
    return requested && (last.candidates[0]?.score ?? 0) >= ASKED_AS_EXAMPLE ? last : understood;
  }

  /**
   * 「やってみます！ありがとね」「了解です、助かりました」: an OK and thanks in one message is thanks (what the
   * user will do, 「やってみます」, is said in the words of an OK).
   */
  function thanksOverOk(text: string, understood: Understanding, topic: TopicId | null): Understanding {
    if (understood.kind !== "confident" || understood.id !== OK_ID) return understood;
    const pieces = sentencePieces(text);
    if (pieces.length < 2) return understood;
    for (const piece of pieces) {
      const u = questionIndex.understand(piece, topic);
      if (u.kind === "confident" && u.id === THANKS_ID) return u;
    }
    return understood;
  }

  /** A text of a few letters at most (emoji, punctuation and spaces not counted). */
  function isShortReaction(text: string): boolean {
    if (text.length > MAX_REACTION_CHARS * 8) return false;
    return canonicalLength(text, readings) <= MAX_REACTION_CHARS;
  }

  /** The question a question stands for with a diagnosis on screen (「わからない」 → "in plain words"). */
  function stoodFor(asked: Question): Question {
    return (asked.withDiagnosis && deps.questions.questions.get(asked.withDiagnosis)) || asked;
  }

  /**
   * What answering a question means: a text (ANSWER), a follow-up button's answer (FOLLOW_UP, carrier
   * picker included), or what the question does (the paste help, a person, starting over).
   */
  function questionEvent(asked: Question, topic: TopicId | null): DialogEvent {
    const q = (topic && asked.withDiagnosis && deps.questions.questions.get(asked.withDiagnosis)) || asked;
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
    }
    const answer = answerFor(q, topic);
    if (answer && "followUp" in answer) {
      const { topic: t, id } = answer.followUp;
      const followUp = deps.knowledge.topics.get(t)?.followUps.find((f) => f.id === id);
      if (followUp) return { type: "FOLLOW_UP", topic: t, id, carriers: followUp.carriers === true };
    }
    return { type: "ANSWER", id: q.id };
  }

  /**
   * A carrier named in a typed text (「相手はソフトバンクです」「auの人に送れない」, 「ドコモの人にだけ届かな
   * い」 with nothing on screen) goes straight to that carrier's steps, as a carrier read off the bounce
   * does: the follow-up that would ask for it gets it, and so does a text that asks nothing more specific
   * (the next steps, not understood, the paste help) where the diagnosis on screen (or, with none, the
   * answer about mobile addresses) asks for a carrier. With the picker on screen it is the carrier picked.
   */
  function withCarrier(events: DialogEvent[], text: string, session: SessionView): DialogEvent[] {
    const last = events[events.length - 1];
    // The user's own settings asked about (「auの人に送ったんだけど、私の設定が悪いの？」): the recipient's
    // carrier's steps do not answer that.
    if (!last || asksOwnSetting(text)) return events;
    const vague =
      VAGUE_EVENTS.has(last.type) ||
      ((last.type === "ANSWER" || last.type === "FOLLOW_UP") && asksCarrierSetting(text));
    if (!(last.type === "FOLLOW_UP" && last.carriers) && !vague) return events;
    const carrier = carrierIn(text);
    if (!carrier) return events;
    let named: DialogEvent | undefined;
    if (last.type === "FOLLOW_UP") named = { ...last, carrier };
    else if (session.pickingCarrier) named = { type: "CARRIER", id: carrier };
    else {
      const f = carrierFollowUps.get(session.topic);
      if (f) named = { type: "FOLLOW_UP", topic: f.topic, id: f.id, carriers: true, carrier };
    }
    return named ? [...events.slice(0, -1), named] : events;
  }

  function matchTyped(command: string, session: SessionView): DialogEvent | undefined {
    const keyword = keywordOf.get(command);
    // 「はい」 typed right after the diagnosis acknowledges it (read as the words it is, below): the advice
    // has not been tried yet. The button's other words (「役に立った」) still rate it.
    if (keyword === "yes" && session.justDiagnosed && isAcknowledgingYes(command)) return undefined;
    if (keyword === "yes" || keyword === "no") return { type: "FEEDBACK", helpful: keyword === "yes" };
    if (keyword) return KEYWORD_EVENTS[keyword];
    const symptom = labelIndex.symptoms.get(command);
    if (symptom) return { type: "SYMPTOM", topic: symptom };
    if (session.pickingCarrier) {
      const carrier = labelIndex.carriers.get(command);
      if (carrier) return { type: "CARRIER", id: carrier };
    }
    if (session.topic) {
      const followUp = labelIndex.followUps.get(session.topic)?.get(command);
      if (followUp)
        return fromPostback({ a: "followup", topic: session.topic, id: followUp }, deps.knowledge);
    }
    return undefined;
  }
}

/**
 * 「何度送っても」「何をしても」 (however often, whatever they try), besides counting (countsTries): tries
 * told as all in vain, the answer for tries that keep failing (keyAnswer). No feeling by itself: it is said
 * calmly too (「何度送っても断られるのはなぜですか」).
 */
function triedInVain(text: string): boolean {
  const t = text.normalize("NFKC");
  // 「何度送っても」「何回読んでも」, not 「何度でも」 ("as often as you like").
  return (
    countsTries(t) || mentionsAny(t, WHATEVER_TRIED) || followedWithin(t, HOW_OFTEN, TRY_WINDOW, EVEN_IF)
  );
}
const WHATEVER_TRIED = ["何をしても", "何しても", "何をやっても", "何やっても", "なにやっても"];
const HOW_OFTEN = ["何度", "何回", "なんど", "なんかい"];
const EVEN_IF = ["ても", "んでも"];
/** 「何度送り直しても」: a verb of a few letters between "how often" and "even if". */
const TRY_WINDOW = 7;

/** 「もう5回目」「何度やっても」「3回も」: the user counts their tries. A hand scan, no pattern. */
function countsTries(text: string): boolean {
  const t = text.normalize("NFKC");
  if (
    t.includes("何回も") ||
    t.includes("何度も") ||
    t.includes("何回やっても") ||
    t.includes("何度やっても")
  )
    return true;
  for (let i = 0; i < t.length; i++) {
    if (!isNumeral(t[i]!)) continue;
    let j = i;
    while (j < t.length && isNumeral(t[j]!)) j++;
    if (t.startsWith("回目", j) || t.startsWith("度目", j) || t.startsWith("回も", j)) return true;
    i = j;
  }
  return false;
}

/**
 * Whether a text asks what something is (何, なに, とは, 意味, どういう, 誰, "what", "mean", "who", or names a
 * mail's subject), counts
 * (何度, 何通) and "something" (何か, なんか) left out: a plain scan.
 */
function asksWhatItIs(text: string): boolean {
  return mentionsAny(withoutWords(text.normalize("NFKC").toLowerCase(), NOT_WHAT), WHAT_WORDS);
}
const WHAT_WORDS = [
  "何",
  "なに",
  "とは",
  "意味",
  "いみ",
  "どういう",
  "どんな",
  "正体",
  "ってなん",
  "なんなの",
  "なんです",
  "なんのこと",
  "誰",
  "だれ",
  "what",
  "mean",
  "who",
  // A returned mail's subject named (「『Returned mail』って件名のが来た」) asks what that mail is.
  "件名",
  "subject",
];
const NOT_WHAT = ["何か", "何度", "何回", "何日", "何通", "何十", "何百", "何件", "何時間", "何もしてない"];

/** The acts an OK and thanks in one message are (thanksOverOk). */
const OK_ID = "ok";
const THANKS_ID = "thanks";
/** Acts that close a message (「…。納得」「…、ありがとう」「…。じゃあまた」); a greeting opens one. */
const CLOSING_ACTS = new Set(["ok", "thanks", "goodbye"]);
/** What a question does that a message asks for at its end (「…、一からお願い」「…、人につないで」). */
const REQUESTED_ACTS = new Set(["restart", "ask-person"]);

/** I'm lost, "that didn't help", start over, a person: what the user says of the conversation itself. */
function isConversationAct(q: Question): boolean {
  return (
    q.withDiagnosis !== undefined ||
    (q.does !== undefined && REQUESTED_ACTS.has(q.does)) ||
    q.does === "not-helpful"
  );
}

/** Whether a piece of a message asks for something (「もう一回言って」「教えてください」 "please"): a hand scan. */
function asksFor(piece: string): boolean {
  const t = beforeEndMarks(piece.normalize("NFKC").toLowerCase());
  return REQUESTS.some((r) => t.endsWith(r)) || t.startsWith("please") || t.endsWith("please");
}
const REQUEST_END_MARKS = " 　。.!！、,〜~…ー";
const REQUESTS = [
  "て",
  "てください",
  "て下さい",
  "ください",
  "お願い",
  "お願いします",
  "おねがい",
  "ほしい",
  "欲しい",
];

/** Whether a piece is only a word that joins it to what follows (「じゃあ、」「では、」 "so,"). */
function isConnective(piece: string): boolean {
  return CONNECTIVES.includes(withoutEndMarks(piece.normalize("NFKC").toLowerCase()));
}
const CONNECTIVES = ["じゃあ", "じゃ", "では", "それでは", "それじゃ", "それなら", "なら", "then", "so"];

/** Whether a piece asks for something or tells a want (「見てほしい」「聞きたい」「みて」). */
function wants(piece: string): boolean {
  if (asksFor(piece)) return true;
  const t = withoutEndMarks(piece.normalize("NFKC"));
  return t.endsWith("たい") || t.endsWith("たいです");
}

/** A piece without the marks and spaces at its end, and trimmed. */
function withoutEndMarks(piece: string): string {
  return beforeEndMarks(piece).trim();
}

/** A piece without the marks at its end (one pass from the end: a long run costs no more). */
function beforeEndMarks(piece: string): string {
  let end = piece.length;
  while (end > 0 && REQUEST_END_MARKS.includes(piece[end - 1]!)) end--;
  return piece.slice(0, end);
}

/** The feedback button's "yes" label as typed (「はい」 "yes"): an acknowledgement too. */
function isAcknowledgingYes(command: string): boolean {
  return ACKNOWLEDGING_YES.includes(command);
}
const ACKNOWLEDGING_YES = ["はい", "yes"];

/** Words of a guess (「…かも」「…かな」 "maybe"): a fact told with them is still asked about. */
function guesses(text: string): boolean {
  return mentionsAny(text, GUESS_WORDS);
}
const GUESS_WORDS = ["かも", "かな", "かしら", "たぶん", "多分", "maybe", "might", "probably", "perhaps"];

/** A digit or a kanji numeral (「三度目」「十回も」). */
function isNumeral(ch: string): boolean {
  return (ch >= "0" && ch <= "9") || KANJI_NUMERALS.includes(ch);
}
const KANJI_NUMERALS = "一二三四五六七八九十";

/** Questions that, told rather than asked, are a request: "are you a person?" told is "a person, please". */
const TOLD_AS_WANT: Readonly<Record<string, string>> = { "is-person": "person" };
/** Words that tell a want (「人がいい」「人と話したい」「人を出して」). */
const WANTS = [
  "がいい",
  "が良い",
  "たい",
  "ほしい",
  "欲しい",
  "出して",
  "代わって",
  "かわって",
  "お願い",
  "please",
  "want",
];

/** Where what is wanted starts after 「AじゃなくてB」 (not 「じゃなくても」, "even if not"), or -1. */
function contrastEnd(text: string): number {
  for (const word of CONTRASTS) {
    const at = text.indexOf(word);
    if (at < 0) continue;
    let end = at + word.length;
    if (text.startsWith("て", end)) end++;
    if (text.startsWith("も", end) || end >= text.length) continue;
    return end;
  }
  return -1;
}
const CONTRASTS = ["じゃなく", "ではなく"];

/**
 * What was taken out of a text to leave `left` (its words of feeling, stripped as written): the letters of
 * the text that `left`, read in order, does not keep. Spaces put in their place are skipped. One pass.
 */
function removedFrom(text: string, left: string): string {
  let removed = "";
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    while (j < left.length && left[j] !== text[i] && (left[j] === " " || left[j] === "\u3000")) j++;
    if (j < left.length && left[j] === text[i]) j++;
    else removed += text[i];
  }
  return removed;
}

/** Whether a piece opens with "but" (「でも」「だけど」 "but", "though"): what follows is what is meant. */
function opensWithBut(piece: string): boolean {
  return withoutBut(piece) !== undefined;
}
/** The text after its opening "but" (no example holds the word: it would only dilute the match), if any. */
function withoutBut(text: string): string | undefined {
  const t = text.normalize("NFKC").toLowerCase().trimStart();
  const but = BUTS.find((b) => t.startsWith(b));
  return but === undefined ? undefined : t.slice(but.length);
}
const BUTS = ["でも", "だけど", "けど", "けれど", "しかし", "ただ、", "but ", "but,", "though", "however"];

/** Whether a text names a person to talk to (人, 担当, オペレーター, "human"…): a plain scan. */
function namesPerson(text: string): boolean {
  return mentionsAny(text, PEOPLE);
}
const PEOPLE = ["人", "担当", "オペレーター", "スタッフ", "human", "person", "agent", "someone"];

/** 「だめだったらまた来ます」: a try still to come (…たら) tells nothing tried yet. */
function withoutConditions(text: string): string {
  return withoutWords(text, CONDITIONS);
}
const CONDITIONS = ["だめだったら", "ダメだったら", "無理だったら", "うまくいかなかったら"];

/** 「何度も見直しました」: counting the tries asks nothing (何 is no question word there). */
function withoutCounts(text: string): string {
  return withoutWords(text, COUNTING);
}
const COUNTING = ["何度", "何回", "なんど", "なんかい"];

/**
 * "It helped" told under the advice. The question index reads 「役に立ちました」 as the act that rates it
 * (ratesHelpful; here, the one place, it becomes the Yes button's event with a diagnosis on screen), but
 * weighs words, not their negation: 「役に立ちませんでした」
 * 「わかりにくかった」 come close too, and those mean the advice did not help. And thanks that say what
 * helped ("thanks, that helped", 「助かりました、ありがとう」) rate it as well, so the user is not asked
 * "was this helpful?" once more. Only the negated forms of helping, understanding and solving count as
 * denial, so 「問題なく届きました、助かりました」 still rates. Plain scans, no pattern.
 */
const HELPED = [
  "helped",
  "helpful",
  "solved",
  "役に立",
  "やくにた",
  "助かり",
  "たすかり",
  "助かっ",
  "たすかっ",
  "参考にな",
  "わかりやす",
  "分かりやす",
  "解決し",
];
const DENIED_HELP = [
  "立たな",
  "立ちませ",
  "たたな",
  "ならな",
  "なりませ",
  "わからな",
  "分からな",
  "わかりませ",
  "分かりませ",
  "わかりにく",
  "分かりにく",
  "解決しな",
  "解決しませ",
  "解決してな",
  "解決できな",
  "not help",
  "n't help",
  "no help",
  "not useful",
  "n't useful",
  "not clear",
  "n't clear",
  "not solved",
  "useless",
];
function ratedInWords(
  events: DialogEvent[],
  text: string,
  bank: QuestionBank,
  topic: TopicId | null,
): DialogEvent[] {
  const last = events[events.length - 1];
  const asked = last?.type === "ANSWER" ? bank.questions.get(last.id) : undefined;
  const rated =
    (last?.type === "FEEDBACK" && last.helpful) ||
    asked?.ratesHelpful === true ||
    (asked?.courtesy === true && topic !== null && mentionsAny(text, HELPED));
  if (!rated) return events;
  // A typographic apostrophe ("didn’t help") reads as the typed one.
  if (mentionsAny(text.replaceAll("’", "'"), DENIED_HELP))
    return [...events.slice(0, -1), { type: "HUMAN", reason: "not-helpful" }];
  return topic === null ? events : [...events.slice(0, -1), { type: "FEEDBACK", helpful: true }];
}

/**
 * 「ドコモの設定ってどうやるの？」「auの人にどこを許可してもらえばいい？」 "how does a SoftBank user allow
 * me": the recipient's reception settings asked about with a carrier named. Whatever the question index
 * read in it (the settings of "my side or theirs", "tell the recipient"), that carrier's steps answer it.
 * Not the user's own settings (「私の設定」). Plain scans, no pattern.
 */
const CARRIER_SETTING_WORDS = [
  "設定",
  "せってい",
  "許可",
  "受信リスト",
  "指定受信",
  "setting",
  "allow",
  "whitelist",
  "safe sender",
];
const OWN_SETTING_WORDS = [
  "私の設定",
  "わたしの設定",
  "自分の設定",
  "こっちの設定",
  "こちらの設定",
  "うちの設定",
  "my setting",
  "my own setting",
];
// withCarrier asks asksOwnSetting first: a text that asks about the user's own settings never gets here.
function asksCarrierSetting(text: string): boolean {
  return mentionsAny(text, CARRIER_SETTING_WORDS);
}
function asksOwnSetting(text: string): boolean {
  return mentionsAny(text, OWN_SETTING_WORDS);
}

/** Answers that ask nothing more specific than "what now": a carrier named in the text says what. */
const VAGUE_EVENTS = new Set<DialogEvent["type"]>([
  "NEXT_STEPS",
  "SMALL_TALK",
  "CLARIFY",
  "BOUNCE_MENTIONED",
]);

/** A reaction of a few letters asks a question about the diagnosis only when it matches this well. */
const REACTION_CLEAR = 0.4;
/** At most this many letters (canonical, spaces left out): a reaction (「で？」「それで」), not a question. */
const MAX_REACTION_CHARS = 5;

/** A pleasantry scoring this much is said in nearly the words of one of its examples. */
const ACT_AS_EXAMPLE = 0.8;
/** A question scoring this much is asked in (nearly) the words of one of its examples. */
const ASKED_AS_EXAMPLE = 0.6;
/** What a message says besides its words about returned mail must score this much to be taken for it. */
const TOLD_CLEAR = 0.45;
/** A question with answers of its own for more topics than this depends on the diagnosis. */
const MAX_TOPICS_OF_A_STANDALONE_ANSWER = 3;
/** A question that also reads as a bounce of another reason than the one on screen must score this much. */
const CLEAR_OVER_BOUNCE = 0.4;
/** The sentences that ask, read without the story, ask for a person or a restart when they score this much. */
const ASKED_CLEARLY = 0.26;
/** A second question asked in its own sentence is answered too when it scores this much alone. */
const SECOND_CLEAR = 0.3;
/** A symptom told in words of a class (symptoms.yaml) gives way to a question asked that scores this much. */
const CLASS_GIVES_WAY = 0.3;
/** With nothing on screen, a question asked besides words of feeling, read as if calm, scores this much. */
const CALMLY_ASKED = 0.3;
/**
 * A piece of an upset message that asks, read alone, is taken for its question from this score (the index's
 * own `confident`; dev 2269 at 0.35, 2271 at 0.3, 2272 of 2,484 at 0.26).
 */
const PIECE_ASKED = 0.26;
/** An upset message of more pieces than this is read as a whole (each piece read costs an index look-up). */
const MAX_UPSET_CLAUSES = 8;
/** A question asked besides words of feeling, read without them, must score this much. */
const CALM_CLEAR = 0.4;
/** A question of the diagnosis on screen said among words of feeling, read without them, scores this much. */
const UPSET_FITTING = 0.2;
/**
 * The same, told rather than asked (「5日も経ってから…言われても困るんだけど！」 is a complaint, not "how long"):
 * a weak match there is no want (0.2: dev 1462, 0.25: 1464, 0.3: 1463, 0.35: 1462 of 1,567).
 */
const UPSET_FITTING_TOLD = 0.25;
/** What is left of a message without its words of feeling has this many letters at least to be read so. */
const MIN_UPSET_REST_CHARS = 6;
/**
 * Something people tell (「さっきから同じことばかり言われて」 of 「…イライラする」: that didn't help) said among
 * words of feeling, read without them, scores this much (0.5: dev 1066, 0.4: 1067, 0.35: 1065 of 1,186 and
 * the first held-out set -1).
 */
const UPSET_TOLD = 0.4;
/** With upset words in a text that asks nothing besides them, its whole must score this much to count. */
const UPSET_CLEAR = 0.5;
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/;

/**
 * Whether a question that also reads as a bounce is about the diagnosis on screen: any question is when
 * the bounce read is the one on screen. About another reason, "what does it mean" (asked for every topic)
 * and "what do I do" (what a question does, not a text) are about the new bounce (「Mailbox fullってなに」
 * after a user-unknown diagnosis), and other questions count only when clearly asked (「宛先不明って出る」
 * after "mail you never sent" is the new bounce; 「ウイルスに感染してるってこと？」 after it is a question).
 */
/**
 * A specific question, clearly asked, that stands on its own over what else its words read as (a bounce
 * reason, a symptom): its answer hangs on no diagnosis (answers of its own for a few topics at most: how to
 * scan, is it safe; not "should I resend"), and it matches well.
 */
function askedOnItsOwn(question: Question, score: number): boolean {
  return (
    Object.keys(question.topics).length <= MAX_TOPICS_OF_A_STANDALONE_ANSWER && score >= CLEAR_OVER_BOUNCE
  );
}

function asksAboutScreen(question: Question, score: number, read: TopicId, onScreen: TopicId): boolean {
  if (read === onScreen) return true;
  if (question.does || answersEveryTopic(question)) return false;
  return score >= CLEAR_OVER_BOUNCE;
}
