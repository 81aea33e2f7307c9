import type { messagingApi } from "@line/bot-sdk";
import type { Diagnosis } from "../../dialogs/events.ts";
import type { EscalationReason, ReplyIntent, UnreadSummary } from "../../dialogs/intents.ts";
import type { Knowledge, Lang } from "../../dialogs/knowledge-contract.ts";
import { recipientsOf, topicGroups } from "../../dialogs/recipients.ts";
import { cut, fill } from "../../dialogs/text.ts";
import type { UiTexts } from "../../dialogs/ui.ts";
import { maskPii } from "../../knowledge/pii.ts";
import { answerFor, type QuestionBank } from "../../knowledge/questions.ts";
import type { TopicId } from "../../knowledge/types.ts";
import { checkRenderData, codeClassOf, codesOf, linkOf, type RenderContext, t, topicOf } from "./context.ts";
import { diagnosisBubbles } from "./diagnosis-bubble.ts";
import {
  candidateItems,
  carrierItems,
  feedbackItems,
  menuItems,
  moreItems,
  pasteAndMenuItems,
} from "./quick-replies.ts";

/** One rendered intent: a message, and the quick replies it offers if it is the last to speak. */
interface Part {
  message: messagingApi.Message;
  quickReplies?: messagingApi.QuickReplyItem[];
}

export const MAX_MESSAGES = 5; // per reply request (LINE)
const MAX_TEXT = 5000; // UTF-16 units per text message (LINE)

export interface RendererOptions {
  knowledge: Knowledge;
  ui: UiTexts;
  /** The typed questions and their answers (knowledge/data/questions/). */
  questions: QuestionBank;
  /** QA_COMMUNITY_URL: replaces the url of the "qa-community" link. */
  qaCommunityUrl?: string | undefined;
}

export type Renderer = (intents: readonly ReplyIntent[], lang: Lang) => messagingApi.Message[];

/** Turns reply intents into at most five LINE messages; the quick replies go on the last one. */
export function createRenderer(options: RendererOptions): Renderer {
  checkRenderData(options.knowledge, options.ui);
  const linkUrls = new Map<string, string>();
  if (options.qaCommunityUrl) linkUrls.set("qa-community", options.qaCommunityUrl);
  const items = { ja: new Map(), en: new Map() };

  return (intents, lang) => {
    const ctx: RenderContext = {
      knowledge: options.knowledge,
      ui: options.ui,
      questions: options.questions,
      lang,
      linkUrls,
      items,
      sharedApology: sharesApology(intents),
    };
    // A paste's bubbles (one per topic) share what the other intents leave of the five messages.
    const rendered = intents.map((intent) =>
      intent.type === "showDiagnosis" ? undefined : renderIntent(ctx, intent),
    );
    const room = MAX_MESSAGES - rendered.reduce((n, parts) => n + (parts?.length ?? 0), 0);
    return pack(intents.flatMap((intent, i) => rendered[i] ?? renderIntent(ctx, intent, room)));
  };
}

/**
 * An upset "that didn't help" (「全然役に立たないじゃん」 "this is useless"): the acknowledgement of the feeling is
 * the apology for the answer (ui.yaml `feelings.notHelpful`), and the hand-over after it says none of its own
 * (`escalation.afterApology`): one apology, not two in a row.
 */
function sharesApology(intents: readonly ReplyIntent[]): boolean {
  return (
    intents.some((i) => i.type === "acknowledgeFeelings") &&
    intents.some((i) => i.type === "escalate" && i.reason === "not-helpful")
  );
}

const say = (text: string, quickReplies?: messagingApi.QuickReplyItem[]): Part => ({
  message: { type: "text", text: cut(text, MAX_TEXT) },
  ...(quickReplies && { quickReplies }),
});

