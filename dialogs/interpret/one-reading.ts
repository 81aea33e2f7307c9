import type { TopicId } from "../../knowledge/types.ts";
import type { QuestionIndex, Understanding } from "../understand/understand.ts";
import type { InterpretContext } from "./context.ts";

/**
 * The context for reading one typed text: its question index remembers what each text it was asked about
 * means, for this reading only. The readers of one text ask the index about the same pieces again (the
 * whole text, its last sentence, the text without its feeling words; a text read again with its voicing
 * marks restored shares its unchanged sentences): the slowest texts asked 6.1 times for 4.9 different
 * texts (dev, the slowest 2 %). The index is a pure function of text and topic, so a reading remembered is
 * exactly the one worked out again; what callers get is only read, never changed (bot/recent-results.ts
 * hands out the same kept readings frozen). Nothing outlives the reading: the map goes with the context.
 */
export function forOneText(ctx: InterpretContext): InterpretContext {
  return { ...ctx, index: rememberingOneText(ctx.index) };
}

function rememberingOneText(index: QuestionIndex): QuestionIndex {
  const read = new Map<string, Understanding>();
  return {
    size: index.size,
    understand(text: string, topic: TopicId | null, words?: string[]) {
      // `words` asks for the text's segments besides: only the index itself gives them.
      if (words) return index.understand(text, topic, words);
      const key = topic === null ? `\0${text}` : `${topic}\0${text}`;
      let understood = read.get(key);
      if (understood === undefined) {
        understood = index.understand(text, topic);
        read.set(key, understood);
      }
      return understood;
    },
  };
}
