import { fold, nfkc } from "../../knowledge/fold.ts";
import { recentMemo, turnMap } from "../../knowledge/turn-memory.ts";
import { endsWithQuestionMark, hasQuestionMark, SENTENCE_END } from "../marks.ts";
import { trimEndOf, withoutWords } from "../text.ts";

/**
 * How a typed text asks, tells or complains, read off its words and punctuation (plain scans, no
 * patterns over the whole text): whether it asks something (「…って何？」「どうすれば」 "what…?") or only
 * tells, reports what a returned mail said (「…って出た」), laments (「なんで届かないの」), or names a new
 * returned mail; and its pieces (sentences and parts between commas). Frustration exclaimed and a deadline
 * said are feelings told by shape (feelings/exclaimed.ts, feelings/hurry.ts).
 * dialogs/interpret.ts decides with these what a message is.
 */

/** Fewer characters (besides words about returned mail) are endings (「でした」), not something told. */
export const MIN_TOLD_CHARS = 4;

const PIECE_ENDS = new Set([..."。．！？!?、,，\n"]);
/**
 * A character besides blanks and end marks: a piece of punctuation only (「。。」「…」) is no piece. Tested, not
 * replaced away: the readers cut the same text into pieces many times a message (perf33: no copy each time).
 */
const MORE_THAN_MARKS = /[^\s。．！？!?、,，.…]/;

/**
 * A short text cut after its sentence ends and commas (a hand scan); "." counts before a space or at the end.
 * The last 8 texts' cuts are remembered for the turn (turn-memory.ts recentMemo): the readers of a slow dev
 * text asked for 15.9 cuts of 5.5 texts, and sentencesOf 10.1 of 2.8. The arrays are shared: read, never changed.
 */
export const sentencePieces: (text: string) => readonly string[] = recentMemo(8, piecesOf);

function piecesOf(text: string): readonly string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const end = PIECE_ENDS.has(ch) || (ch === "." && (i + 1 === text.length || text[i + 1] === " "));
    if (!end) continue;
    const piece = text.slice(start, i + 1).trim();
    if (MORE_THAN_MARKS.test(piece)) pieces.push(piece);
    start = i + 1;
  }
  const last = text.slice(start).trim();
  if (last !== "") pieces.push(last);
  return pieces;
}

/**
 * The clauses of a message, each telling or asking one thing (sentencePieces), where 「…」 and "..." end a
 * piece too, 「！？」 asks, and a condition (「明日送れば、」「直したら、」) stays with what it is the condition
 * of (「…届くかな」). Plain string work, no pattern.
 */
export function clausesOf(text: string): string[] {
  const marked = withoutWords(withoutWords(text, ["…", "..."], "。"), ["!?", "！？", "?!", "？！"], "？");
  const clauses: string[] = [];
  let pending = "";
  for (const piece of sentencePieces(marked)) {
    const bare = trimEndOf(piece, CLAUSE_MARKS);
    if (piece.endsWith("、") || piece.endsWith(",")) {
      if (CONDITIONS.some((c) => bare.endsWith(c))) {
        pending += piece;
        continue;
      }
    }
    clauses.push(pending + piece);
    pending = "";
  }
  if (pending !== "") clauses.push(pending);
  return clauses;
}
const CLAUSE_MARKS = new Set([..." 、,，"]);

/**
 * A clause that opens with a condition (「相手の受信箱がいっぱいなら、いつ送れるの？」): the condition and what
 * follows it, cut at the first comma after a conditional ending; none without one.
 */
export function conditionOf(clause: string): [string, string] | undefined {
  for (let i = 0; i < clause.length; i++) {
    const ch = clause[i]!;
    if (ch !== "、" && ch !== "," && ch !== "，") continue;
    const head = trimEndOf(clause.slice(0, i), CLAUSE_MARKS);
    if (CONDITIONS.some((c) => head.endsWith(c))) return [head, clause.slice(i + 1)];
  }
  return undefined;
}
const CONDITIONS = ["ば", "たら", "だら", "なら"];

const SENTENCE_ENDS = new Set([..."。．！？!?\n"]);

/**
 * A text cut after its sentence ends only (。！？ and line ends; no commas): 「朝から30通も来ています。いつまで
 * 続くの？」 is a story and a question. A hand scan. With end marks "kept" (how the readers of asking and
 * feelings look at a sentence: 「続くの？」 asks), a sentence of punctuation only (「。。」) is no sentence;
 * with them "dropped" (the question index's gist sentences and the rules after its decision, overrides.ts),
 * every piece with anything but white space in it is one.
 */