function renderIntent(ctx: RenderContext, intent: ReplyIntent, room = MAX_MESSAGES): Part[] {
  const { ui } = ctx;
  switch (intent.type) {
    case "greet":
      return [say(t(ctx, ui.greeting))];
    case "showPrivacyNotice":
      return [say(t(ctx, ui.privacyNotice), menuItems(ctx))];
    case "warnPersonalData":
      return [say(t(ctx, ui.personalDataNotKept))];
    case "noticeSessionExpired":
      return [say(t(ctx, ui.sessionExpired))];
    case "showMenu":
      return [say(t(ctx, ui.menu.prompt), menuItems(ctx))];
    case "showMoreTopics":
      return [say(t(ctx, ui.moreMenu.prompt), moreItems(ctx))];
    case "explainPasting":
      return [say(pastingText(ctx, intent.about), menuItems(ctx))];
    case "showDiagnosis":
      return diagnosisBubbles(ctx, intent.diagnosis, room).map((message) => ({ message }));
    case "askFeedback":
      return [say(t(ctx, ui.feedback.question), feedbackItems(ctx, intent.topic))];
    case "answerFollowUp":
      return [
        say(sayingAgain(ctx, followUpText(ctx, intent.topic, intent.id, intent.told === true), intent.again)),
      ];
    case "answerAlso": {
      // A follow-up button's answer, or the answer in words (without a second reminder of the diagnosis).
      const question = ctx.questions.questions.get(intent.id);
      const answer = question && answerFor(question, intent.topic);
      if (answer && "followUp" in answer)
        return [say(followUpText(ctx, answer.followUp.topic, answer.followUp.id))];
      return [say(questionText(ctx, intent.id, intent.topic, false, false))];
    }
    case "offerCarriers":
      return [say(t(ctx, ui.carrier.prompt), carrierItems(ctx))];
    case "showCarrierSteps":
      return [say(carrierText(ctx, intent.carrier, intent.detected, intent.named === true))];
    case "thankForFeedback":
      return [say(t(ctx, ui.feedback.thanks), menuItems(ctx))];
    case "escalate":
      return escalation(ctx, intent.reason, intent.diagnosis, intent.unread);
    case "askToRetry":
      return [say(t(ctx, ui.retry), menuItems(ctx))];
    case "explainHelp":
      return [say(t(ctx, ui.help), menuItems(ctx))];
    case "confirmCancel":
      return [say(t(ctx, ui.cancelled))];
    case "confirmRestart":
      return [say(t(ctx, ui.restarted))];
    case "answerSmallTalk": {
      const variants = ui.smallTalk;
      const answer = t(ctx, variants[intent.variant % variants.length]!);
      // With a diagnosis on screen, what was not understood is most likely about it: its key fact and
      // first step come first, so the reply still says what to do.
      const text = intent.topic ? `${diagnosisReminder(ctx, intent.topic)}\n\n${answer}` : answer;
      return [say(text, pasteAndMenuItems(ctx))];
    }
    case "answerQuestion":
      return [
        say(
          sayingAgain(ctx, questionText(ctx, intent.id, intent.topic, intent.told === true), intent.again),
          // The other questions that came close, as 「もしかして…」 offers them, when this was the likeliest.
          intent.offer !== "menu"
            ? undefined
            : intent.also?.length
              ? candidateItems(ctx, intent.also)
              : menuItems(ctx),
        ),
      ];
    case "offerCandidates": {
      if (!intent.topic) return [say(t(ctx, ui.clarify), candidateItems(ctx, intent.ids))];
      const reminder = diagnosisReminder(ctx, intent.topic);
      return [say(`${reminder}\n\n${t(ctx, ui.clarify)}`, candidateItems(ctx, intent.ids))];
    }
    case "acknowledgeFeelings": {
      const lines = ctx.sharedApology ? ui.feelings.notHelpful : ui.feelings[intent.feeling];
      return [say(t(ctx, lines[intent.variant % lines.length]!))];
    }
    case "returnCourtesy":
      return [say(t(ctx, ui.courtesy[intent.act]))];
    case "showSteps":
      return [
        say(
          sayingAgain(
            ctx,
            `${t(ctx, ui.nextSteps)}\n${numbered(topicOf(ctx, intent.topic).steps[ctx.lang])}`,
            intent.again,
          ),
          intent.offer === "menu" ? menuItems(ctx) : undefined,
        ),
      ];
    case "answerUnsupported":
      return [say(t(ctx, ui.unsupported[intent.kind]), menuItems(ctx))];
    case "askForScreenshot":
      return [say(t(ctx, ui.screenshot.unreadable), menuItems(ctx))];
    case "showPartlyRead":
      return [say(fill(t(ctx, ui.partlyRead[intent.from]), { line: intent.line }), menuItems(ctx))];
    case "askForWordsAfterCode":
      return [say(policyCodeOnly(ctx, intent), menuItems(ctx))];
    case "explainGroupChat":
      return [say(t(ctx, ui.groupChat))];
    case "apologize":
      return [say(t(ctx, ui.tryAgain))];
    case "askToSlowDown":
      return [say(t(ctx, ui.slowDown))];
  }
}

