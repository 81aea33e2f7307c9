import { describe, expect, it } from "vitest";
import { knowledgeServices } from "../bot/wiring.ts";
import { createInterpreter, type SessionView } from "../dialogs/interpret.ts";
import { loadUi } from "../dialogs/ui.ts";
import type { QuestionIndex } from "../dialogs/understand/understand.ts";
import { loadKnowledge } from "../knowledge/knowledge.ts";

/**
 * While one typed text is read, the question index reads each piece of it once (dialogs/interpret/
 * one-reading.ts): the readers ask about the same pieces again, and a text read again with its voicing
 * marks restored shares its unchanged sentences. Nothing is kept from one text to the next.
 */

const services = knowledgeServices(loadKnowledge());
const ui = loadUi();

/** The interpreter, with the (text, topic) pairs that reached the index of each reading. */
function countingInterpreter() {
  let asked: string[] = [];
  const interpret = createInterpreter({
    ...services,
    ui,
    keepUnderstood: (index): QuestionIndex => ({
      size: index.size,
      understand(text, topic, words) {
        asked.push(`${topic}\0${text}`);
        return index.understand(text, topic, words);
      },
    }),
  });
  const read = async (text: string, session: SessionView) => {
    asked = [];
    const events = await interpret({ kind: "text", text }, session);
    return { events, asked };
  };
  return read;
}

// Upset, in several pieces, and one read again with its voicing restored (「でしょうか」 → 「でしょうが」).
const TEXTS = [
  "夜遅くにすみません、急ぎで困ってます。もう一回送ればいいの？",
  "相手は孫の携帯（au）です。何度やっても届かず悲しいです。携帯だと何か違うのでしょうか",
  "了解です、あとどれくらい待てばいいですか",
  "ありがとう、相手に確認してみます",
];
const VIEWS: SessionView[] = [
  { lang: "ja", topic: null, pickingCarrier: false },
  { lang: "ja", topic: "mailbox-full", pickingCarrier: false },
];

describe("one typed text read", () => {
  it("asks the question index about each piece once, and the same again for the next text", async () => {
    const read = countingInterpreter();
    let repeatedBefore = 0;
    for (const view of VIEWS)
      for (const text of TEXTS) {
        const first = await read(text, view);
        expect(first.asked.length, text).toBeGreaterThan(0);
        expect(new Set(first.asked).size, text).toBe(first.asked.length);
        const again = await read(text, view);
        expect(again.asked, text).toEqual(first.asked);
        expect(again.events).toEqual(first.events);
        repeatedBefore += first.asked.length;
      }
    expect(repeatedBefore).toBeGreaterThan(TEXTS.length * VIEWS.length);
  });
});
