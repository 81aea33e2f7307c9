import { describe, expect, it } from "vitest";
import { Conversations, IDLE_MS, initialSnapshot, step } from "../dialogs/conversation.ts";
import type { DialogEvent } from "../dialogs/events.ts";
import { MemorySessionStore } from "../dialogs/stores/memory.ts";

/** Snapshots in the store: what is kept, how it comes back, and what happens to a bad or stale one. */

function setup(events: DialogEvent[]) {
  let now = 1_000_000;
  const store = new MemorySessionStore({ now: () => now });
  const conversations = new Conversations({ store, interpret: async () => events, now: () => now });
  return {
    store,
    conversations,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe("Conversations", () => {
  it("stores the state and the masked diagnosis as plain JSON, and restores them next turn", async () => {
    const { store, conversations } = setup([{ type: "SYMPTOM", topic: "mailbox-full" }]);
    await conversations.turn("U1", { kind: "text", text: "whatever" });
    const stored = await store.get(Conversations.key("U1"));
    expect(stored).toMatchObject({
      v: 1,
      state: "advice.open",
      context: { lang: "ja", diagnosis: { topic: "mailbox-full" } },
    });
    const { snapshot, restored } = await conversations.load("U1");
    expect(restored).toBe("stored");
    expect(snapshot.matches({ advice: "open" })).toBe(true);
  });

  it("starts over after the idle time, with a notice", async () => {
    const { conversations, advance } = setup([{ type: "MENU" }]);
    await conversations.turn("U1", { kind: "text", text: "x" });
    advance(IDLE_MS + 1);
    const turn = await conversations.turn("U1", { kind: "text", text: "x" });
    expect(turn.restored).toBe("expired");
    expect(turn.intents.map((i) => i.type)).toEqual(["noticeSessionExpired", "showMenu"]);
  });

  it("keeps only the counts of a paste that could not be read, never its text", async () => {
    const paste = { lines: 12, excerpt: ["This is the mail system at host mx.example.jp."] };
    const { store, conversations } = setup([{ type: "UNREADABLE", paste }]);
    await conversations.turn("U1", { kind: "text", text: "whatever" });
    const stored = await store.get(Conversations.key("U1"));
    expect(stored).toMatchObject({ state: "retry", context: { unread: { pastes: 1, lines: 12 } } });
    expect(JSON.stringify(stored)).not.toContain("mail system");
  });

  it("restores a session stored before the unread counts, the miss count and the profile lookup existed", async () => {
    const { store, conversations } = setup([{ type: "HUMAN" }]);
    const old = { v: 1, state: "advice.open", context: { lang: "en", diagnosis: null }, at: 1_000_000 };
    await store.set(Conversations.key("U1"), old as never, 60_000);
    const { snapshot, restored } = await conversations.load("U1");
    expect(restored).toBe("stored");
    expect(snapshot.context).toEqual({
      lang: "en",
      diagnosis: null,
      unread: null,
      misses: 0,
      profiled: false,
    });
  });

  it.each([
    [
      "unread counts that are not counts",
      {
        v: 1,
        state: "retry",
        context: { lang: "ja", diagnosis: null, unread: { pastes: "a lot", lines: 3 } },
        at: 1_000_000,
      },
    ],
    ["not an object", "garbage"],
    ["an unknown version", { v: 2, state: "menu", context: { lang: "ja", diagnosis: null }, at: 1_000_000 }],
    [
      "a state this version does not have",
      { v: 1, state: "gone.away", context: { lang: "ja", diagnosis: null }, at: 1_000_000 },
    ],
    [
      "a diagnosis with an unknown topic",
      { v: 1, state: "menu", context: { lang: "ja", diagnosis: { topic: "x" } }, at: 1_000_000 },
    ],
  ])("starts fresh from %s in the store", async (_what, value) => {
    const { store, conversations } = setup([{ type: "MENU" }]);
    await store.set(Conversations.key("U1"), value as never, 60_000);
    const turn = await conversations.turn("U1", { kind: "text", text: "x" });
    expect(turn.restored).toBe("invalid");
    expect(turn.state).toBe("menu");
  });
});

describe("step (the pure machine)", () => {
  it("returns the replies without running anything", () => {
    const { snapshot, intents } = step(initialSnapshot(), [
      { type: "FOLLOW" },
      { type: "SYMPTOM", topic: "delayed" },
    ]);
    expect(intents.map((i) => i.type)).toEqual([
      "greet",
      "showPrivacyNotice",
      "showDiagnosis",
      "askFeedback",
    ]);
    expect(snapshot.context.diagnosis?.topic).toBe("delayed");
  });
});
