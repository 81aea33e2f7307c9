import { fold } from "../../knowledge/fold.ts";
import type { Carrier } from "../knowledge-contract.ts";
import { isFoldedLatinCode } from "../text.ts";

/**
 * The mobile carrier a typed text names (「相手はソフトバンクです」「auの人に送れない」「ahamoの友達」):
 * its name in the picker in either language, or a word of its `typed` list in carriers.yaml (brands that
 * keep the carrier's mail filters, such as ahamo for docomo). Exactly one carrier must be named: 「ドコモ
 * とauの人に送れない」 names none for certain. A plain scan (includes), no pattern.
 *
 * Words are compared in NFKC width and lower case, not in the canonical spelling of the question index
 * (which reads every carrier as 「けいたい」), and katakana stays katakana: 「ドコモ」 in hiragana is 「どこも」
 * ("everywhere"); `typed` lists the kana forms that are safe. Words in Latin letters count only as whole
 * words ("au" is not in "because" or "audio").
 */
export type CarrierNamer = (text: string) => string | undefined;

export function carrierNamer(carriers: readonly Carrier[]): CarrierNamer {
  const words = carriers.flatMap((c) =>
    [c.name.ja, c.name.en, ...(c.typed ?? [])].map((w) => {
      const word = fold(w);
      // Whether the word counts only whole (Latin at either end), known once, not per text.
      const latin =
        isFoldedLatinCode(word.charCodeAt(0)) || isFoldedLatinCode(word.charCodeAt(word.length - 1));
      return { id: c.id, word, latin };
    }),
  );
  return (text) => {
    if (text.length > MAX_CHARS) return undefined;
    const folded = fold(text);
    let named: string | undefined;
    for (const { id, word, latin } of words) {
      if (word === "" || !occurs(folded, word, latin)) continue;
      if (named !== undefined && named !== id) return undefined;
      named = id;
    }
    return named;
  };
}

/** Longer texts are pastes, not someone naming a carrier. */
const MAX_CHARS = 300;

/** Whether a word occurs in a text; a word of Latin letters (`latin`) only as a whole word. */
function occurs(text: string, word: string, latin: boolean): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!latin) return true;
    if (!isFoldedLatinCode(text.charCodeAt(at - 1)) && !isFoldedLatinCode(text.charCodeAt(at + word.length)))
      return true;
  }
  return false;
}