export function sentencesOf(text: string, marks: "kept" | "dropped" = "kept"): readonly string[] {
  return sentencesRead(text, marks);
}
const sentencesRead = recentMemo(8, (text: string, marks: "kept" | "dropped") => cutSentences(text, marks));

function cutSentences(text: string, marks: "kept" | "dropped"): readonly string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !SENTENCE_ENDS.has(text[i]!)) continue;
    if (marks === "kept") {
      const sentence = text.slice(start, i + 1).trim();
      if (MORE_THAN_MARKS.test(sentence)) out.push(sentence);
    } else {
      const sentence = text.slice(start, i).trim();
      if (sentence !== "") out.push(sentence);
    }
    start = i + 1;
  }
  return out;
}

/** Words that ask why, and endings: what a lament (「なんで届かないの」) says besides returned mail. */
const LAMENT_WORDS = [
  "なんで",
  "なぜ",
  "どうして",
  "why",
  "howcome",
  "また",
  "もう",
  "ぜんぜん",
  "全然",
  "まったく",
  "全く",
  // 「なんで送れないんだろう」: wondering aloud is an ending too.
  "だろう",
];

/**
 * Whether what a message says besides its words about returned mail (folded: mentionOf.strip) is only
 * "why" and endings: 「なんで届かないの」「どうして送れないのよ😢」「また戻ってきた」.
 */
export function isLament(besides: string): boolean {
  const rest = withoutWords(besides.replace(/ /g, ""), LAMENT_WORDS, "");
  return rest.length < MIN_TOLD_CHARS && rest !== besides.replace(/ /g, "");
}

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
// "What a waste of time", "what an awful day": "what a" opens an exclamation, no question.
const ENGLISH_QUESTION =
  /^(?:what(?!\s+an?\s)|who|why|how|is|are|am|can|could|do|does|did|should|will|would|was|were|has|have|where|when|which|may)\b/i;

/**
 * Words that ask what, how, which, where, when, who or why (「何て言えばいい？」「どうやって？」): a question no
 * "yes" answers. Quantities and "no matter" (「何回も」「どうしても」) are cut out first; a plain scan.
 */
const OPEN_WORDS = [
  "何",
  "なに",
  "なんて",
  "なんと",
  "どう",
  "どこ",
  "どれ",
  "どの",
  "どんな",
  "いつ",
  "誰",
  "だれ",
  "なぜ",
  "なんで",
];
const NOT_OPEN = [
  "何も",
  "なにも",
  "何か",
  "なにか",
  "何回",
  "何度",
  "何日",
  "何通",
  "何件",
  "何人",
  "どうしても",
  "どうでも",
  "どうも",
  "いつも",
  "いつでも",
  "どこも",
  "誰も",
  "だれも",
  "何が何だか",
];
const ENGLISH_OPEN = /(?:^|[.!?]\s*)(?:what|how|which|where|when|who|why)\b/i;

/** Whether a text asks an open question (what to say, how, when): an answer's "yes" does not fit it. */
export function asksOpen(text: string): boolean {
  const t = nfkc(text.slice(0, MAX_OPEN_CHARS));
  if (ENGLISH_OPEN.test(t)) return true;
  const cut = withoutWords(t, NOT_OPEN);
  return OPEN_WORDS.some((w) => cut.includes(w));
}
const MAX_OPEN_CHARS = 500;

/**
 * Whether a text asks in the negative (「送り直さなくていいの？」「スクショじゃだめ？」「届いてない？」, "so I
 * don't need to?"): a 「はい」 or 「いいえ」 before the answer could say the opposite of what follows (Japanese
 * agrees with the question's words, English with the fact), so the answer goes without it. A plain scan.
 */
export function asksNegated(text: string): boolean {
  const t = nfkc(text.slice(0, MAX_OPEN_CHARS));
  return ENGLISH_NEGATED.test(t) || NEGATED_WORDS.some((w) => t.includes(w));
}
const NEGATED_WORDS = ["ない", "なく", "ません", "ずに", "だめ", "ダメ", "駄目", "無理", "不要", "いらん"];
const ENGLISH_NEGATED = /\b(?:not|no|never)\b|n't\b/i;

