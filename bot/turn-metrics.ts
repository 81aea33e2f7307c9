import type { Observer } from "../dialogs/conversation.ts";
import type { EscalationReason as DialogEscalation, ReplyIntent } from "../dialogs/intents.ts";
import { inAdvice } from "../dialogs/machine.ts";
import type { EscalationReason, Metrics } from "./metrics.ts";

/**
 * What a conversation turn tells the operators: diagnoses by topic, "was this helpful?" answers per topic,
 * escalations by reason. Read from the machine's events and reply intents, so the dialogs stay free of
 * metrics and nothing the user wrote is looked at.
 */

const ESCALATION: Record<DialogEscalation, EscalationReason> = {
  asked: "asked",
  "not-helpful": "feedback-no",
  unreadable: "unclassified",
};

/**
 * Feedback counts where the machine takes it: with advice on screen, for the topic being discussed; or a
 * tap that names its topic (under an answer whose session expired). A typed 「はい」 elsewhere is chat.
 */
export function feedbackObserver(metrics: Pick<Metrics, "feedback">): Observer {
  return (before, event) => {
    if (event.type !== "FEEDBACK") return;
    const topic = inAdvice(before.state) ? before.context.diagnosis?.topic : event.topic;
    if (topic) metrics.feedback(topic, event.helpful);
  };
}

export function countIntents(
  metrics: Pick<Metrics, "classified" | "escalated">,
  intents: readonly ReplyIntent[],
): void {
  for (const intent of intents) {
    if (intent.type === "showDiagnosis") metrics.classified(intent.diagnosis.topic);
    else if (intent.type === "escalate") metrics.escalated(ESCALATION[intent.reason]);
  }
}
