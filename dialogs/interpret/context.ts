import { answerFor, type Question } from "../../knowledge/questions.ts";
import type { TopicId } from "../../knowledge/types.ts";
import { buildLabelIndex, keywordIndex } from "../commands.ts";
import { type CourtesyAct, FEELINGS } from "../events.ts";
import type { Knowledge } from "../knowledge-contract.ts";
import { checkKeyAnswers, type UiTexts } from "../ui.ts";
import { type CarrierNamer, carrierNamer } from "../understand/carriers.ts";
import { buildHalfWidthReader, type HalfWidthReader } from "../understand/half-width.ts";
import { type ReadingTable, readingTable } from "../understand/normalize.ts";
import { type PhraseMatcher, phraseMatcher } from "../understand/phrases.ts";
import { type ReasonReader, reasonTextReader } from "../understand/reason-texts.ts";
import { buildRespeller, type Respeller } from "../understand/respell.ts";
import { stringsIn, withScope } from "../understand/scope.ts";
import {
  classMatcher,
  type SymptomClassMatcher,
  symptomClassMatcher,
} from "../understand/symptom-classes.ts";
import { buildQuestionIndex, type QuestionIndex } from "../understand/understand.ts";
import { buildRevoicer, type Revoicer } from "../understand/voicing.ts";
import { courtesyWordsOf } from "./courtesy.ts";
import { buildFeelingReader, type FeelingReader } from "./feeling.ts";
import { type GreetingPieces, greetingPiecesOf } from "./introduced.ts";
import type { InterpreterDeps } from "./types.ts";
import type { TypedWords } from "./words.ts";

/**
 * Everything the interpreter builds once from the knowledge data, passed explicitly to each reader.
 * Each reader takes the narrowest of these views it needs.
 */

/** What reading a typed question and answering it needs. */
export interface QuestionContext {
  /** The questions of knowledge/data/questions/, by id. */
  questions: ReadonlyMap<string, Question>;
  /** The examples as a search index, scoped (scope.ts) and possibly remembering (keepUnderstood). */
  index: QuestionIndex;
  /** readings.yaml: how kanji words are read (lengths, phrase matching). */
  readings: ReadingTable;
  knowledge: Knowledge;
  /** ui.yaml `typedWords`: words that tell what a message means besides its question. */
  words: TypedWords;
}

/** What reading an upset message needs besides: its feelings and the key answers (ui.yaml `feelings`). */
export interface UpsetContext extends QuestionContext {
  ui: UiTexts;
  feelings: FeelingReader;
}

/** What naming a carrier in a typed text needs (carrier-named.ts). */
export interface CarrierContext {
  /** 「相手はソフトバンクです」「ahamoの友達」: the carrier a follow-up names. */
  carrierIn: CarrierNamer;
  /**
   * The follow-up that asks for the recipient's carrier, per topic on screen (and with none: the answer
   * a question about mobile addresses gives without a diagnosis).
   */
  carrierFollowUps: ReadonlyMap<TopicId | null, { topic: TopicId; id: string }>;
  /** ui.yaml `typedWords`: the settings words (carrierSetting, ownSetting). */
  words: TypedWords;
}

/** The whole: what the pipeline (read-text.ts, interpret.ts) hands on to each step. */
export interface InterpretContext extends UpsetContext, CarrierContext {
  deps: InterpreterDeps;
  /** Forgets the text the context's own readers remember (the last one read), when the turn ends. */
  forgetLastText: () => void;
  /** Typed keywords (ui.yaml `keywords`) → the command they stand for. */
  keywordOf: ReturnType<typeof keywordIndex>;
  /** Button labels typed back: symptoms, carriers, follow-ups per topic. */
  labelIndex: ReturnType<typeof buildLabelIndex>;
  /** The user talking about returned mail (ui.yaml `mentions`); "returned" first. */
  mentionOf: PhraseMatcher<"returned" | "not-sent">;
  /** The "returned" mentions alone: named only to say that none came (denied-mention.ts)? */
  returnedOf: PhraseMatcher<"returned">;
  /** Words of mail itself (ui.yaml aboutMail), for a text not understood with nothing on screen (mainEvent). */
  aboutMail: PhraseMatcher<"mail">;
  /** Whether a text names a place to send to that nothing of ours knows (scope.ts: 「インスタに」「メルカリで」). */
  namesElsewhere(text: string): boolean;
  /** 「もう試した」: the advice on screen was tried already (mainEvent). */
  triedOf: PhraseMatcher<"tried">;
  /** Symptoms typed in hiragana (「ようりょうおーばー」): symptoms.yaml read through readings.yaml. */
  symptomByReading: PhraseMatcher<TopicId>;
  /** 「写真つけたのだけはじかれる」: symptoms told in words nobody listed (symptoms.yaml classes). */
  symptomByClass: SymptomClassMatcher;
  /** The question a cold text tells in a class of its `toldAs` (「知らない人からのメールが毎日」: spam received). */
  toldAs: (text: string) => Question | undefined;
  /** 「一時的なエラーなので後でもう一度って書いてあった」: a reason retold, close to its own texts. */
  reasonOf: ReasonReader;
  /**
   * A question asked only with one of its words (`needs`; a carrier named counts too) lacks them; one whose
   * opposite the text says (`notWhen`) is not asked either.
   */
  lacksNeeded(q: Question | undefined, text: string): boolean;
  /** Starting over (`does: restart`): what another returned mail asked about means. */
  restartQuestion: Question | undefined;
  /** The questions answered for tries that keep failing (ui.yaml feelings.triesAnswer), gathered once. */
  triesQuestions: ReadonlySet<string>;
  /** One-word greetings and thanks in Latin letters ("bula", "hola"), opening a question (courtesy.ts openingCourtesy). */
  courtesyWords: ReadonlyMap<string, CourtesyAct>;
  /** The greeting examples' pieces (「はじめまして」 "hi there"), passed over around who the writer is (introduced.ts). */
  greetingPieces: GreetingPieces;
  /** English words the data knows: Latin letters made of them are not read as romaji. */
  englishWords: ReadonlySet<string>;
  /** 「ユーザーアンノウン」, "User Unkown": the English of a returned mail, typed by ear or with a typo. */
  respell: Respeller;
  /** 「ありかとう」「ようりょうおーはー」: words of the data typed with their voicing marks dropped. */
  revoice: Revoicer;
  /** 「ｴﾗｰﾒｰﾙｯﾃﾅﾆ」: half-width katakana written as people type today (「エラーメールってなに」). */
  halfWidth: HalfWidthReader;
}

