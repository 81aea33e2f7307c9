import { existsSync, readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DataFileError, loadDataFile } from "./data-file.ts";
import { fold } from "./fold.ts";
import type { Knowledge, Localized, SymptomClass } from "./knowledge.ts";
import {
  kanaEnglishSchema,
  type QUESTION_ACTIONS,
  questionsFileSchema,
  readingsSchema,
} from "./knowledge-schema.ts";
import { findPii } from "./pii.ts";
import { TOPIC_IDS, type TopicId } from "./types.ts";

/**
 * The questions users type (「何MBまで送れますか」「ありがとう」) and what the assistant answers, as data in
 * knowledge/data/questions/*.yaml, edited by support staff (knowledge/data/README.md). Loaded and checked
 * once at start-up; dialogs/understand/ builds its index from them.
 */

/** Answer as the follow-up button `id` of `topic` does (its text, steps, links, carrier picker). */
export interface FollowUpRef {
  topic: TopicId;
  id: string;
}
export type Answer = Localized | { followUp: FollowUpRef };
export type QuestionAction = (typeof QUESTION_ACTIONS)[number];

export interface Question {
  id: string;
  /** Quick-reply label when the assistant asks 「もしかして…」 (≤ 20 characters). */
  label: Localized;
  examples: readonly string[];
  /**
   * The answer when no diagnosis is on screen, or its topic has none of its own. Without it (and without
   * `does`), the question is only asked with a diagnosis of its `topics` on screen.
   */
  answer?: Answer;
  /**
   * The answer with no diagnosis on screen where `answer` takes one for granted (「届いた？」: not if a returned
   * mail came back, most likely if none did).
   */
  noDiagnosis?: Localized;
  /** Answers for a diagnosis of these topics on screen; also make the question likelier there. */
  topics: Partial<Record<TopicId, Answer>>;
  links: readonly string[];
  /**
   * Instead of a text: the paste help, a person (the Q&A community), starting over, "sorry that didn't
   * help" with the community, or the diagnosis's steps (the paste help without one).
   */
  does?: QuestionAction;
  /**
   * "That helped" (「役に立ちました」「解決しました」): with a diagnosis on screen it rates the advice as the
   * Yes button under "was this helpful?" does (thanked, counted); with none, its answer is a courtesy.
   */
  ratesHelpful?: true;
  /**
   * An act told by its polarity (「役に立った」 / 「役に立たない」, "I understand" / "I don't understand"),
   * affirming or negating: a text that negates matches the examples of an affirming act that do not less;
   * a text that does not, the negated examples of a negating act (dialogs/understand/understand.ts
   * otherPolarity).
   */
  polar?: "affirming" | "negating";
  /** With a diagnosis on screen, answer as this question instead ("I don't understand" → plain words). */
  withDiagnosis?: string;
  /**
   * People say it rather than ask it (「相手は携帯のアドレスです」「ありがとう」): recognised even when the
   * message only tells about returned mail, which otherwise gets the paste help.
   */
  statement: boolean;
  /**
   * What people say with it is no returned mail, though the classifier reads one of its words as one
   * (「迷惑メールが大量にくる」: spam received, not a mail refused as spam): typed, it is this question.
   */
  notBounce: boolean;
  /**
   * Courtesy that asks for nothing (thanks, greetings, goodbyes, "OK"): in a message that also asks a
   * question (「ありがとう。ちなみに何MBまで？」), or says how the user feels, it gives way to that.
   */
  courtesy: boolean;
  /**
   * It asks whose side the problem is on (mine or the recipient's): with a diagnosis on screen, a text that
   * names the user's own side (「私のメールボックスがいっぱいなの？」) where the diagnosis in plain words
   * would be the answer asks this.
   */
  asksSide: boolean;
  /**
   * It asks what something is (「リターンメールってなに」): a text without a word of asking what (何, とは,
   * 意味, "what") does not ask it, though it names the same things (「母に送るメールが全部戻ってくる、どげんし
   * たらよか」 tells, and asks what to do).
   */
  asksWhat?: boolean;
  /**
   * Words one of which a text names to ask it (written like symptoms.yaml phrases: kana and width do not
   * matter; a carrier named counts too): 「一部の人にだけ届かない」 is no mobile address without a word of one.
   */
  needs?: readonly string[];
  /**
   * Phrases that hold one of `needs` without meaning it (「スマホから」「スマホの写真」 "from my phone": the
   * user's own phone, not the recipient's mobile address): taken out before `needs` is looked for, with their
   * endings as written (「なんです」 is not shortened to 「なんで」 as a verb's ending would be).
   */
  needsNot?: readonly string[];
  /**
   * Phrases that say the opposite of what it is about (written like `needs`): a text with one is not asked it
   * (「迷惑メール扱いされた」 "my mail was flagged as spam" tells of the user's own mail taken for spam, not of spam
   * received, though both name spam and its filter).
   */
  notWhen?: readonly string[];
  /**
   * With one of `topics` on screen, a text asks it only when it names one of `words` (and none of `unless`),
   * written like `needs`: after "a virus was found in your attachment", whether it is safe asks about opening
   * or deleting the returned mail ("is it safe to open this one?"), while 「添付したワードファイルが危ないってこと？」
   * asks what the diagnosis means and "is it safe to send again?" whether to resend.
   */
  needsOn?: { topics: readonly TopicId[]; words: readonly string[]; unless?: readonly string[] };
  /**
   * Words of things nothing else the assistant knows (料金, 月額), that belong to this question when it matches
   * best: 「S-SAFEの月額料金はいくら？」 asks what S-SAFE costs, while 「今月の料金はいくら？」 stays a fee nobody
   * here knows (dialogs/understand/scope.ts). Unlike an example's words, they stay unknown to every other question.
   */
  inScope?: readonly string[];
  /**
   * Classes of phrasings (symptoms.yaml's `{ all, unless }`) that tell it, typed with nothing on screen: such a
   * text is this question though a symptom phrase or the classifier reads returned mail in it (「知らない人から
   * のメールが毎日何十通も」 is spam received, not returned mail for mail never sent: what it says arrives is
   * mail from strangers). A text that names returned mail is never read so.
   */
  toldAs?: readonly SymptomClass[];
  /**
   * Told as a fact rather than asked (「アドレス間違えてました」: the user knows it now), it is answered as
   * this question (what to do about it).
   */
  ifTold?: string;
  /** Told denied (「アドレスは間違ってないです」), it is answered as this question. */
  ifDenied?: string;
  /**
   * Matched for a size named beside "how do I send it" (「35MBあるんですが、どうやって送ったら」: the size is the
   * story, how is what is asked), and no limit asked, it is answered as this question.
   */
  ifHowAsked?: string;
  /**
   * Asked why (「送ってないのになんで私に？」 "why do these come to me if I sent nothing"), it is answered as this
   * question: what it says is told as the reason the user wonders at, and the why is what they ask.
   */
  ifWhyAsked?: string;
  /**
   * Phrases that name what this question is about as one thing (never-sent: "this mail"): a why asked after one of
   * them ("I never send this mail, why I get it back?") asks about that thing, and `ifWhyAsked` is not followed.
   * Matched folded (lower case, width), as written.
   */
  whyKeptAfter?: string[];
  /**
   * Matched by a text that names the user's own device (「うちのPCのせい？」 "is my laptop the problem?"), it is
   * answered as this question where that one has an answer of its own for the diagnosis on screen: after
   * "virus found" whether the computer is to blame asks whether it is infected, not whose side it is.
   */
  ifDeviceNamed?: string;
  /**
   * Matched by a text that asks how to find out (「感染してないかどうやって調べれば」 "how do I check"), it is answered
   * as this question: the way to check is what is wanted (`infected` → `virus-scan`), though the words name what is
   * checked for. Not where the account taken over is what is checked for: the question's own answer tells that check.
   */
  ifCheckAsked?: string;
  /**
   * With one of `topics` on screen, a text read as this question that names one of `words` (and none of
   * `unless`) asks about the mail on screen, not about the chat: 「これ自動返信？」 after "an automatic reply,
   * no delivery failure" asks whether that mail is one, not whether the assistant is a program. Answered as
   * the diagnosis in plain words. Words are matched in the text folded (width, case), as written.
   */
  aboutMail?: { topics: readonly TopicId[]; words: readonly string[]; unless?: readonly string[] };
  /**
   * Asked with nothing on screen by a text that names no returned mail, or names one only to say none came
   * (「ちゃんと相手に届いてる？」「エラーは来てない、届いた？」), it is answered as this question: `did-it-arrive`
   * then asks whether no returned mail means it arrived (`no-bounce-arrived`).
   */
  withoutBounce?: string;
  /**
   * Asked with nothing on screen by a text that tells a mail of the user's came back (「メール戻ってきたけどなんで？」
   * "why did my email bounce?"), not asking about returned mail in general (「メールってなんで戻ってくるの」), it is
   * answered as this question: `reason` → `what-to-paste`, the cause of that mail is in its lines.
   */
  ifOneCameBack?: string;
  /**
   * Asks for help in general (「何ができるの？」「手伝ってもらえますか」): told beside a returned mail with
   * nothing on screen, the paste help answers it.
   */
  asksHelp?: boolean;
  /**
   * Its answer holds whatever diagnosis is on screen (what to tell support), though some topics have an
   * answer of their own: asked with another diagnosis on screen, it weighs as a general question does, not as
   * one about other diagnoses (dialogs/understand/understand.ts fitOf).
   */
  anyDiagnosis?: boolean;
  /**
   * It answers what comes of a condition (「直したら届く？」: `after-fixing`, 「待てば届く？」: `after-waiting`,
   * dialogs/understand/outcome.ts): with a diagnosis on screen, a text asked in that frame is likelier it.
   */
  asksOutcome?: "after-fixing" | "after-waiting";
  /** Which file it came from (for messages to support staff). */
  file: string;
}

