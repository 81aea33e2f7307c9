// TEMPORARY: the XState statechart as it was before dialogs/machine.ts became a plain function, verbatim
// but for its imports, with the old glue of dialogs/conversation.ts (one inert scope, resolveState). Only
// test/machine-differential.test.ts uses it; it goes with xstate.
import {
  type AnyActorScope,
  type AnyStateNode,
  and,
  assign,
  createActor,
  type ExecutableActionObject,
  initialTransition,
  type SnapshotFrom,
  setup,
} from "xstate";
import type { Diagnosis, DialogEvent } from "../../dialogs/events.ts";
import type { IntentParams, ReplyIntent } from "../../dialogs/intents.ts";
import type { Lang } from "../../dialogs/knowledge-contract.ts";
import type { TopicId } from "../../knowledge/types.ts";

/**
 * The conversation as a statechart. Pure and synchronous: events arrive already classified
 * (dialogs/interpret.ts), replies leave as named actions with params (dialogs/intents.ts) that
 * `transition()` returns without executing. The flow chart is in dialogs/README.md.
 */

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

const REPLY_ACTIONS = new Set<string>();

/** Reply actions are never executed here; their name and params are the reply intent the bot renders. */
function reply<T extends keyof IntentParams>(type: T) {
  REPLY_ACTIONS.add(type);
  return (_args: unknown, _params: IntentParams[T]) => {};
}

/** Whether an action returned by `transition()` is a reply intent (the others only change context). */
export function isReplyAction(type: string): boolean {
  return REPLY_ACTIONS.has(type);
}

