import type { messagingApi } from "@line/bot-sdk";
import type { Diagnosis, FailedRecipient } from "../../dialogs/events.ts";
import { type TopicGroup, topicGroups } from "../../dialogs/recipients.ts";
import { cut, fill } from "../../dialogs/text.ts";
import { codesOf, linkOf, type RenderContext, t, topicOf } from "./context.ts";

type FlexComponent = messagingApi.FlexComponent;

const text = (value: string, extra: Partial<messagingApi.FlexText> = {}): messagingApi.FlexText => ({
  type: "text",
  text: value,
  wrap: true,
  size: "sm",
  ...extra,
});

/**
 * A paste's answer: one bubble per topic among its failed recipients (issue #11), each naming its
 * recipients, as many as `room` (what is left of LINE's five messages per reply); the topics beyond are
 * summarised in a line at the end of the last bubble. A picked symptom is one bubble.
 */
export function diagnosisBubbles(
  ctx: RenderContext,
  diagnosis: Diagnosis,
  room: number,
): messagingApi.FlexMessage[] {
  const groups = topicGroups(diagnosis);
  const shown = groups.slice(0, Math.max(1, room));
  const rest = restLine(ctx, groups.slice(shown.length), diagnosis.moreRecipients);
  return shown.map((group, i) =>
    diagnosisBubble(
      ctx,
      diagnosis.source === "paste" ? group : { ...group, recipients: [] },
      i === shown.length - 1 ? rest : "",
    ),
  );
}

/** 「ほか 2 件の宛先: a***@example.com（宛先のユーザーが存在しない）、…」, or "" when nothing is left over. */
function restLine(ctx: RenderContext, rest: readonly TopicGroup[], more: number): string {
  const listed = rest.flatMap((g) =>
    g.recipients.map((r) => ({ r, title: t(ctx, topicOf(ctx, g.topic).title) })),
  );
  const count = listed.length + more;
  if (count === 0) return "";
  const [open, close, comma] = ctx.lang === "ja" ? ["（", "）", "、"] : [" (", ")", ", "];
  const names = listed.map(({ r, title }) => `${r.recipient || "-"}${open}${title}${close}`).join(comma);
  return cut(`${fill(t(ctx, ctx.ui.diagnosis.recipientsMore), { count })}${names ? `: ${names}` : ""}`, 600);
}

/**
 * One topic as a bubble: title, what it means, what to do, the verdict on resending, and what was read
 * from the bounce for each of its recipients (masked). Links of the topic become buttons in the footer.
 */
function diagnosisBubble(ctx: RenderContext, group: TopicGroup, rest: string): messagingApi.FlexMessage {
  const topic = topicOf(ctx, group.topic);
  const title = t(ctx, topic.title);
  const summary = t(ctx, topic.summary);
  const steps = topic.steps[ctx.lang];

  const body: FlexComponent[] = [
    text(t(ctx, ctx.ui.diagnosis.whatItMeans), { weight: "bold", color: "#555555" }),
    text(summary),
    { type: "separator", margin: "md" },
    text(t(ctx, ctx.ui.diagnosis.whatToDo), { weight: "bold", color: "#555555", margin: "md" }),
    ...steps.map((s, i) => text(`${i + 1}. ${s}`)),
  ];
  // A verdict on resending makes no sense for some topics ("unknown": we do not know; "not-a-bounce":
  // nothing failed); ui.yaml names them.
  if (!ctx.ui.diagnosis.noResendLineFor.includes(topic.id))
    body.push(
      { type: "separator", margin: "md" },
      text(t(ctx, ctx.ui.diagnosis.resend[topic.resend]), { weight: "bold", margin: "md" }),
    );
  const read = group.recipients.map((r) => readFromBounce(ctx, r)).filter(Boolean);
  if (read.length > 0)
    body.push(
      text(`${t(ctx, ctx.ui.diagnosis.readFromBounce)}: ${read.join("\n")}`, {
        size: "xs",
        color: "#888888",
      }),
    );
  if (rest) body.push(text(rest, { size: "xs", color: "#888888", margin: "md" }));

  const buttons: FlexComponent[] = topic.links
    .map((id) => linkOf(ctx, id))
    .filter((l) => l !== undefined)
    .slice(0, 3)
    .map((l) => ({
      type: "button",
      style: "link",
      height: "sm",
      action: { type: "uri", label: cut(l.label, 40), uri: l.url },
    }));

  const bubble: messagingApi.FlexBubble = {
    type: "bubble",
    header: {
      type: "box",
      layout: "vertical",
      backgroundColor: "#EEF4FB",
      contents: [text(title, { weight: "bold", size: "lg" })],
    },
    body: { type: "box", layout: "vertical", spacing: "sm", contents: body },
    ...(buttons.length > 0 && { footer: { type: "box", layout: "vertical", contents: buttons } }),
  };
  return { type: "flex", altText: cut(`${title}: ${summary}`, 400), contents: bubble };
}

/**
 * "550 5.1.1：宛先のアドレスが見つからない / t***@docomo.ne.jp": the facts from the paste about one
 * recipient; codes only with their meaning. The diagnosis holds only codes a server wrote and masked
 * addresses (dialogs/recipients.ts, checked again by the stored schema).
 */
function readFromBounce(ctx: RenderContext, r: FailedRecipient): string {
  return [codesOf(ctx, r.status, r.replyCode), r.recipient].filter(Boolean).join(" / ");
}
