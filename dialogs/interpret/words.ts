/**
 * The word lists the interpreter scans typed text for (plain substring scans in scans.ts, no patterns:
 * linear on any input). Japanese first, then English.
 */

/** 「何をしても」 (whatever they try): tries told as all in vain (triedInVain). */
export const WHATEVER_TRIED = ["何をしても", "何しても", "何をやっても", "何やっても", "なにやっても"];
/** 「何度送っても」: "how often", followed within TRY_WINDOW letters by "even if" (EVEN_IF). */
export const HOW_OFTEN = ["何度", "何回", "なんど", "なんかい"];
export const EVEN_IF = ["ても", "んでも"];
/** 「何度送り直しても」: a verb of a few letters between "how often" and "even if". */
export const TRY_WINDOW = 7;
/** A digit's kanji (「三度目」「十回も」): tries counted (countsTries). */
export const KANJI_NUMERALS = "一二三四五六七八九十";

/** Words that ask what something is (asksWhatItIs). */
export const WHAT_WORDS = [
  "何",
  "なに",
  "とは",
  "意味",
  "いみ",
  "どういう",
  "どんな",
  "正体",
  "ってなん",
  "なんなの",
  "なんです",
  "なんのこと",
  "誰",
  "だれ",
  "what",
  "mean",
  "who",
  // A returned mail's subject named (「『Returned mail』って件名のが来た」) asks what that mail is.
  "件名",
  "subject",
];
/** Counts (何度, 何通) and "something" (何か): 何 that asks nothing. */
export const NOT_WHAT = [
  "何か",
  "何度",
  "何回",
  "何日",
  "何通",
  "何十",
  "何百",
  "何件",
  "何時間",
  "何もしてない",
];

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
];
/** Words that join a piece to what follows (「じゃあ、」「では、」 "so,"): no goodbye. */
export const CONNECTIVES = [
  "じゃあ",
  "じゃ",
  "では",
  "それでは",
  "それじゃ",
  "それなら",
  "なら",
  "then",
  "so",
];
/** The feedback button's "yes" label as typed: right after the diagnosis, an acknowledgement. */
export const ACKNOWLEDGING_YES = ["はい", "yes"];
/** Words of a guess (「…かも」「…かな」 "maybe"): a fact told with them is still asked about. */
export const GUESS_WORDS = [
  "かも",
  "かな",
  "かしら",
  "たぶん",
  "多分",
  "maybe",
  "might",
  "probably",
  "perhaps",
];

/** Words that tell a want (「人がいい」「人と話したい」「人を出して」). */
export const WANTS = [
  "がいい",
  "が良い",
  "たい",
  "ほしい",
  "欲しい",
  "出して",
  "代わって",
  "かわって",
  "お願い",
  "please",
  "want",
];
/** 「AじゃなくてB」: what is wanted comes after these. */
export const CONTRASTS = ["じゃなく", "ではなく"];
/** A piece opening with these (「でも」 "but"): what follows is what is meant. */
export const BUTS = [
  "でも",
  "だけど",
  "けど",
  "けれど",
  "しかし",
  "ただ、",
  "but ",
  "but,",
  "though",
  "however",
];
/** Words that name a person to talk to. */
export const PEOPLE = ["人", "担当", "オペレーター", "スタッフ", "human", "person", "agent", "someone"];
/** A try still to come (「だめだったらまた来ます」): nothing tried yet. */
export const CONDITIONS = ["だめだったら", "ダメだったら", "無理だったら", "うまくいかなかったら"];
/** Tries counted (「何度も見直しました」): 何 asks nothing there. */
export const COUNTING = ["何度", "何回", "なんど", "なんかい"];

/** "It helped", said under the advice (ratedInWords). */
export const HELPED = [
  "helped",
  "helpful",
  "solved",
  "役に立",
  "やくにた",
  "助かり",
  "たすかり",
  "助かっ",
  "たすかっ",
  "参考にな",
  "わかりやす",
  "分かりやす",
  "解決し",
];
/** The negated forms of helping, understanding and solving: the advice did not help (ratedInWords). */
export const DENIED_HELP = [
  "立たな",
  "立ちませ",
  "たたな",
  "ならな",
  "なりませ",
  "わからな",
  "分からな",
  "わかりませ",
  "分かりませ",
  "わかりにく",
  "分かりにく",
  "解決しな",
  "解決しませ",
  "解決してな",
  "解決できな",
  "not help",
  "n't help",
  "no help",
  "not useful",
  "n't useful",
  "not clear",
  "n't clear",
  "not solved",
  "useless",
];

/** The recipient's reception settings asked about (carrier-named.ts). */
export const CARRIER_SETTING_WORDS = [
  "設定",
  "せってい",
  "許可",
  "受信リスト",
  "指定受信",
  "setting",
  "allow",
  "whitelist",
  "safe sender",
];
/** The user's own settings asked about: the recipient's carrier's steps do not answer that. */
export const OWN_SETTING_WORDS = [
  "私の設定",
  "わたしの設定",
  "自分の設定",
  "こっちの設定",
  "こちらの設定",
  "うちの設定",
  "my setting",
  "my own setting",
];

/** Asking leave (「別のも聞いていい？」「貼ってもいいですか」): a want, asked politely. */
export const ASKING_LEAVE = [
  "てもいい",
  "ていい",
  "てもいいですか",
  "ていいですか",
  "てもよい",
  "てもいいかな",
];
export const QUESTION_MARKS: ReadonlySet<string> = new Set([..."?？"]);
/** A want told in English ("I want to…", "I'd like to…", "let me…"). */
export const WANTS_EN = [
  "i want",
  "i wanna",
  "i'd like",
  "i would like",
  "let me",
  "let's",
  "can i ask",
  "may i ask",
];
