import { ENDING_MARKS, endsWithQuestionMark, GAPS } from "../marks.ts";
import { folded, includesAny, trimEndOf, trimStartOf, withoutWords } from "../text.ts";
import { conditionOf, sentencesOf } from "./asking.ts";
import { MAX_QUESTION_CHARS } from "./thresholds.ts";

/**
 * How a question is framed, read by plain scans (includes, ends; no pattern): whether it asks only whether
 * something is so, retells advice, asks what a word or the diagnosis means. The question index
 * (understand.ts) and the rules after its decision (overrides.ts) read them.
 */

/** Ends of a text that asks whether something is so (「…ってこと？」「…なの？」「…止められてるん？」). */
const WHETHER_ENDS = [
  "こと",
  "ことか",
  "ことかな",
  "ことね",
  "ことですか",
  "ことですかね",
  "ことでしょうか",
  // Round 31 (cold31): asked for agreement (「相手の箱がいっぱいってことだよね？」「…ってことですよね」).
  "ことだよね",
  "ことですよね",
  "ことだよな",
  "ことだね",
  "ことでしょ",
  "ことでしょう",
  "の",
  "のか",
  "なん",
  "るん",
  "たん",
];
/** Words that ask why, who, which, what, how or when, or what to do (「…すればいいの」): more than whether. */
const ASKING_WORDS = [
  "なぜ",
  "なんで",
  "どうして",
  "どっち",
  "どちら",
  "だれ",
  "誰",
  "どう",
  "いつ",
  "何",
  "なに",
  "どこ",
  "どれ",
  "いい",
  "why",
  "how",
  "who",
  "which",
  "when",
];
/**
 * Words that ask why (「送ってないのになんで私に？」 "how come they land in my inbox"). Not 「何で」, which also asks
 * by what means (「何で送ればいい？」).
 */
const WHY_WORDS = ["なぜ", "なんで", "どうして", "why", "how come", "howcome", "what for"];

/** Words that hold 「なんで」 without asking why: 「…なんです」「…なんでしょう」 (it is so). */
const NOT_WHY = ["なんです", "なんでしょ"];
/**
 * 「なんでも」 (anything) holds it too, told by what follows it. Not 「なんでも」 alone: typed in kana, 「なんでもどってくる
 * の？」 is なんで + 戻る, and 「なんでもう…」「なんでもっと…」 ask why too (round 40, family40c; the reason question's
 * `needsNot` in general.yaml lists the same forms). Looked for only in a text that holds 「なんでも」.
 */
const ANYTHING = [
  ...[..."いなあかき聞こ答そ相し質で出お教よすゆ言"].map((next) => `なんでも${next}`),
  "なんでもok",
  "なんでもどうぞ",
];

/** Whether a text asks why: a plain scan. */
export function asksWhy(text: string): boolean {
  const t = withoutWords(folded(text, MAX_QUESTION_CHARS), NOT_WHY);
  return includesAny(t.includes("なんでも") ? withoutWords(t, ANYTHING) : t, WHY_WORDS);
}

/**
 * Whether one of `phrases` (folded) comes before the first why of a text ("I never send this mail, why I get it
 * back?": "this mail" before "why"). Plain scans; read only for a question whose why is redirected (`whyKeptAfter`).
 */
export function namedBeforeWhy(text: string, phrases: readonly string[]): boolean {
  const t = withoutWords(folded(text, MAX_QUESTION_CHARS), NOT_WHY);
  let why = -1;
  for (const w of WHY_WORDS) {
    const at = t.indexOf(w);
    if (at >= 0 && (why < 0 || at < why)) why = at;
  }
  if (why <= 0) return false;
  for (const p of phrases) {
    const at = t.indexOf(p);
    if (at >= 0 && at < why) return true;
  }
  return false;
}

/**
 * Whether a why asks about returned mail in general, not about a mail of one's own told (「なんでエラーメールって
 * 戻ってくるの」「そもそも送ったメールが戻ってくるのはなんで？」, not 「メール戻ってきよるんやけどなんでなん」): the
 * mail made the topic (…って, …は), the why asked of a 「…のは」, or 「そもそも」. With nothing on screen its answer
 * is the usual causes with the line to paste (the reason question), not the paste help alone. Plain scans.
 */