/** An answer without its opening 「はい、」 or "Yes." (the rest starts with a capital in English). */
/** An answer without its opening yes or no (「はい、」「いいえ、」, "Yes, …", "No. …"): what follows stands alone. */
function withoutOpener(text: string): string {
  for (const opener of ["はい、", "いいえ、"]) if (text.startsWith(opener)) return text.slice(opener.length);
  const en = /^(?:Yes|No)[.,] (\w)/.exec(text);
  return en ? en[1]!.toUpperCase() + text.slice(en[0].length) : text;
}

/** The diagnosis on screen in two lines: its title and its first step (ui.yaml `clarifyOnDiagnosis`). */
function diagnosisReminder(ctx: RenderContext, id: TopicId): string {
  const topic = topicOf(ctx, id);
  return fill(t(ctx, ctx.ui.clarifyOnDiagnosis), {
    title: topic.title[ctx.lang],
    step: topic.steps[ctx.lang][0] ?? "",
  });
}

/** Which lines to paste: after an acknowledgement when the user mentioned a bounce, with phone tips when asked. */
function pastingText(ctx: RenderContext, about: "returned" | "not-sent" | "asked"): string {
  const p = ctx.ui.pasting;
  const tips = about === "asked" ? [t(ctx, p.phoneTips)] : [];
  return [t(ctx, p[about]), t(ctx, p.what), ...tips, t(ctx, p.orPick)].join("\n\n");
}

/**
 * Only a policy code was read (「550 5.7.1」): the line read, what the code says in a line, and what to
 * send: the words after the code, which say which rule refused the mail, or when they were there and say
 * no more ("550 5.7.1 Access denied"), the rest of the mail.
 */
function policyCodeOnly(
  ctx: RenderContext,
  read: Extract<ReplyIntent, { type: "askForWordsAfterCode" }>,
): string {
  const { policyCode } = ctx.ui;
  const codes =
    codesOf(ctx, read.status, read.replyCode) || [read.replyCode, read.status].filter(Boolean).join(" ");
  // A code that names only a class of cause (5.1.0, a bare 550): what the class means and its next step.
  const ofClass = codeClassOf(ctx, read.codeClass, read.status, read.replyCode);
  const askMore = ofClass ? policyCode.askMoreClass : policyCode.askMore;
  return [
    read.line ? fill(t(ctx, policyCode.read[read.from]), { line: read.line }) : "",
    ofClass ?? fill(t(ctx, policyCode.meaning), { codes }),
    t(ctx, (read.wordsAfter ? askMore : policyCode.ask)[read.from]),
  ]
    .filter(Boolean)
    .join("\n");
}

function numbered(steps: readonly string[]): string {
  return steps.map((s, i) => `${i + 1}. ${s}`).join("\n");
}

