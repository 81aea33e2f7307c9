import { fold } from "../../knowledge/fold.ts";
import type { Carrier } from "../knowledge-contract.ts";

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
    [c.name.ja, c.name.en, ...(c.typed ?? [])].map((w) => ({ id: c.id, word: fold(w) })),
  );
  return (text) => {
    if (text.length > MAX_CHARS) return undefined;
    const folded = fold(text);
    let named: string | undefined;
    for (const { id, word } of words) {
      if (word === "" || !occurs(folded, word)) continue;
      if (named !== undefined && named !== id) return undefined;
      named = id;
    }
    return named;
  };
}

/** Longer texts are pastes, not someone naming a carrier. */
const MAX_CHARS = 300;

const isLatin = (ch: string | undefined) => ch !== undefined && /[a-z0-9]/.test(ch);

/** Whether a word occurs in a text; a word of Latin letters only as a whole word. */
function occurs(text: string, word: string): boolean {
  const latin = isLatin(word[0]) || isLatin(word[word.length - 1]);
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!latin) return true;
    if (!isLatin(text[at - 1]) && !isLatin(text[at + word.length])) return true;
  }
  return false;
}
