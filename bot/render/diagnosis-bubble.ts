import type { messagingApi } from "@line/bot-sdk";
import type { Diagnosis } from "../../dialogs/events.ts";
import { cut } from "../../dialogs/text.ts";
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
 * The diagnosis as one bubble: title, what it means, what to do, the verdict on resending, and what was
 * read from the bounce (masked). Links of the topic become buttons in the footer.
 */
export function diagnosisBubble(ctx: RenderContext, diagnosis: Diagnosis): messagingApi.FlexMessage {
  const topic = topicOf(ctx, diagnosis.topic);
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
  const read = readFromBounce(ctx, diagnosis);
  if (read)
    body.push(text(`${t(ctx, ctx.ui.diagnosis.readFromBounce)}: ${read}`, { size: "xs", color: "#888888" }));

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
 * "550 5.1.1：宛先のアドレスが見つからない / t***@docomo.ne.jp": the facts from the paste, empty for a
 * picked symptom; codes only with their meaning. The diagnosis holds only codes a server wrote and the
 * classifier's masked recipient (dialogs/interpret.ts), so nothing here is masked again (that would turn
 * "t***@" into "t****@").
 */
function readFromBounce(ctx: RenderContext, d: Diagnosis): string {
  if (d.source !== "paste") return "";
  return [codesOf(ctx, d.status, d.replyCode), d.recipient].filter(Boolean).join(" / ");
}
