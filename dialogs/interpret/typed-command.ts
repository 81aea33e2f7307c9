import { nfkc } from "../../knowledge/fold.ts";
import { fromPostback, KEYWORD_EVENTS } from "../commands.ts";
import type { DialogEvent } from "../events.ts";
import { TRAILING_PUNCTUATION, trimEndOf } from "../text.ts";
import type { InterpretContext } from "./context.ts";
import { isAcknowledgingYes } from "./scans.ts";
import type { SessionView } from "./types.ts";
import { COMMAND_REQUESTS, REQUESTABLE_COMMANDS } from "./words.ts";

/**
 * A command or the label of a button typed back (normalised: text.ts normalizeCommand), exact match only:
 * a keyword, a symptom, a carrier while the picker is on screen, a follow-up of the diagnosis on screen.
 */
export function matchTyped(
  ctx: Pick<InterpretContext, "keywordOf" | "labelIndex" | "knowledge">,
  command: string,
  session: SessionView,
): DialogEvent | undefined {
  const keyword = ctx.keywordOf.get(command) ?? requestedCommand(ctx, command);
  // 「はい」 typed right after the diagnosis acknowledges it (read as the words it is): the advice
  // has not been tried yet. The button's other words (「役に立った」) still rate it.
  if (keyword === "yes" && session.justDiagnosed && isAcknowledgingYes(command)) return undefined;
  if (keyword === "yes" || keyword === "no") return { type: "FEEDBACK", helpful: keyword === "yes" };
  if (keyword) return KEYWORD_EVENTS[keyword];
  const symptom = ctx.labelIndex.symptoms.get(command);
  if (symptom) return { type: "SYMPTOM", topic: symptom };
  if (session.pickingCarrier) {
    const carrier = ctx.labelIndex.carriers.get(command);
    if (carrier) return { type: "CARRIER", id: carrier };
  }
  if (session.topic) {
    const followUp = ctx.labelIndex.followUps.get(session.topic)?.get(command);
    if (followUp) return fromPostback({ a: "followup", topic: session.topic, id: followUp }, ctx.knowledge);
  }
  return undefined;
}

/** 「やり直しでお願いします」「最初からにして」 "restart please": a command asked for politely (COMMAND_REQUESTS). */
function requestedCommand(ctx: Pick<InterpretContext, "keywordOf">, command: string) {
  const request = COMMAND_REQUESTS.find((r) => command.endsWith(r) && command.length > r.length);
  if (request === undefined) return undefined;
  const keyword = ctx.keywordOf.get(trimEndOf(command.slice(0, -request.length), TRAILING_PUNCTUATION));
  return keyword !== undefined && REQUESTABLE_COMMANDS.has(keyword) ? keyword : undefined;
}

/**
 * "HELP", "help!!", 「ヘルプ！」: a keyword cried out, with an exclamation mark or in capitals (two letters or
 * more, none small), not typed plainly ("help", 「ヘルプ」). Plain string work: the text is a short command.
 */
export function criedOut(text: string): boolean {
  const t = nfkc(text).trim();
  if (t.includes("!")) return true;
  const letters = [...t].filter((c) => c.toLowerCase() !== c.toUpperCase());
  return letters.length >= 2 && letters.every((c) => c === c.toUpperCase());
}
