import type { TopicId } from "../knowledge/types.ts";
import type { Diagnosis, DialogEvent, DialogEventType, Feeling } from "./events.ts";
import type { EscalationReason, ReplyIntent } from "./intents.ts";
import type { Lang } from "./knowledge-contract.ts";

/**
 * The conversation as one pure function: (state + context, event) → next state + context and the reply
 * intents to say, in order. Events arrive already classified (dialogs/interpret.ts); nothing here
 * classifies, stores, sends or keeps anything between calls. The flow chart is in dialogs/README.md.
 *
 * Written by hand (it was an XState statechart): a turn is restored from the store, stepped and stored
 * again on every webhook event, and the library cost more per event than all the rest of the dialog code.
 * The table below keeps the statechart's shape: handlers on the root (every state), on `retry`, on
 * `advice` (both of its sub-states) and on `advice.carrier`; the innermost handler that applies wins.
 */

export type DialogState = "menu" | "retry" | "advice.open" | "advice.carrier" | "escalated";

/** Every state, as stored ("advice.carrier"). `advice` alone is the group of the two advice states. */
export const DIALOG_STATES: readonly DialogState[] = [
  "menu",
  "retry",
  "advice.open",
  "advice.carrier",
  "escalated",
];

export interface DialogContext {
  lang: Lang;
  /** The problem being discussed; null until the user pasted a bounce or picked a symptom. */
  diagnosis: Diagnosis | null;
  /**
   * Pastes that could not be read since the last diagnosis: how many, and the last one's line count.
   * Numbers only: the text is never kept (its masked first lines reach the summary only in its own turn).
   */
  unread: { pastes: number; lines: number } | null;
  /** Typed messages not understood so far: picks the next "not understood" text, so none repeats. */
  misses: number;
  /** The language of the user's LINE profile was looked up (once per session). */
  profiled: boolean;
  /**
   * The diagnosis was the last thing answered (a paste or symptom, nothing asked since): a typed 「はい」
   * then acknowledges it rather than rating advice not yet tried (interpret.ts).
   */
  justDiagnosed: boolean;
  /**
   * The last line said to acknowledge a feeling (which feeling, which of its lines): the next one for the
   * same feeling is another line, so no acknowledgement repeats word for word twice in a row.
   */
  acknowledged: { feeling: Feeling; variant: number } | null;
  /**
   * Which answer was said last (a question's id and topic, a follow-up's, a topic's steps; ids only, never
   * text): the same answer asked for again right after says that it is the same and how to reach a person,
   * rather than repeating itself as if it had not been said (a second stage after the first answer).
   */
  lastAnswer: string | null;
}

/** Where a conversation is. Plain data: stored as it is (dialogs/conversation.ts), never changed in place. */
export interface DialogSnapshot {
  readonly state: DialogState;
  readonly context: DialogContext;
}

/** All new sessions share it: snapshots are never changed, every transition returns a new one. */
const INITIAL: DialogSnapshot = {
  state: "menu",
  context: {
    lang: "ja",
    diagnosis: null,
    unread: null,
    misses: 0,
    profiled: false,
    justDiagnosed: false,
    acknowledged: null,
    lastAnswer: null,
  },
};

export function initialSnapshot(): DialogSnapshot {
  return INITIAL;
}

/** A stored state name back as a state; undefined for one this version does not have. */
export function stateOf(name: string): DialogState | undefined {
  // "advice" alone was the statechart's way to say its first sub-state (never stored, but readable).
  if (name === "advice") return "advice.open";
  return (DIALOG_STATES as readonly string[]).includes(name) ? (name as DialogState) : undefined;
}

/** Whether the state is `advice` or one of its sub-states (a diagnosis with its buttons is on screen). */
export function inAdvice(state: DialogState): boolean {
  return state === "advice.open" || state === "advice.carrier";
}

export function symptomDiagnosis(topic: TopicId): Diagnosis {
  return {
    topic,
    source: "symptom",
    status: "",
    replyCode: "",
    action: "",
    recipient: "",
    carrier: "",
    detail: "",
    recipients: [],
    moreRecipients: 0,
  };
}

type EventOf<T extends DialogEventType> = Extract<DialogEvent, { type: T }>;