function followUpText(ctx: RenderContext, topicId: Diagnosis["topic"], id: string, told = false): string {
  const followUp = topicOf(ctx, topicId).followUps.find((f) => f.id === id);
  if (!followUp) return t(ctx, ctx.ui.menu.prompt);
  const links = (followUp.links ?? []).map((l) => linkOf(ctx, l)).filter((l) => l !== undefined);
  return [
    told ? withoutOpener(t(ctx, followUp.answer)) : t(ctx, followUp.answer),
    followUp.steps ? numbered(followUp.steps[ctx.lang]) : "",
    links.map((l) => `${l.label}: ${l.url}`).join("\n"),
  ]
    .filter(Boolean)
    .join("\n\n");
}

/** An answer said again right after itself ends saying so, and how to reach people (ui.yaml answeredAgain). */
function sayingAgain(ctx: RenderContext, text: string, again: boolean | undefined): string {
  if (!again) return text;
  return `${text}\n\n${fill(t(ctx, ctx.ui.answeredAgain), { person: t(ctx, ctx.ui.menu.humanLabel) })}`;
}

/** A typed question's answer for the diagnosis on screen, with its links. */
/** `remind`: false for a second answer (answerAlso: the reminder of the diagnosis, if any, came once). */
function questionText(
  ctx: RenderContext,
  id: string,
  topic: TopicId | null,
  told = false,
  remind = true,
): string {
  const question = ctx.questions.questions.get(id);
  const answer = question && answerFor(question, topic);
  // Follow-up answers are turned into FOLLOW_UP events by the interpreter; a text is all that comes here.
  if (!question || !answer || "followUp" in answer) return t(ctx, ctx.ui.menu.prompt);
  const links = question.links.map((l) => linkOf(ctx, l)).filter((l) => l !== undefined);
  // A general answer given with a diagnosis on screen (the question has no answer of its own for it:
  // 「このお知らせは無視していい？」 after "still trying" read as "is this mail safe?") says nothing of that
  // diagnosis: its key fact and first step follow, so the reply still says what to do about it.
  const reminder =
    remind && topic && question.topics[topic] === undefined && !question.courtesy
      ? diagnosisReminder(ctx, topic)
      : "";
  // An answer that opens with yes or no answers a yes-no question: said after a statement (「それはもうやり
  // ました」), a what or how, or a question asked in the negative, it starts with what follows.
  const text = told ? withoutOpener(t(ctx, answer)) : t(ctx, answer);
  return [text, links.map((l) => `${l.label}: ${l.url}`).join("\n"), reminder].filter(Boolean).join("\n\n");
}

function carrierText(ctx: RenderContext, carrierId: string, detected: boolean, named: boolean): string {
  const carrier = ctx.knowledge.carriers.find((c) => c.id === carrierId);
  if (!carrier) return t(ctx, ctx.ui.carrier.prompt);
  const name = { carrier: t(ctx, carrier.name) };
  return [
    detected ? fill(t(ctx, ctx.ui.carrier.detected), name) : "",
    named ? fill(t(ctx, ctx.ui.carrier.named), name) : "",
    fill(t(ctx, ctx.ui.carrier.stepsHeading), name),
    numbered(carrier.allowSteps[ctx.lang]),
  ]
    .filter(Boolean)
    .join("\n");
}

/** Two messages: why and where to ask (with the link), then a summary on its own so it is easy to copy. */
function escalation(
  ctx: RenderContext,
  reason: EscalationReason,
  diagnosis: Diagnosis | null,
  unread: UnreadSummary | undefined,
): Part[] {
  const e = ctx.ui.escalation;
  const url = linkOf(ctx, "qa-community")?.url ?? "";
  const first = reason === "not-helpful" && ctx.sharedApology ? e.afterApology : e[reason];
  const intro = [t(ctx, first), fill(t(ctx, e.link), { url }), t(ctx, e.summaryIntro)].join("\n\n");
  return [say(intro), say(escalationSummary(ctx, reason, diagnosis, unread), menuItems(ctx))];
}