/**
 * The fixed background the question index weighs features by (dialogs/understand/understand.ts says why):
 * in how many questions' examples each feature occurred when it was made, for the features of two
 * questions or more, and how many questions there were. knowledge/data/questions-background.tsv, made by
 * `npm run index:background`.
 */
export interface Background {
  questions: number;
  frequencies: ReadonlyMap<string, number>;
}

export interface QuestionBank {
  questions: ReadonlyMap<string, Question>;
  /** Without it (a test's own questions), the index weighs features by the examples themselves. */
  background?: Background;
  /** Kanji words → hiragana readings, so 「ようりょう」 matches examples written 「容量」. */
  readings: ReadonlyMap<string, string>;
  /** English words of returned mails → their kana spellings (「アンノウン」 is "unknown"). */
  kanaEnglish: ReadonlyMap<string, readonly string[]>;
}

const DEFAULT_DIR = fileURLToPath(new URL("./data/", import.meta.url));

export function loadQuestions(knowledge: Knowledge, dir: string = DEFAULT_DIR): QuestionBank {
  const readings = new Map(Object.entries(loadDataFile(join(dir, "readings.yaml"), readingsSchema)));
  const kanaEnglish = loadKanaEnglish(join(dir, "kana-english.yaml"), knowledge);
  const questionsDir = join(dir, "questions");
  if (!existsSync(questionsDir)) throw new DataFileError(questionsDir, "", "folder is missing");
  const questions = new Map<string, Question>();
  const exampleOwner = new Map<string, string>();
  for (const name of readdirSync(questionsDir).sort()) {
    if (name.startsWith(".")) continue;
    const file = join(questionsDir, name);
    if (extname(name) !== ".yaml") throw new DataFileError(file, "", "only .yaml files belong here");
    loadDataFile(file, questionsFileSchema).forEach((raw, i) => {
      const at = (field: string) => `${i}.${field}`;
      if (questions.has(raw.id))
        throw new DataFileError(
          file,
          at("id"),
          `"${raw.id}" is already used in ${questions.get(raw.id)!.file}`,
        );
      // A question with answers for some diagnoses only is asked only with one of them on screen.
      if (!raw.answer && !raw.does && Object.keys(raw.topics ?? {}).length === 0)
        throw new DataFileError(
          file,
          at("answer"),
          "is missing: write an answer, answers per topic, or what the question does",
        );
      raw.examples.forEach((example, j) => {
        if (findPii(example).length > 0)
          throw new DataFileError(
            file,
            at(`examples.${j}`),
            "looks like personal data (an address, a phone or card number…); write examples without any",
          );
        const key = fold(example).replace(/\s+/g, "");
        const owner = exampleOwner.get(key);
        if (owner && owner !== raw.id)
          throw new DataFileError(
            file,
            at(`examples.${j}`),
            `"${example}" is already an example of "${owner}"`,
          );
        exampleOwner.set(key, raw.id);
      });
      const topics: Partial<Record<TopicId, Answer>> = {};
      for (const [topic, value] of Object.entries(raw.topics ?? {}) as [TopicId, RawAnswer][])
        topics[topic] = resolveAnswer(value, file, at(`topics.${topic}`), knowledge);
      if (raw.everyTopic) {
        const missing = TOPIC_IDS.filter((t) => !topics[t]);
        if (missing.length > 0)
          throw new DataFileError(
            file,
            at("topics"),
            `needs an answer for every topic; missing: ${missing.join(", ")}`,
          );
      }
      (raw.links ?? []).forEach((link, j) => {
        if (!knowledge.links.has(link))
          throw new DataFileError(file, at(`links.${j}`), `"${link}" is not a link id in links.yaml`);
      });
      questions.set(raw.id, {
        id: raw.id,
        label: raw.label,
        examples: raw.examples,
        ...(raw.answer && { answer: resolveAnswer(raw.answer, file, at("answer"), knowledge) }),
        ...(raw.noDiagnosis && { noDiagnosis: raw.noDiagnosis }),
        topics,
        links: raw.links ?? [],
        ...(raw.does && { does: raw.does }),
        ...(raw.withDiagnosis && { withDiagnosis: raw.withDiagnosis }),
        statement: raw.statement === true,
        notBounce: raw.notBounce === true,
        courtesy: raw.courtesy === true,
        ...(raw.ratesHelpful && { ratesHelpful: true }),
        ...(raw.polar && { polar: raw.polar }),
        asksSide: raw.asksSide === true,
        ...(raw.asksWhat && { asksWhat: true }),
        ...(raw.needs && { needs: raw.needs }),
        ...(raw.needsNot && { needsNot: raw.needsNot }),
        ...(raw.notWhen && { notWhen: raw.notWhen }),
        ...(raw.needsOn && { needsOn: raw.needsOn }),
        ...(raw.inScope && { inScope: raw.inScope }),
        ...(raw.toldAs && { toldAs: raw.toldAs }),
        ...(raw.ifTold && { ifTold: raw.ifTold }),
        ...(raw.ifDenied && { ifDenied: raw.ifDenied }),
        ...(raw.ifHowAsked && { ifHowAsked: raw.ifHowAsked }),
        ...(raw.ifWhyAsked && { ifWhyAsked: raw.ifWhyAsked }),
        ...(raw.whyKeptAfter && { whyKeptAfter: raw.whyKeptAfter }),
        ...(raw.ifDeviceNamed && { ifDeviceNamed: raw.ifDeviceNamed }),
        ...(raw.ifCheckAsked && { ifCheckAsked: raw.ifCheckAsked }),
        ...(raw.aboutMail && {
          aboutMail: {
            topics: raw.aboutMail.topics,
            words: raw.aboutMail.words.map(fold),
            ...(raw.aboutMail.unless && {
              unless: raw.aboutMail.unless.map(fold),
            }),
          },
        }),
        ...(raw.withoutBounce && { withoutBounce: raw.withoutBounce }),
        ...(raw.ifOneCameBack && { ifOneCameBack: raw.ifOneCameBack }),
        ...(raw.asksHelp && { asksHelp: true }),
        ...(raw.anyDiagnosis && { anyDiagnosis: true }),
        ...(raw.asksOutcome && { asksOutcome: raw.asksOutcome }),
        file,
      });
    });
  }
  for (const q of questions.values()) {
    if (q.courtesy && (q.does || Object.keys(q.topics).length > 0))
      throw new DataFileError(
        q.file,
        `${q.id}.courtesy`,
        "is for acts that answer with a text only (no does, no topics)",
      );
    for (const field of REDIRECTS) {
      const to = q[field];
      if (to && !questions.has(to))
        throw new DataFileError(q.file, `${q.id}.${field}`, `"${to}" is not a question id`);
    }
  }
  const backgroundFile = join(dir, BACKGROUND_FILE);
  const background = existsSync(backgroundFile) ? loadBackground(backgroundFile) : undefined;
  return { questions, readings, kanaEnglish, ...(background && { background }) };
}

