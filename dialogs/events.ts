import type { DsnAction, TopicId } from "../knowledge/types.ts";
import type { Lang } from "./knowledge-contract.ts";
import type { UnreadPaste } from "./paste-excerpt.ts";

/**
 * What the session keeps about the user's problem: the classifier's verdict, masked, never the text the
 * user sent. This is all that is stored and all that the escalation summary can echo.
 */
export interface Diagnosis {
  topic: TopicId;
  /** "paste": read from a pasted bounce; "symptom": the user picked or described the symptom. */
  source: "paste" | "symptom";
  /** RFC 3463 status ("5.1.1") or "". */
  status: string;
  /** SMTP reply code ("550") or "". */
  replyCode: string;
  action: DsnAction;
  /** Recipient as the classifier masks it for display ("t***@docomo.ne.jp"), or "". */
  recipient: string;
  /** Carrier id when the recipient's domain belongs to a mobile carrier (knowledge carriers), else "". */
  carrier: string;
  /** The server's explanation, masked and cut short, or "". */
  detail: string;
  /**
   * Every failed recipient of a paste, this diagnosis's own first (dialogs/recipients.ts), at most 20;
   * [] for a symptom (and in sessions stored before the list existed).
   */
  recipients: FailedRecipient[];
  /** Failed recipients beyond the list, counted only. */
  moreRecipients: number;
}

/** One failed recipient: its topic, the codes a server wrote ("" when none), its address as shown (masked). */
export interface FailedRecipient {
  topic: TopicId;
  recipient: string;
  status: string;
  replyCode: string;
}

/** Kinds of input the assistant cannot read (yet); each gets a short, kind answer. */
export const UNSUPPORTED_KINDS = [
  "sticker",
  "image",
  "video",
  "audio",
  "file",
  "location",
  "too-long",
  "other",
] as const;
export type UnsupportedKind = (typeof UNSUPPORTED_KINDS)[number];

/**
 * Everything the machine reacts to. The bot turns user input into these BEFORE the machine sees it
 * (dialogs/interpret.ts), so the machine stays pure and synchronous: no classifier, no I/O.
 */
/** A pleasantry said back beside an answer: thanks ("you're welcome") or a greeting. */
export type CourtesyAct = "thanks" | "greeting";