/** Japanese, a question mark at the end or a question word first: a person asking, even with bounce words. */
export function asksSomething(text: string): boolean {
  // "hi, who is MAILER-DAEMON": the question word after a greeting or an opener asks as well.
  return (
    endsWithQuestionMark(text) ||
    JAPANESE.test(text) ||
    ENGLISH_QUESTION.test(text.trimStart()) ||
    asksAfterOpening(text)
  );
}

/**
 * Whether a text asks something (「…って何？」「どうすれば」, "what…?") rather than tells (「エラーメールが
 * 返ってくる」): a message that only tells about returned mail gets the paste help, not an answer.
 */
export function isQuestion(text: string): boolean {
  let asks = questionsRead.get(text);
  if (asks === undefined) {
    asks = readsAsQuestion(text);
    questionsRead.set(text, asks);
  }
  return asks;
}
/**
 * isQuestion's answers for the strings of this turn: the readers ask it of the same few pieces again and again
 * (of the dev texts, the slowest 2 % asked it 22 times for 6 pieces). A pure function of the string, so an
 * answer remembered is the one worked out again; forgotten when the turn ends (knowledge/turn-memory.ts).
 */
const questionsRead = turnMap<boolean>(64);

function readsAsQuestion(text: string): boolean {
  if (ENGLISH_QUESTION.test(text.trimStart()) || hasQuestionMark(text) || asksAfterOpening(text)) return true;
  if (endsWithTag(text)) return true;
  let folded = nfkc(text);
  for (const idiom of NOT_ASKING) if (folded.includes(idiom)) folded = folded.split(idiom).join(" ");
  const end = trimEndOf(folded, SENTENCE_END);
  // 「どうもうまくいかないんですよね」: a failure told, then 「よね」, is a complaint, not asking for a yes.
  if (complainsToClose(end)) return isQuestion(end.slice(0, -"よね".length));
  return (
    QUESTION_WORDS.some((w) => folded.includes(w)) ||
    (end.endsWith("か") && !end.endsWith(LISTING)) ||
    end.endsWith("の") ||
    CONFIRMING_ENDS.some((e) => end.endsWith(e))
  );
}

// Kept importable from here, where the readers of a sentence's end found it; the set is marks.ts's.
export { SENTENCE_END };

/**
 * 「パソコンがウイルスに感染したかもしれない」「乗っ取られた気がする」: a guess told aloud about one's own
 * trouble asks as a question does, whether it is so (what to do if it is). A plain scan of the end.
 */
export function guessesAloud(text: string): boolean {
  const end = trimEndOf(nfkc(text), GUESS_TRAIL);
  return GUESS_ENDS.some((e) => end.endsWith(e));
}
const GUESS_TRAIL = new Set([...SENTENCE_END, "ー"]);
const GUESS_ENDS = [
  "かも",
  "かもしれない",
  "かもしれません",
  "かもしれないです",
  "かもです",
  "気がする",
  "気がします",
];

/** A complaint closed by 「よね」 without it (「うまくいかないんですよね」 → 「うまくいかないんです」); else the text. */
export function withoutComplaintTag(text: string): string {
  const end = trimEndOf(nfkc(text), SENTENCE_END);
  return complainsToClose(end) ? end.slice(0, -"よね".length) : text;
}

/**
 * 「うまくいかないんですよね」「ダメなんだよね」「届かないのよね」: a sentence that tells a failure (a verb denied,
 * 「だめ」「無理」), explained (「ん」「の」), then closes with 「よね」 is a complaint. 「再送しなくていいんだよね」
 * (all right, no failure), 「ウイルスじゃないんだよね」 (a guess denied) and 「届いてないんですよね」 (a state
 * denied) still ask for a yes. A plain scan of the end.
 */
function complainsToClose(end: string): boolean {
  if (!end.endsWith("よね")) return false;
  let body = end.slice(0, -"よね".length);
  for (const copula of ["です", "だ"]) if (body.endsWith(copula)) body = body.slice(0, -copula.length);
  if (!body.endsWith("ん") && !body.endsWith("の")) return false;
  body = body.slice(0, -1);
  if (FAILED_ENDS.some((e) => body.endsWith(e))) return true;
  if (!body.endsWith("ない") && !body.endsWith("なかった")) return false;
  const stem = body.slice(0, body.lastIndexOf("な"));
  // A verb denied (いかない, 届かない, 送れない, できない), not a state or a guess (問題ない, じゃない, てない).
  const before = stem.at(-1) ?? "";
  return HIRAGANA_LETTER.test(before) && !DENIED_NOT_FAILED.some((e) => stem.endsWith(e));
}
const FAILED_ENDS = ["だめな", "ダメな", "駄目な", "無理な", "むりな"];
// 「届いてないんですよね」「読まれてないんだよね」: a state (…ている) denied is asked to be confirmed.
const DENIED_NOT_FAILED = ["じゃ", "では", "く", "しか", "て", "で"];
const HIRAGANA_LETTER = /^[\u3041-\u3096]$/;