/**
 * One way an event can go. `when` is asked of the context as it was before the event; the first
 * transition of a list whose `when` holds (or that has none) is taken. `run` returns the next context and
 * pushes the reply intents in order; each intent reads the context as the steps before it left it.
 * Methods, not function properties: a list of one event's transitions is read as a list of any event's.
 */
interface Transition<E extends DialogEvent = DialogEvent> {
  when?(context: DialogContext, event: E): boolean;
  /** The state after the event; absent: the state stays (a question answered keeps the carrier picker). */
  readonly to?: DialogState;
  run(context: DialogContext, event: E, say: ReplyIntent[]): DialogContext;
}

type Handlers = { readonly [T in DialogEventType]?: readonly Transition<EventOf<T>>[] } & {
  /** Every event this node has no entry for. */
  readonly "*"?: readonly Transition[];
};

// What several transitions do. Each returns a new context; none changes the one it is given.

const forgetDiagnosis = (c: DialogContext): DialogContext => ({ ...c, diagnosis: null, unread: null });

/** A new diagnosis starts the count of messages not understood about it (misses) afresh. */
const remember = (c: DialogContext, diagnosis: Diagnosis): DialogContext => ({
  ...c,
  diagnosis,
  unread: null,
  misses: 0,
});

/**
 * Follow-up and feedback taps name their topic; if the session moved on (or expired) since, the tap is
 * about the answer it sat under: follow it. Pastes not read are forgotten only when a diagnosis was there.
 */
const adoptTappedTopic = (c: DialogContext, topic: TopicId | undefined): DialogContext => ({
  ...c,
  diagnosis: topic && c.diagnosis?.topic !== topic ? symptomDiagnosis(topic) : c.diagnosis,
  unread: c.diagnosis ? null : c.unread,
});

const countUnread = (c: DialogContext, lines: number): DialogContext => ({
  ...c,
  unread: { pastes: (c.unread?.pastes ?? 0) + 1, lines },
});

/** Not understood: the next of the rotating answers (the first miss variant 0, the next 1, …). */
function smallTalk(c: DialogContext, say: ReplyIntent[]): DialogContext {
  say.push({ type: "answerSmallTalk", variant: c.misses, ...(c.diagnosis && { topic: c.diagnosis.topic }) });
  return { ...c, misses: c.misses + 1 };
}

/**
 * An upset user: one short line for their feeling, the next of its lines if the last acknowledgement was
 * for the same feeling (ui.yaml has at least two per feeling, and a number of lines that divides
 * MAX_ACKNOWLEDGEMENT_VARIANT, so the count wraps without repeating either).
 */
function acknowledge(c: DialogContext, feeling: Feeling, say: ReplyIntent[]): DialogContext {
  const last = c.acknowledged;
  const variant = last?.feeling === feeling ? (last.variant + 1) % MAX_ACKNOWLEDGEMENT_VARIANT : 0;
  say.push({ type: "acknowledgeFeelings", feeling, variant });
  return { ...c, acknowledged: { feeling, variant } };
}
/** Divisible by every number of lines from 2 to 6. */
export const MAX_ACKNOWLEDGEMENT_VARIANT = 60;

/** "Was this helpful?" with the diagnosis's follow-ups: quick replies vanish after each message in LINE. */
function askFeedback(c: DialogContext, say: ReplyIntent[]): DialogContext {
  say.push({ type: "askFeedback", topic: c.diagnosis!.topic });
  return c;
}

function showDiagnosis(c: DialogContext, say: ReplyIntent[]): DialogContext {
  say.push({ type: "showDiagnosis", diagnosis: c.diagnosis! });
  return askFeedback(c, say);
}

/**
 * The answer a key of `lastAnswer` stands for (answerKey below), said once more as asked (「もう一回言って」):
 * without the "same answer as before" note, which is for the same answer asked for in other words.
 */
function replayed(key: string, offer: "menu" | "none"): ReplyIntent | undefined {
  const [kind, a = "", b = ""] = key.split(":");
  if (kind === "q") return { type: "answerQuestion", id: a, topic: (b || null) as TopicId | null, offer };
  if (kind === "f") return { type: "answerFollowUp", topic: a as TopicId, id: b };
  if (kind === "s") return { type: "showSteps", topic: a as TopicId, offer };
  return undefined;
}

