import type { TopicId } from "../../knowledge/types.ts";
import type { Feeling } from "../events.ts";
import { readingOnce } from "../understand/segments.ts";
import type { QuestionIndex, Understanding } from "../understand/understand.ts";
import type { InterpretContext } from "./context.ts";
import type { FeelingReader } from "./feeling.ts";

/**
 * The context for reading typed texts: its question index and its reader of feelings remember what they made
 * of each text they were given, while a text is read. The readers of one text ask them about the same pieces
 * again (the whole text, its last sentence, the text without its words of feeling; a text read again with its
 * voicing marks restored shares its unchanged sentences): of the dev texts, the slowest 2 % asked the index
 * 6.1 times for 4.9 different texts, and the reader of feelings 6.5 times for 4.2. Both are pure functions of
 * what they are given, so a reading remembered is exactly the one worked out again; what callers get is only
 * read, never changed (bot/recent-results.ts hands out the same kept readings frozen).
 * Made once per interpreter (a copy of the whole context and a dozen closures made for every typed text were
 * ~2 KB of allocation each); `read(…)` opens the reading of one text, and the function it returns closes it and
 * drops what was remembered. Readings that overlap (a turn waits for the classifier) share the memories, as
 * knowledge/turn-memory.ts's are shared: keyed by the text, so one text's answers are never another's, and one
 * reading's end dropping them costs another a recomputation, not a different answer. Nothing outlives the
 * reading: the maps are dropped (never cleared: turn-memory.ts FRESH_MAPS).
 */
export function forReadings(ctx: InterpretContext): {
  one: InterpretContext;
  read: () => () => void;
} {
  const index = rememberingIndex(ctx.index);
  const feelings = rememberingFeelings(ctx.feelings);
  return {
    one: { ...ctx, index: index.reader, feelings: feelings.reader },
    read() {
      // The runs of the text segmented for the index's features, while it is read (segments.ts readingOnce).
      const segmented = readingOnce();
      return () => {
        segmented();
        index.forget();
        feelings.forget();
      };
    },
  };
}

// Each memory below is made when first asked: a text is read by only some of these readers, and seven maps
// made for every typed text were allocation of each (the young generation's scavenges set the 99th percentile).

const keyOf = (text: string, topic: TopicId | null) => (topic === null ? `\0${text}` : `${topic}\0${text}`);

function rememberingIndex(index: QuestionIndex): { reader: QuestionIndex; forget: () => void } {
  let read: Map<string, Understanding> | undefined;
  const reader: QuestionIndex = {
    size: index.size,
    known: (text, topic) => read?.get(keyOf(text, topic)),
    // Read already in this reading: it is there to be read again, for nothing.
    mayRead:
      index.mayRead &&
      ((text, topic, ids, clear) =>
        read?.has(keyOf(text, topic)) === true || index.mayRead!(text, topic, ids, clear)),
    understand(text: string, topic: TopicId | null, words?: string[]) {
      // `words` asks for the text's segments besides: only the index itself gives them.
      if (words) return index.understand(text, topic, words);
      const key = keyOf(text, topic);
      read ??= new Map();
      let understood = read.get(key);
      if (understood === undefined) {
        understood = index.understand(text, topic);
        read.set(key, understood);
      }
      return understood;
    },
  };
  return {
    reader,
    forget: () => {
      read = undefined;
    },
  };
}

/** `f` remembering its answer per text (undefined answers too) until `forget`. */
function perText<T>(f: (text: string) => T): { ask: (text: string) => T; forget: () => void } {
  let answers: Map<string, T> | undefined;
  return {
    ask: (text) => {
      answers ??= new Map();
      if (answers.has(text)) return answers.get(text) as T;
      const answer = f(text);
      answers.set(text, answer);
      return answer;
    },
    forget: () => {
      answers = undefined;
    },
  };
}

function rememberingFeelings(feelings: FeelingReader): { reader: FeelingReader; forget: () => void } {
  let over: Map<string, boolean> | undefined;
  const feelingIn = perText((text) => feelings.feelingIn(text));
  const withoutExceptions = perText((text) => feelings.withoutExceptions(text));
  const withoutFeelingWords = perText((text) => feelings.withoutFeelingWords(text));
  const withoutCalmedFeelings = perText((text) => feelings.withoutCalmedFeelings(text));
  const ironic = perText((text) => feelings.ironic(text));
  const reader: FeelingReader = {
    feelingIn: feelingIn.ask,
    feelingOver(text: string, felt: Feeling) {
      const key = `${felt}\0${text}`;
      over ??= new Map();
      let answer = over.get(key);
      if (answer === undefined) {
        answer = feelings.feelingOver(text, felt);
        over.set(key, answer);
      }
      return answer;
    },
    withoutExceptions: withoutExceptions.ask,
    withoutFeelingWords: withoutFeelingWords.ask,
    withoutCalmedFeelings: withoutCalmedFeelings.ask,
    ironic: ironic.ask,
  };
  return {
    reader,
    forget: () => {
      over = undefined;
      feelingIn.forget();
      withoutExceptions.forget();
      withoutFeelingWords.forget();
      withoutCalmedFeelings.forget();
      ironic.forget();
    },
  };
}
