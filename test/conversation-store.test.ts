import { describe, expect, it } from "vitest";
import {
  Conversations,
  IDLE_MS,
  initialSnapshot,
  step,
  storedFast,
  storedSchema,
} from "../dialogs/conversation.ts";
import type { Diagnosis, DialogEvent } from "../dialogs/events.ts";
import { recipientsOf } from "../dialogs/recipients.ts";
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
    expect(snapshot.state).toBe("advice.open");
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

  it("keeps no field that holds its default, nor a paste's one recipient when it is the diagnosis's own: the session comes back as it was", async () => {
    const one: Diagnosis = { ...PASTED, recipients: [RECIPIENT] };
    const { store, conversations } = setup([{ type: "PASTE", diagnosis: one }]);
    await conversations.turn("U1", { kind: "text", text: "whatever" });
    const raw = JSON.stringify(await store.get(Conversations.key("U1")));
    for (const field of [
      "recipients",
      "moreRecipients",
      "unread",
      "misses",
      "profiled",
      "acknowledged",
      "lastAnswer",
    ])
      expect(raw).not.toContain(`"${field}"`);
    const { snapshot, restored } = await conversations.load("U1");
    expect(restored).toBe("stored");
    const told = step(initialSnapshot(), [{ type: "PASTE", diagnosis: one }]).snapshot;
    expect(snapshot).toEqual({
      ...told,
      context: { ...told.context, diagnosis: { ...one, recipients: [] } },
    });
    expect(recipientsOf(snapshot.context.diagnosis!)).toEqual([RECIPIENT]);
  });

  it("keeps a paste's one recipient that is not the diagnosis's own, and a symptom's empty list stays empty", async () => {
    const other = { ...RECIPIENT, topic: "user-unknown" as const };
    const { store, conversations } = setup([
      { type: "PASTE", diagnosis: { ...PASTED, recipients: [other] } },
    ]);
    await conversations.turn("U1", { kind: "text", text: "whatever" });
    expect(JSON.stringify(await store.get(Conversations.key("U1")))).toContain('"recipients"');
    expect((await conversations.load("U1")).snapshot.context.diagnosis?.recipients).toEqual([other]);
    const symptom = setup([{ type: "SYMPTOM", topic: "mailbox-full" }]);
    await symptom.conversations.turn("U1", { kind: "text", text: "whatever" });
    const diagnosis = (await symptom.conversations.load("U1")).snapshot.context.diagnosis!;
    expect(recipientsOf(diagnosis)).toEqual([]);
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

  it("restores a session stored before the unread counts, the miss count, the profile lookup, the just-diagnosed mark, the last acknowledgement and the last answer existed", async () => {
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
      justDiagnosed: false,
      acknowledged: null,
      lastAnswer: null,
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
    [
      "a last answer that is no key",
      { v: 1, state: "menu", context: { lang: "ja", diagnosis: null, lastAnswer: 42 }, at: 1_000_000 },
    ],
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

describe("reading a stored session by hand (storedFast) agrees with its schema", () => {
  const full = {
    v: 1,
    state: "advice.open",
    context: {
      lang: "en",
      diagnosis: { ...PASTED, detail: "Recipient address rejected: User unknown in virtual mailbox table" },
      unread: { pastes: 2, lines: 40 },
      misses: 3,
      profiled: true,
      justDiagnosed: true,
      acknowledged: { feeling: "worried", variant: 1 },
    },
    at: 1_000_000,
  };
  const WEIRD: unknown[] = [
    undefined,
    null,
    true,
    0,
    -1,
    1,
    1.5,
    59,
    60,
    1_000,
    1_001,
    1_000_000,
    1_000_001,
    Number.NaN,
    "",
    "x",
    "ja",
    "5.2.2",
    "552",
    "m***@example.jp",
    "ken@example.com",
    "a".repeat(301),
    "mailbox-full",
    "urgent",
    "山田太郎です",
    "550 call 090.1111.2206",
    [],
    [RECIPIENT],
    Array(21).fill(RECIPIENT),
    {},
    { ...RECIPIENT },
  ];
  /** Every field of the session, one at a time, replaced by each of WEIRD (undefined: the field left out). */
  function* variants(): Generator<unknown> {
    yield full;
    const paths = [
      ["v"],
      ["state"],
      ["at"],
      ["context"],
      ["context", "lang"],
      ["context", "diagnosis"],
      ["context", "unread"],
      ["context", "unread", "pastes"],
      ["context", "unread", "lines"],
      ["context", "misses"],
      ["context", "profiled"],
      ["context", "justDiagnosed"],
      ["context", "acknowledged"],
      ["context", "acknowledged", "feeling"],
      ["context", "acknowledged", "variant"],
      ["extra"],
      ["context", "extra"],
      ...[...Object.keys(full.context.diagnosis), "extra"].map((k) => ["context", "diagnosis", k]),
      ...[...Object.keys(RECIPIENT), "extra"].map((k) => ["context", "diagnosis", "recipients", "0", k]),
    ];
    for (const path of paths)
      for (const weird of WEIRD) {
        const copy = structuredClone(full) as Record<string, unknown>;
        let at: Record<string, unknown> = copy;
        for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
        if (weird === undefined) delete at[path.at(-1)!];
        else at[path.at(-1)!] = structuredClone(weird);
        yield copy;
      }
  }

  it("accepts the usual sessions, and only what the schema accepts, returning what it returns", () => {
    let fast = 0;
    let checked = 0;
    for (const value of variants()) {
      const byHand = storedFast(value);
      const bySchema = storedSchema.safeParse(value);
      checked++;
      if (byHand === undefined) continue;
      fast++;
      expect(bySchema.success, JSON.stringify(value)).toBe(true);
      // The same fields in the same order: JSON text compares both.
      expect(JSON.stringify(byHand)).toBe(JSON.stringify(bySchema.data));
    }
    expect(storedFast(full)).toBeDefined();
    expect(storedFast({ ...full, context: { lang: "ja", diagnosis: null } })).toEqual(
      storedSchema.parse({ ...full, context: { lang: "ja", diagnosis: null } }),
    );
    expect(fast).toBeGreaterThan(50); // the defaults and the valid values of each field go the fast way
    expect(checked).toBeGreaterThan(800); // 30 paths × 28 values
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
