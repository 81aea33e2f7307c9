import { z } from "zod";
import { maskPii } from "../knowledge/pii.ts";
import { TOPIC_IDS } from "../knowledge/types.ts";
import { type Diagnosis, type DialogEvent, FEELINGS, type Feeling } from "./events.ts";
import type { ReplyIntent } from "./intents.ts";
import type { Interpreter, SessionView, UserInput } from "./interpret.ts";
import type { Lang } from "./knowledge-contract.ts";
import {
  type DialogSnapshot,
  initialSnapshot,
  MAX_ACKNOWLEDGEMENT_VARIANT,
  stateOf,
  transition,
} from "./machine.ts";
import { MAX_RECIPIENTS } from "./recipients.ts";
import type { Json, SessionStore } from "./session-store.ts";

/**
 * One turn of a conversation: restore the user's snapshot from the store, interpret the input, run the
 * events through the pure machine, save the snapshot, return the reply intents. Nothing survives the
 * turn in memory, so any instance sharing the store can serve the next one.
 */

export { type DialogSnapshot, initialSnapshot };

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
const STATUS_CODE = /^(?:[245]\.[0-7]\.\d{1,3})?$/;
const REPLY_CODE = /^(?:[245]\d\d)?$/;
const MASKED_ADDRESS = /^(?:[!-~]\*\*\*@[^\s@]{1,290})?$/;
const statusCode = z.string().regex(STATUS_CODE);
const replyCode = z.string().regex(REPLY_CODE);
const maskedAddress = z.string().regex(MASKED_ADDRESS);

/**
 * A server's explanation as stored: printable ASCII the masker leaves as it is. Remembered for the
 * texts seen last (a user's diagnosis is read back on each of their turns; the masker is the costly
 * part of reading a session): the answer depends on the text alone.
 */
const maskedTexts = new Set<string>();
function isMaskedServerText(d: string): boolean {
  if (d === "") return true;
  if (maskedTexts.has(d)) return true;
  const masked = /^[\x20-\x7E]*$/.test(d) && maskPii(d) === d;
  // Only texts that passed: one that did not is unmasked text, which is kept nowhere.
  if (masked) {
    if (maskedTexts.size >= 1_000) maskedTexts.clear();
    maskedTexts.add(d);
  }
  return masked;
}
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
  detail: z.string().max(300).refine(isMaskedServerText, "masked server text only"),
  // Absent in sessions stored before several recipients were answered. (Kept in step with storedFast.)
  recipients: z.array(failedRecipientSchema).max(MAX_RECIPIENTS).default([]),
  moreRecipients: z.number().int().min(0).max(1_000_000).default(0),
});

/** What the store holds per user. Checked on the way in: the store is outside our process. */
/** Counts only, never text (dialogs/paste-excerpt.ts). Absent in sessions stored before it existed. */
const unreadSchema = z
  .object({ pastes: z.number().int().min(1).max(1_000), lines: z.number().int().min(0).max(1_000_000) })
  .nullable()
  .default(null);

const FEELING_SET: ReadonlySet<unknown> = new Set(FEELINGS);
/** An answer's key (machine.ts `lastAnswer`): ids of questions and topics, far shorter than this. */
const MAX_ANSWER_KEY = 200;

export const storedSchema = z.object({
  v: z.literal(1),
  state: z.string().max(100),
  context: z.object({
    lang: z.enum(["ja", "en"]),
    diagnosis: diagnosisSchema.nullable(),
    unread: unreadSchema,
    // Added with typed questions (issue #9); sessions stored before them have neither.
    misses: z.number().int().min(0).max(1_000_000).default(0),
    profiled: z.boolean().default(false),
    justDiagnosed: z.boolean().default(false),
    // Added with several acknowledgement lines per feeling (issue #9); absent in sessions stored before.
    acknowledged: z
      .object({
        feeling: z.enum(FEELINGS),
        variant: z
          .number()
          .int()
          .min(0)
          .max(MAX_ACKNOWLEDGEMENT_VARIANT - 1),
      })
      .nullable()
      .default(null),
    // Added with answers that say they repeat (issue #9); absent in sessions stored before.
    lastAnswer: z.string().max(MAX_ANSWER_KEY).nullable().default(null),
  }),
  at: z.number(),
});
type Stored = z.infer<typeof storedSchema>;