export function buildContext(deps: InterpreterDeps): InterpretContext {
  const keywordOf = keywordIndex(deps.ui);
  const labelIndex = buildLabelIndex(deps);
  const readings = readingTable(deps.questions.readings);
  // "returned" first: 「エラーメールが返ってきて送れない」 is about the bounce.
  const mentionOf = phraseMatcher(
    (["returned", "not-sent"] as const).map((kind) => [kind, deps.ui.mentions[kind]] as const),
    readings,
  );
  const returnedOf = phraseMatcher([["returned", deps.ui.mentions.returned]] as const, readings);
  const feelings = buildFeelingReader(deps.ui, readings);
  checkKeyAnswers(deps.ui, deps.questions.questions);
  // With nothing on screen, a text not understood that has a word of mail itself is about returned mail
  // more likely than small talk.
  const aboutMail = phraseMatcher([["mail", deps.ui.aboutMail ?? []] as const], readings);
  const triedOf = phraseMatcher([["tried", deps.ui.feelings.words.tried ?? []] as const], readings);
  // Tried after the symptom matcher itself.
  const symptomByReading = phraseMatcher(
    deps.knowledge.symptoms.map(({ topic, phrases }) => [topic, phrases] as const),
    readings,
  );
  // `needs` words, and the phrases that hold one without meaning it (`needsNot`), taken out first. All matched as
  // written: they are nouns and stems, whose last kana is no verb's ending other forms replace (「なんです」 is not
  // 「なんで」, 「けいたい」 not 「けいた」, 「でおく」 not the 「でお」 of 「…でお願い」, 「えらぶ」 not the 「えら」 of 「えらー」).
  const needed = new Map(
    [...deps.questions.questions.values()]
      .filter((q) => q.needs)
      .map((q) => {
        const has = phraseMatcher([[true, q.needs!]] as const, readings, true);
        const not = q.needsNot && phraseMatcher([[true, q.needsNot]] as const, readings, true);
        return [q.id, (text: string) => has(not ? not.strip(text) : text)] as const;
      }),
  );
  // Phrases that say the opposite of a question (`notWhen`): such a text is not asked it.
  const saidOtherwise = new Map(
    [...deps.questions.questions.values()]
      .filter((q) => q.notWhen)
      .map((q) => [q.id, phraseMatcher([[true, q.notWhen!]] as const, readings, true)] as const),
  );
  const carrierIn = carrierNamer(deps.knowledge.carriers);
  // A carrier named counts as a needed word only where the words name carriers themselves (a mobile
  // address): 「楽天モバイルだとどのメニュー？」 names no menu of this chat.
  const carriersCount = new Set(
    [...deps.questions.questions.values()]
      .filter((q) => q.needs?.some((w) => carrierIn(w) !== undefined))
      .map((q) => q.id),
  );
  // The carrier a text names, read once per text: the index asks whether each candidate it ranks lacks its
  // words, and the text is the same for all of them.
  const carrierOfText = lastOnly(carrierIn);
  // `needsOn`: the words a question needs with one of its topics on screen, and those that rule it out there.
  const neededOn = new Map(
    [...deps.questions.questions.values()]
      .filter((q) => q.needsOn)
      .map((q) => {
        const { topics, words, unless } = q.needsOn!;
        const has = phraseMatcher([[true, words]] as const, readings);
        const not = unless && phraseMatcher([[true, unless]] as const, readings);
        return [q.id, { topics, has, not }] as const;
      }),
  );
  // A question whose answer of its own for the diagnosis on screen a text does not ask (`needsOn`).
  const offHere = (id: string, text: string, topic: TopicId) => {
    const on = neededOn.get(id);
    if (!on?.topics.includes(topic)) return false;
    return on.has(text) === undefined || on.not?.(text) !== undefined;
  };
  const lacksNeeded = (q: Question | undefined, text: string) => {
    if (q && saidOtherwise.get(q.id)?.(text) !== undefined) return true;
    const has = q ? needed.get(q.id) : undefined;
    return (
      has !== undefined &&
      has(text) === undefined &&
      (!carriersCount.has(q!.id) || carrierOfText(text) === undefined)
    );
  };
  const symptomByClass = symptomClassMatcher(deps.knowledge.symptoms, readings);
  const toldAs = classMatcher(
    [...deps.questions.questions.values()].map((q) => ({ key: q, classes: q.toldAs ?? [] })),
    readings,
  );
  const reasonOf = reasonTextReader(deps.knowledge, deps.questions, mentionOf.strip);
  const restartQuestion = [...deps.questions.questions.values()].find((q) => q.does === "restart");
  // Built once: the examples of knowledge/data/questions/ as a search index.
  // A text about something no question covers (fees, contracts) is no question of ours (scope.ts).
  const scoped = withScope(
    // What the assistant says each diagnosis is (its title and menu label): said again and asked whether
    // it is so, it asks for the diagnosis in plain words.
    buildQuestionIndex(
      deps.questions,
      new Map([...deps.knowledge.topics].map(([id, t]) => [id, [t.title.ja, t.menuLabel.ja, t.title.en]])),
      (id, text) => lacksNeeded(deps.questions.questions.get(id), text),
      offHere,
      deps.ui.typedWords,
    ),
    deps.questions,
    stringsIn([
      deps.knowledge.topics,
      deps.knowledge.carriers,
      deps.knowledge.symptoms,
      deps.knowledge.codes,
    ]),
  );
  const index = deps.keepUnderstood ? deps.keepUnderstood(scoped) : scoped;
  // What the data writes: the words its readers know (voicing.ts, half-width.ts).
  const dataTexts = [
    ...[...deps.questions.questions.values()].flatMap((q) => q.examples),
    ...deps.knowledge.symptoms.flatMap((s) => s.phrases),
    ...Object.values(deps.ui.keywords).flat(),
    ...Object.values(deps.ui.mentions).flat(),
  ];
  return {
    deps,
    questions: deps.questions.questions,
    index,
    namesElsewhere: scoped.namesElsewhere,
    readings,
    knowledge: deps.knowledge,
    words: deps.ui.typedWords,
    ui: deps.ui,
    feelings,
    keywordOf,
    labelIndex,
    mentionOf,
    returnedOf,
    aboutMail,
    triedOf,
    symptomByReading,
    symptomByClass,
    toldAs,
    reasonOf,
    lacksNeeded,
    restartQuestion,
    triesQuestions: new Set(Object.values(deps.ui.feelings.triesAnswer ?? {})),
    englishWords: englishWordsOf(deps),
    courtesyWords: courtesyWordsOf(deps.questions.questions),
    greetingPieces: greetingPiecesOf(deps.questions.questions),
    respell: buildRespeller(deps.questions.kanaEnglish),
    revoice: buildRevoicer(dataTexts, readings),
    halfWidth: buildHalfWidthReader(dataTexts),
    carrierIn,
    carrierFollowUps: carrierFollowUpsOf(deps),
    forgetLastText: () => carrierOfText.forget(),
  };
}