/**
 * "ok thanks. how do i check the address tho", "hi, how do i know…": an English question that opens a later
 * piece, after a greeting, thanks or a story, asks as one that opens the message does.
 */
function asksAfterOpening(text: string): boolean {
  if (text.length > MAX_OPENING_SCAN || JAPANESE.test(text)) return false;
  return sentencePieces(text).some((p, i) => {
    const words = p.toLowerCase().split(/\s+/);
    // "ok so what now": words that open a reply ("ok", "so") before the question.
    let at = 0;
    while (at < words.length && REPLY_OPENERS.has(words[at]!.replace(/[^a-z]/g, ""))) at++;
    if (i === 0 && at === 0) return false;
    const [first = "", second = ""] = words.slice(at);
    // "will do", "can't wait": an auxiliary asks only before whom or what it asks about.
    return WH_WORDS.has(first) || (ENGLISH_QUESTION.test(first) && SUBJECTS.has(second));
  });
}
/** "ok so what now" → "what now": an English text without the words that open a reply, if it opens with any. */
export function withoutReplyOpeners(text: string): string | undefined {
  const words = text.trim().split(/\s+/);
  let at = 0;
  while (at < words.length - 1 && REPLY_OPENERS.has(words[at]!.toLowerCase().replace(/[^a-z]/g, ""))) at++;
  return at === 0 ? undefined : words.slice(at).join(" ");
}
const REPLY_OPENERS: ReadonlySet<string> = new Set([
  "ok",
  "okay",
  "k",
  "so",
  "alright",
  "well",
  "hmm",
  "oh",
  "and",
  "then",
]);
const MAX_OPENING_SCAN = 2_000;

/**
 * "prob a typo in the domain right", "it's on their side yeah", "so the address is wrong or what": told, then a
 * tag that asks whether it is so.
 */
function endsWithTag(text: string): boolean {
  if (JAPANESE.test(text.slice(-MAX_TAG_SCAN))) return false;
  const body = trimEndOf(fold(text.slice(-MAX_TAG_SCAN)), SENTENCE_END);
  return ENGLISH_TAGS.some((tag) => body.endsWith(tag));
}
const MAX_TAG_SCAN = 40;
const ENGLISH_TAGS = [
  " right",
  " yeah",
  " correct",
  " or not",
  " isn't it",
  " isnt it",
  " innit",
  " eh",
  // "so the address is wrong or what", "its their server or something": a guess left open, asked.
  " or what",
  " or something",
];
const WH_WORDS: ReadonlySet<string> = new Set(["what", "how", "why", "who", "where", "when", "which"]);
const SUBJECTS: ReadonlySet<string> = new Set([
  ..."i you u it he she they we my your her his their this that these those there the someone anyone".split(
    " ",
  ),
]);

/** Idioms made of question words that ask nothing (「何が何だか」: I'm lost). */
const NOT_ASKING = [
  "何が何だか",
  "何が何やら",
  "なにがなんだか",
  "なにがなにやら",
  // "Several": 「何回かに分けて送ってみる」 tells a plan.
  "何回か",
  "何度か",
  "何通か",
  "何枚か",
  "何人か",
  "何日か",
  "何件か",
  // "Something about": 「quotaがどうとかいうメール」 retells what a mail said.
  "どうとか",
  "どうこう",
  // Thanks or a greeting (「どうもです」「いつもどうも」), or "somehow" (「どうもうまくいかない」): no "how".
  "どうも",
  // Thanks for being told (「教えてくれてありがとう」「教えていただき感謝します」): no request to tell.
  "教えてくれて",
  "おしえてくれて",
  "教えていただき",
  "おしえていただき",
  "教えてもらって",
  "おしえてもらって",
  // "Nothing": 「私は何も送ってない」「なんにもしてないのに」 tells; no "what".
  "何も",
  "なにも",
  "何にも",
  "なんにも",
  "何一つ",
  "なにひとつ",
  // Round 37 (family37b): the explanatory copula (「急ぎなんです」「大事な書類なんだけど」 "it's that…") tells; its
  // 「なん」 is no "what" (「なんですか」 keeps its 「か」, and asks).
  "なんです",
  "なんだけど",
  "なんやけど",
  // Words typed in kana that hold a question word and ask nothing: 「あどれすがないっていわれた」 (どれ),
  // 「どうがおくれない」 (動画: どう), 「どこも」 "everywhere" (also docomo), 「みんなに」 (なに).
  "あどれす",
  "どうが",
  "どこも",
  "みんなに",
  "みなに",
];

