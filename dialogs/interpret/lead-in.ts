import { fold } from "../../knowledge/fold.ts";
import type { TopicId } from "../../knowledge/types.ts";
import { BEFORE_CONNECTIVE, CLOSING_ASKED, GAPS } from "../marks.ts";
import { endOfLast, includesAny, trimEndOf, trimStartOf } from "../text.ts";
import { saysSomething } from "../understand/feelings/says.ts";
import { asksWhetherSo } from "../understand/frames.ts";
import { MAX_QUESTION_CHARS, type Understanding } from "../understand/understand.ts";
import { fitsScreen, isFrame, isGeneral, isPleasantry } from "./answers.ts";
import type { QuestionContext } from "./context.ts";

/**
 * 「あいてのめーるばこいっぱいってことはまたあとでおくればいいの」「身に覚えのないメールが戻ってきた件、パスワードは
 * 変えるべき？」: what the user took from the advice (「…ってことは」) or the matter they speak of (「…の件、」), then
 * the question. The lead-in's words (the diagnosis said again, the mail named) match other questions (whose side,
 * mail never sent) and win over the question's few words. With a diagnosis on screen the part after the last
 * lead-in is read alone; a question read there (confidently, or as the likeliest of a few) that has an answer for
 * the diagnosis (no pleasantry) is the one asked. A guess (whether so, 「…のかな」) and anything else keep the whole's
 * reading. A plain scan (lastIndexOf), no pattern.
 */
export function afterLeadIn(
  ctx: QuestionContext,
  text: string,
  understood: Understanding,
  topic: TopicId | null,
): Understanding {
  if (topic === null) return understood;
  const cut = text.slice(0, MAX_QUESTION_CHARS);
  const quoted = questionAfterQuote(cut);
  if (quoted !== undefined) return afterQuote(ctx, quoted, understood, topic);
  const rest = questionAfterLeadIn(cut);
  if (rest === undefined) return understood;
  const t = fold(cut);
  // The lead-in opens the message (「てことは相手はもう読んでくれたってこと？」「じゃあ、ってことは…」): what it took
  // from is the advice on screen, not words of the message; what follows is its own matter.
  const opens = leadInOpens(t);
  // A guess after the lead-in (「…ってことは相手がアドレス変えたのかな」「…ってことは、要するに打ち損じたってこと？」)
  // asks whether what it took is so: the lead-in's words are its matter, and the whole is read. After a
  // connective (「…びっくりした。じゃあ届いてるってことね？」) the guess is about what follows from the story, in its
  // own words: it is read alone.
  const guess = asksWhetherSo(rest) || WONDERING.some((w) => trimEndOf(rest, CLOSING_ASKED).endsWith(w));
  if (guess && !opens && endOfLastOpening(t) < endOfLast(t, LEAD_INS)) return understood;
  const read = ctx.index.understand(rest, topic);
  // Unsure is enough (a few questions come close: the likeliest is answered, the others offered), where the
  // likeliest fits the diagnosis; or, after a lead-in that opens the message, a question of no diagnosis read
  // confidently (「てことは、もう読んでくれたってこと？」: whether it was read, which no returned mail tells).
  const top =
    read.kind === "confident" ? read.id : read.kind === "unsure" ? read.candidates[0]?.id : undefined;
  if (top === undefined || isPleasantry(ctx, top)) return understood;
  if (fitsScreen(ctx, top, topic)) return read;
  return opens && read.kind === "confident" && isGeneral(ctx, top) ? read : understood;
}

/**
 * 「@のうしろが存在しないって書いてあるけど、ドメインって何のことですか」: a line of the advice or of the returned mail
 * quoted, then the question. The quoted words are the diagnosis's (the address, the refusal) and lend the whole
 * their reading (the diagnosis in plain words, a wrong address); what is asked follows the quote. Read alone
 * confidently, a question with an answer for the diagnosis, or of none (what a domain is), is the one asked; a
 * frame there (「SPFって書いてあるけど何のこと？」) asks about the quoted words: the whole is read.
 */
function afterQuote(
  ctx: QuestionContext,
  asked: string,
  understood: Understanding,
  topic: TopicId,
): Understanding {
  // 「何のこと？」「それは何をどうすること？」: naming nothing of its own, or read as a frame ("what does it mean",
  // what to do), the question asks about the quoted words.
  if (!saysSomething(asked)) return understood;
  const read = ctx.index.understand(asked, topic);
  if (read.kind !== "confident" || isPleasantry(ctx, read.id) || isFrame(ctx, read.id)) return understood;
  return fitsScreen(ctx, read.id, topic) || isGeneral(ctx, read.id) ? read : understood;
}

/**
 * The question after a quote closed by a contrast (「…って書いてあるけど、」「…とありますが」「「…」って出てるけど」),
 * when a question of a few letters at least follows; else undefined. Plain scans (indexOf), no pattern.
 */
