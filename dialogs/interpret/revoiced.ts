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
 * more; so is one whose likeliest question was answered with others close under it, where the reading
 * finds one question alone. Only then: 「はいはい、わかりました」 is understood as typed and never becomes 「ばいばい」.
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
  // 「にちようひもへんしんくれる？」: the likeliest of a few close questions answered, the others under it, is
  // understood only half; read again, it may be one question clearly (日曜日 → the chat's hours).
  const torn = last.type === "ANSWER" && (last.also?.length ?? 0) > 0;
  if (!NOT_UNDERSTOOD.has(last.type) && !retold && !torn) return events;
  const revoiced = ctx.revoice(text);
  if (revoiced === undefined) return events;
  const again = await fromText(ctx, revoiced, session);
  const now = again[again.length - 1];
  if (now === undefined) return events;
  const alone = torn && now.type === "ANSWER" && (now.also?.length ?? 0) === 0;
  return (NOT_UNDERSTOOD.has(last.type) && !NOT_UNDERSTOOD.has(now.type)) || DIAGNOSED.has(now.type) || alone
    ? again
    : events;
}

/** What gives a diagnosis: a returned mail read, or the symptom in the user's words. */
const DIAGNOSED: ReadonlySet<DialogEvent["type"]> = new Set(["PASTE", "SYMPTOM"]);