/** Words of a Japanese question; a plain scan (includes), no pattern. */
/**
 * 「相手の受信箱がいっぱいとか知らんし」 without its words of feeling, 「…いっぱいとか」: the 「か」 of 「とか」 ("or such",
 * 「なんとか」 "somehow") lists, it asks nothing; what the diagnosis said, quoted before the feeling, is told.
 */
const LISTING = "とか";
const QUESTION_WORDS = [
  "何",
  "なに",
  "なん",
  "どう",
  "どこ",
  "どれ",
  "どの",
  "いつ",
  "だれ",
  "誰",
  "なぜ",
  "なんで",
  "どうして",
  "教えて",
  "おしえて",
  // A command to tell (「確認の仕方を教えなさいよ」).
  "教えなさい",
  "おしえなさい",
  "知りたい",
  "とは",
  "ってこと",
  "べき",
  "いい?",
  "ですか",
  "ますか",
  "でしょうか",
  // asking for a yes (「再送しなくていいんだよね」「ウイルスじゃないでしょ？」「間違えたのかな」)
  "よね",
  "でしょ",
  "のかな",
  "っけ",
  // Whether, not known (「相手が受け取ったかわからなくて不安」「届いたかどうか」): an indirect question.
  "かわからな",
  "かわかんな",
  "かどうか",
];

/**
 * Endings that ask only at the end: 「かな」 (inside, it is part of 「届かない」), and a wish, which asks for
 * the way (「感染してるか調べたい」「動画を送りたいです」), and "the way to" (「容量を増やす方法」).
 */
const CONFIRMING_ENDS = [
  "かな",
  // 「電話で聞けないのかね」「届くかいね」(Izumo)「届ぐべが」(Nanbu)「連絡せんなんがけ」(Kanazawa): a question's own
  // ending in an older speaker's or a dialect's words, no 「か」 or 「の」 last.
  "かね",
  "かいね",
  "べが",
  "べか",
  "がけ",
  // Round 37 (family37b): a guess left open (「ほかの人にも届いていないのでは」 "surely the others didn't get it
  // either?"): asks to be told whether it is so, as 「…のかな」 does.
  "のでは",
  "たい",
  "たいです",
  "たいんですが",
  "たいんだけど",
  "方法",
  "やり方",
  "には",
];

/**
 * 「ただのお知らせか。」「打ち間違いか、」: a piece ending in 「か」 before a full stop or comma (no question
 * mark) that asks nothing without it is something realised, said aloud, not a question. So is what was understood
 * told back with 「…んですね。」「…のね、」 before more is said (「受信箱がいっぱいなんですね。伝えておきます」「教えて
 * やればいいんですね。わかりました」): the stop after it says no answer is awaited (asked, it closes the message or
 * has a question mark).
 */
export function realises(piece: string): boolean {
  const t = nfkc(piece).trim();
  const mark = t.at(-1);
  // NFKC writes 「…」 as "...".
  if (mark !== "。" && mark !== "、" && mark !== "," && mark !== ".") return false;
  const body = trimEndOf(t, SENTENCE_END);
  if (TOLD_BACK.some((e) => body.endsWith(e))) return true;
  return body.endsWith("か") && !isQuestion(body.slice(0, -1));
}
/** Endings that tell back what was understood (「そうなんですね」「いっぱいなのね」), before a stop or comma. */
const TOLD_BACK = ["んですね", "のですね", "んだね", "のね"];

/**
 * Whether one sentence of a story asks (isQuestion), leaving out what only tells: 「送れてないみたい」
 * ("it seems", no wish of 「たい」) and 「3回目なんです」 (「なん」 of "it is", no "what").
 */
export function sentenceAsks(sentence: string): boolean {
  if (hasQuestionMark(sentence)) return true;
  const end = trimEndOf(nfkc(sentence), SENTENCE_END);
  if (TELLING_ENDS.some((e) => end.endsWith(e))) return false;
  return isQuestion(sentence);
}
const TELLING_ENDS = ["みたい", "みたいです", "なんです", "なんですけど", "なんだけど", "なんだ"];