export const dialogMachine = setup({
  types: {
    context: {} as DialogContext,
    events: {} as DialogEvent,
  },
  guards: {
    "helpful?": ({ event }) => event.type === "FEEDBACK" && event.helpful,
    "stepsTurn?": ({ context }) => context.misses % 2 === 0,
    "namesItsTopic?": ({ event }) => event.type === "FEEDBACK" && event.topic !== undefined,
    "leadsToCarriers?": ({ event }) => event.type === "FOLLOW_UP" && event.carriers,
    "namesCarrier?": ({ event }) => event.type === "FOLLOW_UP" && event.carrier !== undefined,
    "recipientOnKnownCarrier?": ({ context, event }) =>
      event.type === "FOLLOW_UP" &&
      context.diagnosis?.topic === event.topic &&
      context.diagnosis.carrier !== "",
  },
  actions: {
    setLanguage: assign({
      lang: ({ context, event }) => (event.type === "LANGUAGE" ? event.lang : context.lang),
    }),
    setProfileLanguage: assign({
      profiled: true,
      lang: ({ context, event }) =>
        event.type === "PROFILE_LANGUAGE" && event.lang ? event.lang : context.lang,
    }),
    countMiss: assign({ misses: ({ context }) => context.misses + 1 }),
    forgetDiagnosis: assign({ diagnosis: null, unread: null }),
    dropDiagnosis: assign({ diagnosis: null }),
    // A new diagnosis starts the count of messages not understood about it (misses) afresh.
    rememberDiagnosis: assign({
      diagnosis: ({ context, event }) => (event.type === "PASTE" ? event.diagnosis : context.diagnosis),
      unread: null,
      misses: 0,
    }),
    rememberSymptom: assign({
      diagnosis: ({ context, event }) =>
        event.type === "SYMPTOM" ? symptomDiagnosis(event.topic) : context.diagnosis,
      unread: null,
      misses: 0,
    }),
    countUnread: assign({
      unread: ({ context, event }) =>
        event.type === "UNREADABLE"
          ? { pastes: (context.unread?.pastes ?? 0) + 1, lines: event.paste.lines }
          : context.unread,
    }),
    // Follow-up and feedback taps name their topic; if the session moved on (or expired) since, the
    // tap is about the answer it sat under: follow it.
    adoptTappedTopic: assign({
      diagnosis: ({ context, event }) => {
        const topic = event.type === "FOLLOW_UP" || event.type === "FEEDBACK" ? event.topic : undefined;
        return topic && context.diagnosis?.topic !== topic ? symptomDiagnosis(topic) : context.diagnosis;
      },
      unread: ({ context }) => (context.diagnosis ? null : context.unread),
    }),

    greet: reply("greet"),
    showPrivacyNotice: reply("showPrivacyNotice"),
    warnPersonalData: reply("warnPersonalData"),
    noticeSessionExpired: reply("noticeSessionExpired"),
    showMenu: reply("showMenu"),
    showMoreTopics: reply("showMoreTopics"),
    explainPasting: reply("explainPasting"),
    showDiagnosis: reply("showDiagnosis"),
    answerFollowUp: reply("answerFollowUp"),
    offerCarriers: reply("offerCarriers"),
    showCarrierSteps: reply("showCarrierSteps"),
    askFeedback: reply("askFeedback"),
    thankForFeedback: reply("thankForFeedback"),
    escalate: reply("escalate"),
    askToRetry: reply("askToRetry"),
    explainHelp: reply("explainHelp"),
    confirmCancel: reply("confirmCancel"),
    confirmRestart: reply("confirmRestart"),
    answerSmallTalk: reply("answerSmallTalk"),
    answerQuestion: reply("answerQuestion"),
    offerCandidates: reply("offerCandidates"),
    acknowledgeFeelings: reply("acknowledgeFeelings"),
    showSteps: reply("showSteps"),
    answerUnsupported: reply("answerUnsupported"),
    askForScreenshot: reply("askForScreenshot"),
    showPartialScreenshot: reply("showPartialScreenshot"),
  },
}).createMachine({
  id: "dialog",
  context: { lang: "ja", diagnosis: null, unread: null, misses: 0, profiled: false },
  initial: "menu",
  // Root handlers: every state reacts the same way to these (interruptions, pastes, symptoms).
  on: {
    FOLLOW: {
      target: ".menu",
      // Two bubbles: the greeting says what to do, the personal-data warning carries the menu chips.
      actions: ["forgetDiagnosis", "greet", "showPrivacyNotice"],
    },
    SESSION_EXPIRED: { target: ".menu", actions: ["forgetDiagnosis", "noticeSessionExpired"] },
    LANGUAGE: { actions: "setLanguage" },
    PROFILE_LANGUAGE: { actions: "setProfileLanguage" },
    PERSONAL_DATA: { actions: "warnPersonalData" },
    UPSET: {
      actions: {
        type: "acknowledgeFeelings",
        params: ({ event }) => ({ feeling: event.type === "UPSET" ? event.feeling : "frustrated" }),
      },
    },

    MENU: { target: ".menu", actions: "showMenu" },
    MORE_TOPICS: { target: ".menu", actions: "showMoreTopics" },
    HOW_TO_PASTE: {
      target: ".menu",
      actions: { type: "explainPasting", params: { about: "asked" } },
    },
    RESTART: { target: ".menu", actions: ["forgetDiagnosis", "confirmRestart", "showMenu"] },
    HELP: { target: ".menu", actions: "explainHelp" },
    CANCEL: { target: ".menu", actions: ["confirmCancel", "showMenu"] },
    HUMAN: {
      target: ".escalated",
      actions: {
        type: "escalate",
        params: ({ context, event }) => ({
          reason: event.type === "HUMAN" && event.reason ? event.reason : "asked",
          diagnosis: context.diagnosis,
          // After pastes that could not be read, the summary says so (the excerpt is gone by now).
          ...(context.unread && { unread: { ...context.unread, excerpt: [] } }),
        }),
      },
    },

    PASTE: {
      target: ".advice",
      actions: [
        "rememberDiagnosis",
        { type: "showDiagnosis", params: ({ context }) => ({ diagnosis: context.diagnosis! }) },
        { type: "askFeedback", params: ({ context }) => ({ topic: context.diagnosis!.topic }) },
      ],
    },
    SYMPTOM: {
      target: ".advice",
      actions: [
        "rememberSymptom",
        { type: "showDiagnosis", params: ({ context }) => ({ diagnosis: context.diagnosis! }) },
        { type: "askFeedback", params: ({ context }) => ({ topic: context.diagnosis!.topic }) },
      ],
    },
    FOLLOW_UP: [
      {
        guard: and(["leadsToCarriers?", "recipientOnKnownCarrier?"]),
        target: ".advice.open",
        // The bounce already names the carrier: skip the picker (and its "pick the carrier" answer).
        actions: [
          {
            type: "showCarrierSteps",
            params: ({ context }) => ({
              topic: context.diagnosis!.topic,
              carrier: context.diagnosis!.carrier,
              detected: true,
            }),
          },
          { type: "askFeedback", params: ({ context }) => ({ topic: context.diagnosis!.topic }) },
        ],
      },
      {
        // The user named the carrier (「相手はソフトバンクです」): its steps, without the picker.
        guard: and(["leadsToCarriers?", "namesCarrier?"]),
        target: ".advice.open",
        actions: [
          "adoptTappedTopic",
          {
            type: "showCarrierSteps",
            params: ({ context, event }) => ({
              topic: context.diagnosis!.topic,
              carrier: event.type === "FOLLOW_UP" ? (event.carrier ?? "") : "",
              detected: false,
              named: true,
            }),
          },
          { type: "askFeedback", params: ({ context }) => ({ topic: context.diagnosis!.topic }) },
        ],
      },
      {
        guard: "leadsToCarriers?",
        target: ".advice.carrier",
        actions: [
          "adoptTappedTopic",
          { type: "answerFollowUp", params: ({ event }) => followUpOf(event) },
          { type: "offerCarriers", params: ({ context }) => ({ topic: context.diagnosis!.topic }) },
        ],
      },
      {
        target: ".advice.open",
        actions: [
          "adoptTappedTopic",
          { type: "answerFollowUp", params: ({ event }) => followUpOf(event) },
          { type: "askFeedback", params: ({ context }) => ({ topic: context.diagnosis!.topic }) },
        ],
      },
    ],
    // "Was this helpful?" tapped under an answer of a session that expired (or moved on): the tap names
    // its topic, so it is taken as it was meant. Without a topic (typed 「はい」) it is small talk ("*").
    FEEDBACK: [
      {
        guard: and(["namesItsTopic?", "helpful?"]),
        target: ".menu",
        actions: ["adoptTappedTopic", "thankForFeedback"],
      },
      {
        guard: "namesItsTopic?",
        target: ".escalated",
        actions: [
          "adoptTappedTopic",
          {
            type: "escalate",
            params: ({ context }) => ({ reason: "not-helpful", diagnosis: context.diagnosis }),
          },
        ],
      },
      { target: ".menu", actions: ["countMiss", { type: "answerSmallTalk", params: missOf }] },
    ],
    UNREADABLE: { target: ".retry", actions: ["countUnread", "askToRetry"] },
    // Talking about a bounce is no failed paste: it neither uses up the retry nor leads to a person.
    BOUNCE_MENTIONED: {
      target: ".menu",
      actions: {
        type: "explainPasting",
        params: ({ event }) => ({ about: event.type === "BOUNCE_MENTIONED" ? event.about : "asked" }),
      },
    },
    // Typed questions keep the state and the diagnosis: "that" in the next question still refers to it.
    ANSWER: {
      actions: { type: "answerQuestion", params: ({ context, event }) => answerOf(context, event, "menu") },
    },
    CLARIFY: {
      actions: {
        type: "offerCandidates",
        params: ({ context, event }) => ({
          ids: event.type === "CLARIFY" ? event.ids : [],
          topic: context.diagnosis?.topic ?? null,
        }),
      },
    },
    // Only sent with a diagnosis in the session (interpret.ts asks for the paste help otherwise).
    NEXT_STEPS: {
      actions: {
        type: "showSteps",
        params: ({ context }) => ({ topic: context.diagnosis?.topic ?? "unknown", offer: "menu" as const }),
      },
    },
    SMALL_TALK: { actions: ["countMiss", { type: "answerSmallTalk", params: missOf }] },
    UNSUPPORTED: {
      actions: {
        type: "answerUnsupported",
        params: ({ event }) => ({ kind: event.type === "UNSUPPORTED" ? event.kind : "other" }),
      },
    },
    // A screenshot that could not be read is no failed paste: it does not lead to a person, it asks for a
    // better picture or the text. Never a guess: part of a bounce is shown back, not diagnosed.
    SCREENSHOT_UNREADABLE: { target: ".menu", actions: "askForScreenshot" },
    SCREENSHOT_PARTIAL: {
      target: ".menu",
      actions: {
        type: "showPartialScreenshot",
        params: ({ event }) => ({ line: event.type === "SCREENSHOT_PARTIAL" ? event.line : "" }),
      },
    },
    // Anything a state does not expect (a feedback tap with no advice open, a stale carrier tap) still
    // gets an answer: the user never talks into silence.
    "*": { target: ".menu", actions: ["countMiss", { type: "answerSmallTalk", params: missOf }] },
  },
  states: {
    /** Waiting for a paste or a choice from the main menu. */
    menu: {},
    /** One paste could not be read; a second one goes to a person. */
    retry: {
      on: {
        // The summary is about the mail that could not be read: an earlier diagnosis in the session is
        // another mail, and next to "could not be read" it would contradict it. It is dropped for good.
        UNREADABLE: {
          target: "escalated",
          actions: [
            "dropDiagnosis",
            "countUnread",
            {
              type: "escalate",
              params: ({ context, event }) => ({
                reason: "unreadable",
                diagnosis: null,
                unread: {
                  pastes: context.unread?.pastes ?? 1,
                  lines: context.unread?.lines ?? 0,
                  excerpt: event.type === "UNREADABLE" ? event.paste.excerpt : [],
                },
              }),
            },
          ],
        },
      },
    },
    /** A diagnosis is on screen with its follow-ups and "was this helpful?". */
    advice: {
      initial: "open",
      on: {
        // A sticker while advice is open: answer kindly and keep the follow-ups and feedback buttons.
        UNSUPPORTED: {
          actions: [
            {
              type: "answerUnsupported",
              params: ({ event }) => ({ kind: event.type === "UNSUPPORTED" ? event.kind : "other" }),
            },
            { type: "askFeedback", params: ({ context }) => ({ topic: context.diagnosis!.topic }) },
          ],
        },
        // The answer, then the feedback question with the diagnosis's buttons again (quick replies vanish
        // after each message in LINE).
        ANSWER: {
          actions: [
            { type: "answerQuestion", params: ({ context, event }) => answerOf(context, event, "none") },
            { type: "askFeedback", params: ({ context }) => ({ topic: context.diagnosis!.topic }) },
          ],
        },
        NEXT_STEPS: {
          actions: [
            {
              type: "showSteps",
              params: ({ context }) => ({ topic: context.diagnosis!.topic, offer: "none" as const }),
            },
            { type: "askFeedback", params: ({ context }) => ({ topic: context.diagnosis!.topic }) },
          ],
        },
        // A message not understood while a diagnosis is on screen is most likely about it: the first
        // (and every other) one gets the diagnosis's steps again, a real next step rather than "I could
        // not answer that"; the ones between say so, so that no text comes twice in a row.
        SMALL_TALK: [
          {
            guard: "stepsTurn?",
            actions: [
              "countMiss",
              {
                type: "showSteps",
                params: ({ context }) => ({ topic: context.diagnosis!.topic, offer: "none" as const }),
              },
              { type: "askFeedback", params: ({ context }) => ({ topic: context.diagnosis!.topic }) },
            ],
          },
          {
            actions: [
              "countMiss",
              { type: "answerSmallTalk", params: missOf },
              { type: "askFeedback", params: ({ context }) => ({ topic: context.diagnosis!.topic }) },
            ],
          },
        ],
        FEEDBACK: [
          { guard: "helpful?", target: "menu", actions: "thankForFeedback" },
          {
            target: "escalated",
            actions: {
              type: "escalate",
              params: ({ context }) => ({ reason: "not-helpful", diagnosis: context.diagnosis }),
            },
          },
        ],
      },
      states: {
        open: {},
        /** The carrier picker is showing (recipient is a mobile address). */
        carrier: {
          on: {
            CARRIER: {
              target: "open",
              actions: [
                {
                  type: "showCarrierSteps",
                  params: ({ context, event }) => ({
                    topic: context.diagnosis!.topic,
                    carrier: event.type === "CARRIER" ? event.id : "",
                    detected: false,
                  }),
                },
                { type: "askFeedback", params: ({ context }) => ({ topic: context.diagnosis!.topic }) },
              ],
            },
          },
        },
      },
    },
    /** The user was pointed to the Q&A community with a summary they can post. */
    escalated: {},
  },
});