/**
 * storedSchema's check for what a session usually is, by hand: zod was ~3 % of the CPU per event of
 * `npm run bench:webhook` (a session is read on every turn). It accepts exactly the values of the usual
 * shape that storedSchema accepts and returns what storedSchema returns for them (the same fields in the
 * same order, defaults filled in, unknown keys dropped); anything else, valid or not, is left to
 * storedSchema (undefined). test/conversation-store.test.ts holds the two against each other.
 */
export function storedFast(raw: unknown): Stored | undefined {
  if (!isRecord(raw) || raw.v !== 1 || !isString(raw.state, 100) || !isFiniteNumber(raw.at)) return undefined;
  const context = raw.context;
  if (!isRecord(context) || (context.lang !== "ja" && context.lang !== "en")) return undefined;
  const diagnosis = context.diagnosis === null ? null : diagnosisFast(context.diagnosis);
  if (diagnosis === undefined) return undefined;
  const unread = context.unread === undefined || context.unread === null ? null : unreadFast(context.unread);
  if (unread === undefined) return undefined;
  const misses = context.misses === undefined ? 0 : context.misses;
  const profiled = context.profiled === undefined ? false : context.profiled;
  const justDiagnosed = context.justDiagnosed === undefined ? false : context.justDiagnosed;
  if (!isInt(misses, 0, 1_000_000) || typeof profiled !== "boolean" || typeof justDiagnosed !== "boolean")
    return undefined;
  const acknowledged =
    context.acknowledged === undefined || context.acknowledged === null
      ? null
      : acknowledgedFast(context.acknowledged);
  if (acknowledged === undefined) return undefined;
  const lastAnswer = context.lastAnswer === undefined ? null : context.lastAnswer;
  if (lastAnswer !== null && !isString(lastAnswer, MAX_ANSWER_KEY)) return undefined;
  return {
    v: 1,
    state: raw.state,
    context: {
      lang: context.lang,
      diagnosis,
      unread,
      misses,
      profiled,
      justDiagnosed,
      acknowledged,
      lastAnswer,
    },
    at: raw.at,
  };
}

const TOPICS: ReadonlySet<unknown> = new Set(TOPIC_IDS);
const ACTIONS: ReadonlySet<unknown> = new Set(["failed", "delayed", "delivered", "expanded", "relayed", ""]);
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isString = (v: unknown, max = Number.POSITIVE_INFINITY): v is string =>
  typeof v === "string" && v.length <= max;
const isFiniteNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isInt = (v: unknown, min: number, max: number): v is number =>
  Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;
const matches = (v: unknown, re: RegExp): v is string => typeof v === "string" && re.test(v);

type StoredDiagnosis = NonNullable<Stored["context"]["diagnosis"]>;

function diagnosisFast(d: unknown): StoredDiagnosis | undefined {
  if (
    !isRecord(d) ||
    !TOPICS.has(d.topic) ||
    (d.source !== "paste" && d.source !== "symptom") ||
    !matches(d.status, STATUS_CODE) ||
    !matches(d.replyCode, REPLY_CODE) ||
    !ACTIONS.has(d.action) ||
    !matches(d.recipient, MASKED_ADDRESS) ||
    !isString(d.carrier, 40) ||
    !isString(d.detail, 300) ||
    !isMaskedServerText(d.detail)
  )
    return undefined;
  const moreRecipients = d.moreRecipients === undefined ? 0 : d.moreRecipients;
  if (!isInt(moreRecipients, 0, 1_000_000)) return undefined;
  let recipients: StoredDiagnosis["recipients"] = [];
  if (d.recipients !== undefined) {
    if (!Array.isArray(d.recipients) || d.recipients.length > MAX_RECIPIENTS) return undefined;
    recipients = [];
    for (const r of d.recipients as unknown[]) {
      if (
        !isRecord(r) ||
        !TOPICS.has(r.topic) ||
        !matches(r.recipient, MASKED_ADDRESS) ||
        !matches(r.status, STATUS_CODE) ||
        !matches(r.replyCode, REPLY_CODE)
      )
        return undefined;
      recipients.push({
        topic: r.topic as StoredDiagnosis["topic"],
        recipient: r.recipient,
        status: r.status,
        replyCode: r.replyCode,
      });
    }
  }
  return {
    topic: d.topic as StoredDiagnosis["topic"],
    source: d.source,
    status: d.status,
    replyCode: d.replyCode,
    action: d.action as StoredDiagnosis["action"],
    recipient: d.recipient,
    carrier: d.carrier,
    detail: d.detail,
    recipients,
    moreRecipients,
  };
}

