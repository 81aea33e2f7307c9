import {
  type Answer,
  answerable,
  answersEveryTopic,
  type Background,
  type Question,
  type QuestionBank,
} from "../../knowledge/questions.ts";
import type { TopicId } from "../../knowledge/types.ts";
import { mentionsAny, withoutWords } from "../text.ts";
import { isQuestion, sentencePieces } from "./asking.ts";
import { negatesIn } from "./negation.ts";
import {
  canonicalLength,
  featuresOfAll,
  forEachFeature,
  negates,
  type ReadingTable,
  readingTable,
} from "./normalize.ts";
import { asksLaterArrival, asksOutcome, toldSentOnly } from "./outcome.ts";
import { addPostings, topTwo } from "./scoring.ts";
import {
  actionAsked,
  choosesSide,
  endsWithSide,
  guessesSide,
  namesFault,
  namesMistake,
  ownActionAsked,
  sideNamed,
} from "./sides.ts";

/**
 * Which question of knowledge/data/questions/ a typed text asks, and how sure that is.
 *
 * Scoring: TF-IDF vectors over the features of normalize.ts (words and character 2/3-grams), compared by
 * cosine with every example phrasing; a question scores as its best example, plus a little of its second
 * best (a phrasing two of its examples share is likelier its own than one that one example happens to
 * share). The IDF counts the questions a feature occurs in, not the examples: 「ほうがいい」 in many
 * examples of a few questions still tells them apart from the rest, while a feature of many questions
 * (「ですか」) tells nothing. Both chosen on the tuning set (dev 93.4 → 96.4 %). Chosen over BM25 (and over
 * MiniSearch, which is BM25 over words) because a cosine is bounded (0–1), so "confident" and "unsure"
 * are fixed thresholds that mean the same for a three-character 「ありがと」 and a long sentence, and a
 * query with many words no example knows scores lower instead of collecting matches. With a few hundred
 * examples a hand-written inverted index is ~100 lines, built once at start-up: a query adds up only the
 * postings of its own features, then finds each question's best two examples in one pass over the sums
 * (scoring.ts: the two loops that cost per example, as examples are added).
 *
 * The IDF is read from a fixed background (knowledge/data/questions-background.tsv: the features of two
 * questions or more, counted when it was made), not from the examples of the day: counted live, examples
 * added to one question changed the weight of every feature they share with others, and items of other
 * questions flipped (5 examples added to one of 12 questions: 9 dev items elsewhere in all; the two
 * questions sending-limit and change-address added: 15, a fallback and a person among them). A feature
 * the background does not list weighs as a feature of one question when an example has it, else as one
 * of none: what is added changes the scores of its own question, and of texts with words no example had.
 * `npm run index:background` makes it again, deliberately, with eval:dialog before and after.
 *
 * Context: questions that have an answer of their own for the diagnosis on screen score a little
 * higher, so 「待てば届く？」 after "still trying" prefers that topic's answer; questions with answers of
 * their own for other diagnoses only ("how to check the address" after "the mailbox is full") score a
 * little lower, and 「もしかして…」 offers them only when nothing that fits the diagnosis on screen comes
 * close.
 */

export interface Candidate {
  id: string;
  score: number;
}

export type Understanding =
  /** One question, clearly ahead of the others. */
  | { kind: "confident"; id: string; candidates: Candidate[] }
  /** A few questions come close: ask which one (「もしかして…」). */
  | { kind: "unsure"; candidates: Candidate[] }
  /** Nothing comes close. */
  | { kind: "none"; candidates: Candidate[] };

export const THRESHOLDS = {
  /** Below this, a question is not even a candidate: the text is about something else. */
  candidate: 0.2,
  /** At least this close, and clearly ahead of the next one (RATIO), is answered. */
  confident: 0.26,
  /** The next question must score below this share of the best one for the best to be "clearly ahead". */
  ratio: 0.9,
  /**
   * From this score on (the text says clearly what it is about), "clearly ahead" is a smaller lead:
   * `sureRatio`. 「もしかして…」 then comes only for near ties; a person asked one thing, and a list of
   * three is no answer (tuning set 96.4 → 96.9 %; a lead of 3 % rather than 5 %: 93.8 → 94.0 % on the larger
   * tuning set of round 3). A vague text (「設定について」) still gets the list.
   */
  sure: 0.4,
  sureRatio: 0.97,
  /**
   * With a diagnosis on screen, a question with an answer of its own for it that leads clearly (`ratio`)
   * is answered from this score on, below `candidate`: a follow-up worded unlike any example
   * (「何がダメだったの」 after "refused as spam") is likelier about the advice on screen than small talk,
   * whose reply would only repeat the steps (tuning set 1306 → 1307, dev-round9 177 → 178; 0.14 and 0.11
   * gained no more).
   */
  fittingFloor: 0.17,
  /**
   * With a diagnosis on screen, one of its own questions scoring at least this share of "what do I do now"
   * (the steps again) is ranked before it (dev-round10 143 → 144; 0.9 and 0.8 gained no more).
   */
  overSteps: 0.95,
  /**
   * The same, when the text names what it wants done before asking how (「相手の今のアドレスを知るにはどうしたら
   * いい？」: the goal, 「…には」, is what is asked; "how" is only its frame), however clearly the frame matches.
   */
  overStepsForGoal: 0.8,
  /** Candidates offered by 「もしかして…」 score at least this share of the best one. */
  spread: 0.7,
  /** How much of a question's second-best example counts next to its best. */
  second: 0.3,
  /**
   * With a diagnosis on screen, a word asked about (「ドメインって言葉がわからない」) read alone matches a question
   * this well: that question is what the word means (ドメイン 0.94, SPF 0.77; 「認証」 0.53 is only a word of one).
   */
  termKnown: 0.6,
  /** Multiplier for questions with an answer of their own for the diagnosis on screen. */
  contextBoost: 1.3,
  /** Multiplier for questions with answers of their own for other diagnoses, but not the one on screen. */
  offTopic: 0.75,
  /**
   * With a diagnosis on screen, multiplier for the question that answers the frame a text asks in (「直した
   * ら届く？」: resend; 「待てば届く？」: wait; outcome.ts), whose words are those of the condition.
   */
  outcome: 1.5,
  maxCandidates: 3,
  /**
   * With nothing on screen, multiplier for a question about whatever diagnosis is on screen (plain-words:
   * an answer for every topic, and without one only "I have seen no returned mail yet"): close to a
   * general question (「エラーメールって、要するに何なの？」: what a returned mail is), that one is meant
   * (dev 2439 → 2440, dev-cold3 91 → 92; 0.8 gained no more on dev).
   */
  coldBound: 0.9,
  /**
   * Multiplier for an example of a `polar` act (acts.yaml) matched by a text that says it the other way
   * (negation.ts): an example of an affirming act ("OK", "that helped", thanks) that does not negate, by a
   * text that does; a negated example of a negating act ("I'm lost", "that didn't help"), by a text that
   * does not. "ok I understand now" shares every word but the negation with "I don't understand". Only
   * the negated examples of a negating act: 「ちょっと難しい」 says it without one, and 「まだちょっとわから
   * ない」 still matches it (dev 3354 → 3355, dev-negation 46 → 48, every held-out line equal; 0.7 lost
   * one held-out item; weighing every example both ways lost that conversation step).
   */
  otherPolarity: 0.8,
  /**
   * A question matched at least this well is asked, though the text also says the diagnosis on screen again
   * and the question has no answer of its own for it: "did it arrive?" after "gave up retrying" is answered
   * by its general answer, not by the diagnosis in plain words (dev +1, held-out-13 +1; 0.4 lost one
   * held-out item, 0.6 gained the same as 0.5).
   */
  overGist: 0.5,
  /**
   * With a diagnosis on screen, multiplier for the diagnosis in plain words when a text retells what to do
   * and asks whether that is it (「つまり待っとけばいいってこと？」「しばらく待つしかないの？」): its frame
   * (「つまり」「ってこと」) is plain-words', what it asks is the action named (wait, resend, tell the
   * recipient); and it is no diagnosis said again.
   */
  adviceRetold: 0.75,
} as const;