export function questionAfterQuote(text: string): string | undefined {
  const t = fold(text);
  if (!includesAny(t, QUOTE_TURNS)) return undefined;
  let end = -1;
  for (const said of QUOTED)
    for (let at = t.indexOf(said); at >= 0; at = t.indexOf(said, at + 1)) {
      const after = t.slice(at + said.length, at + said.length + QUOTE_WINDOW);
      for (const turn of QUOTE_TURNS) {
        const turnAt = after.indexOf(turn);
        if (turnAt >= 0) end = Math.max(end, at + said.length + turnAt + turn.length);
      }
    }
  if (end < 0) return undefined;
  const rest = trimStartOf(t.slice(end), GAPS);
  return [...rest].length >= MIN_QUESTION_CHARS ? rest : undefined;
}
/** A line quoted (「…って書いてある」「…とあります」「…って出てる」「…と表示されて」). */
const QUOTED = ["って", "と", "」"].flatMap((mark) =>
  ["書いてあ", "書いてま", "書いてた", "書かれて", "あり", "ある", "出て", "出た", "出ま", "表示され"].map(
    (verb) => mark + verb,
  ),
);
/** The contrast that closes the quote before the question (「けど」「ですが、」). */
const QUOTE_TURNS = ["けど", "けれど", "が、", "が "];
/** Letters between the quoting verb and its contrast (「書いてあるんですけど」). */
const QUOTE_WINDOW = 8;

/** Whether the message opens with a lead-in (at most a connective before it: 「じゃあ、ってことは」「てことは」). */
function leadInOpens(t: string): boolean {
  for (const word of LEAD_INS) {
    const at = t.indexOf(word);
    if (at >= 0 && at <= OPENER_CHARS) return true;
  }
  return false;
}
/** Letters a connective before an opening lead-in may take (「じゃあ、」「つまり」). */
const OPENER_CHARS = 4;

/** The text after its last lead-in, when a question of a few letters at least follows; else undefined. */
export function questionAfterLeadIn(text: string): string | undefined {
  const t = fold(text);
  const end = Math.max(endOfLast(t, LEAD_INS), endOfLastOpening(t));
  if (end < 0) return undefined;
  let from = end;
  while (from < t.length && GAPS.has(t[from]!)) from++;
  const rest = t.slice(from);
  if (EXISTENCE_ENDINGS.some((e) => rest.startsWith(e))) return undefined;
  return [...rest].length >= MIN_QUESTION_CHARS ? rest : undefined;
}

/**
 * What the user took from the advice, and the matter named (「…の件、」 with its comma: 「件」 alone is a count,
 * 「3件」). 「ってことは？」 alone asks whether it is so: MIN_QUESTION_CHARS.
 */
const LEAD_INS = [
  // 「てことは」 as it is typed at the start, with 「ってことは」 inside it.
  "てことは",
  "ということは",
  "件、",
  "件で、",
  "件ですが",
  "件なんですが",
  "件なんだけど",
  "件について、",
  // Round 43 (family43b): what the user took, closed as realised (「なりすましってことか。パスワードは…？」): its words are
  // the advice's, the next sentence is the question.
  "ってことか。",
  "ってことか!",
  "ってことね。",
  "ということか。",
];
/**
 * 「悲報、相手のアカウント止まってたw じゃあこっから何すれば？」「受信箱パンパンで返ってきた。で、ここから何すればいい？」:
 * a connective that opens a sentence after what the user told (「じゃあ」「で、」「それで」 "so, then") leads in to the
 * question as 「ってことは」 does: what was told is its matter. Only where it opens a sentence (after a full stop, a
 * mark, a laugh or a space), not within one (「メールで、」「スマホじゃ」). Where the last of them ends, or -1.
 */
function endOfLastOpening(t: string): number {
  let end = -1;
  for (const word of OPENING_CONNECTIVES)
    for (let at = t.indexOf(word, 1); at >= 0; at = t.indexOf(word, at + 1))
      if (BEFORE_CONNECTIVE.has(t[at - 1]!) || (AFTER_COMMA.includes(word) && COMMAS.has(t[at - 1]!)))
        end = Math.max(end, at + word.length);
  return end;
}
/**
 * 「ちなみに」 "by the way" (round 43, family43b: 「…安心した！ちなみに感染はしてないよね？」): what follows is asked, what
 * came before was told.
 */
const OPENING_CONNECTIVES = [
  "じゃあ",
  "じゃ、",
  "それじゃ",
  "それで",
  "で、",
  "ほんなら",
  "ほんで",
  "ちなみに",
];
/**
 * Connectives that are never the end of a word before them, so a comma may close what was told (「…自動返信だった
 * のか、じゃあ届いてるってこと？」「…よかった、ちなみに…」); 「メールで、」「スマホじゃ、」 go on.
 */
const AFTER_COMMA = ["じゃあ", "ちなみに"];
const COMMAS = new Set([..."、,"]);
/** Endings that wonder aloud (「…のかな」). */
const WONDERING = ["かな", "かなあ", "かなー"];
/**
 * Round 44 (family44c): 「…ってことはありますか」「…ってことはない？」「…ってこともありえる？」: "could it be that…", the
 * whole guessed, no lead-in; read alone, 「ありますか」 matched whose side (dev blocks of two writers: a virus on the PC,
 * the recipient's reception setting). An existence verb right after 「ことは」 is the lead-in's own ending.
 */
const EXISTENCE_ENDINGS = ["ある", "あり", "ない", "なかった"];
/** Fewer letters after the lead-in are its own ending (「ってことはない？」「ってことは？」), no question. */
const MIN_QUESTION_CHARS = 5;
