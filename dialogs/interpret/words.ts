import type { UiTexts } from "../ui.ts";

/**
 * The words the interpreter scans typed text for (plain substring scans in scans.ts, no patterns: linear on
 * any input). Words support staff may edit (what "it helped", "but", a want, a guess... is said with) are
 * data: knowledge/data/ui.yaml `typedWords`, checked by its schema (dialogs/ui.ts). The lists below are
 * grammar the scans are built around (endings, counters, marks), not vocabulary.
 */
export type TypedWords = UiTexts["typedWords"];

/** 「何度送っても」: "how often", followed within TRY_WINDOW letters by "even if" (EVEN_IF). */
export const HOW_OFTEN = ["何度", "何回", "なんど", "なんかい"];
export const EVEN_IF = ["ても", "んでも"];
/** 「何度送り直しても」: a verb of a few letters between "how often" and "even if". */
export const TRY_WINDOW = 7;
/** The counters of times (「3回」「二度」): tries counted before a verb of trying (countsSends). */
export const TIMES = ["回", "度"];
/** 「3回とも」 "all three times". */
export const ALL_OF_THEM = "とも";
/** A digit's kanji (「三度目」「十回も」): tries counted (countsTries). */
export const KANJI_NUMERALS = "一二三四五六七八九十";

/** The marks and spaces a piece may end with, left out before reading its end (asksFor, isConnective). */
export const REQUEST_END_MARKS = " 　。.!！、,〜~…ー";
/** Ends of a request (「もう一回言って」「教えてください」). */
export const REQUESTS = [
  "て",
  "てください",
  "て下さい",
  "ください",
  "お願い",
  "お願いします",
  "おねがい",
  "ほしい",
  "欲しい",
  "ほしいです",
  "欲しいです",
  // Round 35 (emo25): the casual request (「数字だけちょうだい」 "just give me the numbers").
  "ちょうだい",
];
/**
 * A polite request after a command typed (「やり直しでお願いします」「最初からにして」 "restart please"): the command
 * asked for. Longest first: the first that ends the text is cut off.
 */
export const COMMAND_REQUESTS = [
  "でお願いします",
  "をお願いします",
  "でおねがいします",
  "をおねがいします",
  "お願いします",
  "おねがいします",
  "してください",
  "して下さい",
  "でお願い",
  "をお願い",
  "お願い",
  "おねがい",
  "にして",
  // Shown asked for (「メニュー出して」「人間を出して」), before the bare して they end in.
  "を出して",
  "出して",
  "を見せて",
  "見せて",
  "を表示して",
  "表示して",
  "して",
  " please",
];
/** The commands that are asked for in so many words (not "yes", "no" or "cancel", which answer). */
export const REQUESTABLE_COMMANDS: ReadonlySet<string> = new Set([
  "menu",
  "restart",
  "human",
  "paste",
  "help",
]);
/** The feedback button's "yes" label as typed: right after the diagnosis, an acknowledgement. */
export const ACKNOWLEDGING_YES = ["はい", "yes"];
/** 「AじゃなくてB」: what is wanted comes after these. */
export const CONTRASTS = ["じゃなく", "ではなく"];
/**
 * Ends of a reason told before a request (「コピーできないので、…」「貼れないから、…」, or what happened, told in the
 * past before a comma: 「宛先まちがえた、…」): 「から」 only before a comma, where it is no "from" or "since"
 * (「昨日から届かない」).
 */
export const REASONS = ["ので、", "ので,", "ので", "から、", "から,", "た、", "た,"];
/** A want (「送りたい」「知りたい」). */
export const WANT = "たい";
/** What turns from a want to what is asked about it (「…たいんだけど、」「…たいのに」「…たいのですが」). */
export const WANT_TURNS = [
  "けど",
  "のに",
  "んだけど",
  "んやけど",
  "んですけど",
  "んですが",
  "のですが",
  "が、",
  "が,",
];
/**
 * 「スキャンしたけど何も出なかった。でもまだ来る」: a sentence opening with these turns from what was done or
 * found to what is the matter now.
 */
/** Units a size is told in (NFKC, lower case): 「35MB」「40メガ」 "2 gb". */
export const SIZE_UNITS = ["mb", "gb", "メガ", "めが", "ギガ", "ぎが"];
/** Words that ask how to do something (「どうやって送れば」「送る方法」 "how do I"), read on NFKC lower case. */
export const HOW_ASKED = [
  "どうやって",
  "どうやったら",
  "どうしたら",
  "どうすれば",
  "どうすりゃ",
  "どう送",
  "どう渡",
  "どうおく",
  "方法",
  "やり方",
  "how do",
  "how can",
  "how to",
  "how am",
  "how should",
  "how would",
  "any way",
];
/** Words that ask what the limit is (「何MBまで」「上限」 "max"): a size told beside them asks about the limit. */
export const LIMIT_ASKED = [
  "上限",
  "制限",
  "まで",
  "何mb",
  "何メガ",
  "なんめが",
  "何ギガ",
  "limit",
  "max",
  "how big",
  "how large",
  "how many",
  "how much",
];
export const TURNS = ["でも", "なのに", "それでも", "だけど", "けど", "but ", "yet ", "still "];
/** Words that point at the text itself (「これ何？」 "what is this?" beside a bounce: that bounce). */
export const THIS = ["これ", "こいつ", "this"];
/** 「相手の？それとも私の？」: a sentence opening with these is the other half of one choice, no question of its own. */
export const ALTERNATIVES = ["それとも", "または", "もしくは", "or "];
/** Tries counted (「何度も見直しました」): 何 asks nothing there. */
export const COUNTING = ["何度", "何回", "なんど", "なんかい"];

/** Asking leave (「別のも聞いていい？」「貼ってもいいですか」): a want, asked politely. */
export const ASKING_LEAVE = [
  "てもいい",
  "ていい",
  "てもいいですか",
  "ていいですか",
  "てもよい",
  "てもいいかな",
];
/** A want told in English ("I want to…", "I'd like to…", "let me…"), or a demand ("get me…", "put me through"). */
export const WANTS_EN = [
  "get me",
  "give me",
  "put me through",
  "connect me",
  "i need",
  "i want",
  "i wanna",
  "i'd like",
  "i would like",
  "let me",
  "let's",
  "can i ask",
  "may i ask",
];

/**
 * "What do I do" asked as where or what to change (「どこ直せばいいの」「何を直せば」「設定のどこ」 "what do I fix"): the
 * diagnosis's key answer, not its steps again (main-event.ts).
 */
export const WHERE_TO_FIX = [
  "どこ",
  "何を",
  "なにを",
  "どれを",
  "where",
  "what to fix",
  "what do i fix",
  "which",
];
/**
 * 「次は何をすれば」「なにをしたらいいの」: 「何を」 with a verb of doing asks what to do, the steps, not what to change
 * (every such text after a diagnosis in dev was labelled the next step): taken out before WHERE_TO_FIX is looked for.
 */
export const WHAT_TO_DO = ["何をす", "何をし", "何をや", "なにをす", "なにをし", "なにをや"];