/** Longer texts are pastes or stories, not questions; only their start is read. */
export const MAX_QUESTION_CHARS = 300;

interface Posting {
  examples: number[];
  weights: number[];
}

export interface QuestionIndex {
  /**
   * `words`: when given, receives the word-like segments of the text as read (NFKC, lower case) when it is
   * not all ASCII (normalize.ts forEachFeature), so that a caller needs not segment the same text again.
   */
  understand(text: string, topic: TopicId | null, words?: string[]): Understanding;
  readonly size: { questions: number; examples: number; features: number };
}

/**
 * `said`: what the assistant says a diagnosis is, per topic (its title and menu label), besides plain-words'
 * answer for it: a text that says it again, asking whether it is so, asks for it in plain words.
 * `lacks`: whether a text lacks the words a question `needs` (dialogs/interpret/context.ts): such a question
 * is no candidate, so that the next best is read as if it had not been there (「メールアドレスを新しくしたい」
 * matches "change my password" best but names no password: the address is meant, not nothing).
 */
export function buildQuestionIndex(
  bank: QuestionBank,
  said: ReadonlyMap<TopicId, readonly string[]> = new Map(),
  lacks: (id: string, text: string) => boolean = () => false,
): QuestionIndex {
  const table: ReadingTable = readingTable(bank.readings);
  const questions = [...bank.questions.values()];
  // The question answered for every topic in plain words (「つまりどういうこと？」).
  const plainWords = questions.find(answersEveryTopic);
  // The questions that answer what comes of a condition (`asksOutcome`: resend, wait): the one of the frame
  // asked in, where it has an answer of its own for the diagnosis on screen, else another that has
  // (「しばらくしたら送れる？」 after "account suspended": resending to it will not work).
  const outcomeQuestions = questions.filter((q) => q.asksOutcome !== undefined);
  const outcomeQuestion = (frame: Question["asksOutcome"], topic: TopicId) =>
    outcomeQuestions.find((q) => q.asksOutcome === frame && q.topics[topic] !== undefined) ??
    outcomeQuestions.find((q) => q.topics[topic] !== undefined);
  // The question whether to send again after a fix (resend).
  const resendQuestion = outcomeQuestions.find((q) => q.asksOutcome === "after-fixing");
  // The question whose side a problem is on (`asksSide`).
  const sideQuestion = questions.find((q) => q.asksSide);
  // "What do I do now": the steps of the diagnosis on screen again.
  const stepsQuestion = questions.find((q) => q.does === "next-steps");
  // Whether to wait (the question of that frame).
  const waitQuestion = outcomeQuestions.find((q) => q.asksOutcome === "after-waiting");
  // Whether the mail got there (the question that, asked cold with no returned mail named, asks whether no
  // returned mail means it arrived: `withoutBounce`).
  const arrivalQuestion = questions.find((q) => q.withoutBounce !== undefined);
  // Where waiting is the diagnosis's own step (wait answers with its follow-up: "still trying"'s how long).
  const waitsAsStep = (topic: TopicId) => {
    const waiting = waitQuestion?.topics[topic];
    return waiting !== undefined && "followUp" in waiting;
  };
  // Where nothing of the user's failed and waiting is no step of the diagnosis (an automatic reply, returned
  // mail for mail never sent: wait's answer there is "nothing to wait for"), "do I need to do anything?" and
  // "can I leave it?" ask for its steps.
  const stepsNotWaiting = (topic: TopicId) => NOTHING_FAILED.has(topic) && !waitsAsStep(topic);
  const owner: number[] = []; // example → question index
  const examples: string[] = [];
  // A question's examples are one after another: question qi's are firstExample[qi]…firstExample[qi + 1].
  const firstExample = new Int32Array(questions.length + 1);
  questions.forEach((q, qi) => {
    for (const example of q.examples) {
      owner.push(qi);
      examples.push(example);
    }
    firstExample[qi + 1] = examples.length;
  });
  // All at once: segmented in one pass (normalize.ts wordSegmentsOfAll says why).
  const vectors = featuresOfAll(examples, table);
  const n = vectors.length;
  // Per example, which texts match it less (otherPolarity): 1 those that negate (an example of an
  // affirming act that does not), 2 those that do not (an example of a negating act that does); 0 none.
  const polarity = Uint8Array.from(examples, (e, ex) => {
    const polar = questions[owner[ex]!]!.polar;
    if (polar === undefined) return 0;
    const negated = negates(e, table);
    return polar === "affirming" ? (negated ? 0 : 1) : negated ? 2 : 0;
  });
  // The questions with such examples: their examples are weighed one by one.
  const hasPolar = Uint8Array.from(questions, (_, qi) =>
    polarity.subarray(firstExample[qi]!, firstExample[qi + 1]!).some((p) => p !== 0) ? 1 : 0,
  );
  const df = questionsPerFeature(vectors, owner);
  // Against the fixed background (above), or the examples themselves when there is none.
  const background = bank.background;
  const q = background?.questions ?? questions.length;
  const idfOfCount = (count: number) => Math.log((q + 1) / (count + 1)) + 1;
  // Computed once per feature, not per feature of every message (the same numbers: a feature no example
  // has counts as in no question).
  const idfs = new Map<string, number>();
  for (const [f, count] of df)
    idfs.set(f, idfOfCount(background ? (background.frequencies.get(f) ?? 1) : count));
  const unseenIdf = idfOfCount(0);
  const idf = (f: string) => idfs.get(f) ?? unseenIdf;

  // Every feature of the examples gets a number (its place in `vocabulary`): a message's features are
  // looked up once each, and its counts, IDF and postings are read from arrays by that number.
  const vocabulary = new Map<string, number>();
  const idfOf: number[] = [];
  const postings: Posting[] = [];
  /**
   * A text's features as a unit TF-IDF vector, each feature by its vocabulary number (a feature new to the
   * vocabulary gets the next one, with no postings yet): `visit` receives each number and its weight.
   */
  const unitVector = (features: Map<string, number>, visit: (id: number, weight: number) => void) => {
    const weighted = [...features].map(([f, tf]) => [f, (1 + Math.log(tf)) * idf(f)] as const);
    const norm = Math.hypot(...weighted.map(([, w]) => w)) || 1;
    for (const [f, w] of weighted) {
      let id = vocabulary.get(f);
      if (id === undefined) {
        id = postings.length;
        vocabulary.set(f, id);
        idfOf.push(idf(f));
        postings.push({ examples: [], weights: [] });
      }
      visit(id, w / norm);
    }
  };
  vectors.forEach((v, ex) => {
    unitVector(v, (id, weight) => {
      const p = postings[id]!;
      p.examples.push(ex);
      p.weights.push(weight);
    });
  });

  // The diagnosis in plain words, per topic: plain-words' answer for it (ja and en) and what `said` says it
  // is, sentence by sentence. 「相手のメールボックスがパンパンってこと？」 after "mailbox full" says the
  // diagnosis again and asks whether it is so, in words no example of any question has. Their features
  // join the vocabulary without postings: their IDF is that of a feature no example has, as before, so
  // every other score stays as it was.
  const gists = new Map<TopicId, Map<number, [sentence: number, weight: number][]>>();
  const gistSentences = new Map<TopicId, number>();
  const gistTopics: TopicId[] = [];
  const gistTexts: string[] = [];
  for (const [topic, answer] of Object.entries(plainWords?.topics ?? {}) as [TopicId, Answer | undefined][]) {
    if (!answer || !("ja" in answer)) continue;
    for (const sentence of [answer.ja, answer.en, ...(said.get(topic) ?? [])].flatMap(sentencesOf)) {
      gistTopics.push(topic);
      gistTexts.push(sentence);
    }
  }
  featuresOfAll(gistTexts, table).forEach((features, i) => {
    const topic = gistTopics[i]!;
    const k = gistSentences.get(topic) ?? 0;
    gistSentences.set(topic, k + 1);
    const byFeature = gists.get(topic) ?? new Map<number, [number, number][]>();
    gists.set(topic, byFeature);
    unitVector(features, (id, weight) => {
      const list = byFeature.get(id) ?? [];
      list.push([k, weight]);
      byFeature.set(id, list);
    });
  });
  const gistScores = new Float64Array(Math.max(0, ...gistSentences.values()));

  // All postings in two flat arrays, feature after feature: feature `id`'s are at start[id]…start[id + 1].
  const start = new Int32Array(postings.length + 1);
  postings.forEach((p, id) => {
    start[id + 1] = start[id]! + p.examples.length;
  });
  const postedExample = new Int32Array(start[postings.length]!);
  const postedWeight = new Float64Array(start[postings.length]!);
  postings.forEach((p, id) => {
    postedExample.set(p.examples, start[id]!);
    postedWeight.set(p.weights, start[id]!);
  });
  // The bigrams and trigrams of the vocabulary (most of it) also by their characters, in an open-addressing
  // table: a message's n-grams are looked up where they are in its text, without a string made and hashed
  // for each. Key: the first two UTF-16 units in one number, the third (or -1 for a bigram) in another.
  const gramBits = Math.max(4, Math.ceil(Math.log2(2 * vocabulary.size + 2)));
  const gramMask = (1 << gramBits) - 1;
  const gramKey1 = new Int32Array(gramMask + 1);
  const gramKey2 = new Int32Array(gramMask + 1);
  const gramId = new Int32Array(gramMask + 1).fill(-1);
  const gramSlot = (k1: number, k2: number) => {
    let slot = (Math.imul(k1, 0x9e3779b1) ^ Math.imul(k2, 0x85ebca6b)) >>> (32 - gramBits);
    while (gramId[slot] !== -1 && (gramKey1[slot] !== k1 || gramKey2[slot] !== k2))
      slot = (slot + 1) & gramMask;
    return slot;
  };
  for (const [f, id] of vocabulary) {
    if (!isGram(f)) continue;
    const k1 = (f.charCodeAt(0) << 16) | f.charCodeAt(1);
    const k2 = f.length === 3 ? f.charCodeAt(2) : -1;
    const slot = gramSlot(k1, k2);
    gramKey1[slot] = k1;
    gramKey2[slot] = k2;
    gramId[slot] = id;
  }
  const countGram = (text: string, at: number, n: 2 | 3) => {
    const k1 = (text.charCodeAt(at) << 16) | text.charCodeAt(at + 1);
    const k2 = n === 3 ? text.charCodeAt(at + 2) : -1;
    const id = gramId[gramSlot(k1, k2)]!;
    if (id >= 0) countKnown(id);
    else countUnseen(text.slice(at, at + n));
  };

  // Words of the examples: what the reading table may remember the spelling of (normalize.ts wordOf).
  const known = new Set<string>();
  for (const f of vocabulary.keys()) if (f.startsWith("w:")) known.add(f.slice(2));
  table.known = known;

  // What was built from is not kept (the closures below share this scope with it).
  const features = postings.length;
  postings.length = 0;
  vectors.length = 0;
  examples.length = 0;
  df.clear();
  idfs.clear();

  // Reused across calls (understanding is synchronous): no allocation per example per message.
  const scores = new Float64Array(n);
  const topOfQuestion = new Float64Array(2);
  const best = new Float64Array(questions.length);
  const second = new Float64Array(questions.length);
  // A message's features in the order first seen: a vocabulary number, or -1 - k for the k-th feature no
  // example has (they count toward the message's norm only). Counts per number in `counts`.
  const seen: number[] = [];
  const counts = new Int32Array(features);
  const unseen = new Map<string, number>();
  const unseenCounts: number[] = [];
  const count = (f: string) => {
    const id = vocabulary.get(f);
    if (id !== undefined) countKnown(id);
    else countUnseen(f);
  };
  const countKnown = (id: number) => {
    if (counts[id] === 0) seen.push(id);
    counts[id]!++;
  };
  const countUnseen = (f: string) => {
    const k = unseen.get(f);
    if (k !== undefined) unseenCounts[k]!++;
    else {
      unseen.set(f, unseenCounts.length);
      seen.push(-1 - unseenCounts.length);
      unseenCounts.push(1);
    }
  };

  // Per topic on screen (and none): per question, the weight of its fit (0: not answerable there) and
  // whether it fits (not "off"). Made once per topic.
  const fitTables = new Map<TopicId | null, { weight: Float64Array; fits: Uint8Array }>();
  const fitsFor = (topic: TopicId | null) => {
    let table = fitTables.get(topic);
    if (!table) {
      table = { weight: new Float64Array(questions.length), fits: new Uint8Array(questions.length) };
      for (let qi = 0; qi < questions.length; qi++) {
        const q = questions[qi]!;
        if (!answerable(q, topic)) continue;
        const fit = fitOf(q, topic);
        table.weight[qi] = FIT_WEIGHT[fit];
        table.fits[qi] = fit === "off" ? 0 : 1;
      }
      fitTables.set(topic, table);
    }
    return table;
  };
  /** Pairs (question index, score) of the questions that score, reused across calls. */
  const scoring: number[] = [];

  const forget = () => {
    for (const id of seen) if (id >= 0) counts[id] = 0;
    seen.length = 0;
    unseen.clear();
    unseenCounts.length = 0;
  };

  const index: QuestionIndex = {
    size: { questions: questions.length, examples: n, features },
    understand(typed, topic, words) {
      if (seen.length > 0) forget(); // a call that threw half-way (none should)
      const text = withoutFillers(typed);
      const spelling = forEachFeature(
        text.slice(0, MAX_QUESTION_CHARS),
        table,
        count,
        countGram,
        undefined,
        words,
      );
      let norm = 0;
      // Whether the text says the diagnosis on screen again: only when it asks whether something is so.
      const gist = topic !== null && asksWhetherSo(text) ? gists.get(topic) : undefined;
      if (gist) gistScores.fill(0);
      // In the order first seen, as the sums were always made (the same scores to the last bit).
      for (const id of seen) {
        if (id < 0) {
          const w = (1 + Math.log(unseenCounts[-1 - id]!)) * unseenIdf;
          norm += w * w;
          continue;
        }
        const w = (1 + Math.log(counts[id]!)) * idfOf[id]!;
        norm += w * w;
        const sentences = gist?.get(id);
        if (sentences) for (const [k, weight] of sentences) gistScores[k] = gistScores[k]! + w * weight;
        addPostings(postedExample, postedWeight, start[id]!, start[id + 1]!, w, scores);
      }
      forget();
      norm = Math.sqrt(norm) || 1;
      let saysGist = 0;
      if (gist)
        for (let k = 0; k < gistSentences.get(topic!)!; k++)
          saysGist = Math.max(saysGist, gistScores[k]! / norm);
      // Per question, its best and second best example (scoring.ts topTwo), each sum divided by the norm.
      let told = 0; // 1 the text negates, 2 it does not: read when an example of a polar act scores
      for (let qi = 0; qi < questions.length; qi++) {
        if (hasPolar[qi] === 0) {
          topTwo(scores, firstExample[qi]!, firstExample[qi + 1]!, topOfQuestion);
          best[qi] = topOfQuestion[0]! / norm;
          second[qi] = topOfQuestion[1]! / norm;
          continue;
        }
        let b = 0;
        let b2 = 0;
        for (let ex = firstExample[qi]!; ex < firstExample[qi + 1]!; ex++) {
          if (scores[ex] === 0) continue;
          let s = scores[ex]! / norm;
          if (polarity[ex] !== 0) {
            if (told === 0) told = negatesIn(spelling) ? 1 : 2;
            if (polarity[ex] === told) s *= THRESHOLDS.otherPolarity;
          }
          if (s > b) {
            b2 = b;
            b = s;
          } else if (s > b2) b2 = s;
        }
        best[qi] = b;
        second[qi] = b2;
      }
      scores.fill(0);
      // Every question that scores, in the order of the questions (so that the stable sort keeps ties in
      // that order), with its fit to the diagnosis on screen. Only the head of the ranking is ever read
      // (decide: the best three, and those close to the best), so only the questions scoring at least
      // as much as the third best or `spread` of the best are ranked: the same head as ranking them all.
      const fit = fitsFor(topic);
      // 「アドレスを打ち直せば今度は届く？」: what comes of something done asks resend (or wait), not the
      // question its condition's words name (the address).
      const frame = topic === null ? undefined : asksOutcome(text);
      const framed = frame === undefined ? undefined : outcomeQuestion(frame, topic!);
      // 「つまり待っとけばいいってこと？」: what to do, retold and asked whether it is so, asks about that.
      const advice = topic !== null && retellsAdvice(text);
      // 「同じメールを送ったほかの人は大丈夫？」: a sending told as done is the story, not whether to send again.
      const toldSent = topic !== null && toldSentOnly(text);
      let s1 = Number.NEGATIVE_INFINITY;
      let s2 = Number.NEGATIVE_INFINITY;
      let s3 = Number.NEGATIVE_INFINITY;
      scoring.length = 0;
      for (let qi = 0; qi < questions.length; qi++) {
        const s = (best[qi]! + THRESHOLDS.second * second[qi]!) / (1 + THRESHOLDS.second);
        const weight =
          fit.weight[qi]! *
          (framed !== undefined && questions[qi] === framed ? THRESHOLDS.outcome : 1) *
          (advice && questions[qi] === plainWords ? THRESHOLDS.adviceRetold : 1) *
          (toldSent && questions[qi] === resendQuestion ? THRESHOLDS.offTopic : 1);
        if (s <= 0 || weight === 0) continue; // weight 0: no answer here (answerable)
        // Not capped at 1: two boosted questions that both match well must keep their order, or a cap
        // turns a clear lead ("How big can my attachment be?": size limit over large files) into a tie.
        const score = s * weight;
        scoring.push(qi, score);
        if (score > s1) {
          s3 = s2;
          s2 = s1;
          s1 = score;
        } else if (score > s2) {
          s3 = s2;
          s2 = score;
        } else if (score > s3) s3 = score;
      }
      const head = Math.min(s3, s1 * THRESHOLDS.spread);
      const ranked: Candidate[] = [];
      const fitting = new Set<string>();
      const own = new Set<string>();
      for (let k = 0; k < scoring.length; k += 2) {
        const score = scoring[k + 1]!;
        if (score < head) continue;
        const q = questions[scoring[k]!]!;
        if (fit.fits[scoring[k]!] === 1) fitting.add(q.id);
        if (fit.weight[scoring[k]!] === FIT_WEIGHT.own) own.add(q.id);
        ranked.push({ id: q.id, score });
      }
      ranked.sort((a, b) => b.score - a.score);
      // 「直したら今度は届く？」: "what do I do now" (the steps on screen) shares its endings with every question
      // that names what to do; matched only vaguely (below `sure`), one of the diagnosis's own questions
      // nearly as close is the one asked. ("My friend's mailbox is full, what should I do?" asks it clearly.)
      const [first, runnerUp] = ranked;
      if (
        first &&
        runnerUp &&
        bank.questions.get(first.id)?.does === "next-steps" &&
        own.has(runnerUp.id) &&
        ((first.score < THRESHOLDS.sure && runnerUp.score >= first.score * THRESHOLDS.overSteps) ||
          (namesGoal(text) && runnerUp.score >= first.score * THRESHOLDS.overStepsForGoal))
      ) {
        ranked[0] = runnerUp;
        ranked[1] = first;
      }
      let decided = withoutLacking(
        ranked,
        (c) => bank.questions.get(c.id)?.needs !== undefined && lacks(c.id, text),
        (r) => decide(r, topic === null ? undefined : fitting, own),
      );
      // 「ドメインってそもそも何？」 with nothing on screen: the word asked about tells which of the questions of
      // what a thing is is meant, where they come close (their frame and 「そもそも」 are words of them all).
      // Both questions answer (no act: 「にんげんとはなさせて」 is no 「…とは」), the word is one (no comma).
      const answers = (id: string | undefined) => {
        const q = bank.questions.get(id ?? "");
        return q !== undefined && q.does === undefined && !q.courtesy;
      };
      if (topic === null && decided.candidates.length > 1 && answers(decided.candidates[0]?.id)) {
        const term = termAskedAbout(text);
        const known = term === undefined || /[、,。]/.test(term) ? undefined : index.understand(term, null);
        if (
          known?.kind === "confident" &&
          answers(known.id) &&
          known.id !== decided.candidates[0]!.id &&
          decided.candidates.some((c) => c.id === known.id)
        )
          decided = { kind: "confident", id: known.id, candidates: decided.candidates };
      }
      // 「相手のメールボックスがパンパンってこと？」 after "mailbox full": the diagnosis on screen said again,
      // asked whether it is so, is that diagnosis in plain words (a list, nothing, a general question such as
      // "can I make my own mailbox bigger", or another diagnosis's question gives way to it), unless a question
      // with an answer of its own for it is clearly asked, or any question in nearly an example's words
      // (`overGist`: 「とどいたの？とどいてないの？」 after "gave up retrying" asks whether it arrived, and its
      // general answer says so). Its match counts as an answer of its own for the topic on screen (contextBoost).
      const decidedScore = decided.candidates[0]?.score ?? 0;
      if (
        plainWords &&
        !advice &&
        saysGist * THRESHOLDS.contextBoost >= THRESHOLDS.confident &&
        !(
          decided.kind === "confident" &&
          (bank.questions.get(decided.id)?.topics[topic!] !== undefined ||
            decidedScore >= THRESHOLDS.overGist) &&
          decidedScore >= Math.max(THRESHOLDS.confident, saysGist * THRESHOLDS.contextBoost)
        )
      )
        decided = { kind: "confident", id: plainWords.id, candidates: decided.candidates };
      // 「相手が古いメールを消してくれたら届くの？」「ファイルをPDFにしたら通る？」: what comes of something done
      // (or of waiting) is answered by the question of that frame (resend, wait) where it has an answer of its
      // own for the diagnosis on screen, unless another question of the diagnosis is clearly asked (`sure`).
      if (framed !== undefined && topic !== null) {
        const asked = decided.kind === "confident" ? bank.questions.get(decided.id) : undefined;
        // 「うちの容量を増やせば送れる？」: a condition on the user's own side asks whether the fix is theirs.
        const ownSide = sideAsked(text) === "own" && sideQuestion?.topics[topic] !== undefined;
        const meant = ownSide ? sideQuestion : framed;
        // Kept: one of the frame's questions already (which of resend and wait, the words tell), or a
        // question of the diagnosis's own clearly asked (`sure`) (「zipにしたら送れますか」 after "too
        // big": how to make it smaller).
        const kept =
          asked !== undefined &&
          (asked.asksOutcome !== undefined
            ? !ownSide
            : own.has(asked.id) && (decided.candidates[0]?.score ?? 0) >= THRESHOLDS.sure);
        if (meant && !kept) decided = { kind: "confident", id: meant.id, candidates: decided.candidates };
      }
      // 「これ結局届くの？」「明日には届いてるかな」 after "still trying": whether it will arrive, asked in the
      // non-past or of a time to come, asks what waiting brings (wait: "it is still being retried until…"; after
      // "gave up": "no, not now"), not whether it has arrived so far (「届いた？」「届いてないの？」).
      if (
        topic !== null &&
        waitQuestion?.topics[topic] !== undefined &&
        !stepsNotWaiting(topic) &&
        decided.kind === "confident" &&
        decided.id === arrivalQuestion?.id &&
        asksLaterArrival(text)
      )
        decided = { kind: "confident", id: waitQuestion.id, candidates: decided.candidates };
      // 「何回くらい再送してくれるの」「送り直さないで待ってていい？」 after "still trying": resending done for the
      // user (…てくれる: the server's retries), or held back to wait, asks about waiting (how long it goes on),
      // not whether to send again.
      if (
        topic !== null &&
        waitsAsStep(topic) &&
        decided.kind === "confident" &&
        decided.id === resendQuestion?.id &&
        (mentionsAny(text, DONE_FOR_USER) ||
          (mentionsAny(text, WAITING_NAMED) && mentionsAny(text, SENDING_HELD_BACK)))
      )
        decided = { kind: "confident", id: waitQuestion!.id, candidates: decided.candidates };
      // Whose side: 「私のメールボックスがいっぱいなの？」 after "the recipient's mailbox is full" names the
      // user's own side where the diagnosis in plain words would be the answer: it asks whose side it is.
      // 「相手のメールボックスがいっぱいってこと？」 names the other side and says the diagnosis again, asking
      // nothing about fault (問題, せい, 原因): the diagnosis in plain words, though the side question
      // shares its 「相手の」 (when that is all it matches by: below `sure`).
      if (
        topic !== null &&
        plainWords &&
        sideQuestion?.topics[topic] !== undefined &&
        decided.kind === "confident"
      ) {
        const side = sideAsked(text);
        // 「止められてるのは相手の？私の？」 names both sides as the choice asked about: whose side it is.
        // 「相手側の制限なのか、うちの方の制限なのか知りたい」: both sides offered as a choice ask whose side it is,
        // whatever the words of what is limited or full also match (size-limit).
        if (((side === "own" || side === "both") && decided.id === plainWords.id) || choosesSide(text))
          decided = { kind: "confident", id: sideQuestion.id, candidates: decided.candidates };
        else if (
          side === "other" &&
          decided.id === sideQuestion.id &&
          (decided.candidates[0]?.score ?? 0) < THRESHOLDS.sure &&
          saysGist * THRESHOLDS.contextBoost >= THRESHOLDS.confident &&
          !namesFault(text)
        )
          decided = { kind: "confident", id: plainWords.id, candidates: decided.candidates };
      }
      // 「いっぱいなのって、うちの方？」: a side named at the end as the one meant asks whose side it is, unless a
      // question of the diagnosis's own is clearly asked (`sure`).
      if (
        topic !== null &&
        sideQuestion?.topics[topic] !== undefined &&
        isQuestion(text) &&
        endsWithSide(text) &&
        !(
          decided.kind === "confident" &&
          own.has(decided.id) &&
          (decided.candidates[0]?.score ?? 0) >= THRESHOLDS.sure
        )
      )
        decided = { kind: "confident", id: sideQuestion.id, candidates: decided.candidates };
      // 「向こうのサーバーが壊れてるの？」「ソネット側がおかしいって可能性はないの？」: a side guessed to be at fault,
      // asked, is whose side it is, unless a question of the diagnosis's own is clearly asked (`sure`); a
      // judgement guessed mistaken (「相手のウイルス対策の誤検知ってことはない？」) asks it whatever the words of
      // what judged match (the antivirus: how to scan).
      const guessed = decided.kind === "confident" ? decided.id : undefined;
      if (
        topic !== null &&
        sideQuestion?.topics[topic] !== undefined &&
        guessed !== sideQuestion.id &&
        (guessed === undefined ||
          guessed === plainWords?.id ||
          !own.has(guessed) ||
          (decided.candidates[0]?.score ?? 0) < THRESHOLDS.sure ||
          namesMistake(text)) &&
        isQuestion(text) &&
        guessesSide(text)
      )
        decided = { kind: "confident", id: sideQuestion.id, candidates: decided.candidates };
      // 「なんで急に？昨日まで普通に送れてたのに。私の設定のせいなの？」: a story told in the words of something people
      // tell (`statement`: it used to work), then whose fault asked in its last piece, naming a side: whose side it is.
      const story = decided.kind === "confident" ? bank.questions.get(decided.id) : undefined;
      const lastPiece = sentencePieces(text).at(-1) ?? text;
      if (
        topic !== null &&
        story?.statement === true &&
        sideQuestion?.topics[topic] !== undefined &&
        lastPiece !== text &&
        isQuestion(lastPiece) &&
        namesFault(lastPiece) &&
        sideNamed(lastPiece) !== undefined
      )
        decided = { kind: "confident", id: sideQuestion.id, candidates: decided.candidates };
      // 「自分でできることは？」: what the user can do, asked without a word of fault, asks for the next step (the
      // diagnosis's steps), not whose side it is, though it names the user's side. 「何もしなくていい？」, whether
      // anything is needed with no one named to do it, asks whether to wait, where waiting is an answer of the
      // diagnosis on screen, else for the steps; 「こっちは何もしなくていいの？」 still asks whose it is to fix.
      // 「自分でできることは？」 matched by "what can you do" (the assistant's help) asks the same: the user's own steps.
      const action =
        decided.kind === "confident" &&
        (decided.id === sideQuestion?.id ||
          (bank.questions.get(decided.id)?.asksHelp === true && ownActionAsked(text)))
          ? actionAsked(text, topic !== null && NOTHING_FAILED.has(topic))
          : undefined;
      if (topic !== null && stepsQuestion && action !== undefined && !choosesSide(text)) {
        const meant =
          action === "can" || stepsNotWaiting(topic)
            ? stepsQuestion
            : waitQuestion?.topics[topic]
              ? waitQuestion
              : undefined;
        if (meant) decided = { kind: "confident", id: meant.id, candidates: decided.candidates };
      }
      // 「このメール、放っておいていいのかな」 after an automatic reply: leaving it alone, asked where nothing failed and
      // nothing is retried, asks whether anything is to be done (the steps: "no need to resend"), not whether
      // it arrives by waiting (wait's examples 「放置でいいの？」 ask that after "still trying"); arrival named
      // (「放っておけば届く？」) is still waiting.
      if (
        topic !== null &&
        stepsQuestion &&
        stepsNotWaiting(topic) &&
        decided.kind === "confident" &&
        decided.id === waitQuestion?.id &&
        mentionsAny(text, LEAVING_ALONE) &&
        !mentionsAny(text, WAITED_FOR)
      )
        decided = { kind: "confident", id: stepsQuestion.id, candidates: decided.candidates };
      // 「ドメインって言葉がわからない」「「ドメイン」ってそもそも何を指してるの」 with a diagnosis on screen: a word
      // of the advice asked about that a question knows by itself (the word read alone, nothing on screen, in
      // nearly its example's words: ドメイン → what a domain is) is that question, what the word means; not the
      // diagnosis in plain words, nor a question its frame's words share (「言葉がわからない」 "I'm lost").
      if (topic !== null) {
        const term = termAskedAbout(text);
        const alone = term === undefined ? undefined : index.understand(term, null);
        if (
          alone?.kind === "confident" &&
          (alone.candidates[0]?.score ?? 0) >= THRESHOLDS.termKnown &&
          answers(alone.id) &&
          answerable(bank.questions.get(alone.id)!, topic)
        )
          return { kind: "confident", id: alone.id, candidates: decided.candidates };
      }
      // 「…ってこと？」「…って何？」 with a diagnosis on screen asks what it means: a question of other
      // diagnoses that only shares its words (「パスワードが違うってこと？」 after "could not verify the
      // sender" is no question about a wrong address) gives way to this diagnosis in plain words.
      const top = decided.candidates[0];
      // The question decided on, which may lead the candidates that fit the diagnosis offered beside it.
      const chosen = decided.kind === "confident" ? decided.id : top?.id;
      if (
        topic !== null &&
        plainWords &&
        decided.kind !== "none" &&
        chosen !== undefined &&
        !advice &&
        !fitting.has(chosen) &&
        Object.keys(bank.questions.get(chosen)?.topics ?? {}).length > 0 &&
        asksMeaning(text)
      )
        return { kind: "confident", id: plainWords.id, candidates: decided.candidates };
      // 「SPFってなに」「delayedってなに」 with a diagnosis on screen: a word asked about that no question
      // knows (only the frame 「ってなに」 matched, if anything) is a word of the advice on screen; what it
      // means there is the diagnosis in plain words, not what a bounce or a domain is.
      if (topic !== null && plainWords && (!top || bank.questions.get(top.id)?.topics[topic] === undefined)) {
        const term = termAskedAbout(text);
        // Known to no question: understood as nothing, or only weakly (below `confident`).
        const known = term === undefined ? undefined : index.understand(term, topic);
        if (
          known !== undefined &&
          (known.kind !== "confident" || (known.candidates[0]?.score ?? 0) < THRESHOLDS.confident)
        )
          return { kind: "confident", id: plainWords.id, candidates: decided.candidates };
      }
      // 「わかりました」 matches 「Yahooのアドレスで送りました」 by its ending: an acknowledgement, greeting,
      // thanks, "that didn't help" or "start over" is short, or said in nearly the words of one; a longer
      // message that only shares words with one (「会員じゃなくても使える？」 is no "useless") is a
      // statement or a question of its own.
      const act = decided.kind === "confident" ? bank.questions.get(decided.id) : undefined;
      if (
        (act?.courtesy || act?.does === "not-helpful" || act?.does === "restart") &&
        (top?.score ?? 0) < THRESHOLDS.sure &&
        canonicalLength(text.slice(0, MAX_QUESTION_CHARS), table) > MAX_ACT_CHARS &&
        !saidInOwnWords(act, top?.score ?? 0, text) &&
        !openedOrClosedBy(act.id, text, topic, index.understand)
      )
        return { kind: "none", candidates: decided.candidates };
      return decided;
    },
  };
  return index;
}