/** A short summary the user can post publicly: only the masked diagnosis, never what they typed. */
export function escalationSummary(
  ctx: RenderContext,
  reason: EscalationReason,
  diagnosis: Diagnosis | null,
  unread?: UnreadSummary,
): string {
  const s = ctx.ui.escalation.summary;
  const lines = [t(ctx, s.heading)];
  if (diagnosis) {
    const title = (id: Diagnosis["topic"]) => t(ctx, topicOf(ctx, id).title);
    lines.push(
      `${t(ctx, s.topic)}: ${topicGroups(diagnosis)
        .map((g) => title(g.topic))
        .join(" / ")}`,
    );
    const recipients = recipientsOf(diagnosis);
    if (recipients.length <= 1) {
      const code = codesOf(ctx, diagnosis.status, diagnosis.replyCode);
      if (code) lines.push(`${t(ctx, s.status)}: ${code}`);
      if (diagnosis.recipient) lines.push(`${t(ctx, s.recipient)}: ${diagnosis.recipient}`);
    } else {
      // Several recipients: each on its line with its own topic and codes.
      for (const r of recipients) {
        const facts = [r.recipient || "-", title(r.topic), codesOf(ctx, r.status, r.replyCode)];
        lines.push(`${t(ctx, s.recipient)}: ${facts.filter(Boolean).join(" / ")}`);
      }
    }
    if (diagnosis.moreRecipients > 0)
      lines.push(fill(t(ctx, ctx.ui.diagnosis.recipientsMore), { count: diagnosis.moreRecipients }));
    if (diagnosis.detail) lines.push(`${t(ctx, s.detail)}: ${diagnosis.detail}`);
  }
  if (unread) lines.push(...unreadLines(ctx, unread));
  else if (reason === "unreadable") lines.push(t(ctx, s.unread));
  else if (!diagnosis) lines.push(t(ctx, s.none));
  // The diagnosis is masked already; this second pass is for text meant to be posted in public. Masked
  // values pass through it unchanged ("t***@x.jp" stays as it is).
  return maskPii(lines.join("\n"));
}

/**
 * A paste nothing could be read from, so that someone in the community can still help: what the user did
 * (pasted N lines with no error line), the paste's first lines when this turn has them (headers removed,
 * masked: dialogs/paste-excerpt.ts), and what the assistant already suggested.
 */
function unreadLines(ctx: RenderContext, unread: UnreadSummary): string[] {
  const s = ctx.ui.escalation.summary;
  const excerpt =
    unread.excerpt.length > 0 ? [t(ctx, s.firstLines), ...unread.excerpt.map((l) => `> ${l}`)] : [];
  return [
    t(ctx, s.unread),
    fill(t(ctx, s.pasted), { lines: unread.lines, pastes: unread.pastes }),
    ...excerpt,
    t(ctx, s.suggested),
  ];
}

/**
 * At most five messages per reply: merge neighbouring plain texts when there are more (never expected
 * with today's flows, but a reply LINE rejects is a reply the user never sees). Quick replies: LINE
 * shows only the last message's, so the last offered set goes there.
 */
function pack(parts: Part[]): messagingApi.Message[] {
  const quickReplies = parts.findLast((p) => p.quickReplies)?.quickReplies;
  const messages = parts.map((p) => p.message);
  for (let i = messages.length - 2; messages.length > MAX_MESSAGES && i >= 0; i--) {
    const a = messages[i]!;
    const b = messages[i + 1]!;
    if (a.type === "text" && b.type === "text") {
      const merged = `${(a as messagingApi.TextMessage).text}\n\n${(b as messagingApi.TextMessage).text}`;
      if (merged.length <= MAX_TEXT) messages.splice(i, 2, { type: "text", text: merged });
    }
  }
  const out = messages.slice(-MAX_MESSAGES);
  if (quickReplies && out.length > 0)
    out[out.length - 1] = { ...out.at(-1)!, quickReply: { items: quickReplies } };
  return out;
}