export type DialogEvent =
  // what happened to the chat
  | { type: "FOLLOW" }
  | { type: "SESSION_EXPIRED" }
  // annotations the interpreter sends before the main event of a message
  | { type: "LANGUAGE"; lang: Lang }
  /** The language of the user's LINE profile, read once per session (undefined: not known). */
  | { type: "PROFILE_LANGUAGE"; lang: Lang | undefined }
  | { type: "PERSONAL_DATA" }
  /** The user is upset or in a hurry: one short apology line before the answer. */
  | { type: "UPSET"; feeling: Feeling }
  /** Thanks or a greeting beside a question answered (「ありがとう、ちなみに何MBまで？」): said back before the answer. */
  | { type: "COURTESY"; act: CourtesyAct }
  // what the user asked
  | { type: "PASTE"; diagnosis: Diagnosis }
  | { type: "SYMPTOM"; topic: TopicId }
  /** carrier: the carrier the user named in the text (「相手はauです」), for a follow-up that asks for one. */
  | {
      type: "FOLLOW_UP";
      topic: TopicId;
      id: string;
      carriers: boolean;
      carrier?: string;
      /** As ANSWER's: the answer's opening 「はい、」/「いいえ、」 is left out. */
      told?: boolean;
      /** A second question asked in the same message (as ANSWER's). */
      and?: string;
    }
  | { type: "CARRIER"; id: string }
  /** topic: the answer the tapped question was about (taps name it; a typed 「はい」 does not). */
  | { type: "FEEDBACK"; helpful: boolean; topic?: TopicId }
  /**
   * Bounce-like text (codes, headers, server sentences) the classifier could not read; `paste` is what the
   * escalation summary may say about it (masked, bounded; never stored).
   */
  | { type: "UNREADABLE"; paste: UnreadPaste }
  /** The user talks about returned mail without pasting any (「エラーメールが返ってくる」「メールが送れない」). */
  | { type: "BOUNCE_MENTIONED"; about: MentionKind }
  /** A typed question of knowledge/data/questions/ (answered with its text, in the context of the diagnosis). */
  /**
   * `also`: the other questions that came close, when this one was only the likeliest (offered as buttons
   * under the answer, as 「もしかして…」 offers them).
   */
  | {
      type: "ANSWER";
      id: string;
      also?: string[];
      /**
       * The message told rather than asked (「それはもうやりました」), asked what or how, or asked in the
       * negative (「送り直さなくていいの？」): an answer's opening 「はい、」/「いいえ、」 is left out.
       */
      told?: boolean;
      /** A second question the message asks in a sentence of its own (「何MBまで？あと再送は？」): answered next. */
      and?: string;
      /** A pleasantry (thanks, a greeting, OK): said, but no answer to say again (「もう一回言って」). */
      courtesy?: boolean;
    }
  /** A few questions came close: ask which one (「もしかして…」). Ids of knowledge/data/questions/. */
  | { type: "CLARIFY"; ids: string[] }
  /** "What should I do now?" (or an upset user with nothing else to say): the diagnosis's steps again. */
  | { type: "NEXT_STEPS" }
  /** "Say that again" (「もう一回言って」): the last answer once more, with its buttons (the machine knows which). */
  | { type: "REPEAT" }
  /** Nothing typed was understood. */
  | { type: "SMALL_TALK" }
  | { type: "UNSUPPORTED"; kind: UnsupportedKind }
  /** A screenshot that could not be read at all (no code, status, address or known phrase; OCR failed). */
  | { type: "SCREENSHOT_UNREADABLE" }
  /**
   * Part of a bounce (a code, an address) but not its reason, in a screenshot or a paste (a paste: a
   * code, cut before the words after it): `line` is what was read, masked.
   */
  | { type: "PARTLY_READ"; line: string; from: "screenshot" | "paste" }
  /**
   * A bounce read only as far as a code that says no more than "refused by the receiver's rules" (「550
   * 5.7.1」 with its words cut off or left out): `line` is the line read (masked; "" when the codes were
   * all there was, typed), then the codes.
   */
  | {
      type: "POLICY_CODE_ONLY";
      line: string;
      status: string;
      replyCode: string;
      from: "screenshot" | "paste";
      /** Words follow the code, and say no more: the rest of the mail is asked for, not those words. */
      wordsAfter: boolean;
      /** The code names only a class of cause (codes.yaml `classes`: "5.1", "550"); "" for a policy code. */
      codeClass: string;
    }
  // interruptions, valid in every state
  | { type: "MENU" }
  | { type: "RESTART" }
  | { type: "HELP" }
  | { type: "CANCEL" }
  /** A person: asked for, or typed "that didn't help" (the apology first, then the same). */
  | { type: "HUMAN"; reason?: "not-helpful" }
  | { type: "MORE_TOPICS" }
  | { type: "HOW_TO_PASTE" };

/**
 * How an upset user sounds (ui.yaml `feelings`), each acknowledged in lines of its own: in a hurry; angry or
 * fed up; sad, despairing or lonely; ashamed or blaming themselves; worried and afraid. In the order their
 * words are looked for (the first found wins): 「大事なメールが届かなくて困ってます。急いでます」 is about time
 * more than anger, 「もう嫌、不安」 fed up first, 「恥ずかしいし不安」 ashamed first.
 */
export const FEELINGS = ["urgent", "frustrated", "sad", "ashamed", "worried"] as const;
export type Feeling = (typeof FEELINGS)[number];

/** "returned": a bounce came back (「エラーメールが返ってくる」); "not-sent": mail does not get through (「送れない」). */
export type MentionKind = "returned" | "not-sent";

export type DialogEventType = DialogEvent["type"];
export type CommandEventType =
  | "MENU"
  | "RESTART"
  | "HELP"
  | "CANCEL"
  | "HUMAN"
  | "MORE_TOPICS"
  | "HOW_TO_PASTE";
