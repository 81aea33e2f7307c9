import type { messagingApi } from "@line/bot-sdk";
import { encodePostback, type Postback } from "../../dialogs/postback.ts";
import type { TopicId } from "../../knowledge/types.ts";
import { type RenderContext, t, topicOf } from "./context.ts";

/**
 * Quick replies are postbacks that show the label as the user's message (displayText): the data says
 * exactly what was tapped, in any language, and the chat still reads naturally.
 */
export function postbackItem(label: string, postback: Postback): messagingApi.QuickReplyItem {
  return {
    type: "action",
    action: { type: "postback", label, data: encodePostback(postback), displayText: label },
  };
}

/**
 * A set of quick replies that depends on the language and `name` only: made once per renderer and
 * language (RenderContext `items`), frozen, and shared by every answer that offers it.
 */
function fixedItems(
  ctx: RenderContext,
  name: string,
  make: () => messagingApi.QuickReplyItem[],
): messagingApi.QuickReplyItem[] {
  const made = ctx.items?.[ctx.lang];
  let items = made?.get(name);
  if (!items) {
    items = Object.freeze(make().map(deepFreeze));
    made?.set(name, items);
  }
  return items as messagingApi.QuickReplyItem[];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function symptomItems(ctx: RenderContext, topics: readonly TopicId[]): messagingApi.QuickReplyItem[] {
  return topics.map((id) => postbackItem(t(ctx, topicOf(ctx, id).menuLabel), { a: "symptom", topic: id }));
}

/** The main menu: the common symptoms, "not sure / other" (the second menu), then "ask a person". */
export function menuItems(ctx: RenderContext): messagingApi.QuickReplyItem[] {
  return fixedItems(ctx, "menu", () => [
    ...symptomItems(ctx, ctx.ui.menu.topics),
    postbackItem(t(ctx, ctx.ui.menu.moreLabel), { a: "cmd", cmd: "more" }),
    postbackItem(t(ctx, ctx.ui.menu.humanLabel), { a: "cmd", cmd: "human" }),
  ]);
}

/** 「貼り付け方」 and the main menu (after a message that was not understood). */
export function pasteAndMenuItems(ctx: RenderContext): messagingApi.QuickReplyItem[] {
  return fixedItems(ctx, "paste+menu", () => [pasteItem(ctx), ...menuItems(ctx)]);
}

/** The second menu: the other symptoms, how to paste, "ask a person", back to the menu. */
export function moreItems(ctx: RenderContext): messagingApi.QuickReplyItem[] {
  return fixedItems(ctx, "more", () => [
    ...symptomItems(ctx, ctx.ui.moreMenu.topics),
    postbackItem(t(ctx, ctx.ui.moreMenu.pasteLabel), { a: "cmd", cmd: "paste" }),
    postbackItem(t(ctx, ctx.ui.menu.humanLabel), { a: "cmd", cmd: "human" }),
    postbackItem(t(ctx, ctx.ui.menu.menuLabel), { a: "cmd", cmd: "menu" }),
  ]);
}

/** After advice: the topic's follow-up questions, then はい / いいえ, then the menu. */
export function feedbackItems(ctx: RenderContext, topic: TopicId): messagingApi.QuickReplyItem[] {
  return fixedItems(ctx, `feedback:${topic}`, () => {
    const followUps = topicOf(ctx, topic).followUps.slice(0, 4);
    return [
      ...followUps.map((f) => postbackItem(t(ctx, f.label), { a: "followup", topic, id: f.id })),
      postbackItem(t(ctx, ctx.ui.feedback.yesLabel), { a: "feedback", helpful: true, topic }),
      postbackItem(t(ctx, ctx.ui.feedback.noLabel), { a: "feedback", helpful: false, topic }),
      postbackItem(t(ctx, ctx.ui.menu.menuLabel), { a: "cmd", cmd: "menu" }),
    ];
  });
}

/** 「貼り付け方」: which lines of the returned mail to copy, and how on a phone. */
export function pasteItem(ctx: RenderContext): messagingApi.QuickReplyItem {
  return postbackItem(t(ctx, ctx.ui.moreMenu.pasteLabel), { a: "cmd", cmd: "paste" });
}

/** 「もしかして…」: the candidate questions (their labels), then the paste help and the menu. */
export function candidateItems(ctx: RenderContext, ids: readonly string[]): messagingApi.QuickReplyItem[] {
  const questions = ids.flatMap((id) => {
    const q = ctx.questions.questions.get(id);
    return q ? [postbackItem(t(ctx, q.label), { a: "ask", id })] : [];
  });
  return [
    ...questions,
    pasteItem(ctx),
    postbackItem(t(ctx, ctx.ui.menu.menuLabel), { a: "cmd", cmd: "menu" }),
  ];
}

export function carrierItems(ctx: RenderContext): messagingApi.QuickReplyItem[] {
  return fixedItems(ctx, "carriers", () => [
    ...ctx.knowledge.carriers
      .slice(0, 12)
      .map((c) => postbackItem(t(ctx, c.name), { a: "carrier", id: c.id })),
    postbackItem(t(ctx, ctx.ui.menu.menuLabel), { a: "cmd", cmd: "menu" }),
  ]);
}