const canReplay = (c: DialogContext): boolean =>
  c.lastAnswer !== null && replayed(c.lastAnswer, "none") !== undefined;

/** The key of a hand-over to people (answerKey): "h:" and its reason. */
const HANDED_OVER = "h:";
/**
 * The key of the second symptom menu (answerKey): a list to choose from, so "say that again" right after it
 * is that list again (not the paste help, as with nothing said yet), and a list asked for twice has no
 * "same answer as before" note.
 */
const MORE_MENU = "m:";

/**
 * The last answer was the hand-over to people (the community and the summary to post): said again as it was,
 * with the session's diagnosis or unread pastes as they are now (the excerpt is never kept).
 */
function handOverAgain(c: DialogContext, say: ReplyIntent[]): DialogContext {
  const reason = c.lastAnswer!.slice(HANDED_OVER.length) as EscalationReason;
  say.push({
    type: "escalate",
    reason,
    diagnosis: c.diagnosis,
    ...(c.unread && { unread: { ...c.unread, excerpt: [] } }),
  });
  return c;
}

/** The last answer about the diagnosis again, under it "was this helpful?" with its buttons, as it was said. */
function repeatAnswer(c: DialogContext, say: ReplyIntent[]): DialogContext {
  say.push(replayed(c.lastAnswer!, "none")!);
  return askFeedback(c, say);
}

/** The diagnosis again with its buttons (nothing else answered since it was shown). */
function repeatDiagnosis(c: DialogContext, say: ReplyIntent[]): DialogContext {
  say.push({ type: "showDiagnosis", diagnosis: c.diagnosis!, repeated: true });
  return askFeedback(c, say);
}

/** Replies that change nothing else. */
function tell(c: DialogContext, say: ReplyIntent[], ...intents: ReplyIntent[]): DialogContext {
  say.push(...intents);
  return c;
}

