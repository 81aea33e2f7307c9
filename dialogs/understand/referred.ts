import { folded } from "../text.ts";
import { MAX_QUESTION_CHARS } from "./thresholds.ts";

/**
 * 「さっき言ってたフィルターって何のこと？」「受け取るアドレスを相手が制限してるかも、って書いてあるけど、それって
 * どういう仕組み？」 "what you said about their server, is it down for everyone?": a text that points back at the
 * advice on screen and names the part of it asked about. The words that point back say nothing of what is asked
 * (they are plain-words' own: 「さっきのはどういう意味？」), so the rest is read without them. Plain string
 * search, no pattern.
 */

/**
 * The text without its pointing back, when it points back at what was said: the part quoted before 「って書いてある
 * けど」 and the like, with what is asked of it after (「…って書いてあるけど、どういう仕組み？」 → 「…、どういう
 * 仕組み？」), or the text with 「さっき言ってた」 "what you said about" left out; else undefined.
 */
export function withoutPointingBack(text: string): string | undefined {
  const t = folded(text, MAX_QUESTION_CHARS);
  for (const mark of QUOTED_BACK) {
    const at = t.indexOf(mark);
    if (at > 0) return clean(t.slice(0, at) + t.slice(at + mark.length));
  }
  const word = POINTING_BACK.find((w) => t.includes(w));
  return word === undefined ? undefined : clean(t.split(word).join(" "));
}

function clean(t: string): string | undefined {
  const out = t
    .split(/[「」『』"]/)
    .join("")
    .trim();
  return out.length >= 2 ? out : undefined;
}

/** What was said, quoted back before what is asked of it (longest first where one holds another). */
const QUOTED_BACK = [
  "って書いてあるけど",
  "って書いてありますが",
  "って書いてあったけど",
  "って書いてありましたが",
  "と書いてあるけど",
  "と書いてありますが",
  "とありますが",
  "ってあるけど",
  "って言ってたけど",
  "とおっしゃいましたが",
];

/** Words that point back at the advice, naming nothing of it (longest first where one holds another). */
const POINTING_BACK = [
  "さっき言ってた",
  "さっき言った",
  "さっきいってた",
  "さっき書いてあった",
  "さっき書いてた",
  "さっき出てた",
  "さっきの",
  "今言ってた",
  "いま言ってた",
  "上に書いてある",
  "先ほどの",
  "先程の",
  "what you said about",
  "the part about",
  "the bit about",
  "you mentioned",
  "you said",
];