/** Words that report what a returned mail or the mail app said (a plain scan, no pattern). */
const REPORT_WORDS = [
  "って出",
  "と出",
  "ってでた",
  "とでた",
  "と表示",
  "って表示",
  "と言われ",
  "って言われ",
  "といわれ",
  "っていわれ",
  "と書いて",
  "って書いて",
  "ってかいて",
  "と来",
  "って来",
  "ってき",
  "came back with",
  "it says",
  "said",
];

export function reportsBounce(text: string): boolean {
  const folded = fold(text);
  return REPORT_WORDS.some((w) => reportedIn(folded, w));
}

/**
 * 「…って来た」 quotes what came; 「返ってきた」「戻ってきた」「入ってきた」 are a verb's own て form (the mail came
 * back, a virus got in), which says nothing of what the mail said (「返ってきたメールにウイルスが入ってることって
 * ある？」 asks, it does not report): a word of REPORT_WORDS opening with って counts only where no such verb's
 * stem is right before it. A plain scan.
 */
function reportedIn(folded: string, word: string): boolean {
  if (!word.startsWith("って")) return folded.includes(word);
  for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1))
    if (!MOTION_STEMS.some((stem) => folded.endsWith(stem, at))) return true;
  return false;
}
const MOTION_STEMS = ["返", "戻", "帰", "入", "送", "かえ", "もど", "はい", "おく"];

/** An English question: no Japanese, and a question word first, a question mark last or a tag ("… or what"). */
export function isEnglishQuestion(text: string): boolean {
  return (
    !JAPANESE.test(text) &&
    (ENGLISH_QUESTION.test(text.trimStart()) || /\?\s*$/.test(text) || endsWithTag(text))
  );
}

/**
 * 「届いたのか届いてないのかハッキリしてよ」「他の人には届いてるのか心配で」「読んだのか読んでないのか分からない」
 * 「届いてないんじゃないかと心配」: a question embedded in what is felt or wanted known (…のか, …かどうか, …んじゃない
 * か, then a word of not knowing, worry or wanting it clear, a particle or a pause at most between): asked, though no
 * sentence ends as a question. A hand scan from each marker.
 */
export function asksIndirectly(text: string): boolean {
  const t = nfkc(text);
  for (const mark of EMBEDDED) {
    for (let at = t.indexOf(mark); at >= 0; at = t.indexOf(mark, at + 1)) {
      let i = at + mark.length;
      while (i < t.length && i - (at + mark.length) < 2 && BETWEEN_EMBEDDED.has(t[i]!)) i++;
      if (WONDERING.some((w) => t.startsWith(w, i))) return true;
    }
  }
  return false;
}
const EMBEDDED = ["のか", "かどうか", "んじゃないか", "のではないか"];

/**
 * 「どこが違うのかさっぱりわからん」「相手に届いたのか全然わからない」: a question embedded with 「のか」 or 「かどうか」, then
 * a word of not knowing (after a particle and how little one can tell, `utterly`: ui.yaml typedWords), asks that
 * question: the not knowing is its frame, no being lost. The text up to the marker, or undefined. A hand scan.
 */
export function askedBeforeNotKnowing(text: string, utterly: readonly string[]): string | undefined {
  const t = nfkc(text);
  for (const mark of EMBEDDED.slice(0, 2)) {
    for (let at = t.indexOf(mark); at >= 0; at = t.indexOf(mark, at + 1)) {
      let i = skipBetween(t, at + mark.length);
      const how = utterly.find((w) => t.startsWith(w, i));
      if (how !== undefined) i = skipBetween(t, i + how.length);
      if (NOT_KNOWING.some((w) => t.startsWith(w, i))) return t.slice(0, at + mark.length);
    }
  }
  return undefined;
}
const NOT_KNOWING = ["分から", "わから", "わかん"];
function skipBetween(t: string, from: number): number {
  let i = from;
  while (i < t.length && i - from < 2 && BETWEEN_EMBEDDED.has(t[i]!)) i++;
  return i;
}
const BETWEEN_EMBEDDED = new Set([..."とがはも、, "]);
const WONDERING = [
  "分から",
  "わから",
  "わかん",
  "ハッキリ",
  "はっきり",
  "心配",
  "不安",
  "気にな",
  "知りたい",
  "モヤモヤ",
  "もやもや",
];