/**
 * Document frequency over questions: in how many questions' examples each feature occurs (`owner`: the
 * question of each example, examples of a question one after another).
 */
function questionsPerFeature(vectors: readonly Map<string, number>[], owner: readonly number[]) {
  const seenIn = new Map<string, number>(); // feature → last question counted
  const df = new Map<string, number>();
  vectors.forEach((v, ex) => {
    for (const f of v.keys())
      if (seenIn.get(f) !== owner[ex]) {
        seenIn.set(f, owner[ex]!);
        df.set(f, (df.get(f) ?? 0) + 1);
      }
  });
  return df;
}

/**
 * The background of the question index as the examples make it now (knowledge/questions.ts Background):
 * the features of two questions or more. A feature of one question weighs the same with or without it.
 */
export function backgroundOf(bank: QuestionBank): Background {
  const questions = [...bank.questions.values()];
  const owner = questions.flatMap((q, qi) => q.examples.map(() => qi));
  const vectors = featuresOfAll(
    questions.flatMap((q) => q.examples),
    readingTable(bank.readings),
  );
  const frequencies = new Map<string, number>();
  for (const [f, count] of questionsPerFeature(vectors, owner)) if (count >= 2) frequencies.set(f, count);
  return { questions: questions.length, frequencies };
}

/**
 * Whether a feature is a character bigram or trigram: words ("w:…"), emoji ("e:…") and single letters
 * ("c:…") have a colon second, which no n-gram has (the canonical spelling turns ":" into a space).
 */