/** The fields that name another question to answer instead: each must be a question id. */
const REDIRECTS = [
  "ifTold",
  "ifDenied",
  "ifHowAsked",
  "ifWhyAsked",
  "ifDeviceNamed",
  "ifCheckAsked",
  "withoutBounce",
  "ifOneCameBack",
  "withDiagnosis",
] as const satisfies readonly (keyof Question)[];

/** Where the background is kept, in knowledge/data/. */
export const BACKGROUND_FILE = "questions-background.tsv";
/**
 * The question of the cause asked (「原因は？」「なんで戻ってきたの」 "why did it bounce?"): the one place that reads
 * the reason asked; the rules that hand a text to it (a cause named is not it; the diagnosis on screen named
 * again and asked why is) find it by this id.
 */
export const REASON_QUESTION = "reason";
/**
 * Whether the returned mail itself is safe to open (「エラーメールがウイルスかも」): found by this id where the words
 * of a virus, typed with nothing on screen, are of the returned mail feared, not of a virus found in it.
 */
export const SAFE_TO_OPEN_QUESTION = "safe-to-open";

/**
 * questions-background.tsv: a line "questions<TAB>N", then "feature<TAB>count" lines (a feature is never
 * the word "questions": words are written "w:…", n-grams have 2 or 3 letters); lines without a tab are
 * comments.
 */
