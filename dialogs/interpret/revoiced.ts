import type { DialogEvent } from "../events.ts";
import { MAX_QUESTION_CHARS } from "../understand/understand.ts";
import type { InterpretContext } from "./context.ts";
import { fromText } from "./read-text.ts";
import type { SessionView } from "./types.ts";

/**
 * What a text read as nothing understood ends in: small talk, the paste help, the steps again, a choice.
 * (Not the paste help after returned mail told: read again, 「…ってかえってきた」 lost a held-out item.)
 */
const NOT_UNDERSTOOD: ReadonlySet<DialogEvent["type"]> = new Set([
  "SMALL_TALK",
  "HOW_TO_PASTE",
  "NEXT_STEPS",
  "CLARIFY",
]);

/**
 * 「ありかとう」「てんわはんこうある？」: a typed text not understood is read once more with the voicing marks
 * flick input dropped restored (understand/voicing.ts), and that reading is taken where it understands
 * more. Only then: 「はいはい、わかりました」 is understood as typed and never becomes 「ばいばい」.
 */
export async function revoicedIfNotUnderstood(
  ctx: InterpretContext,
  events: DialogEvent[],
  text: string,
  session: SessionView,
): Promise<DialogEvent[]> {
  const last = events[events.length - 1];
  if (last === undefined || !NOT_UNDERSTOOD.has(last.type) || text.length > MAX_QUESTION_CHARS) return events;
  const revoiced = ctx.revoice(text);
  if (revoiced === undefined) return events;
  const again = await fromText(ctx, revoiced, session);
  const now = again[again.length - 1];
  return now !== undefined && !NOT_UNDERSTOOD.has(now.type) ? again : events;
}