/** Every state reacts the same way to these (interruptions, pastes, symptoms), unless it has its own. */
const ROOT: Handlers = {
  FOLLOW: [
    {
      to: "menu",
      // Two bubbles: the greeting says what to do, the personal-data warning carries the menu chips.
      run: (c, _e, say) => {
        say.push({ type: "greet" }, { type: "showPrivacyNotice" });
        return forgetDiagnosis(c);
      },
    },
  ],
  SESSION_EXPIRED: [
    {
      to: "menu",
      run: (c, _e, say) => {
        say.push({ type: "noticeSessionExpired" });
        return forgetDiagnosis(c);
      },
    },
  ],
  LANGUAGE: [{ run: (c, e) => ({ ...c, lang: e.lang }) }],
  PROFILE_LANGUAGE: [{ run: (c, e) => ({ ...c, profiled: true, lang: e.lang ? e.lang : c.lang }) }],
  PERSONAL_DATA: [{ run: (c, _e, say) => tell(c, say, { type: "warnPersonalData" }) }],
  UPSET: [{ run: (c, e, say) => acknowledge(c, e.feeling, say) }],
  COURTESY: [
    {
      run: (c, e, say) => {
        say.push({ type: "returnCourtesy", act: e.act });
        return c;
      },
    },
  ],

  MENU: [{ to: "menu", run: (c, _e, say) => tell(c, say, { type: "showMenu" }) }],
  MORE_TOPICS: [{ to: "menu", run: (c, _e, say) => tell(c, say, { type: "showMoreTopics" }) }],
  HOW_TO_PASTE: [
    { to: "menu", run: (c, _e, say) => tell(c, say, { type: "explainPasting", about: "asked" }) },
  ],
  RESTART: [
    {
      to: "menu",
      run: (c, _e, say) => {
        say.push({ type: "confirmRestart" }, { type: "showMenu" });
        return forgetDiagnosis(c);
      },
    },
  ],
  HELP: [{ to: "menu", run: (c, _e, say) => tell(c, say, { type: "explainHelp" }) }],
  CANCEL: [
    { to: "menu", run: (c, _e, say) => tell(c, say, { type: "confirmCancel" }, { type: "showMenu" }) },
  ],
  HUMAN: [
    {
      to: "escalated",
      run: (c, e, say) => {
        say.push({
          type: "escalate",
          reason: e.reason ? e.reason : "asked",
          diagnosis: c.diagnosis,
          // After pastes that could not be read, the summary says so (the excerpt is gone by now).
          ...(c.unread && { unread: { ...c.unread, excerpt: [] } }),
        });
        return c;
      },
    },
  ],

  PASTE: [{ to: "advice.open", run: (c, e, say) => showDiagnosis(remember(c, e.diagnosis), say) }],
  SYMPTOM: [
    { to: "advice.open", run: (c, e, say) => showDiagnosis(remember(c, symptomDiagnosis(e.topic)), say) },
  ],
  FOLLOW_UP: [
    {
      // The bounce already names the carrier: skip the picker (and its "pick the carrier" answer).
      when: (c, e) => e.carriers && c.diagnosis?.topic === e.topic && c.diagnosis.carrier !== "",
      to: "advice.open",
      run: (c, _e, say) => {
        const { topic, carrier } = c.diagnosis!;
        say.push({ type: "showCarrierSteps", topic, carrier, detected: true });
        return askFeedback(c, say);
      },
    },
    {
      // The user named the carrier (「相手はソフトバンクです」): its steps, without the picker.
      when: (_c, e) => e.carriers && e.carrier !== undefined,
      to: "advice.open",
      run: (c, e, say) => {
        const next = adoptTappedTopic(c, e.topic);
        const topic = next.diagnosis!.topic;
        say.push({ type: "showCarrierSteps", topic, carrier: e.carrier ?? "", detected: false, named: true });
        return askFeedback(next, say);
      },
    },
    {
      when: (_c, e) => e.carriers,
      to: "advice.carrier",
      run: (c, e, say) => {
        const next = adoptTappedTopic(c, e.topic);
        say.push(
          { type: "answerFollowUp", topic: e.topic, id: e.id, ...(e.told ? { told: true } : {}) },
          { type: "offerCarriers", topic: next.diagnosis!.topic },
        );
        return next;
      },
    },
    {
      to: "advice.open",
      run: (c, e, say) => {
        const next = adoptTappedTopic(c, e.topic);
        say.push({ type: "answerFollowUp", topic: e.topic, id: e.id, ...(e.told ? { told: true } : {}) });
        if (e.and) say.push({ type: "answerAlso", id: e.and, topic: next.diagnosis?.topic ?? null });
        return askFeedback(next, say);
      },
    },
  ],
  // "Was this helpful?" tapped under an answer of a session that expired (or moved on): the tap names
  // its topic, so it is taken as it was meant. Without a topic (typed 「はい」) it is small talk.
  FEEDBACK: [
    {
      when: (_c, e) => e.topic !== undefined && e.helpful,
      to: "menu",
      run: (c, e, say) => {
        const next = adoptTappedTopic(c, e.topic);
        say.push({ type: "thankForFeedback" });
        return next;
      },
    },
    {
      when: (_c, e) => e.topic !== undefined,
      to: "escalated",
      run: (c, e, say) => {
        const next = adoptTappedTopic(c, e.topic);
        say.push({ type: "escalate", reason: "not-helpful", diagnosis: next.diagnosis });
        return next;
      },
    },
    { to: "menu", run: (c, _e, say) => smallTalk(c, say) },
  ],
  UNREADABLE: [
    {
      to: "retry",
      run: (c, e, say) => {
        say.push({ type: "askToRetry" });
        return countUnread(c, e.paste.lines);
      },
    },
  ],
  // Talking about a bounce is no failed paste: it neither uses up the retry nor leads to a person.
  BOUNCE_MENTIONED: [
    { to: "menu", run: (c, e, say) => tell(c, say, { type: "explainPasting", about: e.about }) },
  ],
  // Typed questions keep the state and the diagnosis: "that" in the next question still refers to it.
  ANSWER: [
    {
      run: (c, e, say) => {
        say.push({
          type: "answerQuestion",
          id: e.id,
          topic: c.diagnosis?.topic ?? null,
          offer: "menu",
          ...(e.also?.length ? { also: e.also } : {}),
          ...(e.told ? { told: true } : {}),
        });
        if (e.and) say.push({ type: "answerAlso", id: e.and, topic: c.diagnosis?.topic ?? null });
        return c;
      },
    },
  ],
  CLARIFY: [
    {
      run: (c, e, say) => {
        say.push({ type: "offerCandidates", ids: e.ids, topic: c.diagnosis?.topic ?? null });
        return c;
      },
    },
  ],
  // Only sent with a diagnosis in the session (interpret.ts asks for the paste help otherwise).
  NEXT_STEPS: [
    {
      run: (c, _e, say) => {
        say.push({ type: "showSteps", topic: c.diagnosis?.topic ?? "unknown", offer: "menu" });
        return c;
      },
    },
  ],
  SMALL_TALK: [{ run: (c, _e, say) => smallTalk(c, say) }],
  // "Say that again": the last answer (a question's, a follow-up's, the steps) once more, or with none since
  // the diagnosis, the diagnosis; with a diagnosis, its buttons under it again (advice); with nothing said
  // yet about a mail, the paste help.
  REPEAT: [
    // After the hand-over to people, "say that again" is the hand-over, not the diagnosis before it.
    {
      when: (c) => c.lastAnswer?.startsWith(HANDED_OVER) === true,
      to: "escalated",
      run: (c, _e, say) => handOverAgain(c, say),
    },
    {
      when: (c) => canReplay(c) && c.diagnosis !== null,
      to: "advice.open",
      run: (c, _e, say) => repeatAnswer(c, say),
    },
    {
      when: (c) => c.lastAnswer === MORE_MENU,
      to: "menu",
      run: (c, _e, say) => tell(c, say, { type: "showMoreTopics", repeated: true }),
    },
    { when: canReplay, run: (c, _e, say) => tell(c, say, replayed(c.lastAnswer!, "menu")!) },
    { when: (c) => c.diagnosis !== null, to: "advice.open", run: (c, _e, say) => repeatDiagnosis(c, say) },
    { to: "menu", run: (c, _e, say) => tell(c, say, { type: "explainPasting", about: "asked" }) },
  ],
  UNSUPPORTED: [{ run: (c, e, say) => tell(c, say, { type: "answerUnsupported", kind: e.kind }) }],
  // A screenshot that could not be read is no failed paste: it does not lead to a person, it asks for a
  // better picture or the text. Never a guess: part of a bounce is shown back, not diagnosed.
  SCREENSHOT_UNREADABLE: [{ to: "menu", run: (c, _e, say) => tell(c, say, { type: "askForScreenshot" }) }],
  PARTLY_READ: [
    {
      to: "menu",
      run: (c, e, say) => tell(c, say, { type: "showPartlyRead", line: e.line, from: e.from }),
    },
  ],
  // 「550 5.7.1」 alone: the code says the receiver refused by its rules, not which; never a guess at which.
  POLICY_CODE_ONLY: [
    {
      to: "menu",
      run: (c, { type: _, ...read }, say) => tell(c, say, { type: "askForWordsAfterCode", ...read }),
    },
  ],
  // Anything a state does not expect (a feedback tap with no advice open, a stale carrier tap) still
  // gets an answer: the user never talks into silence.
  "*": [{ to: "menu", run: (c, _e, say) => smallTalk(c, say) }],
};