function isGram(feature: string): boolean {
  return (feature.length === 2 || feature.length === 3) && feature[1] !== ":";
}

/** Ends of a text that asks whether something is so (「…ってこと？」「…なの？」「…止められてるん？」). */
const WHETHER_ENDS = [
  "こと",
  "ことか",
  "ことかな",
  "ことね",
  "ことですか",
  "ことですかね",
  "ことでしょうか",
  "の",
  "のか",
  "なん",
  "るん",
  "たん",
];
/** Words that ask why, who, which, what, how or when, or what to do (「…すればいいの」): more than whether. */
const ASKING_WORDS = [
  "なぜ",
  "なんで",
  "どうして",
  "どっち",
  "どちら",
  "だれ",
  "誰",
  "どう",
  "いつ",
  "何",
  "なに",
  "どこ",
  "どれ",
  "いい",
  "why",
  "how",
  "who",
  "which",
  "when",
];
const END_MARKS = new Set([..." \n\t。.!！?？、,〜~…ー"]);

/**
 * Whether a text asks whether something is so (「相手のメールボックスがいっぱいってこと？」「アドレス止められ
 * てるの？」) and nothing more (why, who, which, what to do): a plain scan, no pattern.
 */
export function asksWhetherSo(text: string): boolean {
  const t = text.slice(0, MAX_QUESTION_CHARS).normalize("NFKC").toLowerCase();
  if (ASKING_WORDS.some((w) => t.includes(w))) return false;
  let end = t.length;
  while (end > 0 && END_MARKS.has(t[end - 1]!)) end--;
  const body = t.slice(0, end);
  return WHETHER_ENDS.some((e) => body.endsWith(e)) || toldAsQuestion(t);
}