export function asksWhyInGeneral(text: string): boolean {
  const t = folded(text, MAX_QUESTION_CHARS);
  return (asksWhy(t) || includesAny(t, GENERAL_CAUSE_WORDS)) && includesAny(t, IN_GENERAL);
}
/**
 * Round 37 (family37a): a cause asked for in its own word (「そもそも…どういう原因があるんですか」 "what usually causes
 * returned mail?") asks why as 「なんで」 does. " cause" with its space: "because" holds it.
 */
const GENERAL_CAUSE_WORDS = ["原因", "理由", "げんいん", "りゆう", " cause", "what makes"];
const IN_GENERAL = [
  // Round 37 (family37a): in English, a why of mail in general ("why do emails bounce back in general?", "what makes
  // an email come back?", a cause in the present: "what causes", "what makes").
  "in general",
  "generally",
  "usually",
  "normally",
  "typically",
  "why do emails",
  "why do mails",
  "why does email",
  "what causes",
  "what makes",
  "めーるって",
  "メールって",
  "めーるは",
  "メールは",
  "のはなんで",
  "のはなぜ",
  "のはどうして",
  "のってなんで",
  "のってなぜ",
  "のってどうして",
  "そもそも",
];

/**
 * Whether a text asks only why "this" happened (「なんでこうなるん」「どうしてこうなっちゃうの」「なんでこんなことに」):
 * a word of why and one of this, and besides them a few letters of ending at most (「なんでこうなるの、相手のせい？」
 * asks more). With a diagnosis on screen, "this" is that diagnosis. Plain scans.
 */
export function asksWhyOfThis(text: string): boolean {
  const t = folded(text, MAX_QUESTION_CHARS);
  if (!asksWhy(t) || !includesAny(t, THIS_WORDS)) return false;
  // One sentence of one clause: 「なんでこうなるの、私のせい？」 goes on to ask something else.
  if (sentencesOf(t).length > 1 || includesAny(t, CLAUSE_MARKS)) return false;
  return lettersIn(withoutWords(withoutWords(t, WHY_WORDS, ""), THIS_WORDS, "")) <= THIS_ENDING_CHARS;
}
/**
 * Whether a text is a why and nothing more (「なんで？」「なぜなの」 "why??"): beside being lost (「なんで？意味わかんない！」)
 * it asks no cause, it says the whole is not understood.
 */
export function asksOnlyWhy(text: string): boolean {
  const t = folded(text, MAX_QUESTION_CHARS);
  if (!asksWhy(t)) return false;
  return lettersIn(withoutWords(t, WHY_WORDS, "")) <= ONLY_WHY_ENDING_CHARS;
}
/** How many letters (not marks, digits or spaces) a text has: the ending left beside the words taken out. */
function lettersIn(text: string): number {
  let n = 0;
  for (const c of text) if (LETTER.test(c)) n++;
  return n;
}
const LETTER = /\p{L}/u;
/** Letters of ending a why alone may have (「なんでなの」「どうしてよ」). */
const ONLY_WHY_ENDING_CHARS = 2;

/** "This" that happened (「こう」「こんなこと」): longer words first, so that the whole is taken out. */
const THIS_WORDS = ["こんなこと", "こんな事", "こうなっ", "こうなる", "こんな", "これ", "こう"];
/** The most letters of ending left beside why and this (「ちゃうの」 of 「こうなっちゃうの」, 「たんだろう」). */
const THIS_ENDING_CHARS = 5;
/** Marks between two clauses. */
const CLAUSE_MARKS = ["、", ","];

/**
 * A cause named and asked about, not the cause asked for (「SPFとかDMARCが原因なの？」「原因は相手のほう？」「私の
 * せい？」 "is it because of the attachment?"): the reason question is not what it asks, the cause it names is. A
 * word of what next to the cause asks it (「何が原因？」「原因はなに？」「原因を教えて」「何のせい？」), and so does a
 * word of why anywhere (「なんで？原因は相手？」). Plain scans, no pattern.
 */
