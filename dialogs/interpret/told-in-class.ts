import type { TopicId } from "../../knowledge/types.ts";
import type { Understanding } from "../understand/understand.ts";
import type { InterpretContext } from "./context.ts";

/**
 * 「so-netのサーバー落ちてるんじゃないの？」 after "a temporary server problem", 「S-SAFE入れたら月いくら？」 after "virus
 * found": a question among those the text comes close to, whose class of words (its `toldAs`: So-net or the whole
 * service, and a word of being down; S-SAFE and a word of cost) the text says, is what it asks, though another
 * question's words weigh more (whose side, in plain words, is it safe to open). The class says the matter in so many
 * words; the scores only weigh shared words. Looked at only when one of the few likeliest has a class (a Set
 * lookup), then one scan of the classes.
 */
export function toldInClass(
  ctx: Pick<InterpretContext, "toldAs" | "questions">,
  text: string,
  topic: TopicId | null,
  read: Understanding,
): Understanding {
  const near = read.candidates.slice(0, NEAR);
  // 「またそっちの障害でしょ？…いつ復旧するの」 "your server's down again, when is it back": the trouble told as So-net's
  // own in its class's words, then when it passes asked (a question of waiting, read from the last piece alone):
  // when it is over is what the class's question answers (whether mail is down; nobody here knows when), not how
  // long this diagnosis takes. Looked at only for a question of waiting read (round 44, family44b).
  if (
    topic !== null &&
    read.kind === "confident" &&
    ctx.questions.get(read.id)?.asksOutcome === "after-waiting"
  ) {
    const told = ctx.toldAs(text);
    if (told && !told.notBounce && Object.keys(told.topics).length === 0 && told.id !== read.id)
      return { kind: "confident", id: told.id, candidates: read.candidates };
  }
  if (!near.some((c) => ctx.questions.get(c.id)?.toldAs !== undefined)) return read;
  if (read.kind === "confident" && ctx.questions.get(read.id)?.toldAs !== undefined) return read;
  const told = ctx.toldAs(text);
  // Mail that is no returned mail (`notBounce`: spam received) is no reading of a text with a diagnosis on screen,
  // whose words are about it (「スパムじゃないし。どうやったら届くの」 after "refused as spam").
  const at = told && !(topic !== null && told.notBounce) ? near.findIndex((c) => c.id === told.id) : -1;
  if (at < 0) return read;
  const first = near[at]!;
  return {
    kind: "confident",
    id: first.id,
    candidates: [first, ...read.candidates.filter((c) => c !== first)],
  };
}

/** How many of the likeliest questions a class may lift: those the text clearly comes close to. */
const NEAR = 3;