/** One paste could not be read; a second one goes to a person. */
const RETRY: Handlers = {
  // The summary is about the mail that could not be read: an earlier diagnosis in the session is another
  // mail, and next to "could not be read" it would contradict it. It is dropped for good.
  UNREADABLE: [
    {
      to: "escalated",
      run: (c, e, say) => {
        const next = countUnread({ ...c, diagnosis: null }, e.paste.lines);
        const { pastes, lines } = next.unread!;
        say.push({
          type: "escalate",
          reason: "unreadable",
          diagnosis: null,
          unread: { pastes, lines, excerpt: e.paste.excerpt },
        });
        return next;
      },
    },
  ],
};

/** A diagnosis is on screen with its follow-ups and "was this helpful?" (open, or picking a carrier). */
const ADVICE: Handlers = {
  // A sticker while advice is open: answer kindly and keep the follow-ups and feedback buttons.
  UNSUPPORTED: [
    {
      run: (c, e, say) => {
        say.push({ type: "answerUnsupported", kind: e.kind });
        return askFeedback(c, say);
      },
    },
  ],
  // The answer, then the feedback question with the diagnosis's buttons again.
  ANSWER: [
    {
      run: (c, e, say) => {
        say.push({
          type: "answerQuestion",
          id: e.id,
          topic: c.diagnosis?.topic ?? null,
          offer: "none",
          ...(e.told ? { told: true } : {}),
        });
        if (e.and) say.push({ type: "answerAlso", id: e.and, topic: c.diagnosis?.topic ?? null });
        return askFeedback(c, say);
      },
    },
  ],
  NEXT_STEPS: [
    {
      run: (c, _e, say) => {
        say.push({ type: "showSteps", topic: c.diagnosis!.topic, offer: "none" });
        return askFeedback(c, say);
      },
    },
  ],
  // The last answer again, then the feedback question with the diagnosis's buttons, as it was said.
  REPEAT: [
    { when: canReplay, run: (c, _e, say) => repeatAnswer(c, say) },
    { to: "advice.open", run: (c, _e, say) => repeatDiagnosis(c, say) },
  ],
  // A message not understood while a diagnosis is on screen is most likely about it: the first (and every
  // other) one gets the diagnosis's steps again, a real next step rather than "I could not answer that";
  // the ones between say so, so that no text comes twice in a row.
  SMALL_TALK: [
    {
      when: (c) => c.misses % 2 === 0,
      run: (c, _e, say) => {
        const next = { ...c, misses: c.misses + 1 };
        say.push({ type: "showSteps", topic: next.diagnosis!.topic, offer: "none" });
        return askFeedback(next, say);
      },
    },
    { run: (c, _e, say) => askFeedback(smallTalk(c, say), say) },
  ],
  FEEDBACK: [
    {
      when: (_c, e) => e.helpful,
      to: "menu",
      run: (c, _e, say) => tell(c, say, { type: "thankForFeedback" }),
    },
    {
      to: "escalated",
      run: (c, _e, say) => tell(c, say, { type: "escalate", reason: "not-helpful", diagnosis: c.diagnosis }),
    },
  ],
};