const CAUSE_WORD = "原因";
/** Words of what just before 「が原因」 or 「のせい」. */
const WHAT_BEFORE = ["何", "なに", "なん", "どこ", "どれ", "誰", "だれ"];
/** How 「原因は」 goes on when it asks (「原因は？」「原因はなんですか」「原因はわかりますか」「原因は教えてもらえる？」). */
const ASKED_AFTER = [
  "何",
  "なに",
  "なん",
  "どこ",
  "どれ",
  "わか",
  "分か",
  "教え",
  "おしえ",
  "知",
  "しり",
  "って",
];
const NAMED_EN = [
  "is it because",
  "was it because",
  "is that because",
  "was that because",
  "is it due to",
  "was it due to",
  // "my friend uses docomo phone mail, is that why?": the cause named before, asked whether it is the one.
  "is that why",
  "that's why",
  "that is why",
  "could that be why",
  "could this be why",
  "is this why",
];

export function namesCause(text: string): boolean {
  const t = folded(text, MAX_QUESTION_CHARS);
  if (includesAny(t, NAMED_EN)) return true;
  const before = (at: number) => WHAT_BEFORE.some((w) => t.slice(Math.max(0, at - w.length), at) === w);
  for (let at = t.indexOf(`が${CAUSE_WORD}`); at >= 0; at = t.indexOf(`が${CAUSE_WORD}`, at + 1))
    if (!before(at)) return true;
  for (let at = t.indexOf(`${CAUSE_WORD}は`); at >= 0; at = t.indexOf(`${CAUSE_WORD}は`, at + 1)) {
    const rest = trimStartOf(t.slice(at + CAUSE_WORD.length + 1), GAPS);
    if (rest !== "" && !ENDING_MARKS.has(rest[0]!) && !ASKED_AFTER.some((w) => rest.startsWith(w)))
      return true;
  }
  for (let at = t.indexOf("のせい"); at >= 0; at = t.indexOf("のせい", at + 1)) if (!before(at)) return true;
  return false;
}

/** Words of a cause or reason (the reason question's, but 「なんで」: a why asks even in a condition). */
const CAUSE_WORDS = ["原因", "げんいん", "理由", "りゆう", "cause", "reason"];

/**
 * The cause spoken of in a condition of what is asked, not asked (「原因がわからないなら、次は何をしたらいいですか」
 * "if you can't tell the reason, what should I do?"): the last sentence opens with a condition holding a word of
 * cause, and what follows it holds none. A plain scan.
 */
export function causeInCondition(text: string): boolean {
  const split = conditionOf(sentencesOf(text).at(-1) ?? "");
  if (split === undefined) return false;
  const [condition, asked] = split.map((part) => folded(part, MAX_QUESTION_CHARS));
  return includesAny(condition!, CAUSE_WORDS) && !includesAny(asked!, CAUSE_WORDS) && !asksWhy(asked!);
}

/**
 * Whether a text asks whether something is so (「相手のメールボックスがいっぱいってこと？」「アドレス止められ
 * てるの？」) and nothing more (why, who, which, what to do): a plain scan, no pattern.
 */
export function asksWhetherSo(text: string): boolean {
  const t = folded(text, MAX_QUESTION_CHARS);
  if (includesAny(t, ASKING_WORDS)) return false;
  const body = trimEndOf(t, ENDING_MARKS);
  return WHETHER_ENDS.some((e) => body.endsWith(e)) || toldAsQuestion(t);
}

/**
 * "so its still trying?" "so she's not using that address anymore?": English told as a sentence, with a
 * question mark (no question word or auxiliary first: "should i…", "can i…" ask what to do), asks whether it
 * is so. Words split at spaces: a plain scan.
 */