export function loadBackground(file: string): Background {
  const frequencies = new Map<string, number>();
  let questions = 0;
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      const tab = line.indexOf("\t");
      if (tab < 0) return;
      const count = Number(line.slice(tab + 1));
      if (!Number.isInteger(count) || count < 1)
        throw new DataFileError(file, `line ${i + 1}`, "must end in a whole number after the tab");
      if (line.slice(0, tab) === "questions") questions = count;
      else frequencies.set(line.slice(0, tab), count);
    });
  if (questions === 0) throw new DataFileError(file, "questions", "is missing: run npm run index:background");
  return { questions, frequencies };
}

/**
 * kana-english.yaml, checked: each English word must be one that a returned mail writes (a word of a
 * topic's example lines or English title, or of an English phrase of symptoms.yaml): the table is for
 * bounce words read aloud, not a dictionary of loanwords.
 */
function loadKanaEnglish(file: string, knowledge: Knowledge): Map<string, readonly string[]> {
  const table = new Map(Object.entries(loadDataFile(file, kanaEnglishSchema)));
  const known = new Set<string>();
  const addWords = (text: string) => {
    for (const word of text.toLowerCase().split(/[^a-z]+/)) if (word) known.add(word);
  };
  for (const topic of knowledge.topics.values()) {
    topic.examples.forEach(addWords);
    addWords(topic.title.en);
  }
  for (const { phrases } of knowledge.symptoms) phrases.forEach(addWords);
  for (const word of table.keys())
    if (!known.has(word))
      throw new DataFileError(
        file,
        word,
        "is not a word of any returned mail the topics know (their examples, English titles, symptoms.yaml)",
      );
  return table;
}

