import type { DialogEvent } from "../events.ts";
import { retells } from "../understand/reason-texts.ts";
import { MAX_QUESTION_CHARS } from "../understand/understand.ts";
import type { InterpretContext } from "./context.ts";
import { fromText } from "./read-text.ts";
import type { SessionView } from "./types.ts";

/**
 * What a text read as nothing understood ends in: small talk, the paste help, the steps again, a choice.
 * (Not the paste help after returned mail told: read again, 「…ってかえってきた」 lost a held-out item; such a
 * text is read again only for a diagnosis, when it retells what the mail said.)
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
  if (last === undefined || text.length > MAX_QUESTION_CHARS) return events;
  // 「ようりょうおーはーってかえってきた」: what a returned mail said, retold without its voicing marks, read as
  // no diagnosis (a question, the paste help) is read again too; only a diagnosis read then is taken.
  const retold = !DIAGNOSED.has(last.type) && retells(text);
  if (!NOT_UNDERSTOOD.has(last.type) && !retold) return events;
  const revoiced = ctx.revoice(text);
  if (revoiced === undefined) return events;
  const again = await fromText(ctx, revoiced, session);
  const now = again[again.length - 1];
  if (now === undefined) return events;
  return (NOT_UNDERSTOOD.has(last.type) && !NOT_UNDERSTOOD.has(now.type)) || DIAGNOSED.has(now.type)
    ? again
    : events;
}

/** What gives a diagnosis: a returned mail read, or the symptom in the user's words. */
const DIAGNOSED: ReadonlySet<DialogEvent["type"]> = new Set(["PASTE", "SYMPTOM"]);