function toldAsQuestion(t: string): boolean {
  if (!endsWithQuestionMark(t) || !/^[\x20-\x7e]+$/.test(t)) return false;
  const words = t.split(" ").filter((w) => w !== "");
  // "…, what's a domain?" asks what, wherever it stands.
  if (words.some((w) => w.startsWith("what") || w.startsWith("where"))) return false;
  const first = words.find((w) => !OPENERS.has(w.replace(/[^a-z']/g, "")));
  return first !== undefined && !DOING_WORDS.has(first.replace(/[^a-z']/g, ""));
}
/** Words that open an English sentence told as a question, before what is said ("so", "wait,", "oh"). */
const OPENERS: ReadonlySet<string> = new Set([
  "so",
  "wait",
  "oh",
  "ok",
  "okay",
  "hmm",
  "um",
  "and",
  "then",
  "ah",
]);
/** An English question that asks what to do or may be done, or whether it did, opens with one of these. */
const DOING_WORDS: ReadonlySet<string> = new Set([
  "should",
  "can",
  "could",
  "do",
  "does",
  "did",
  "will",
  "would",
  "may",
  "shall",
  "must",
  "might",
  "am",
  "any",
  "if",
  "hows",
  "pls",
  "please",
]);

/** How people ask what something means or whether it is so (「…ってこと？」「…って何？」 "so it means…?"). */
const MEANING_FRAMES = [
  "ってこと",
  "ということ",
  "って事",
  "という事",
  "ってなに",
  "って何",
  "ってなん",
  "とは",
  "どういう意味",
  "どういうこと",
  "意味",
  "つまり",
  "mean",
];

/**
 * Ends of what a text says to do (「待っとけば いい」「待つしかない」「送らずに待っとけ」「聞くべき」「送っていい」):
 * retold and asked whether it is so, the action is what is asked.
 */
const ADVICE_ENDS = [
  "ばいい",
  "ばよい",
  "ばok",
  "しかない",
  "っとけ",
  "っとく",
  "ておけ",
  "ておく",
  "でおけ",
  "べき",
  "ていい",
  "でいい",
  "もいい",
  "なきゃ",
  "ないとだめ",
  "ないといけない",
];

/**
 * Whether a text retells what to do and asks whether that is it (「つまり待っとけばいいってこと？」「じゃあ相手
 * に聞くしかないの？」), not how or what to do (「どうすればいいの」): a plain scan, no pattern.
 */
export function retellsAdvice(text: string): boolean {
  const t = folded(text, MAX_QUESTION_CHARS);
  if (!includesAny(t, ADVICE_ENDS)) return false;
  return asksMeaning(t) || asksWhetherSo(t.split("いい").join(""));
}

/** Frames after a word that ask what it means (「SPFってなに」「リレーとは」). */
const TERM_FRAMES = [
  "ってなに",
  "って何",
  "ってなん",
  "とは",
  "ってどういう",
  // The word itself not understood (「ドメインって言葉がわからない」「…の意味がピンとこない」).
  "って言葉",
  "という言葉",
  "って単語",
  "という単語",
  "って用語",
  "の意味",
  "って意味",
  "ってわから",
  "って分から",
  "ってよくわから",
  "ってピンとこ",
];

/** A frame of meaning that goes on to ask a name (「…って何て呼ぶの」「…って何ていう名前」). */
const NAME_ASKED = [
  "って何て呼",
  "ってなんて呼",
  "ってなんてよ",
  "って何と呼",
  "ってなんと呼",
  "って何ていう名",
  "ってなんていう名",
];

/**
 * Whether a sentence or piece asks what a word means with 「って」 or 「とは」 (「ブラックリストって何？」): termAskedAbout
 * behind a word test, so that the readers asking it of every sentence with a diagnosis on screen (interpret/question.ts,
 * interpret/upset.ts) scan it only where such a frame may be; English frames are not asked for there.
 */
export function asksTermMeaning(text: string): boolean {
  return (text.includes("って") || text.includes("とは")) && termAskedAbout(text) !== undefined;
}

/**
 * The word a text asks the meaning of (「SPF」 of 「SPFってなに？」), when the text is that word and a frame
 * that asks what it means, and nothing more; else undefined. A plain scan.
 */
export function termAskedAbout(text: string): string | undefined {
  const t = withoutWords(folded(text, MAX_QUESTION_CHARS), TERM_FILLERS, "").trim();
  if (t.length > MAX_TERM_QUESTION_CHARS) return undefined;
  // The word ends where the first frame starts (「ドメインって言葉がわからない」: not at 「がわから」).
  let at = -1;
  for (const frame of TERM_FRAMES) {
    let i = t.indexOf(frame);
    // 「できることは」: 「とは」 of 「こと」 + は is no frame.
    while (i > 0 && frame === "とは" && t[i - 1] === "こ") i = t.indexOf(frame, i + 1);
    if (i > 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) return englishFramed(t);
  // 「@より後ろって何て呼ぶの」: the name of what is described is asked, not what a word means; the description
  // read alone would be a question of its own (wrong address) that the text does not ask.
  if (NAME_ASKED.some((n) => t.startsWith(n, at))) return undefined;
  const term = withoutWords(t.slice(0, at), TERM_QUOTES, "").trim();
  return term.length >= 2 && !term.includes(" ") ? term : undefined;
}

/**
 * A Japanese word asked about in English ("what is 容量オーバー?", "what does 遅延 mean", "what means 宛先不明"): the
 * word, when the text is that word, an English frame of meaning and nothing more; else undefined. Only a word with
 * letters beyond ASCII: an English word asked about ("what is SPF?") is read by the examples as it was. A plain scan,
 * on the already folded text, after a word test.
 */
function englishFramed(t: string): string | undefined {
  if (!t.includes("what") && !t.includes("mean")) return undefined;
  const term = withoutWords(withoutWords(t, TERM_FRAMES_EN), TERM_QUOTES, "").trim();
  if (term.length < 2 || term.includes(" ")) return undefined;
  for (let i = 0; i < term.length; i++) if (term.charCodeAt(i) > 0x7f) return term;
  return undefined;
}
/** English frames of meaning around a word, longer first where one holds another ("means" before "mean"). */
const TERM_FRAMES_EN = [
  "what does",
  "what do",
  "what is",
  "what's",
  "whats",
  "what means",
  "what mean",
  "meaning of",
  "means",
  "mean",
  "the word",
  "this word",
  "please",
  "?",
  "!",
];
/** Quotes around the word (「「ドメイン」って何？」). */
const TERM_QUOTES = ["「", "」", "『", "』", '"', "'"];
/** Words that stress the asking and say nothing of the word asked about (「ドメインってそもそも何？」). */
const TERM_FILLERS = ["そもそも", "いったい", "一体", "結局", "いまいち", "イマイチ"];
/** A question about one word is short (「リレーって何のことですか」). */
const MAX_TERM_QUESTION_CHARS = 20;

/** Whether a text asks what something means or whether it is so (a plain scan, no pattern). */
export function asksMeaning(text: string): boolean {
  const t = folded(text, MAX_QUESTION_CHARS);
  return includesAny(t, MEANING_FRAMES);
}

/**
 * Whether a text asks what something is (「なんなのこれ」「これ何？」 "what is this"), or what it means: a
 * plain scan. 「これいつまで続くの」 names the mail on screen but asks how long.
 */
export function asksWhatItIs(text: string): boolean {
  const t = folded(text, MAX_QUESTION_CHARS);
  return includesAny(t, WHAT_WORDS) || includesAny(t, MEANING_FRAMES);
}
/** "What" (何通, 何回 ask counts: 「これ何通来るの」 is rare enough after a diagnosis to be read as "what"). */
const WHAT_WORDS = ["何", "なに", "なんな", "なんじゃ", "what"];

/** A goal named before asking how (「…を知るにはどうしたらいい」「…するためには」): a plain scan. */
export function namesGoal(text: string): boolean {
  const t = folded(text, MAX_QUESTION_CHARS);
  const at = t.indexOf("には");
  return at > 0 && includesAny(t.slice(at + 1), GOAL_HOW);
}
/** How asked after the goal. */
const GOAL_HOW = ["どう", "方法", "何を", "なにを"];