/**
 * "so its still trying?" "so she's not using that address anymore?": English told as a sentence, with a
 * question mark (no question word or auxiliary first: "should i…", "can i…" ask what to do), asks whether it
 * is so. Words split at spaces: a plain scan.
 */
function toldAsQuestion(t: string): boolean {
  if (!t.trimEnd().endsWith("?") || !/^[\x20-\x7e]+$/.test(t)) return false;
  const words = t.split(" ").filter((w) => w !== "");
  // "…, what's a domain?" asks what, wherever it stands.
  if (words.some((w) => w.startsWith("what") || w.startsWith("where"))) return false;
  const first = words.find((w) => !OPENERS.has(w.replace(/[^a-z']/g, "")));
  return first !== undefined && !DOING_WORDS.has(first.replace(/[^a-z']/g, ""));
}
/** Words that open an English sentence told as a question, before what is said ("so", "wait,", "oh"). */
const OPENERS: ReadonlySet<string> = new Set([
  "so",
  "wait",
  "oh",
  "ok",
  "okay",
  "hmm",
  "um",
  "and",
  "then",
  "ah",
]);
/** An English question that asks what to do or may be done, or whether it did, opens with one of these. */
const DOING_WORDS: ReadonlySet<string> = new Set([
  "should",
  "can",
  "could",
  "do",
  "does",
  "did",
  "will",
  "would",
  "may",
  "shall",
  "must",
  "might",
  "am",
  "any",
  "if",
  "hows",
  "pls",
  "please",
]);

/** A text cut into its sentences (at 。．！？!? and line ends). */
function sentencesOf(text: string): string[] {
  const out: string[] = [];
  let piece = "";
  for (const ch of text) {
    if ("。．！？!?\n".includes(ch)) {
      if (piece.trim()) out.push(piece.trim());
      piece = "";
    } else piece += ch;
  }
  if (piece.trim()) out.push(piece.trim());
  return out;
}

/** An acknowledgement, greeting or thanks matched below `sure` is at most this long (canonical letters). */
const MAX_ACT_CHARS = 10;

/**
 * 「このボットほんと役に立たないな」「別の件の相談に移りたい」: "that didn't help" and "start over" are told,
 * in words of one's own, so they match their examples less than an acknowledgement does; told (no question
 * mark) and matched this much, they are meant. 「会員じゃなくても使える？」 asks something else.
 */
const ACT_TOLD = 0.28;
function saidInOwnWords(act: Question, score: number, text: string): boolean {
  if (act.does !== "not-helpful" && act.does !== "restart") return false;
  if (score < ACT_TOLD || text.includes("?") || text.includes("？")) return false;
  // Starting over is said of the talk itself (「別のメールの話がしたい」), not of a mail or address
  // (「別のアドレスから送りたい」 asks how).
  const t = text.normalize("NFKC").toLowerCase();
  return act.does === "not-helpful" || TALK_WORDS.some((w) => t.includes(w));
}
/** Words for the conversation itself: its subject, a question, starting it again. */
const TALK_WORDS = [
  "話",
  "質問",
  "相談",
  "件",
  "最初",
  "はじめ",
  "やり直",
  "やりなお",
  "topic",
  "subject",
  "start",
];

/**
 * 「了解です。言われたとおりにやってみて、またきます」: a message whose first or last sentence is, alone and
 * short, the same act (an acknowledgement, thanks, greeting or goodbye) is that act; the other sentences
 * tell what the user will do (a question among them is read by interpret.ts, beyondPleasantries).
 */
function openedOrClosedBy(
  id: string,
  text: string,
  topic: TopicId | null,
  understand: (text: string, topic: TopicId | null) => Understanding,
): boolean {
  // Pieces between commas too (「ありがとう、Thunderbirdの設定見直してみます」「了解、今日はこのへんで」).
  let sentences = sentencesOf(text.slice(0, MAX_QUESTION_CHARS));
  if (sentences.length < 2) sentences = sentencePieces(text.slice(0, MAX_QUESTION_CHARS));
  if (sentences.length < 2) return false;
  return [sentences[0]!, sentences[sentences.length - 1]!].some((s) => {
    const u = understand(s, topic);
    return u.kind === "confident" && u.id === id;
  });
}

/**
 * Fillers said before what is meant (「とりあえず今日はここまでにします」「えっと、再送していい？」): no example
 * holds them, so their rare n-grams would only pull a text away from its question. Left out of a query.
 */
const FILLERS = [
  "とりあえず",
  "えーっと",
  "えっと",
  "えーと",
  "ええと",
  "あのー",
  "あのう",
  "うーん",
  // Joining a second question (「…ですか？あと、チャットは残りますか」): "and", "by the way".
  "あと、",
  "それと、",
  "ちなみに",
];

function withoutFillers(text: string): string {
  let out = text;
  for (const f of FILLERS) if (out.includes(f)) out = out.split(f).join(" ");
  return withoutEnglishFillers(out);
}

/**
 * English words that only colour what is asked ("what is a bounce message exactly", "it worked fine last week
 * tho", "did i type it wrong or something"): "exactly" is in plain-words' "what happened exactly", "or" in
 * whose-side's "me or them", so each pulled a text to a question it does not ask. Whole words only.
 */
const EN_FILLERS = new Set([
  ..."exactly actually really just even basically literally honestly tho though anyway anyways".split(" "),
  ..."lol lmao haha hmm um uh kinda".split(" "),
]);
/** "or something" at a clause's end: a vague tail, no alternative asked about. */
const VAGUE_TAILS = new Set(["something", "anything", "smth", "sth", "whatever"]);

const isLetter = (code: number) =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x27;

/** Whether nothing but spaces lies between `at` and the text's end or the next character that is no letter. */
function endsClause(text: string, at: number): boolean {
  let k = at;
  while (k < text.length && text[k] === " ") k++;
  return k === text.length || !isLetter(text.charCodeAt(k));
}

function withoutEnglishFillers(text: string): string {
  let out = "";
  let from = 0; // text[from, i) is still to be copied
  let i = 0;
  let orAt = -1; // where the last word "or" started, when it was the word just before
  while (i < text.length) {
    if (!isLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && isLetter(text.charCodeAt(j))) j++;
    const word = text.slice(i, j).toLowerCase();
    const tail = orAt >= 0 && VAGUE_TAILS.has(word) && endsClause(text, j);
    if (tail || EN_FILLERS.has(word)) {
      const start = tail ? orAt : i;
      if (start >= from) {
        out += `${text.slice(from, start)} `;
        from = j;
      }
    }
    orAt = word === "or" ? i : -1;
    i = j;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** How people ask what something means or whether it is so (「…ってこと？」「…って何？」 "so it means…?"). */
const MEANING_FRAMES = [
  "ってこと",
  "ということ",
  "って事",
  "という事",
  "ってなに",
  "って何",
  "ってなん",
  "とは",
  "どういう意味",
  "どういうこと",
  "意味",
  "つまり",
  "mean",
];

/**
 * Ends of what a text says to do (「待っとけば いい」「待つしかない」「送らずに待っとけ」「聞くべき」「送っていい」):
 * retold and asked whether it is so, the action is what is asked.
 */
const ADVICE_ENDS = [
  "ばいい",
  "ばよい",
  "ばok",
  "しかない",
  "っとけ",
  "っとく",
  "ておけ",
  "ておく",
  "でおけ",
  "べき",
  "ていい",
  "でいい",
  "もいい",
  "なきゃ",
  "ないとだめ",
  "ないといけない",
];

/**
 * Whether a text retells what to do and asks whether that is it (「つまり待っとけばいいってこと？」「じゃあ相手
 * に聞くしかないの？」), not how or what to do (「どうすればいいの」): a plain scan, no pattern.
 */
export function retellsAdvice(text: string): boolean {
  const t = text.slice(0, MAX_QUESTION_CHARS).normalize("NFKC").toLowerCase();
  if (!ADVICE_ENDS.some((e) => t.includes(e))) return false;
  return asksMeaning(t) || asksWhetherSo(t.split("いい").join(""));
}

/** Frames after a word that ask what it means (「SPFってなに」「リレーとは」). */
const TERM_FRAMES = [
  "ってなに",
  "って何",
  "ってなん",
  "とは",
  "ってどういう",
  // The word itself not understood (「ドメインって言葉がわからない」「…の意味がピンとこない」).
  "って言葉",
  "という言葉",
  "って単語",
  "という単語",
  "って用語",
  "の意味",
  "って意味",
  "ってわから",
  "って分から",
  "ってよくわから",
  "ってピンとこ",
];

/**
 * The word a text asks the meaning of (「SPF」 of 「SPFってなに？」), when the text is that word and a frame
 * that asks what it means, and nothing more; else undefined. A plain scan.
 */
export function termAskedAbout(text: string): string | undefined {
  const t = withoutWords(
    text.slice(0, MAX_QUESTION_CHARS).normalize("NFKC").toLowerCase(),
    TERM_FILLERS,
    "",
  ).trim();
  if (t.length > MAX_TERM_QUESTION_CHARS) return undefined;
  // The word ends where the first frame starts (「ドメインって言葉がわからない」: not at 「がわから」).
  let at = -1;
  for (const frame of TERM_FRAMES) {
    let i = t.indexOf(frame);
    // 「できることは」: 「とは」 of 「こと」 + は is no frame.
    while (i > 0 && frame === "とは" && t[i - 1] === "こ") i = t.indexOf(frame, i + 1);
    if (i > 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) return undefined;
  const term = withoutWords(t.slice(0, at), TERM_QUOTES, "").trim();
  return term.length >= 2 && !term.includes(" ") ? term : undefined;
}
/** Quotes around the word (「「ドメイン」って何？」). */
const TERM_QUOTES = ["「", "」", "『", "』", '"', "'"];
/** Words that stress the asking and say nothing of the word asked about (「ドメインってそもそも何？」). */
const TERM_FILLERS = ["そもそも", "いったい", "一体", "結局", "いまいち", "イマイチ"];
/** A question about one word is short (「リレーって何のことですか」). */
const MAX_TERM_QUESTION_CHARS = 20;

/** Whether a text asks what something means or whether it is so (a plain scan, no pattern). */
export function asksMeaning(text: string): boolean {
  const t = text.slice(0, MAX_QUESTION_CHARS).normalize("NFKC").toLowerCase();
  return MEANING_FRAMES.some((f) => t.includes(f));
}

/** `bound`: about the diagnosis on screen whatever it is, asked with none (coldBound). */
type Fit = "own" | "general" | "off" | "bound";
const FIT_WEIGHT: Record<Fit, number> = {
  own: THRESHOLDS.contextBoost,
  general: 1,
  off: THRESHOLDS.offTopic,
  bound: THRESHOLDS.coldBound,
};

/**
 * How a question fits the diagnosis on screen: an answer of its own for it; only a general answer (「電話で
 * 相談できる？」); or answers of its own for other diagnoses but not this one ("how to check the address"
 * after "the mailbox is full": its general answer is still about addresses).
 */
function fitOf(q: Question, topic: TopicId | null): Fit {
  // With nothing on screen, a question about the diagnosis on screen, whatever it is, has nothing to say.
  if (topic === null) return answersEveryTopic(q) ? "bound" : "general";
  // "What do I do now?" is answered with the steps of the diagnosis on screen, but it is no boosted answer of
  // its own: its examples (「どこを直せばいいの」「どうすればいい」) share their endings with the questions
  // that name what to fix or change (「設定のどこを直せばいい」, 「打ち直せば届く？」), and the steps are
  // on screen already. Boosted, it took those (tuning set 91.7 → 92.0 %, follow-up block 74 → 75/93).
  if (q.topics[topic] !== undefined) return "own";
  // With a diagnosis on screen, "how do I paste it" is rarely what is asked: it is there already.
  if (q.does === "paste-help" && !q.withDiagnosis) return "off";
  // What to tell support: the same whatever the diagnosis, though one diagnosis has a follow-up for it.
  if (q.anyDiagnosis) return "general";
  // Answers of its own for each diagnosis where nothing of the user's failed, and for no other ("did it
  // arrive?", "did the other recipients get it?"): its general answer is the one for every failure ("no, it
  // didn't reach them"), not another diagnosis's.
  const answered = Object.keys(q.topics) as TopicId[];
  const apart = answered.length === NOTHING_FAILED.size && answered.every((t) => NOTHING_FAILED.has(t));
  return answered.length > 0 && !apart ? "off" : "general";
}

/** A goal named before asking how (「…を知るにはどうしたらいい」「…するためには」): a plain scan. */
function namesGoal(text: string): boolean {
  const t = text.slice(0, MAX_QUESTION_CHARS).normalize("NFKC");
  const at = t.indexOf("には");
  return at > 0 && GOAL_HOW.some((w) => t.indexOf(w, at) > at);
}
/** How asked after the goal. */
const GOAL_HOW = ["どう", "方法", "何を", "なにを"];

/**
 * Diagnoses where no mail of the user's failed (yet): still being retried, an automatic reply, returned mail
 * for mail they never sent. Questions answer them apart from the failures.
 */
const NOTHING_FAILED: ReadonlySet<TopicId> = new Set<TopicId>(["delayed", "not-a-bounce", "backscatter"]);

/** Something done for the user by another (「再送してくれる」「送り直してくれるの」): the server's retries. */
const DONE_FOR_USER = ["てくれる", "てくれま", "てくれて", "でくれる"];
/** Waiting named (「待って」「待てば」). */
const WAITING_NAMED = ["待", "まって", "まてば", "wait"];
/** Sending held back (「送り直さないで」「送らずに」): with waiting named, whether waiting is enough is asked. */
const SENDING_HELD_BACK = [
  "さないで",
  "さずに",
  "らないで",
  "らずに",
  "しないで",
  "せずに",
  "without resending",
];
/** Leaving a mail alone (「放っておいて」「無視して」「スルー」 "leave it", "ignore"): plain scans. */
const LEAVING_ALONE = [
  "放って",
  "ほうって",
  "ほっと",
  "ほおって",
  "放置",
  "ほうち",
  "無視",
  "むし",
  "スルー",
  "するー",
  "何もしな",
  "なにもしな",
  "leave it",
  "leave them",
  "ignore",
];
/** What comes of waiting named, arriving or stopping (「放っておけば届く？」「放置してたら来なくなる？」). */
const WAITED_FOR = [
  "届",
  "とど",
  "着",
  "来なく",
  "こなく",
  "止ま",
  "とまる",
  "収ま",
  "おさま",
  "arrive",
  "deliver",
  "get there",
  "go through",
  "stop",
];

/**
 * The decision without the questions a text lacks the needed words of (`lacks`). Where the best one lacked
 * them, the next is read as if it had not been there, but only as sure as the best was: confident only where
 * the best was and the next is clear on its own (at least `confident`); below that, nothing (「なぜか一部の
 * 人にだけ届かない」 is no mobile address, and no weak guess at another question either).
 */
function withoutLacking(
  ranked: Candidate[],
  lacking: (c: Candidate) => boolean,
  decideOn: (ranked: Candidate[]) => Understanding,
): Understanding {
  const kept = ranked.filter((c) => !lacking(c));
  if (kept.length === ranked.length) return decideOn(ranked);
  if (ranked[0] === kept[0]) return decideOn(kept);
  const top = kept[0];
  if (!top || top.score < THRESHOLDS.confident) return { kind: "none", candidates: kept.slice(0, 3) };
  const decided = decideOn(kept);
  if (decided.kind !== "confident" || decideOn(ranked).kind === "confident") return decided;
  return { kind: "unsure", candidates: decided.candidates };
}

/**
 * `fitting`: with a diagnosis on screen, the questions that fit it (「もしかして…」 prefers them); `own`: those
 * with an answer of their own for it.
 */
function decide(
  ranked: Candidate[],
  fitting?: ReadonlySet<string>,
  own?: ReadonlySet<string>,
): Understanding {
  const [top, next] = ranked;
  if (
    top &&
    top.score < THRESHOLDS.candidate &&
    top.score >= THRESHOLDS.fittingFloor &&
    own?.has(top.id) === true &&
    (!next || next.score < top.score * THRESHOLDS.ratio)
  )
    return { kind: "confident", id: top.id, candidates: [top] };
  if (!top || top.score < THRESHOLDS.candidate) return { kind: "none", candidates: ranked.slice(0, 3) };
  let close = ranked.filter(
    (c) => c.score >= THRESHOLDS.candidate && c.score >= top.score * THRESHOLDS.spread,
  );
  if (fitting && close.some((c) => fitting.has(c.id))) close = close.filter((c) => fitting.has(c.id));
  const candidates = close.slice(0, THRESHOLDS.maxCandidates);
  const ratio = top.score >= THRESHOLDS.sure ? THRESHOLDS.sureRatio : THRESHOLDS.ratio;
  // With a diagnosis on screen, the best question that fits it is answered even when another comes close:
  // both are about the advice the user is reading, and a list to pick from answers neither (tuning set
  // 92.5 → 93.5 %, its newest block 91.9 → 93.3 %). Without one, a near tie is still asked about.
  const ahead = !next || next.score < top.score * ratio || fitting?.has(top.id) === true;
  if (top.score >= THRESHOLDS.confident && ahead) return { kind: "confident", id: top.id, candidates };
  // A lone candidate is not a choice to offer: it is the answer, if only just.
  if (candidates.length === 1) return { kind: "confident", id: candidates[0]!.id, candidates };
  return { kind: "unsure", candidates };
}

/** A piece that asks for something in so many words ("please", 「ください」「お願い」): a plain scan. */
function requests(piece: string): boolean {
  const t = piece.normalize("NFKC").toLowerCase();
  return REQUEST_WORDS.some((w) => t.includes(w));
}
const REQUEST_WORDS = ["please", "pls", "plz", "ください", "下さい", "お願い", "おねがい"];

/**
 * The side a text names where it asks: 「私のメールボックスがいっぱいなの？」 asks about the user's own;
 * "Can you explain more simply, my English is not so good" names the user only in what it tells. With
 * some pieces asking and others telling, only the asking ones are read.
 */
function sideAsked(text: string): ReturnType<typeof sideNamed> {
  const pieces = sentencePieces(text);
  // "explain more simple please, my english not so good": a request asks as a question does.
  const asking = pieces.filter((p) => isQuestion(p) || requests(p));
  return sideNamed(asking.length > 0 && asking.length < pieces.length ? asking.join(" ") : text);
}