function answerOf(
  context: DialogContext,
  event: DialogEvent,
  offer: "menu" | "none",
): IntentParams["answerQuestion"] {
  return { id: event.type === "ANSWER" ? event.id : "", topic: context.diagnosis?.topic ?? null, offer };
}

/** countMiss runs first: the first miss shows variant 0, the next one variant 1, and so on. */
function missOf({ context }: { context: DialogContext }): IntentParams["answerSmallTalk"] {
  return { variant: context.misses - 1 };
}

function followUpOf(event: DialogEvent): IntentParams["answerFollowUp"] {
  return event.type === "FOLLOW_UP" ? { topic: event.topic, id: event.id } : { topic: "unknown", id: "" };
}

export type DialogMachine = typeof dialogMachine;

// ---- the old glue of dialogs/conversation.ts ----

export type OldSnapshot = SnapshotFrom<typeof dialogMachine>;

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

/** The old step for one event: the next snapshot and the reply intents, as conversation.ts built them. */
export function oldTransition(snapshot: OldSnapshot, event: DialogEvent): [OldSnapshot, ReplyIntent[]] {
  collected.length = 0;
  const next = dialogMachine.transition(snapshot, event, scope);
  const intents: ReplyIntent[] = [];
  for (const action of [...collected])
    if (isReplyAction(action.type))
      intents.push({ type: action.type, ...(action.params ?? {}) } as ReplyIntent);
  return [next, intents];
}

