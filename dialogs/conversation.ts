import {
  type AnyActorScope,
  createActor,
  type ExecutableActionObject,
  initialTransition,
  type SnapshotFrom,
} from "xstate";
import { z } from "zod";
import { maskPii } from "../knowledge/pii.ts";
import { TOPIC_IDS } from "../knowledge/types.ts";
import type { DialogEvent } from "./events.ts";
import type { ReplyIntent } from "./intents.ts";
import type { Interpreter, SessionView, UserInput } from "./interpret.ts";
import type { Lang } from "./knowledge-contract.ts";
import { type DialogContext, dialogMachine, isReplyAction } from "./machine.ts";
import { MAX_RECIPIENTS } from "./recipients.ts";
import type { Json, SessionStore } from "./session-store.ts";

/**
 * One turn of a conversation: restore the user's snapshot from the store, interpret the input, run the
 * events through the pure machine, save the snapshot, return the reply intents. No live actor survives
 * the turn, so any instance sharing the store can serve the next one.
 */

export type DialogSnapshot = SnapshotFrom<typeof dialogMachine>;

/** An idle session starts over (with a short notice) after this long. */
export const IDLE_MS = 30 * 60_000;
/**
 * How long the store keeps a session. Longer than IDLE_MS only so that a user coming back after a pause
 * is told the conversation started over; what is kept is the masked diagnosis, never text.
 */
export const RETENTION_MS = 24 * 60 * 60_000;

export interface ConversationOptions {
  store: SessionStore;
  interpret: Interpreter;
  now?: () => number;
  idleMs?: number;
  retentionMs?: number;
  /** Sees every event before the machine takes it (transition coverage in tests, metrics). */
  observe?: Observer;
  /**
   * The language of the user's LINE profile (Get Profile `language`), asked once per session, on follow or
   * the first message; undefined when unknown. Must not throw and must be bounded in time (the bot's
   * lookup gives up after a second and falls back to Japanese).
   */
  profileLanguage?: (userId: string) => Promise<Lang | undefined>;
}

export type Observer = (before: DialogSnapshot, event: DialogEvent) => void;

export interface Turn {
  intents: ReplyIntent[];
  lang: Lang;
  /** The state after the turn, dotted ("advice.carrier"). */
  state: string;
  /** What was found in the store: for logs and tests. */
  restored: "new" | "stored" | "expired" | "invalid";
}

/**
 * What a stored diagnosis may hold, checked field by field: codes as servers write them, an address only
 * in its masked form ("k***@example.com"), a server's explanation only as masked ASCII. Anything else
 * (an unmasked address or phone number that a bug or an older version let through) makes the session
 * invalid, and it starts over rather than echo it.
 */
const statusCode = z.string().regex(/^(?:[245]\.[0-7]\.\d{1,3})?$/);
const replyCode = z.string().regex(/^(?:[245]\d\d)?$/);
const maskedAddress = z.string().regex(/^(?:[!-~]\*\*\*@[^\s@]{1,290})?$/);
const failedRecipientSchema = z.object({
  topic: z.enum(TOPIC_IDS),
  recipient: maskedAddress,
  status: statusCode,
  replyCode,
});

const diagnosisSchema = z.object({
  topic: z.enum(TOPIC_IDS),
  source: z.enum(["paste", "symptom"]),
  status: statusCode,
  replyCode,
  action: z.enum(["failed", "delayed", "delivered", "expanded", "relayed", ""]),
  recipient: maskedAddress,
  carrier: z.string().max(40),
  detail: z
    .string()
    .max(300)
    .refine((d) => /^[\x20-\x7E]*$/.test(d) && maskPii(d) === d, "masked server text only"),
  // Absent in sessions stored before several recipients were answered.
  recipients: z.array(failedRecipientSchema).max(MAX_RECIPIENTS).default([]),
  moreRecipients: z.number().int().min(0).max(1_000_000).default(0),
});

/** What the store holds per user. Checked on the way in: the store is outside our process. */
/** Counts only, never text (dialogs/paste-excerpt.ts). Absent in sessions stored before it existed. */
const unreadSchema = z
  .object({ pastes: z.number().int().min(1).max(1_000), lines: z.number().int().min(0).max(1_000_000) })
  .nullable()
  .default(null);

const storedSchema = z.object({
  v: z.literal(1),
  state: z.string().max(100),
  context: z.object({
    lang: z.enum(["ja", "en"]),
    diagnosis: diagnosisSchema.nullable(),
    unread: unreadSchema,
    // Added with typed questions (issue #9); sessions stored before them have neither.
    misses: z.number().int().min(0).max(1_000_000).default(0),
    profiled: z.boolean().default(false),
  }),
  at: z.number(),
});
type Stored = z.infer<typeof storedSchema>;

export function stateName(snapshot: DialogSnapshot): string {
  const flatten = (value: unknown): string =>
    typeof value === "string"
      ? value
      : Object.entries(value as Record<string, unknown>)
          .map(([k, v]) => `${k}.${flatten(v)}`)
          .join(",");
  return flatten(snapshot.value);
}

/**
 * xstate's pure transition() builds a whole actor (and computes the machine's initial state) on every
 * call, which was a measurable part of the webhook's CPU per event. This machine spawns and invokes
 * nothing, so one inert scope serves every transition: the machine's own transition(snapshot, event,
 * scope), with the scope collecting the actions instead of executing them, which is what transition()
 * does around it. Synchronous, so the shared collector is never used by two turns at once.
 */