/** The carrier picker is showing (the recipient is a mobile address). */
const CARRIER_PICKER: Handlers = {
  // Asked again how the recipient allows the mail (「どうやって解除してもらうの」) while the picker is
  // showing: the explanation was just given, so only the picker again, not the same paragraph twice.
  FOLLOW_UP: [
    {
      when: (c, e) => e.carriers && e.carrier === undefined && c.diagnosis?.topic === e.topic,
      run: (c, e, say) => tell(c, say, { type: "offerCarriers", topic: e.topic }),
    },
  ],
  // The explanation said again, with the picker under it, as it was said.
  REPEAT: [
    {
      when: canReplay,
      run: (c, _e, say) =>
        tell(c, say, replayed(c.lastAnswer!, "none")!, { type: "offerCarriers", topic: c.diagnosis!.topic }),
    },
  ],
  CARRIER: [
    {
      to: "advice.open",
      run: (c, e, say) => {
        say.push({ type: "showCarrierSteps", topic: c.diagnosis!.topic, carrier: e.id, detected: false });
        return askFeedback(c, say);
      },
    },
  ],
};

/** A table as looked up: own entries only (an event named "toString" is no handler), lists by event type. */
interface Node {
  readonly name: string;
  readonly on: ReadonlyMap<string, readonly Transition[]>;
}

const node = (name: string, handlers: Handlers): Node => ({
  name,
  on: new Map(Object.entries(handlers) as [string, readonly Transition[]][]),
});
const root = node("root", ROOT);
const retry = node("retry", RETRY);
const advice = node("advice", ADVICE);
const carrierPicker = node("advice.carrier", CARRIER_PICKER);

/** The nodes that may answer in each state, innermost first (the root last: it answers everything). */
const NODES: Readonly<Record<DialogState, readonly Node[]>> = {
  menu: [root],
  retry: [retry, root],
  "advice.open": [advice, root],
  "advice.carrier": [carrierPicker, advice, root],
  escalated: [root],
};

function select(snapshot: DialogSnapshot, event: DialogEvent): Transition {
  for (const n of NODES[snapshot.state]) {
    // The event's own entries first, then the node's catch-all.
    for (const list of [n.on.get(event.type), n.on.get("*")])
      if (list) for (const t of list) if (!t.when || t.when(snapshot.context, event)) return t;
  }
  throw new Error(`no transition for ${event.type} in ${snapshot.state}`); // the root's "*" prevents it
}

