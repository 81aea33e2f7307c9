import type { TopicId } from "../../knowledge/types.ts";
import type { Feeling } from "../events.ts";
import { readingOnce } from "../understand/segments.ts";
import type { QuestionIndex, Understanding } from "../understand/understand.ts";
import type { InterpretContext } from "./context.ts";
import type { FeelingReader } from "./feeling.ts";

/**
 * The context for reading one typed text: its question index and its reader of feelings remember what they
 * made of each text they were given, for this reading only. The readers of one text ask them about the same
 * pieces again (the whole text, its last sentence, the text without its words of feeling; a text read again
 * with its voicing marks restored shares its unchanged sentences): of the dev texts, the slowest 2 % asked
 * the index 6.1 times for 4.9 different texts, and the reader of feelings 6.5 times for 4.2. Both are pure
 * functions of what they are given, so a reading remembered is exactly the one worked out again; what
 * callers get is only read, never changed (bot/recent-results.ts hands out the same kept readings frozen).
 * Nothing outlives the reading: the maps go with the context.
 */
export function forOneText(ctx: InterpretContext): { one: InterpretContext; done: () => void } {
  return {
    one: { ...ctx, index: rememberingIndex(ctx.index), feelings: rememberingFeelings(ctx.feelings) },
    // The runs of the text segmented for the index's features, while it is read (segments.ts readingOnce).
    done: readingOnce(),
  };
}

// Each memory below is made when first asked: a text is read by only some of these readers, and seven maps
// made for every typed text were allocation of each (the young generation's scavenges set the 99th percentile).

function rememberingIndex(index: QuestionIndex): QuestionIndex {
  let read: Map<string, Understanding> | undefined;
  const keyOf = (text: string, topic: TopicId | null) => (topic === null ? `\0${text}` : `${topic}\0${text}`);
  return {
    size: index.size,
    known: (text, topic) => read?.get(keyOf(text, topic)),
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
}

/** `f` remembering its answer per text (undefined answers too). */
function perText<T>(f: (text: string) => T): (text: string) => T {
  let answers: Map<string, T> | undefined;
  return (text) => {
    answers ??= new Map();
    if (answers.has(text)) return answers.get(text) as T;
    const answer = f(text);
    answers.set(text, answer);
    return answer;
  };
}

function rememberingFeelings(feelings: FeelingReader): FeelingReader {
  let over: Map<string, boolean> | undefined;
  return {
    feelingIn: perText((text) => feelings.feelingIn(text)),
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
    withoutExceptions: perText((text) => feelings.withoutExceptions(text)),
    withoutFeelingWords: perText((text) => feelings.withoutFeelingWords(text)),
    withoutCalmedFeelings: perText((text) => feelings.withoutCalmedFeelings(text)),
    ironic: perText((text) => feelings.ironic(text)),
  };
}
