import { fold } from "../../../knowledge/fold.ts";
import { wordsRemover } from "../../text.ts";

/**
 * 「クレームへの返信メールが戻ってきた」「件名に至急って付けたメール」「上司が心配しているので聞きますが」 "my boss is furious that
 * his email came back", "replying to an angry customer": a word of feeling that names whose it is, the mail's own business
 * or someone else's, is no feeling of the writer's (round 40: the blind writers of rounds 39 and 40 label these calm when
 * the rest is calm; round 39's quoted-feeling rule read 「」 only). The phrases are the shapes of ui.yaml
 * `feelings.words.owned`, each head + joiner + tail; one phrase index, read only of a text that reads a feeling
 * (FeelingReader.feelingOver), so no typed text without one pays for it.
 */
export interface OwnedShape {
  heads: readonly string[];
  joiners: readonly string[];
  tails: readonly string[];
}

/**
 * The text (folded) without the words of feeling owned by the mail or by someone else, or the text itself when it has
 * none. Blanked with an ideographic space, which no phrase holds: none of them is then tried on every text
 * (text.ts wordsRemover tries a phrase holding its blank on every text), and folding reads it as a space.
 */
export function ownedRemover(shapes: readonly OwnedShape[]): (folded: string) => string {
  const phrases = shapes.flatMap((s) =>
    s.heads.flatMap((h) => s.joiners.flatMap((j) => s.tails.map((t) => fold(h + j + t)))),
  );
  return phrases.length === 0 ? (t) => t : wordsRemover(phrases, "\u3000");
}
