import { followedWithin } from "../../text.ts";

/** Reads loneliness: no one else to ask (「聞ける人がいなくて」). Sad: met with sympathy. */
/**
 * No one else to ask (「他に聞ける人がいなくて」「相談できる相手もいない」「誰にも聞けなくて」): lonely, met
 * with sympathy. Someone who could help, then within a few letters that there is none.
 */
export function hasNoOneToAsk(t: string): boolean {
  return (
    followedWithin(t, HELPERS, LONELY_WINDOW, NONE) ||
    followedWithin(t, ["誰にも"], LONELY_WINDOW, NOBODY_CAN)
  );
}
const HELPERS = [
  "聞ける人",
  "聞ける相手",
  "聞く人",
  "相談できる",
  "相談する相手",
  "相談する人",
  "頼れる",
  "頼める人",
  "頼る人",
  "話せる人",
  "教えてくれる人",
  "わかる人",
  "分かる人",
  "詳しい人",
];
const LONELY_WINDOW = 6;
const NONE = ["いない", "いなく", "おらず", "いません", "おりません", "居ない"];
const NOBODY_CAN = ["聞け", "相談", "頼れ", "頼め", "言え", "わかって", "分かって"];