const collected: ExecutableActionObject[] = [];
const scope: AnyActorScope = (() => {
  const self = createActor(dialogMachine);
  return {
    self,
    id: "",
    sessionId: "",
    logger: () => {},
    defer: () => {},
    emit: () => {},
    system: self.system,
    stopChild: () => {},
    actionExecutor: (action) => {
      collected.push(action);
    },
  };
})();

function transitionOnce(
  snapshot: DialogSnapshot,
  event: DialogEvent,
): [DialogSnapshot, ExecutableActionObject[]] {
  collected.length = 0;
  const next = dialogMachine.transition(snapshot, event, scope);
  return [next, [...collected]];
}

/** Snapshots are immutable (every transition returns a new one), so all new sessions share the first. */
const INITIAL: DialogSnapshot = initialTransition(dialogMachine)[0];

export function initialSnapshot(): DialogSnapshot {
  return INITIAL;
}

/** Runs events through the machine; pure. Returns the new snapshot and the reply intents in order. */
export function step(
  snapshot: DialogSnapshot,
  events: readonly DialogEvent[],
  observe?: Observer,
): { snapshot: DialogSnapshot; intents: ReplyIntent[] } {
  const intents: ReplyIntent[] = [];
  let current = snapshot;
  for (const event of events) {
    observe?.(current, event);
    const [next, actions] = transitionOnce(current, event);
    for (const action of actions)
      if (isReplyAction(action.type))
        intents.push({ type: action.type, ...(action.params ?? {}) } as ReplyIntent);
    current = next;
  }
  return { snapshot: current, intents };
}

export function viewOf(snapshot: DialogSnapshot): SessionView {
  return {
    lang: snapshot.context.lang,
    topic: snapshot.context.diagnosis?.topic ?? null,
    pickingCarrier: snapshot.matches({ advice: "carrier" }),
  };
}

function toStored(snapshot: DialogSnapshot, at: number): Stored {
  const context: DialogContext = snapshot.context;
  return { v: 1, state: stateName(snapshot), context, at };
}

function fromStored(stored: Stored): DialogSnapshot {
  // "advice.carrier" → { advice: "carrier" }
  const value = stored.state
    .split(".")
    .reduceRight<string | Record<string, unknown>>(
      (inner, key) => (inner === "" ? key : { [key]: inner }),
      "",
    );
  return dialogMachine.resolveState({ value: value as never, context: stored.context });
}

/** A tap on an old answer that says which topic it was about, so it needs no session to be understood. */
function namesItsTopic(event: DialogEvent): boolean {
  return event.type === "FOLLOW_UP" || (event.type === "FEEDBACK" && event.topic !== undefined);
}

export class Conversations {
  private readonly store: SessionStore;
  private readonly interpret: Interpreter;
  private readonly now: () => number;
  private readonly idleMs: number;
  private readonly retentionMs: number;
  private readonly observe: Observer | undefined;
  private readonly profileLanguage: ConversationOptions["profileLanguage"];

  constructor(options: ConversationOptions) {
    this.store = options.store;
    this.interpret = options.interpret;
    this.now = options.now ?? Date.now;
    this.idleMs = options.idleMs ?? IDLE_MS;
    this.retentionMs = options.retentionMs ?? RETENTION_MS;
    this.observe = options.observe;
    this.profileLanguage = options.profileLanguage;
  }

  static key(userId: string): string {
    return `dialog:${userId}`;
  }

  /** Loads the user's snapshot; an idle one is dropped and reported as "expired". */
  async load(userId: string): Promise<{ snapshot: DialogSnapshot; restored: Turn["restored"] }> {
    const raw = await this.store.get(Conversations.key(userId));
    if (raw === undefined) return { snapshot: initialSnapshot(), restored: "new" };
    const parsed = storedSchema.safeParse(raw);
    if (!parsed.success) return { snapshot: initialSnapshot(), restored: "invalid" };
    if (this.now() - parsed.data.at > this.idleMs)
      return { snapshot: initialSnapshot(), restored: "expired" };
    try {
      return { snapshot: fromStored(parsed.data), restored: "stored" };
    } catch {
      return { snapshot: initialSnapshot(), restored: "invalid" }; // a state this version no longer has
    }
  }

  async turn(userId: string, input: UserInput): Promise<Turn> {
    const { snapshot, restored } = await this.load(userId);
    const view = viewOf(snapshot);
    // The LINE profile's language, once per session: a user whose LINE is in English is greeted in
    // English before typing anything. What they type later still decides (interpret's LANGUAGE events).
    const profile: DialogEvent[] = [];
    if (this.profileLanguage && !snapshot.context.profiled) {
      const lang = await this.profileLanguage(userId);
      if (lang) view.lang = lang;
      profile.push({ type: "PROFILE_LANGUAGE", lang });
    }
    const events = await this.interpret(input, view);
    // A returning user hears why the conversation starts over, unless they just (re)added the assistant
    // or tapped a button of the old answer that names its topic (a follow-up, "was this helpful?"): that
    // tap carries its own context and is answered as it is.
    const notice: DialogEvent[] =
      restored === "expired" && input.kind !== "follow" && !events.some(namesItsTopic)
        ? [{ type: "SESSION_EXPIRED" }]
        : [];
    const result = step(snapshot, [...notice, ...profile, ...events], this.observe);
    await this.store.set(
      Conversations.key(userId),
      toStored(result.snapshot, this.now()) as unknown as Json,
      this.retentionMs,
    );
    return {
      intents: result.intents,
      lang: result.snapshot.context.lang,
      state: stateName(result.snapshot),
      restored,
    };
  }

  async forget(userId: string): Promise<void> {
    await this.store.delete(Conversations.key(userId));
  }
}