export const OLD_INITIAL: OldSnapshot = initialTransition(dialogMachine)[0];

export function oldStateName(snapshot: OldSnapshot): string {
  const flatten = (value: unknown): string =>
    typeof value === "string"
      ? value
      : Object.entries(value as Record<string, unknown>)
          .map(([k, v]) => `${k}.${flatten(v)}`)
          .join(",");
  return flatten(snapshot.value);
}

/** The old fromStored: throws for a state the machine does not have. */
export function oldFromStored(state: string, context: DialogContext): OldSnapshot {
  const value = state
    .split(".")
    .reduceRight<string | Record<string, unknown>>(
      (inner, key) => (inner === "" ? key : { [key]: inner }),
      "",
    );
  return dialogMachine.resolveState({ value: value as never, context });
}

/** The transition the old coverage helper named for this event ("dialog.advice --FEEDBACK#2--> dialog.escalated"). */
const keyOf = new Map<unknown, string>();
const walk = (node: AnyStateNode): void => {
  for (const [eventType, list] of node.transitions) {
    list.forEach((t, i) => {
      const alt = list.length > 1 ? `#${i + 1}` : "";
      const targets = t.target?.map((n: AnyStateNode) => n.id).join(",") ?? "(stays)";
      keyOf.set(t, `${node.id} --${eventType}${alt}--> ${targets}`);
    });
  }
  for (const child of Object.values(node.states)) walk(child as AnyStateNode);
};
walk(dialogMachine.root);
export const OLD_TRANSITION_KEYS: readonly string[] = [...keyOf.values()];
export function oldTransitionKey(snapshot: OldSnapshot, event: DialogEvent): string {
  const taken = dialogMachine.getTransitionData(snapshot as never, event);
  return taken.map((t) => keyOf.get(t)).join("+");
}
