import {
  type Answer,
  answerable,
  answersEveryTopic,
  type Background,
  type Question,
  type QuestionBank,
  REASON_QUESTION,
} from "../../knowledge/questions.ts";
import { forgetAfterEachTurn, turnMap } from "../../knowledge/turn-memory.ts";
import type { TopicId } from "../../knowledge/types.ts";
import { sentencesOf } from "./asking.ts";
import { decide, withoutLacking } from "./decide.ts";
import { withoutFillers } from "./fillers.ts";
import { asksWhetherSo, namesGoal, retellsAdvice } from "./frames.ts";
import { negatesIn } from "./negation.ts";
import { featuresOfAll, forEachFeature, negates, type ReadingTable, readingTable } from "./normalize.ts";
import { asksOutcome, toldSentOnly } from "./outcome.ts";
import {
  applyOverrides,
  type FindOutWords,
  givenOnlyAsCandidate,
  NOTHING_FAILED,
  type Roles,
} from "./overrides.ts";
import { addPostings, topTwo } from "./scoring.ts";
import { MAX_QUESTION_CHARS, THRESHOLDS } from "./thresholds.ts";

export { MAX_QUESTION_CHARS, THRESHOLDS } from "./thresholds.ts";

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
 * close. *
 * What it decides is then read against what else the text says (overrides.ts: whose side, a later arrival,
 * a word asked about, …), by one ordered table of rules.
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
  /**
   * The reading of a text already made while the text under way is read (interpret/one-reading.ts), without
   * reading it: a reader whose answer does not hang on the order of its pieces reads those known first.
   */
  known?(text: string, topic: TopicId | null): Understanding | undefined;
  /**
   * Whether reading `text` may give one of the questions `ids` with its best candidate scoring at least `clear`
   * (a reader that looks for an act or a pleasantry in a piece of a text, in nearly an example's words): false
   * only where that is ruled out without reading it (mayRead in buildQuestionIndex says how), so that the reader
   * need not read the piece. Undefined: no such test, read.
   */
  mayRead?(text: string, topic: TopicId | null, ids: ReadonlySet<string>, clear: number): boolean;
  readonly size: { questions: number; examples: number; features: number };
}

/**
 * `said`: what the assistant says a diagnosis is, per topic (its title and menu label), besides plain-words'
 * answer for it: a text that says it again, asking whether it is so, asks for it in plain words.
 * `lacks`: whether a text lacks the words a question `needs` (dialogs/interpret/context.ts): such a question
 * is no candidate, so that the next best is read as if it had not been there (「メールアドレスを新しくしたい」
 * matches "change my password" best but names no password: the address is meant, not nothing).
 * `offHere`: whether a text does not ask a question's answer of its own for the diagnosis on screen (its
 * `needsOn`, dialogs/interpret/context.ts): the question then weighs as it would without that answer.
 * `findOut`: the ui's words of finding out (ui.yaml typedWords), read by the rule "how to check asked".
 */