type RawAnswer = Localized | { followUp: string };

function resolveAnswer(value: RawAnswer, file: string, field: string, knowledge: Knowledge): Answer {
  if (!("followUp" in value)) return value;
  const [topic, id] = value.followUp.split("/") as [TopicId, string];
  const followUp = knowledge.topics.get(topic)?.followUps.find((f) => f.id === id);
  if (!followUp)
    throw new DataFileError(
      file,
      `${field}.followUp`,
      `"${value.followUp}" is not a follow-up in topics/${topic}.yaml`,
    );
  return { followUp: { topic, id } };
}

/** Whether the question can be answered with this diagnosis (or none) on screen. */
export function answerable(question: Question, topic: TopicId | null): boolean {
  return question.does !== undefined || answerFor(question, topic) !== undefined;
}

/**
 * Whether the question has an answer of its own for every diagnosis (「つまりどういうこと？」): it is about
 * whatever is on screen, not about one kind of returned mail.
 */
export function answersEveryTopic(question: Question): boolean {
  return TOPIC_IDS.every((t) => question.topics[t] !== undefined);
}

/**
 * The answer for a diagnosis of `topic` on screen (or none): the topic's own, else the general one; with
 * none on screen, the answer for that case if the question has one.
 */
export function answerFor(question: Question, topic: TopicId | null): Answer | undefined {
  return (topic ? question.topics[topic] : question.noDiagnosis) || question.answer;
}