/**
 * The machine: the snapshot after the event and what to say, in order. Pure: the snapshot given is not
 * changed (it is returned as it is when the event changes nothing).
 */
export function transition(
  snapshot: DialogSnapshot,
  event: DialogEvent,
): { snapshot: DialogSnapshot; intents: ReplyIntent[] } {
  const t = select(snapshot, event);
  const intents: ReplyIntent[] = [];
  const context = repeated(
    snapshot.context,
    afterDiagnosis(snapshot.context, t.run(snapshot.context, event, intents), event),
    event,
    intents,
  );
  const state = t.to ?? snapshot.state;
  const next = state === snapshot.state && context === snapshot.context ? snapshot : { state, context };
  return { snapshot: next, intents };
}

/** Events said beside an answer (a language, a warning, an apology): they leave `justDiagnosed` as it was. */
const BESIDE_AN_ANSWER = new Set<DialogEvent["type"]>([
  "LANGUAGE",
  "PROFILE_LANGUAGE",
  "PERSONAL_DATA",
  "UPSET",
  "COURTESY",
]);

/** `justDiagnosed` after an event: set by a diagnosis shown, kept by what is said beside, else cleared. */
function afterDiagnosis(before: DialogContext, after: DialogContext, event: DialogEvent): DialogContext {
  const shown = (event.type === "PASTE" || event.type === "SYMPTOM") && after.diagnosis !== null;
  // The diagnosis said again (「もう一回言って」) is still the last thing answered.
  const kept = BESIDE_AN_ANSWER.has(event.type) || event.type === "REPEAT";
  const value = shown || (kept && before.justDiagnosed);
  return after.justDiagnosed === value ? after : { ...after, justDiagnosed: value };
}

/** What an answer is told apart by: the same key twice in a row is the same text twice. */
function answerKey(intent: ReplyIntent): string | undefined {
  switch (intent.type) {
    case "answerQuestion":
      return `q:${intent.id}:${intent.topic ?? ""}`;
    case "answerFollowUp":
      return `f:${intent.topic}:${intent.id}`;
    case "showSteps":
      return `s:${intent.topic}`;
    case "escalate":
      return `${HANDED_OVER}${intent.reason}`;
    case "showMoreTopics":
      return MORE_MENU;
    default:
      return undefined;
  }
}

/**
 * `lastAnswer` after an event, and `again` on an answer that repeats the one before: kept by what is said
 * beside an answer (an apology), else the key of this turn's answer (null: none).
 */
function repeated(
  before: DialogContext,
  after: DialogContext,
  event: DialogEvent,
  intents: ReplyIntent[],
): DialogContext {
  // Said again because it was asked for: no "same answer" note, and it is still the last answer. A
  // pleasantry answered (「どういたしまして」) is no answer either: "say that again" after thanks is the one before.
  if (BESIDE_AN_ANSWER.has(event.type) || event.type === "REPEAT") return after;
  if (event.type === "ANSWER" && event.courtesy) return after;
  let key: string | null = null;
  for (let i = 0; i < intents.length; i++) {
    const k = answerKey(intents[i]!);
    if (k === undefined) continue;
    key = k;
    // A hand-over asked for twice is said twice as it was (no "same answer" note: it is the way to people).
    if (k === before.lastAnswer && !k.startsWith(HANDED_OVER) && k !== MORE_MENU)
      intents[i] = { ...intents[i]!, again: true } as ReplyIntent;
    break;
  }
  return after.lastAnswer === key ? after : { ...after, lastAnswer: key };
}

/** Names of the table's transitions, "advice --FEEDBACK#2--> escalated", for transition coverage in tests. */
const NAMES = new Map<Transition, string>();
for (const n of [root, retry, advice, carrierPicker])
  for (const [type, list] of n.on)
    list.forEach((t, i) => {
      NAMES.set(t, `${n.name} --${type}${list.length > 1 ? `#${i + 1}` : ""}--> ${t.to ?? "(stays)"}`);
    });

export const TRANSITION_NAMES: readonly string[] = [...NAMES.values()];

/** The name of the transition this event takes in this snapshot (see TRANSITION_NAMES). */
export function transitionName(snapshot: DialogSnapshot, event: DialogEvent): string {
  return NAMES.get(select(snapshot, event))!;
}
