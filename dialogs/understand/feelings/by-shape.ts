import { nfkc } from "../../../knowledge/fold.ts";
import type { Feeling } from "../../events.ts";
import type { UiTexts } from "../../ui.ts";
import { clausesOf } from "../asking.ts";
import {
  againAsked,
  angryAsWritten,
  asksEitherOr,
  demandsTheLeast,
  endsDemanding,
  endsReproaching,
  givesUpOnUs,
  opensCallingOut,
  opensWithScorn,
  ordersBluntly,
  raisesVoice,
} from "./anger.ts";
import { emojiFeeling, hasUpsetFace } from "./faces.ts";
import { minutesLeft, pressedAtWork, wantsItNow, workStopped } from "./hurry.ts";
import { MAX_SHAPE_CHARS } from "./letters.ts";
import { hasNoOneToAsk } from "./lonely.ts";
import { blamesSelf, toldOld } from "./shame.ts";
import {
  closesWithMou,
  closesWithSigh,
  countsTheWait,
  endsExasperated,
  intensifiedFailure,
  trailsOff,
} from "./worn-down.ts";
import {
  bodyReacts,
  conditionTrailsOff,
  consequenceTrailsOff,
  dismayed,
  intenseState,
  opensAlarmed,
  reassuredTwice,
  regretsAndAsksIfOk,
} from "./worry.ts";

/**
 * Feelings told by the shape of a message rather than by a word of ui.yaml `feelings.words`: a crying or
 * angry face drawn in characters (kaomoji), an exasperated 「もう」 closing a clause, an intensifier before a
 * failure (「全然届かない」「何度やってもダメ」「ちっとも送れない」), a sentence that ends in reproach. Each is a class, so that a face or a
 * phrasing nobody listed is caught. Hand scans over the text: linear, no pattern that backtracks.
 * Only what is no part of the request: what they say is read as it is (none of this is stripped).
 * The decision: the readers (one module each) are asked in this order, and the first feeling read wins.
 * `words`: the endings two of them look for (ui.yaml `typedWords.reproachingEnds`, `typedWords.consequences`).
 */
/** The word lists of ui.yaml the shape readers take. */
export type ShapeWords = Pick<UiTexts["typedWords"], "reproachingEnds" | "consequences">;

export function feltByShape(text: string, words: ShapeWords): Feeling | undefined {
  if (text.length > MAX_SHAPE_CHARS) return undefined;
  const t = nfkc(text);
  const face = emojiFeeling(text);
  if (face) return face;
  if (
    hasUpsetFace(t) ||
    clausesOf(t).some(endsExasperated) ||
    closesWithMou(t) ||
    closesWithSigh(t) ||
    countsTheWait(t) ||
    intensifiedFailure(t) ||
    opensWithScorn(t) ||
    trailsOff(t) ||
    asksEitherOr(t) ||
    endsDemanding(t) ||
    ordersBluntly(t) ||
    endsReproaching(t, words.reproachingEnds) ||
    againAsked(t) ||
    raisesVoice(text) ||
    angryAsWritten(t) ||
    opensCallingOut(t) ||
    demandsTheLeast(t) ||
    givesUpOnUs(t)
  )
    return "frustrated";
  if (opensAlarmed(t) || regretsAndAsksIfOk(t) || reassuredTwice(t)) return "worried";
  if (blamesSelf(t) || toldOld(t)) return "ashamed";
  if (hasNoOneToAsk(t) || dismayed(t)) return "sad";
  if (pressedAtWork(t) || workStopped(t) || wantsItNow(t) || minutesLeft(t)) return "urgent";
  if (
    intenseState(t) ||
    bodyReacts(t) ||
    conditionTrailsOff(t) ||
    consequenceTrailsOff(t, words.consequences)
  )
    return "worried";
  return undefined;
}
