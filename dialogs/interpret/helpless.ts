import type { Question } from "../../knowledge/questions.ts";
import type { Feeling } from "../events.ts";

/**
 * 「孫がいないと何もわからん。誰か人間に代わってくれんか」「全然わからん、人と話したい」: a person asked for by someone who
 * tells they understand nothing at all (not a word of feeling, but no calm request either: 「申し訳ないんですが、人と
 * 話せますか」 stays calm) is helped by the line for those unsure of themselves first, then the hand-over. One
 * `includes` per phrase before the question is looked at.
 */
export function helplessAskingPerson(
  text: string,
  question: () => Question | undefined,
): Feeling | undefined {
  if (!LOST_ALTOGETHER.some((w) => text.includes(w))) return undefined;
  return question()?.does === "ask-person" ? "ashamed" : undefined;
}
/** Nothing understood at all (as typed: kanji, kana, the dialect's 「ん」). */
const LOST_ALTOGETHER = [
  "何もわから",
  "なにもわから",
  "何も分から",
  "何一つわから",
  "さっぱりわから",
  "さっぱり分から",
  "全然わから",
  "全然分から",
  "全くわから",
  "全く分から",
  "まったくわから",
  "ちんぷんかんぷん",
  "チンプンカンプン",
];
