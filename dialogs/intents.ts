import type { TopicId } from "../knowledge/types.ts";
import type { CourtesyAct, Diagnosis, Feeling, MentionKind, UnsupportedKind } from "./events.ts";

/**
 * What the assistant wants to say, independent of LINE. The machine returns these, in order;
 * bot/render turns them into LINE messages with the texts of knowledge/data.
 */
export type EscalationReason = "asked" | "not-helpful" | "unreadable";

/** Pastes that could not be read: how many, the last one's line count, and its masked first lines. */
export interface UnreadSummary {
  pastes: number;
  lines: number;
  excerpt: string[];
}

export type ReplyIntent =
  | { type: "greet" }
  /** The personal-data warning, with the symptom menu as its quick replies (it ends the greeting). */
  | { type: "showPrivacyNotice" }
  | { type: "warnPersonalData" }
  | { type: "noticeSessionExpired" }
  | { type: "showMenu" }
  /** The second symptom menu: the topics not on the first, how to paste, ask a person. */
  /** repeated: shown again because the user asked for what was said to be said again (「もう一回言って」). */
  | { type: "showMoreTopics"; repeated?: boolean }
  /** Which lines of a bounce to paste (and which not to); "asked": the user tapped 「貼り付け方」. */
  | { type: "explainPasting"; about: MentionKind | "asked" }
  /** repeated: shown again because the user asked for it to be said again (「もう一回言って」). */
  | { type: "showDiagnosis"; diagnosis: Diagnosis; repeated?: boolean }
  /** again: the same answer as the turn before (asked again in other words): it says so (see `repeated`). */
  | { type: "answerFollowUp"; topic: TopicId; id: string; again?: boolean; told?: boolean }
  | { type: "offerCarriers"; topic: TopicId }
  /**
   * detected: the carrier was read from the bounce's recipient domain, not picked by the user; named: the
   * user named it in a typed message (「相手はソフトバンクです」).
   */
  | { type: "showCarrierSteps"; topic: TopicId; carrier: string; detected: boolean; named?: boolean }
  | { type: "askFeedback"; topic: TopicId }
  | { type: "thankForFeedback" }
  /**
   * unread: what the user pasted that could not be read (how often, how many lines), for the summary; the
   * excerpt only in the turn of the paste itself (empty when escalating later: it is never stored).
   */
  | { type: "escalate"; reason: EscalationReason; diagnosis: Diagnosis | null; unread?: UnreadSummary }
  | { type: "askToRetry" }
  | { type: "explainHelp" }
  | { type: "confirmCancel" }
  | { type: "confirmRestart" }
  /**
   * Nothing was understood: one of several short texts (`variant`), never the same twice in a row; with a
   * diagnosis in the session (`topic`), its title and first step come first (the key fact and next step).
   */
  | { type: "answerSmallTalk"; variant: number; topic?: TopicId }
  /**
   * A typed question's answer, in the context of the diagnosis's topic (null: none). offer: the menu as
   * quick replies, or none (the feedback question follows with the diagnosis's buttons).
   */
  | {
      type: "answerQuestion";
      id: string;
      topic: TopicId | null;
      offer: "menu" | "none";
      also?: string[];
      /** Said to a message that asked nothing: the answer's opening 「はい、」 ("Yes.") is left out. */
      told?: boolean;
      again?: boolean;
    }
  /** The answer of a second question asked in the same message (「…？あと、…？」), after the first one's. */
  | { type: "answerAlso"; id: string; topic: TopicId | null }
  /**
   * 「もしかして、次のどれですか？」 with these questions as buttons, then the paste help and the menu. topic: the
   * diagnosis on screen (null: none), whose key fact and first step are said again first, so that a
   * question the assistant is unsure of still gets something to act on.
   */
  | { type: "offerCandidates"; ids: string[]; topic: TopicId | null }
  /** One short line: sorry for the trouble (frustrated) or for the wait (urgent), or reassurance (worried). */
  /** `variant`: which of the feeling's lines (ui.yaml), never the one said last for it. */
  | { type: "acknowledgeFeelings"; feeling: Feeling; variant: number }
  /** One short line for thanks or a greeting said beside a question (「どういたしまして」), before its answer. */
  | { type: "returnCourtesy"; act: CourtesyAct }
  /** The steps of the diagnosis on screen again. offer as for answerQuestion. */
  | { type: "showSteps"; topic: TopicId; offer: "menu" | "none"; again?: boolean }
  | { type: "answerUnsupported"; kind: UnsupportedKind }
  /** The screenshot could not be read: which screenshot (or text) to send instead, with the menu. */
  | { type: "askForScreenshot" }
  /** Part of a bounce was read (a screenshot, a paste): the (masked) line, and a request for the missing part. */
  | { type: "showPartlyRead"; line: string; from: "screenshot" | "paste" }
  /** Only a policy code was read: the (masked) line, what the code says, and a request for the words after it. */
  | {
      type: "askForWordsAfterCode";
      line: string;
      status: string;
      replyCode: string;
      from: "screenshot" | "paste";
      wordsAfter: boolean;
      codeClass: string;
    }
  // sent by the bot itself, outside any conversation
  | { type: "explainGroupChat" }
  | { type: "apologize" }
  | { type: "askToSlowDown" };

export type ReplyIntentType = ReplyIntent["type"];