function unreadFast(u: unknown): Stored["context"]["unread"] | undefined {
  if (!isRecord(u) || !isInt(u.pastes, 1, 1_000) || !isInt(u.lines, 0, 1_000_000)) return undefined;
  return { pastes: u.pastes, lines: u.lines };
}

function acknowledgedFast(a: unknown): Stored["context"]["acknowledged"] | undefined {
  if (!isRecord(a) || !FEELING_SET.has(a.feeling) || !isInt(a.variant, 0, MAX_ACKNOWLEDGEMENT_VARIANT - 1))
    return undefined;
  return { feeling: a.feeling as Feeling, variant: a.variant };
}

/** The state as stored and reported, dotted ("advice.carrier"). */
export function stateName(snapshot: DialogSnapshot): string {
  return snapshot.state;
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
    const next = transition(current, event);
    intents.push(...next.intents);
    current = next.snapshot;
  }
  return { snapshot: current, intents };
}

export function viewOf(snapshot: DialogSnapshot): SessionView {
  return {
    lang: snapshot.context.lang,
    topic: snapshot.context.diagnosis?.topic ?? null,
    pickingCarrier: snapshot.state === "advice.carrier",
    justDiagnosed: snapshot.context.justDiagnosed,
  };
}

/**
 * The stored form of a snapshot, without what the loaders (storedFast, storedSchema) give back by
 * themselves: fields that hold their default (no unread paste, no misses, not profiled, no
 * acknowledgement, no last answer, no recipients beyond the list), and the recipient list of a paste that
 * names one recipient, the diagnosis's own (recipientsOf reads an empty list as that one). Those were ~180
 * of the ~470 characters of a usual session after a paste, and the store keeps a session per user of the
 * last day (in memory, or in Redis).
 */
function toStored(snapshot: DialogSnapshot, at: number): Json {
  const context: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(snapshot.context))
    if (!(Object.hasOwn(CONTEXT_DEFAULTS, key) && CONTEXT_DEFAULTS[key] === value))
      context[key] = key === "diagnosis" && value !== null ? storedDiagnosis(value as Diagnosis) : value;
  return { v: 1, state: snapshot.state, context, at } as unknown as Json;
}

/**
 * A new session's values of the context fields that storedSchema fills in when absent (its `.default`s are
 * these; conversation-store's tests hold the two together). The language and the diagnosis are always kept.
 */
const {
  lang: _lang,
  diagnosis: _diagnosis,
  ...CONTEXT_DEFAULTS
} = initialSnapshot().context as unknown as Record<string, unknown>;

function storedDiagnosis(d: Diagnosis): Partial<Diagnosis> {
  const { recipients, moreRecipients, ...rest } = d;
  const [first] = recipients;
  const ownOnly =
    recipients.length === 1 &&
    d.source === "paste" &&
    first!.topic === d.topic &&
    first!.recipient === d.recipient &&
    first!.status === d.status &&
    first!.replyCode === d.replyCode;
  return {
    ...rest,
    ...(recipients.length > 0 && !ownOnly && { recipients }),
    ...(moreRecipients !== 0 && { moreRecipients }),
  };
}

function fromStored(stored: Stored): DialogSnapshot | undefined {
  const state = stateOf(stored.state);
  return state && { state, context: stored.context };
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
    const stored = storedFast(raw) ?? storedSchema.safeParse(raw).data;
    if (stored === undefined) return { snapshot: initialSnapshot(), restored: "invalid" };
    if (this.now() - stored.at > this.idleMs) return { snapshot: initialSnapshot(), restored: "expired" };
    const snapshot = fromStored(stored);
    // undefined: a state this version no longer has
    return snapshot ? { snapshot, restored: "stored" } : { snapshot: initialSnapshot(), restored: "invalid" };
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
    await this.store.set(Conversations.key(userId), toStored(result.snapshot, this.now()), this.retentionMs);
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
