import { describe, expect, it } from "vitest";
import { Conversations, IDLE_MS, initialSnapshot, step } from "../dialogs/conversation.ts";
import type { Diagnosis, DialogEvent } from "../dialogs/events.ts";
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

const RECIPIENT = {
  topic: "mailbox-full",
  recipient: "m***@example.jp",
  status: "5.2.2",
  replyCode: "552",
} as const;
const PASTED: Diagnosis = {
  topic: "mailbox-full",
  source: "paste",
  status: "5.2.2",
  replyCode: "552",
  action: "failed",
  recipient: "m***@example.jp",
  carrier: "",
  detail: "552 5.2.2 <m***@example.jp>: Mailbox full",
  recipients: [
    RECIPIENT,
    { topic: "user-unknown", recipient: "a***@example.com", status: "5.1.1", replyCode: "550" },
  ],
  moreRecipients: 0,
};

/** A stored session whose diagnosis has these fields changed. */
function stored(change: Partial<Record<keyof Diagnosis, unknown>>) {
  return {
    v: 1,
    state: "advice.open",
    context: { lang: "ja", diagnosis: { ...PASTED, ...change } },
    at: 1_000_000,
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

  it("keeps every failed recipient of a paste as topic, codes and masked address, and restores them", async () => {
    const { store, conversations } = setup([{ type: "PASTE", diagnosis: PASTED }]);
    await conversations.turn("U1", { kind: "text", text: "whatever" });
    const raw = JSON.stringify(await store.get(Conversations.key("U1")));
    expect(raw).toContain(
      '"recipients":[{"topic":"mailbox-full","recipient":"m***@example.jp","status":"5.2.2","replyCode":"552"}',
    );
    const { snapshot, restored } = await conversations.load("U1");
    expect(restored).toBe("stored");
    expect(snapshot.context.diagnosis).toEqual(PASTED);
  });

  it("restores a diagnosis stored before several recipients were answered: its one recipient stands alone", async () => {
    const { store, conversations } = setup([{ type: "HUMAN" }]);
    const { recipients: _r, moreRecipients: _m, ...older } = PASTED;
    const old = { v: 1, state: "advice.open", context: { lang: "ja", diagnosis: older }, at: 1_000_000 };
    await store.set(Conversations.key("U1"), old as never, 60_000);
    const { snapshot, restored } = await conversations.load("U1");
    expect(restored).toBe("stored");
    expect(snapshot.context.diagnosis).toEqual({ ...older, recipients: [], moreRecipients: 0 });
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
    // What the store holds is checked to be masked: an address, a phone number or free text never comes back.
    ["an unmasked recipient", stored({ recipient: "taro.yamada@docomo.ne.jp" })],
    [
      "an unmasked recipient in the list",
      stored({ recipients: [{ ...RECIPIENT, recipient: "ken@example.com" }] }),
    ],
    ["a phone number in the server's text", stored({ detail: "550 call 090.1111.2206" })],
    ["the user's Japanese words as the server's text", stored({ detail: "山田太郎です" })],
    ["a status that is no code", stored({ status: "see 東京都渋谷区神宮前9-8-7" })],
    ["more recipients than a paste is answered for", stored({ recipients: Array(21).fill(RECIPIENT) })],
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
