import { fold } from "../../knowledge/fold.ts";
import { mentionsAny, trimEndOf } from "../text.ts";
import { SENTENCE_END, sentenceAsks, sentencePieces, sentencesOf } from "../understand/asking.ts";

/**
 * 「はじめまして、海辺の町で民宿をやっている者です。エラーのメールが来たんですが何ですか」 "Hi, I'm a teacher from
 * Osaka. what is a bounce?": who the writer is, told first (after a greeting at most), then what they ask. The
 * introduction says nothing of the mail (its words, 「民宿」「やってる」 "teacher", only weigh on questions it does not
 * ask, and the whole fell to small talk or a wrong question): the rest is read as if typed alone (a greeting
 * before it is still said back before the answer: courtesy.ts reads the whole text). Only when the rest asks; an
 * introduction with a greeting and nothing else stays the greeting (acts.ts introducedWithGreeting). A hand scan
 * of the opening pieces, no pattern and no index: most texts leave at the first `includes`.
 */
export function afterIntroduction(greetings: GreetingPieces, text: string): string | undefined {
  const folded = fold(text);
  if (!INTRODUCING.some((w) => folded.includes(w))) return undefined;
  let from = 0;
  let introduced = false;
  for (const piece of sentencePieces(text)) {
    const at = text.indexOf(piece, from);
    if (at < 0) return undefined;
    const body = trimEndOf(fold(piece).trim(), SENTENCE_END);
    if (introduces(greetings, body)) introduced = true;
    else if (!greetings.has(trimEndOf(body, GREETING_TAILS))) break;
    from = at + piece.length;
  }
  if (!introduced) return undefined;
  const rest = text.slice(from).trim();
  if (rest === "" || !sentencesOf(rest).some(sentenceAsks)) return undefined;
  return rest;
}

/** Words without which no introduction is told (folded): the cheap test every text meets first. */
const INTRODUCING = [
  "者です",
  "ものです",
  "申します",
  "といいます",
  "と言います",
  "i'm ",
  "i’m ",
  "i am ",
  "my name",
  "this is ",
];

/**
 * The pieces of the greeting question's examples (acts.yaml `greeting`: 「はじめまして」「お世話になっております」
 * "hi there"), folded, their closing marks and a long vowel or wave after them trimmed: a piece of a text said in
 * one of them is a greeting, passed over before (or after) who the writer is. The data is the one list of
 * greetings: a greeting learnt there is known here too. Built once (context.ts).
 */
export type GreetingPieces = ReadonlySet<string>;
export function greetingPiecesOf(
  questions: ReadonlyMap<string, { examples: readonly string[] }>,
): GreetingPieces {
  const pieces = new Set<string>();
  for (const example of questions.get("greeting")?.examples ?? [])
    for (const piece of sentencePieces(example)) {
      const bare = trimEndOf(trimEndOf(fold(piece).trim(), SENTENCE_END), GREETING_TAILS);
      if (bare !== "") pieces.add(bare);
    }
  return pieces;
}
const GREETING_TAILS = new Set([..."ー〜~"]);

/**
 * 「안녕하세요. 일본어를 잘 못해요」「Bonjour ! Je ne parle pas bien japonais」 "hi there, I'm from Nepal and study in
 * Osaka": whether a text opens with a piece that is one of the greetings (its first sentence piece, folded, is in
 * `greetings`). Asked only of a text nothing else read (main-event.ts, before small talk): a set lookup.
 */
export function opensWithGreeting(greetings: GreetingPieces, text: string): boolean {
  const first = sentencePieces(text)[0];
  if (first === undefined || first.length === text.trim().length) return false;
  return greetings.has(trimEndOf(trimEndOf(fold(first).trim(), SENTENCE_END), GREETING_TAILS));
}

/**
 * Who the writer is, told in one piece (folded): 「…の者です」「…と申します」 ("…の者ですが、" before the question
 * too), "I'm a teacher from Osaka", "my name is …", "this is … from …". Not a piece that names the mail or a
 * feeling ("I'm a bit worried", 「心配性の者です」 tells more than who they are).
 */
function introduces(greetings: GreetingPieces, piece: string): boolean {
  if (mentionsAny(piece, NOT_INTRODUCING)) return false;
  // "hi i'm a nurse from Kobe": the greeting and who they are in one piece (the longest greeting: "hi there i'm…").
  let greeting = "";
  for (const g of greetings) if (g.length > greeting.length && piece.startsWith(`${g} `)) greeting = g;
  const body = greeting === "" ? piece : piece.slice(greeting.length + 1);
  const end = trimEndOf(body, LEAD_IN_TAILS);
  if (JAPANESE_ENDS.some((e) => end.endsWith(e))) return true;
  if (ENGLISH_OPENINGS.some((o) => body.startsWith(o))) return !ENGLISH_NOT_WHO.some((w) => body.includes(w));
  return body.startsWith("this is ") && body.includes(" from ");
}
/** 「者ですが」「者ですけど」: the polite way on to the question, trimmed before the end is read. */
const LEAD_IN_TAILS = new Set([..."がけど"]);
const JAPANESE_ENDS = ["者です", "ものです", "者でございます", "と申します", "といいます", "と言います"];
const ENGLISH_OPENINGS = [
  "i'm a ",
  "i'm an ",
  "i’m a ",
  "i’m an ",
  "i am a ",
  "i am an ",
  "my name is ",
  "my name's ",
];
/** "I'm a bit lost", "I'm a little confused": a state, not who they are. */
const ENGLISH_NOT_WHO = [" bit ", " little ", " lot ", " total ", " complete ", "confused", "lost"];
/** The mail, a trouble or a feeling named in the piece: more than who the writer is. */
const NOT_INTRODUCING = [
  "メール",
  "めーる",
  "mail",
  "エラー",
  "送",
  "届",
  "戻",
  "アドレス",
  "心配",
  "不安",
  "困",
  "怖",
  "焦",
  "worr",
  "scared",
  "upset",
  "angry",
  "panic",
  "stress",
  "frustrat",
];
