import type { DialogEvent } from "../events.ts";
import { mentionsAny } from "../text.ts";
import type { CarrierContext } from "./context.ts";
import type { SessionView } from "./types.ts";
import type { TypedWords } from "./words.ts";

/** Answers that ask nothing more specific than "what now": a carrier named in the text says what. */
const VAGUE_EVENTS = new Set<DialogEvent["type"]>([
  "NEXT_STEPS",
  "SMALL_TALK",
  "CLARIFY",
  "BOUNCE_MENTIONED",
]);

/**
 * A carrier named in a typed text (「相手はソフトバンクです」「auの人に送れない」, 「ドコモの人にだけ届かな
 * い」 with nothing on screen) goes straight to that carrier's steps, as a carrier read off the bounce
 * does: the follow-up that would ask for it gets it, and so does a text that asks nothing more specific
 * (the next steps, not understood, the paste help) where the diagnosis on screen (or, with none, the
 * answer about mobile addresses) asks for a carrier. With the picker on screen it is the carrier picked.
 */
export function withCarrier(
  ctx: CarrierContext,
  events: DialogEvent[],
  text: string,
  session: SessionView,
): DialogEvent[] {
  const last = events[events.length - 1];
  // The user's own settings asked about (「auの人に送ったんだけど、私の設定が悪いの？」): the recipient's
  // carrier's steps do not answer that.
  if (!last || asksOwnSetting(text, ctx.words)) return events;
  const vague =
    VAGUE_EVENTS.has(last.type) ||
    ((last.type === "ANSWER" || last.type === "FOLLOW_UP") && asksCarrierSetting(text, ctx.words));
  if (!(last.type === "FOLLOW_UP" && last.carriers) && !vague) return events;
  const carrier = ctx.carrierIn(text);
  if (!carrier) return events;
  let named: DialogEvent | undefined;
  // A follow-up of another kind (「相手に何を聞く？」) asked with the setting named gives way to the one that
  // asks for the carrier.
  if (last.type === "FOLLOW_UP" && last.carriers) named = { ...last, carrier };
  else if (session.pickingCarrier) named = { type: "CARRIER", id: carrier };
  else {
    const f = ctx.carrierFollowUps.get(session.topic);
    if (f) named = { type: "FOLLOW_UP", topic: f.topic, id: f.id, carriers: true, carrier };
  }
  return named ? [...events.slice(0, -1), named] : events;
}

/**
 * 「ドコモの設定ってどうやるの？」「auの人にどこを許可してもらえばいい？」 "how does a SoftBank user allow
 * me": the recipient's reception settings asked about with a carrier named. Whatever the question index
 * read in it (the settings of "my side or theirs", "tell the recipient"), that carrier's steps answer it.
 * withCarrier asks asksOwnSetting first: a text that asks about the user's own settings never gets here.
 */
function asksCarrierSetting(text: string, words: TypedWords): boolean {
  return mentionsAny(text, words.carrierSetting);
}

/** Not the recipient's settings but the user's own (「私の設定」). Plain scans, no pattern. */
function asksOwnSetting(text: string, words: TypedWords): boolean {
  return mentionsAny(text, words.ownSetting);
}
