import fc from "fast-check";
import { LINE_LIMITS } from "../platform/line-limits.ts";

/**
 * Texts a user can send on LINE (at most 5,000 UTF-16 units) that are built to make text handling
 * backtrack: long runs of the characters patterns start or pivot on, kaomoji, mixed scripts, one line.
 * Issue #12: 5,000 "/" froze the bot for 29 s; Japanese with one "/" per sentence cost 3 s, a line of
 * "(^_^;)..." 10 s. Used by `npm run bench:adversarial` and test/message-path.property.test.ts.
 */

export const MAX_CHARS: number = LINE_LIMITS.textLength;

/** `unit` repeated up to `max` UTF-16 units, never splitting a surrogate pair. */
export function fill(unit: string, max = MAX_CHARS): string {
  const text = unit.repeat(Math.ceil(max / unit.length)).slice(0, max);
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}

const KAOMOJI = [
  "(^_^;)",
  "(´・ω・`)",
  "(╯°□°）╯︵ ┻━┻",
  "¯\\_(ツ)_/¯",
  "ヽ(•‿•)ノ",
  "(*´∀`*)",
  "m(_ _)m",
  "(>_<)",
];

/** Named hostile texts, each at LINE's limit. */
export const HOSTILE_TEXTS: readonly [name: string, text: string][] = [
  ['5,000 "/"', fill("/")],
  ['5,000 "@"', fill("@")],
  ['":=" repeated', fill(":=")],
  ['5,000 "."', fill(".")],
  ['5,000 ":"', fill(":")],
  ['"(^_^;)..." on one line', fill("(^_^;)...")],
  ['"(^_^;)..." lines', fill("(^_^;)...\n")],
  ["kaomoji, one line", fill(KAOMOJI.join(""))],
  ['Japanese, one "/" per sentence', fill("メールが戻ってきました/どうしたらいいですか。")],
  ['Japanese, one "@" and ":" per sentence', fill("宛先はtaro@です:届きません。")],
  ["mixed scripts and punctuation", fill("abcあいう漢字123/@:=.-_~!?（）「」")],
  ["punctuation run", fill("!?。、…~〜.,;:'\"-")],
  ['"a@b." repeated', fill("a@b.")],
  ['"<a@b>" repeated', fill("<a@b>")],
  ['"550 5.1.1 " repeated', fill("550 5.1.1 ")],
  ['"5." repeated', fill("5.")],
  ["URL path", `https://example.jp/${fill("a/", MAX_CHARS - 19)}`],
  ['"=?utf-8?B?" repeated', fill("=?utf-8?B?")],
  ['"090-1111-" repeated (phone-like)', fill("090-1111-")],
  ['"4111 " repeated (card-like)', fill("4111 ")],
  ['"pass=" repeated', fill("pass=")],
  ['"パスワード：" repeated', fill("パスワード：")],
  ["5,000 digits", fill("0")],
  ["5,000 spaces", fill(" ")],
  ["emoji (surrogate pairs)", fill("😀")],
  ["dashes", fill("-")],
  ['"Received: from " repeated', fill("Received: from ")],
  // What the escalation summary quotes of a paste nothing was read from (dialogs/paste-excerpt.ts).
  ["a header-like run", fill(`${"A".repeat(60)}-`)],
  ['": \\t" repeated', fill(": \t")],
  ["one long line of letters", fill("a")],
  ['"Subject:" lines', fill("Subject:\n")],
];

/** An ordinary paste: the baseline the hostile ones are compared with. */
export const ORDINARY_PASTE = [
  "This is the mail system at host mail.example.jp.",
  "",
  "I'm sorry to have to inform you that your message could not",
  "be delivered to one or more recipients. It's attached below.",
  "",
  "<taro.yamada@docomo.ne.jp>: host mfsmax.docomo.ne.jp[203.138.181.112] said:",
  "    550 5.1.1 <taro.yamada@docomo.ne.jp>: Recipient address rejected: User unknown",
  "    (in reply to RCPT TO command)",
].join("\n");

/** Pieces the property test builds its texts from. */
const PIECES = [
  "/",
  "@",
  ":=",
  ".",
  ":",
  "=",
  "-",
  "_",
  "#",
  "<",
  ">",
  "(",
  ")",
  "...",
  "。",
  "、",
  "！",
  "？",
  "…",
  "〜",
  " ",
  "\t",
  "550 ",
  "5.1.1",
  "a",
  "Z",
  "0",
  "あ",
  "漢",
  "ア",
  "😀",
  "é",
  "\u200b",
  ...KAOMOJI,
];

/**
 * Texts of up to 5,000 characters: runs of one piece (what backtracking feeds on) and mixtures, mostly
 * on one line, sometimes in lines.
 */
export function hostileText(): fc.Arbitrary<string> {
  const piece = fc.constantFrom(...PIECES);
  const run = fc.tuple(piece, fc.integer({ min: 1, max: MAX_CHARS })).map(([p, n]) => fill(p, n));
  const mixture = fc.array(
    fc.oneof(piece, fc.string({ maxLength: 8 }), fc.stringMatching(/^[a-z0-9.@/:=-]{1,40}$/)),
    {
      maxLength: 2_000,
    },
  );
  const line = fc.oneof(
    run,
    mixture.map((parts) => parts.join("")),
  );
  return fc
    .tuple(fc.array(line, { minLength: 1, maxLength: 4 }), fc.boolean())
    .map(([lines, broken]) => lines.join(broken ? "\n" : ""))
    .map((text) => fill(text || "x", Math.min(text.length || 1, MAX_CHARS)));
}
