import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { knowledgeServices } from "../bot/wiring.ts";
import { createInterpreter } from "../dialogs/interpret.ts";
import { loadUi } from "../dialogs/ui.ts";
import { sentencePieces } from "../dialogs/understand/asking.ts";
import type { QuestionIndex } from "../dialogs/understand/understand.ts";
import { loadKnowledge } from "../knowledge/knowledge.ts";
import type { TopicId } from "../knowledge/types.ts";

/**
 * A reader that looks for an act or a pleasantry in a piece of a text asks the question index first whether the
 * piece may read as one (dialogs/understand/understand.ts mayRead): where it says no, the piece is not read. So a
 * "no" must never be wrong: no piece it rules out reads as one of those questions with its best candidate scoring
 * as much as the reader asks.
 */

const services = knowledgeServices(loadKnowledge());
let scoped: QuestionIndex | undefined;
createInterpreter({
  ...services,
  ui: loadUi(),
  keepUnderstood: (index) => {
    scoped = index;
    return index;
  },
});
const index = scoped!;

const dev = parse(readFileSync(join(import.meta.dirname, "dialog-eval", "dev.yaml"), "utf8")) as {
  text: string;
  context: string;
}[];

// What the readers look for (courtesy.ts, acts.ts), and how clearly.
const LOOKED_FOR: [ReadonlySet<string>, number][] = [
  [new Set(["thanks", "greeting"]), 0.8],
  [new Set(["ok", "thanks", "goodbye"]), 0.8],
  [new Set(["goodbye"]), 0.6],
  [new Set(["thanks", "helpful", "greeting", "goodbye", "ok"]), 0.4],
  // Looser than any reader: the bound must hold at any clearness.
  [new Set(["thanks", "helpful", "greeting", "goodbye", "ok"]), 0],
];

describe("whether a piece may read as an act or a pleasantry", () => {
  it("rules out only pieces that do not read so (every 6th text of the tuning set, its pieces, with and without a topic)", () => {
    expect(index.mayRead).toBeDefined();
    let ruledOut = 0;
    let pieces = 0;
    for (const [i, item] of dev.entries()) {
      if (i % 6 !== 0) continue;
      const topics: (TopicId | null)[] = [
        null,
        item.context === "none" ? "user-unknown" : (item.context as TopicId),
      ];
      for (const piece of new Set([item.text, ...sentencePieces(item.text)]))
        for (const topic of topics) {
          pieces++;
          for (const [ids, clear] of LOOKED_FOR) {
            if (index.mayRead!(piece, topic, ids, clear)) continue;
            ruledOut++;
            const u = index.understand(piece, topic);
            const given = u.kind === "confident" && ids.has(u.id) && (u.candidates[0]?.score ?? 0) >= clear;
            expect(given, `${topic} ${piece}`).toBe(false);
          }
        }
    }
    // Many are ruled out: the test tests something.
    expect(ruledOut).toBeGreaterThan(pieces / 2);
  });

  it("does not rule out an act said in its own words", () => {
    for (const text of ["ありがとうございます", "こんにちは", "了解です", "thanks!", "またね"])
      expect(index.mayRead!(text, null, new Set(["thanks", "greeting", "ok", "goodbye"]), 0.4), text).toBe(
        true,
      );
  });
});