/**
 * `read` remembering its answer for the last text only (a pure reading of a string), until `forget`
 * (the end of the turn: InterpretContext.forgetLastText).
 */
function lastOnly<T>(read: (text: string) => T): ((text: string) => T) & { forget: () => void } {
  let last: { text: string; value: T } | undefined;
  const remembering = (text: string) => {
    if (last?.text !== text) last = { text, value: read(text) };
    return last.value;
  };
  return Object.assign(remembering, {
    forget: () => {
      last = undefined;
    },
  });
}

/**
 * 「arigatou」「mou ichido okuttemo ii?」: Japanese typed in Latin letters is read as the kana it spells
 * unless its words are English the data knows ("no", "see you", "take care" spell kana too).
 */
function englishWordsOf(deps: InterpreterDeps): Set<string> {
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
  deps.ui.feelings.words.kept?.ashamed?.forEach(addEnglish);
  deps.ui.feelings.words.ironic?.forEach(addEnglish);
  deps.ui.feelings.words.sarcastic?.forEach(addEnglish);
  for (const { phrases } of deps.knowledge.symptoms) phrases.forEach(addEnglish);
  return englishWords;
}

/** The follow-up that asks for the recipient's carrier, per topic on screen (null: no diagnosis). */
function carrierFollowUpsOf(deps: InterpreterDeps): Map<TopicId | null, { topic: TopicId; id: string }> {
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
  return carrierFollowUps;
}
