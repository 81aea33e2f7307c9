import type { messagingApi } from "@line/bot-sdk";
import type { Knowledge, Lang, Localized, Topic } from "../../dialogs/knowledge-contract.ts";
import type { UiTexts } from "../../dialogs/ui.ts";
import { classAnswer, describeCodes } from "../../knowledge/codes.ts";
import { checkResendLines } from "../../knowledge/knowledge.ts";
import type { QuestionBank } from "../../knowledge/questions.ts";
import type { TopicId } from "../../knowledge/types.ts";

/** Everything a renderer needs to put words on an intent. */
export interface RenderContext {
  knowledge: Knowledge;
  ui: UiTexts;
  questions: QuestionBank;
  lang: Lang;
  /** Overrides of link urls by id (QA_COMMUNITY_URL replaces "qa-community"). */
  linkUrls: ReadonlyMap<string, string>;
  /**
   * Sets of quick replies already made, per language and name (quick-replies.ts `fixedItems`): the same
   * for every answer of a renderer, so made once instead of for every reply (frozen: shared by all).
   */
  items?: Record<Lang, Map<string, readonly messagingApi.QuickReplyItem[]>>;
  /**
   * This reply acknowledges a feeling and hands over because the answer did not help (「全然役に立たないじゃん」):
   * the two share one apology (render.ts `sharesApology`).
   */
  sharedApology?: boolean;
}

export function t(ctx: RenderContext, text: Localized): string {
  return text[ctx.lang];
}

/** The topic's texts; a topic the data lacks falls back to "unknown" (checked at start-up to exist). */
export function topicOf(ctx: RenderContext, id: TopicId): Topic {
  return ctx.knowledge.topics.get(id) ?? ctx.knowledge.topics.get("unknown")!;
}

/** 「552 5.2.3：メールが大きすぎる」: the codes with what they mean, or "" (then they are not shown). */
export function codesOf(ctx: RenderContext, status: string, replyCode: string): string {
  return describeCodes(ctx.knowledge.codes, status, replyCode, ctx.lang);
}

/** What a code that names only a class of cause means, and the class's next step (codes.yaml `classes`). */
export function codeClassOf(ctx: RenderContext, codeClass: string, status: string, replyCode: string) {
  return classAnswer(ctx.knowledge.codes, codeClass, status, replyCode, ctx.lang);
}

export function linkOf(ctx: RenderContext, id: string): { label: string; url: string } | undefined {
  const link = ctx.knowledge.links.get(id);
  if (!link) return undefined;
  return { label: t(ctx, link.label), url: ctx.linkUrls.get(id) ?? link.url };
}

/** Fails at start-up, not in a user's chat, when ui.yaml and the knowledge data do not fit together. */
export function checkRenderData(knowledge: Knowledge, ui: UiTexts): void {
  const missing = [...ui.menu.topics, ...ui.moreMenu.topics, "unknown" as const].filter(
    (id) => !knowledge.topics.has(id),
  );
  if (missing.length > 0)
    throw new Error(
      `ui.yaml menu.topics / moreMenu.topics name topics the knowledge data lacks: ${missing.join(", ")}`,
    );
  if (!knowledge.links.has("qa-community")) throw new Error('links.yaml lacks the "qa-community" link');
  // Each answer shows its topic's texts with a resend line from ui.yaml: together they must not contradict.
  checkResendLines(knowledge, ui.diagnosis.resend, ui.diagnosis.noResendLineFor);
}
