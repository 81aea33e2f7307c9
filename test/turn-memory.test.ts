import { randomBytes } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeHeapSnapshot } from "node:v8";
import { describe, expect, it } from "vitest";
import { knowledgeServices } from "../bot/wiring.ts";
import { createInterpreter, type SessionView } from "../dialogs/interpret.ts";
import { loadUi } from "../dialogs/ui.ts";
import { loadKnowledge } from "../knowledge/knowledge.ts";
import { forgetAfterEachTurn } from "../knowledge/turn-memory.ts";

/**
 * Nothing typed is kept after its turn (issue 9; knowledge/turn-memory.ts): the readers that remember the
 * last strings they folded, read or scanned forget them when the interpretation ends, answered or failed.
 * Proved on the heap itself: a canary made at random for each test (so no source text holds it) is typed
 * in a message, the turn is read, and a heap snapshot (taken after a full GC) must hold no string with it
 * (reached through strong references).
 * The test keeps only the canary's two halves, which never meet in one string outside the message.
 */

const services = knowledgeServices(loadKnowledge());
const ui = loadUi();
const VIEW: SessionView = { lang: "ja", topic: null, pickingCarrier: false };

/** Half a canary: 12 lower-case letters, random (a–p), so folding (NFKC, lower case, kana) leaves it as it is. */
const half = () =>
  randomBytes(6)
    .toString("hex")
    .replace(/[0-9]/g, (d) => "ghijklmnop"[Number(d)]!);

/**
 * Whether a string held on the heap holds `first` directly followed by `second`: held, that is reachable
 * from the roots through strong references. V8 also points at strings weakly (optimised code's constants,
 * its caches), which keeps nothing alive: only the strong edges of the snapshot are followed.
 */
function heapHolds(first: string, second: string): boolean {
  const file = writeHeapSnapshot(join(tmpdir(), `turn-memory-${process.pid}-${Date.now()}.heapsnapshot`));
  try {
    const snapshot = JSON.parse(readFileSync(file, "utf8")) as HeapSnapshot;
    const { node_fields, edge_fields, node_types, edge_types } = snapshot.snapshot.meta;
    const [nodeFields, edgeFields] = [node_fields.length, edge_fields.length];
    const { nodes, edges, strings } = snapshot;
    const stringTypes = new Set(node_types[0]!.flatMap((t, i) => (t.endsWith("string") ? [i] : [])));
    const weak = edge_types[0]!.indexOf("weak");
    const count = nodes.length / nodeFields;
    const firstEdge = new Int32Array(count + 1);
    for (let i = 0; i < count; i++)
      firstEdge[i + 1] = firstEdge[i]! + nodes[i * nodeFields + 4]! * edgeFields;
    const reached = new Uint8Array(count);
    const todo = [0];
    reached[0] = 1;
    while (todo.length > 0) {
      const node = todo.pop()!;
      const name = strings[nodes[node * nodeFields + 1]!]!;
      if (stringTypes.has(nodes[node * nodeFields]!)) {
        for (let at = name.indexOf(first); at !== -1; at = name.indexOf(first, at + 1))
          if (name.startsWith(second, at + first.length)) return true;
      }
      for (let e = firstEdge[node]!; e < firstEdge[node + 1]!; e += edgeFields) {
        if (edges[e] === weak) continue;
        const to = edges[e + 2]! / nodeFields;
        if (reached[to] === 0) {
          reached[to] = 1;
          todo.push(to);
        }
      }
    }
    return false;
  } finally {
    rmSync(file);
  }
}

/** The parts of V8's heap snapshot format read here. */
interface HeapSnapshot {
  snapshot: {
    meta: { node_fields: string[]; edge_fields: string[]; node_types: [string[]]; edge_types: [string[]] };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/** Messages with the canary: a question with a name and an address, an English one, a pasted bounce. */
function messages(a: string, b: string): string[] {
  return [
    `メールが戻ってきました。私の名前は ${a}${b} です、アドレスは ${a}${b}@example.jp、どうしたらいい？`,
    `hi, my name is ${a}${b} and my mail to ${a}${b}@gmail.com bounced, why?`,
    `Delivery to the following recipient failed permanently:\n\n     ${a}${b}@gmail.com\n\n` +
      `550 5.1.1 The email account that you tried to reach does not exist. ${"x".repeat(2_000)} ${a}${b}`,
  ];
}

describe("what a turn remembers of the text typed", () => {
  it("is forgotten when the turn ends: no string on the heap holds a typed canary", async () => {
    const interpret = createInterpreter({ ...services, ui });
    const [a, b] = [half(), half()];
    // The turns, with everything they return dropped: only the event types are kept.
    const read = async () => {
      const types: string[] = [];
      for (const text of messages(a, b))
        for (const e of await interpret({ kind: "text", text }, VIEW)) types.push(e.type);
      return types;
    };
    const types = await read();
    expect(types).toContain("PASTE");
    expect(types).toContain("PERSONAL_DATA");
    expect(heapHolds(a, b)).toBe(false);
  }, 300_000);

  it("is forgotten when reading fails halfway too", async () => {
    // The question index fails after reading the text: the interpretation still forgets (its `finally`).
    let forgotten = 0;
    forgetAfterEachTurn(() => {
      forgotten++;
    });
    const interpret = createInterpreter({
      ...services,
      ui,
      keepUnderstood: (index) => ({
        size: index.size,
        understand(text, topic, words) {
          index.understand(text, topic, words);
          throw new Error("the index failed");
        },
      }),
    });
    const failed = await interpret(
      { kind: "text", text: "名前は山田です。メールが届かないのはなぜ？" },
      VIEW,
    ).then(
      () => "answered",
      (e: Error) => e.message,
    );
    expect(failed).toBe("the index failed");
    expect(forgotten).toBe(1);
    // ~10 s alone, 11.5 s in a CI run (why so slow is not known yet): too near the default 20 s.
  }, 120_000);

  it("while the turn is read, is what the readers share (the check above would see it)", async () => {
    // The same snapshot, taken inside the turn: the canary is there, so its absence above means something.
    const [a, b] = [half(), half()];
    let seenInside: boolean | undefined;
    const interpret = createInterpreter({
      ...services,
      ui,
      keepUnderstood: (index) => ({
        size: index.size,
        understand(text, topic, words) {
          seenInside ??= heapHolds(a, b);
          return index.understand(text, topic, words);
        },
      }),
    });
    await interpret({ kind: "text", text: `名前は ${a}${b} です。メールが届きません` }, VIEW);
    expect(seenInside).toBe(true);
  }, 300_000);
});