export function buildQuestionIndex(
  bank: QuestionBank,
  said: ReadonlyMap<TopicId, readonly string[]> = new Map(),
  lacks: (id: string, text: string) => boolean = () => false,
  offHere: (id: string, text: string, topic: TopicId) => boolean = () => false,
  findOut?: FindOutWords,
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
  // All at once: segmented in one pass (segments.ts wordSegmentsOfAll says why).
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
    for (const sentence of [answer.ja, answer.en, ...(said.get(topic) ?? [])].flatMap((t) =>
      sentencesOf(t, "dropped"),
    )) {
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

  // Words of the examples by their spelling ("w:" + word in the vocabulary): a message's words are looked up
  // as the segmenter found them, without a string made for each; the reading table may remember their
  // spelling (normalize.ts wordOf).
  const wordIds = new Map<string, number>();
  for (const [f, id] of vocabulary) if (f.startsWith("w:")) wordIds.set(f.slice(2), id);
  table.known = new Set(wordIds.keys());

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
  // Made afresh for a text that has such features, never emptied with clear() (knowledge/turn-memory.ts
  // FRESH_MAPS: a cleared map in old space keeps its strings alive as roots of every scavenge).
  let unseen: Map<string, number> | undefined;
  const unseenCounts: number[] = [];
  const count = (f: string) => {
    const id = vocabulary.get(f);
    if (id !== undefined) countKnown(id);
    else countUnseen(f);
  };
  const countWord = (word: string) => {
    const id = wordIds.get(word);
    if (id !== undefined) countKnown(id);
    else countUnseen(`w:${word}`);
  };
  const counters = { gram: countGram, word: countWord };
  const countKnown = (id: number) => {
    if (counts[id] === 0) seen.push(id);
    counts[id]!++;
  };
  const countUnseen = (f: string) => {
    unseen ??= new Map();
    const k = unseen.get(f);
    if (k !== undefined) unseenCounts[k]!++;
    else {
      unseen.set(f, unseenCounts.length);
      seen.push(-1 - unseenCounts.length);
      unseenCounts.push(1);
    }
  };

  // What another question becomes asked with no returned mail (`withoutBounce`: "if nothing came back, did it
  // arrive?"): with a diagnosis on screen a returned mail is there, so it is off that diagnosis ("so it never
  // arrived, right?" after "gave up retrying" asks whether it arrived).
  const askedWithoutBounce = new Set(questions.flatMap((q) => (q.withoutBounce ? [q.withoutBounce] : [])));
  // Per topic on screen (and none): per question, the weight of its fit (0: not answerable there) and
  // whether it fits (not "off"). Made once per topic.
  const fitTables = new Map<
    TopicId | null,
    { weight: Float64Array; fits: Uint8Array; unasked: Float64Array }
  >();
  const fitsFor = (topic: TopicId | null) => {
    let table = fitTables.get(topic);
    if (!table) {
      table = {
        weight: new Float64Array(questions.length),
        fits: new Uint8Array(questions.length),
        // Where its answer here needs words of the text (`needsOn`): its weight without that answer, else 0.
        unasked: new Float64Array(questions.length),
      };
      for (let qi = 0; qi < questions.length; qi++) {
        const q = questions[qi]!;
        if (!answerable(q, topic)) continue;
        const fit = topic !== null && askedWithoutBounce.has(q.id) ? "off" : fitOf(q, topic);
        table.weight[qi] = FIT_WEIGHT[fit];
        table.fits[qi] = fit === "off" ? 0 : 1;
        if (topic !== null && q.needsOn?.topics.includes(topic)) {
          const { [topic]: _, ...others } = q.topics;
          table.unasked[qi] = FIT_WEIGHT[fitOf({ ...q, topics: others }, topic)];
        }
      }
      fitTables.set(topic, table);
    }
    return table;
  };
  /** Pairs (question index, score) of the questions that score, reused across calls. */
  const scoring: number[] = [];
  /** The questions whose answer of their own here this text does not ask (`needsOn`), per call. */
  const notAskedHere = new Set<number>();

  const forget = () => {
    for (const id of seen) if (id >= 0) counts[id] = 0;
    seen.length = 0;
    unseen = undefined;
    unseenCounts.length = 0;
  };

  // The features of the text counted last, in the order first seen (`seen`) with each one's count: the same text is
  // counted again within a turn (mayRead's bound, then the reading it let through; a piece read with and without a
  // topic), and its count is copied back instead (perf44: 7 % of the countings of dev's texts). Kept in arrays reused
  // from text to text, and forgotten when the turn ends, as the readings are (knowledge/turn-memory.ts).
  let countedText: string | undefined;
  let countedSpelling = "";
  let countedSegments: readonly string[] = [];
  const countedIds: number[] = [];
  const countedTimes: number[] = [];
  forgetAfterEachTurn(() => {
    countedText = undefined;
    countedSpelling = "";
    countedSegments = [];
  });
  /**
   * Counts the features of `text` (without its fillers) into `seen`, `counts` and `unseenCounts`, as forEachFeature
   * finds them in its first MAX_QUESTION_CHARS; `words` receives its word-like segments (forEachFeature `segmented`).
   * Returns its canonical spelling.
   */
  function countFeatures(text: string, words?: string[]): string {
    if (text === countedText) {
      for (let i = 0; i < countedIds.length; i++) {
        const id = countedIds[i]!;
        seen.push(id);
        if (id >= 0) counts[id] = countedTimes[i]!;
        else unseenCounts.push(countedTimes[i]!);
      }
      if (words) for (const w of countedSegments) words.push(w);
      return countedSpelling;
    }
    const segments = words ?? [];
    const from = words?.length ?? 0;
    countedText = undefined; // until counted whole (a call that throws half-way leaves nothing kept)
    const spelling = forEachFeature(
      text.slice(0, MAX_QUESTION_CHARS),
      table,
      count,
      counters,
      undefined,
      segments,
    );
    countedIds.length = 0;
    countedTimes.length = 0;
    for (const id of seen) {
      countedIds.push(id);
      countedTimes.push(id >= 0 ? counts[id]! : unseenCounts[-1 - id]!);
    }
    countedSegments = from === 0 ? segments : segments.slice(from);
    countedSpelling = spelling;
    countedText = text;
    return spelling;
  }

  // The questions the rules after the decision answer with (overrides.ts), and the index they read a word with.
  // The size limit's question, whose size told with "how" turns to how to send big files (`ifHowAsked`).
  const size = questions.find((q) => q.ifHowAsked !== undefined);
  const files = bank.questions.get(size?.ifHowAsked ?? "");
  const roles: Roles = {
    bank,
    table,
    plainWords,
    side: questions.find((q) => q.asksSide),
    steps: questions.find((q) => q.does === "next-steps"),
    wait: outcomeQuestions.find((q) => q.asksOutcome === "after-waiting"),
    // Asked cold with no returned mail named, whether no returned mail means it arrived (`withoutBounce`).
    arrival: questions.find((q) => q.withoutBounce !== undefined),
    resend: resendQuestion,
    files,
    size: files === undefined ? undefined : size,
    // The cause asked (knowledge/data/questions/general.yaml `reason`): the one question that reads "why did it come
    // back?"; a cause named instead (frames.ts namesCause) is not it.
    reason: bank.questions.get(REASON_QUESTION),
    understand: (text, topic) => index.understand(text, topic),
    findOut,
  };
  // What this index read in the turn under way, per text and topic on screen, with the words its segmenter
  // found (for a caller that asks for them: scope.ts). The readers' own memory of one reading
  // (interpret/one-reading.ts) is of the scoped index; below it, the scope's readings with words, the rules
  // after the decision (overrides.ts: a text's first and last sentence, the term asked about) and the readers
  // with a topic on screen asked this index again for the same text: of the slowest 2 % of the dev texts,
  // 6.77 readings per text of 6.25 texts. A pure function of the text and topic, so a reading remembered is
  // the one worked out again; shared by its callers, who only read it. Forgotten when the turn ends
  // (knowledge/turn-memory.ts), and afresh past MAX_REMEMBERED.
  const remembered = turnMap<{ read: Understanding; segments: string[] }>(MAX_REMEMBERED);
  // Per question, whether the rules after the decision give it only as a candidate (mayRead), and where it is.
  const onlyAsCandidate = Uint8Array.from(questions, (q) => (givenOnlyAsCandidate(roles, q) ? 1 : 0));
  const questionAt = new Map(questions.map((q, qi) => [q.id, qi]));
  const index: QuestionIndex = {
    size: { questions: questions.length, examples: n, features },
    mayRead(typed, topic, ids, clear) {
      if (remembered.get(topic === null ? `\0${typed}` : `${topic}\0${typed}`)) return true; // read already
      const asked: number[] = [];
      for (const id of ids) {
        const qi = questionAt.get(id);
        if (qi === undefined) continue;
        if (onlyAsCandidate[qi] === 0) return true;
        asked.push(qi);
      }
      return asked.length > 0 && bestOf(typed, topic, asked) >= lowestGiven(clear);
    },
    understand(typed, topic, words) {
      const key = topic === null ? `\0${typed}` : `${topic}\0${typed}`;
      const known = remembered.get(key);
      if (known) {
        if (words) for (const w of known.segments) words.push(w);
        return known.read;
      }
      const segments: string[] = [];
      const read = understandAnew(typed, topic, segments);
      if (words) for (const w of segments) words.push(w);
      remembered.set(key, { read, segments });
      return read;
    },
  };
  return index;

  /**
   * The most any of the questions `asked` can score in the reading of `typed` with `topic` on screen: each one's
   * best example's cosine, as understandAnew sums it (the same additions in the same order: the same numbers),
   * times the most its weight can be there. A question scores (best + second × w) / (1 + w) ≤ best, times its
   * fit's weight (or its weight without its answer here, `needsOn`), times at most `outcome` where it is the
   * question of the frame asked in; the other factors are below 1, a polar example's too. Only the postings
   * of their examples are summed (found by bisection: a feature's postings are in the order of the examples),
   * so most of what a reading costs besides its features is not spent.
   */
  function bestOf(typed: string, topic: TopicId | null, asked: readonly number[]): number {
    if (seen.length > 0) forget(); // a call that threw half-way (none should)
    countFeatures(withoutFillers(typed));
    let norm = 0;
    for (const id of seen) {
      const w = weightOf(id);
      norm += w * w;
      if (id < 0) continue;
      for (const qi of asked) {
        const last = firstExample[qi + 1]!;
        for (let i = firstPosting(start[id]!, start[id + 1]!, firstExample[qi]!); i < start[id + 1]!; i++) {
          const ex = postedExample[i]!;
          if (ex >= last) break;
          scores[ex] = scores[ex]! + w * postedWeight[i]!;
        }
      }
    }
    forget();
    norm = Math.sqrt(norm) || 1;
    const fit = fitsFor(topic);
    let most = 0;
    for (const qi of asked) {
      let top = 0;
      for (let ex = firstExample[qi]!; ex < firstExample[qi + 1]!; ex++) {
        if (scores[ex]! > top) top = scores[ex]!;
        scores[ex] = 0;
      }
      const weight =
        Math.max(fit.weight[qi]!, fit.unasked[qi]!) *
        (questions[qi]!.asksOutcome === undefined ? 1 : Math.max(1, THRESHOLDS.outcome)) *
        Math.max(1, THRESHOLDS.adviceRetold, THRESHOLDS.offTopic, THRESHOLDS.otherPolarity);
      most = Math.max(most, (top / norm) * weight);
    }
    return most;
  }

  /**
   * A feature's weight in the text being read (log-scaled count × idf; a negative id is a feature no example has,
   * counted apart): one expression for understandAnew and bestOf, so that both sum the same numbers to the bit.
   */
  function weightOf(id: number): number {
    return id < 0
      ? (1 + Math.log(unseenCounts[-1 - id]!)) * unseenIdf
      : (1 + Math.log(counts[id]!)) * idfOf[id]!;
  }

  /** The first posting of from…to whose example is `example` or after it (to where there is none). */
  function firstPosting(from: number, to: number, example: number): number {
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (postedExample[mid]! < example) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function understandAnew(typed: string, topic: TopicId | null, words: string[]): Understanding {
    if (seen.length > 0) forget(); // a call that threw half-way (none should)
    const text = withoutFillers(typed);
    const spelling = countFeatures(text, words);
    let norm = 0;
    // Whether the text says the diagnosis on screen again: only when it asks whether something is so.
    const gist = topic !== null && asksWhetherSo(text) ? gists.get(topic) : undefined;
    if (gist) gistScores.fill(0);
    // In the order first seen, as the sums were always made (the same scores to the last bit).
    for (const id of seen) {
      const w = weightOf(id);
      norm += w * w;
      if (id < 0) continue;
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
    notAskedHere.clear();
    for (let qi = 0; qi < questions.length; qi++) {
      const s = (best[qi]! + THRESHOLDS.second * second[qi]!) / (1 + THRESHOLDS.second);
      // An answer of its own for the diagnosis on screen that this text does not ask (`needsOn`): the
      // question weighs as it would without that answer (after "virus found", safe-to-open: off the topic).
      const notAsked = fit.unasked[qi]! > 0 && offHere(questions[qi]!.id, text, topic!);
      if (notAsked) notAskedHere.add(qi);
      const weight =
        (notAsked ? fit.unasked[qi]! : fit.weight[qi]!) *
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
      // Not asked here (`needsOn`): neither fitting the diagnosis nor its own question, as without that answer.
      const unasked = notAskedHere.has(scoring[k]!);
      if (unasked ? fit.unasked[scoring[k]!] !== FIT_WEIGHT.off : fit.fits[scoring[k]!] === 1)
        fitting.add(q.id);
      if (fit.weight[scoring[k]!] === FIT_WEIGHT.own && !unasked) own.add(q.id);
      // Best first, ties in the order of the questions (what a stable sort gives): placed after every one
      // scoring at least as much. A ranking is a few questions long; Array.prototype.sort allocated its
      // work arrays and a comparator at every call.
      const candidate = { id: q.id, score };
      let at = ranked.push(candidate) - 1;
      for (; at > 0 && ranked[at - 1]!.score < score; at--) ranked[at] = ranked[at - 1]!;
      ranked[at] = candidate;
    }
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
    const decided = withoutLacking(
      ranked,
      (c) => {
        const q = bank.questions.get(c.id);
        return (q?.needs !== undefined || q?.notWhen !== undefined) && lacks(c.id, text);
      },
      (r) => decide(r, topic === null ? undefined : fitting, own),
    );
    const reading = {
      roles,
      text,
      topic,
      framed,
      advice,
      saysGist,
      fitting,
      own,
      termReads: undefined,
      reads: undefined,
    };
    return applyOverrides(reading, decided);
  }
}
/**
 * The least a question must score in a reading for the reading to give it, with its best candidate scoring at
 * least `clear` (mayRead). decide.ts gives a question confidently either as the best candidate at THRESHOLDS.candidate
 * or more (`confident`, or a lone candidate), or, below that, at `fittingFloor` as the only candidate (whose score
 * is then the best's, so at least `clear` too); withoutLacking decides on some of the same candidates. The rules
 * after it (overrides.ts OVERRIDES) give a question that is given only as a candidate (givenOnlyAsCandidate) only
 * where it scores at least THRESHOLDS.candidate; they keep the candidates. Scaled by a hair below 1, for the
 * rounding of a score's sum (a question whose best two examples score the same).
 */
function lowestGiven(clear: number): number {
  return Math.min(THRESHOLDS.candidate, Math.max(THRESHOLDS.fittingFloor, clear)) * (1 - 1e-9);
}

/** Readings an index remembers in one turn at most (a turn reads ~7; the memory starts afresh past this). */
const MAX_REMEMBERED = 64;

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
  // What to tell support, whether the other recipients got it: the same whatever the diagnosis, though some
  // diagnoses have an answer of their own. Where those are the diagnoses where nothing failed (and perhaps more),
  // its general answer is written for every failure: an answer of its own for the failure on screen too (round 37:
  // after "address not found", 「部員全員に送ったけど、ほかの部員は受け取れてる？」 came below "did it arrive?").
  if (q.anyDiagnosis) return [...NOTHING_FAILED].every((t) => q.topics[t] !== undefined) ? "own" : "general";
  return Object.keys(q.topics).length > 0 && !answersEveryFailure(q) ? "off" : "general";
}

/**
 * Whether a question's general answer is written for every failure: `anyDiagnosis` (what to report, whether the
 * others got it), or answers of its own for each diagnosis where nothing of the user's failed and for no other
 * ("did it arrive?": "no, it didn't reach them"), not another diagnosis's.
 */
export function answersEveryFailure(q: Question): boolean {
  if (q.anyDiagnosis) return true;
  const answered = Object.keys(q.topics) as TopicId[];
  return answered.length === NOTHING_FAILED.size && answered.every((t) => NOTHING_FAILED.has(t));
}
