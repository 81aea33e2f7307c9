import { afterLastMark, folded, includesAny, mentionsAny, occursNotBefore, trimEndOf } from "../text.ts";
import { isQuestion, sentencePieces } from "./asking.ts";

/**
 * Whose side a text names: the user's own (「私の」「自分の」「うちの」「こっち」 "my") or the other party's
 * (「相手の」「先方」「向こう」 "their"). 「私のメールボックスがいっぱいなの？」 after "the recipient's
 * mailbox is full" asks whose mailbox it is; 「相手のメールボックスがいっぱいなの？」 says the diagnosis
 * again. Plain scans (includes, word boundaries by hand), no pattern: linear in the text.
 */

export type Side = "own" | "other" | "both";

/**
 * Words for what belongs to the user (possessive: 「私の」「自分の」「うちの」「こっちの」): 「私が偽物だと
 * 思われたってこと？」 names the user as the one acted on, which the diagnosis may well say.
 */
const OWN_JA = [
  "私の",
  "わたしの",
  "あたしの",
  "自分の",
  "じぶんの",
  "うちの",
  "僕の",
  "ぼくの",
  "俺の",
  "こっちの",
  "こっち側",
  "こちらの",
  "こちら側",
  "当方の",
  "弊社の",
  "わいの",
];
/** The user named alone as what is asked (「直すのは私？相手？」「悪いのは自分？」): folded, 「？」 is "?". */
const OWN_ASKED = ["私?", "わたし?", "自分?", "じぶん?", "僕?", "俺?", "こっち?", "こちら?"];
/** Words for the other party's side. */
const OTHER_JA = [
  "相手",
  "先方",
  "向こう",
  "むこう",
  "あっち",
  "あちら",
  "受け取る側",
  "受け取り側",
  "受信側",
  "あいての",
  "取引先",
];
/** English words, matched as whole words. */
const OWN_EN = ["my", "mine", "our"];
const OTHER_EN = ["their", "theirs", "they", "them", "recipient", "recipient's", "receiver"];

/**
 * Which side a text names, or undefined for neither. 「相手のアドレスを私が間違えた」 names both.
 */
export function sideNamed(text: string): Side | undefined {
  const t = folded(text);
  // 「うちの取引先」 names the other party (whose they are), not the user's side.
  const words = englishWords(t);
  const english = englishOwners(words);
  // Loops, not some() with a closure over `t`: asked ~30 times per typed text (the readers and the rules after
  // the decision), each closure was an allocation.
  let own = english.own || includesAny(t, OWN_ASKED);
  for (let i = 0; !own && i < OWN_JA.length; i++) own = occursNotBefore(t, OWN_JA[i]!, OTHER_JA);
  let other = english.other || includesAny(t, OTHER_JA);
  for (let i = 0; !other && i < words.length; i++) other = OTHER_EN.includes(words[i]!);
  if (own && other) return "both";
  return own ? "own" : other ? "other" : undefined;
}

/** A piece that asks for something in so many words ("please", 「ください」「お願い」): a plain scan. */
function requests(piece: string): boolean {
  const t = folded(piece);
  return includesAny(t, REQUEST_WORDS);
}
const REQUEST_WORDS = ["please", "pls", "plz", "ください", "下さい", "お願い", "おねがい"];

/**
 * The side a text names where it asks: 「私のメールボックスがいっぱいなの？」 asks about the user's own;
 * "Can you explain more simply, my English is not so good" names the user only in what it tells. With
 * some pieces asking and others telling, only the asking ones are read.
 */
export function sideAsked(text: string): Side | undefined {
  const pieces = sentencePieces(text);
  // "explain more simple please, my english not so good": a request asks as a question does.
  const asking = pieces.filter((p) => isQuestion(p) || requests(p));
  return sideNamed(asking.length > 0 && asking.length < pieces.length ? asking.join(" ") : text);
}

/**
 * Words that offer a choice between two things named (「相手側の制限なのか、うちの方の制限なのか」「私の？それとも
 * 向こう？」). English "or" is left out: "did it reach them or not" names no choice of sides.
 */
const CHOICE_WORDS = ["それとも", "または", "もしくは", "どっち", "どちら", "のか、"];

/**
 * Whether a text names both sides as a choice asked about (「相手側の制限に引っかかったのか、うちの方の制限なのか
 * 知りたい」), not both in one story (「相手のアドレスを私が間違えた」): a word of choice, or two questions.
 */
export function choosesSide(text: string): boolean {
  const t = folded(text);
  if (choosesProviderOrOwn(t)) return true;
  if (sideNamed(text) !== "both") return false;
  if (countOf(t, "?") >= 2) return true;
  return includesAny(t, CHOICE_WORDS);
}

/**
 * The user alone, named as one side of a choice (「私個人？」「私だけ？」 "me", "my address"): no possessive needed,
 * the choice itself says it is a side.
 */
const OWN_ALONE_JA = [
  "私個人",
  "わたし個人",
  "私だけ",
  "わたしだけ",
  "自分だけ",
  "自分個人",
  "うちだけ",
  "個人",
];
const OWN_ALONE_EN = ["me", "my", "mine", "i"];

/**
 * Whether a folded text offers a choice between the provider's side and the user's own (「ブロックされてるのはso-net
 * のサーバー？私個人？」 "is the block on So-net's server or on my address?"): whose side it is, though it names
 * So-net and an address (not whether a So-net address is affected too). English "or" is a word of choice here:
 * both sides are named.
 */
export function choosesProviderOrOwn(text: string): boolean {
  const t = folded(text);
  if (!includesAny(t, PROVIDER_WORDS)) return false;
  const words = englishWords(t);
  const own =
    sideNamed(t) === "own" || includesAny(t, OWN_ALONE_JA) || words.some((w) => OWN_ALONE_EN.includes(w));
  if (!own) return false;
  return questionsIn(t) >= 2 || includesAny(t, CHOICE_WORDS) || words.includes("or");
}

/** How many questions a folded text asks by its marks: a run of them (「？？」) closes one question. */
function questionsIn(t: string): number {
  let n = 0;
  for (let i = 0; i < t.length; i++) if (t[i] === "?" && t[i + 1] !== "?") n++;
  return n;
}

function countOf(t: string, mark: string): number {
  let n = 0;
  for (let at = t.indexOf(mark); at >= 0; at = t.indexOf(mark, at + 1)) n++;
  return n;
}

/**
 * People the user writes to, named with "my"/"our" ("my friend", "our member", "my boss"): the other party, as
 * 「うちの取引先」 is ("can you tell my friend her mailbox is full?" asks nothing of the user's own side).
 */
const PEOPLE_EN = new Set([
  "friend",
  "friends",
  "friend's",
  "boss",
  "client",
  "clients",
  "customer",
  "customers",
  "colleague",
  "colleagues",
  "member",
  "members",
  "mother",
  "mom",
  "mum",
  "father",
  "dad",
  "son",
  "daughter",
  "wife",
  "husband",
  "sister",
  "brother",
  "teacher",
  "partner",
  "family",
]);

/**
 * What the user sent, named with "my" ("my mail", "my email", "my photos"): the thing the diagnosis is about, on
 * no side ("why their side say my mail is spam?" asks why, not whose side), unless a setting of it follows ("my
 * mail settings", "my email app": the user's own side).
 */
const SENT_EN = new Set([
  "mail",
  "mails",
  "email",
  "emails",
  "e",
  "message",
  "messages",
  "letter",
  "attachment",
  "attachments",
  "photo",
  "photos",
  "file",
  "files",
  // "sorry my english is bad": the user's own language, no side of the problem.
  "english",
  "japanese",
  "language",
]);
/** What names the user's own side after a thing sent ("my mail settings", "my email app", "my e-mail account"). */
const SETTING_EN = new Set([
  "settings",
  "setting",
  "setup",
  "app",
  "application",
  "program",
  "software",
  "client",
  "server",
  "account",
  "box",
  "inbox",
  "password",
  "address",
]);

/** Whether "my"/"mine"/"our" among a text's words names the user's own side, and whether one names a person written to ("my friend"). */
function englishOwners(words: readonly string[]): { own: boolean; other: boolean } {
  if (words.length === 0) return NO_OWNERS;
  let own = false;
  let other = false;
  words.forEach((w, i) => {
    if (!OWN_EN.includes(w)) return;
    const next = words[i + 1] ?? "";
    if (PEOPLE_EN.has(next)) other = true;
    else if (!SENT_EN.has(next) || sentSetting(words, i + 1)) own = true;
  });
  return { own, other };
}

/** Whether the thing sent at `at` ("mail", or "e" of "e-mail") is followed by a setting of it ("my mail settings"). */
function sentSetting(words: readonly string[], at: number): boolean {
  const after = words[at] === "e" ? at + 2 : at + 1;
  if (words[at] === "e" && words[at + 1] !== "mail" && words[at + 1] !== "mails") return true;
  return SETTING_EN.has(words[after] ?? "");
}

/** The whole words of a folded text (letters and ' make a word), in order. */
function englishWords(t: string): readonly string[] {
  if (!hasEnglishLetter(t)) return NO_WORDS;
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= t.length; i++) {
    const ch = t[i];
    const letter = ch !== undefined && ((ch >= "a" && ch <= "z") || ch === "'");
    if (letter && start < 0) start = i;
    else if (!letter && start >= 0) {
      words.push(t.slice(start, i));
      start = -1;
    }
  }
  return words;
}

/** A text with no Latin letter (most are Japanese alone) has no English words: no array is made for it. */
const NO_WORDS: readonly string[] = [];
const NO_OWNERS = { own: false, other: false } as const;
/** Whether a folded text has a letter of an English word (a-z or '): a scan by character code. */
function hasEnglishLetter(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || c === 0x27) return true;
  }
  return false;
}

/** Whether one of the words occurs as a whole word (letters and ' make a word). */
function hasEnglishWord(t: string, words: readonly string[]): boolean {
  return englishWords(t).some((w) => words.includes(w));
}

/**
 * Words that ask whose fault or whose problem it is (「問題」「せい」「原因」「悪い」 "fault"): with them a
 * text naming the other side asks whose side it is, not what the diagnosis says.
 */
const FAULT_WORDS = [
  "問題",
  "せい",
  "原因",
  "悪い",
  "わるい",
  "責任",
  "側",
  "ミス",
  "fault",
  "problem",
  "side",
  "blame",
];

export function namesFault(text: string): boolean {
  return mentionsAny(text, FAULT_WORDS);
}

/**
 * What the user can do (「自分でできることは？」「打つ手はない？」 "anything I can do"): asked without a word of fault,
 * the next step is asked, not whose side the problem is on, though the text names the user's side (「私にできる
 * ことはある？」 shares 「私に」 with "is it my fault?").
 */
const CAN_DO_WORDS = [
  "できること",
  "できる事",
  "できる対処",
  "やれること",
  "やれる事",
  "打つ手",
  "対処",
  "can i do",
  "i can do",
];
/**
 * Whether anything is needed of the user (「何もしなくていい？」「対応不要？」 "do I need to do anything"): with the
 * user named as the one who would act (「こっちは」「私は」 "I"), whether the problem is theirs; else whether
 * to wait or what to do.
 */
const NEEDED_WORDS = [
  "しなくて",
  "しなきゃ",
  "する必要",
  "必要ある",
  "やること",
  "やる事",
  "やるべき",
  "すべきこと",
  "対応",
  // 「こっちで何かすることある？」「相手に何かお願いすることある？」: something to do asked with 何か, or as 「することある」.
  "何かすること",
  "なにかすること",
  "何かする事",
  "することある",
  "する事ある",
  "do anything",
  "do something",
  "need to do",
  "have to do",
];
/** The user named as the one who acts (a subject, not a possessive: 「私の」 is sideNamed's). */
const OWN_SUBJECT_JA = [
  "私は",
  "私が",
  "わたしは",
  "自分は",
  "自分が",
  "こっちは",
  "こちらは",
  "僕は",
  "俺は",
  "うちは",
];
const OWN_SUBJECT_EN = ["i", "i'm", "we"];
/**
 * Whether a text names the user's own side, as owner or as the one acted on (「私の」「私が」「こっちは」 "my", "I"):
 * 「なんで私がブロックされてるの？」 asks whose side it is, not only the cause.
 */
export function namesUser(text: string): boolean {
  const side = sideNamed(text);
  if (side === "own" || side === "both") return true;
  const t = folded(text);
  return includesAny(t, OWN_SUBJECT_JA) || hasEnglishWord(t, OWN_SUBJECT_EN);
}

/**
 * The things to do named as a noun (「私がやることは何かある？」 "anything for me to do"): the steps are asked,
 * whoever is named to do them; 「こっちは何もしなくていい？」 asks whose it is to fix.
 */
const THINGS_TO_DO = [
  "やること",
  "やる事",
  "やるべきこと",
  "すべきこと",
  "何かすること",
  "なにかすること",
  "何かする事",
  "することある",
  "する事ある",
];

/** The user named as the one who would act (「自分で」「私に」「こっちで」 "I"): what they can do, not the assistant. */
const OWN_ACTOR = ["自分", "じぶん", "私", "わたし", "こっち", "こちら", "僕", "俺", "can i do", "i can do"];

/**
 * Whether a text asks what the user themself can do (「今から自分でできることは？」): 「できることは？」 alone may
 * ask what the assistant can do.
 */
export function ownActionAsked(text: string): boolean {
  return actionAsked(text) === "can" && mentionsAny(text, OWN_ACTOR);
}

/**
 * What a text asks the user to do, if that is what it asks: "can" something be done, or is anything "needed".
 * `noSides`: the diagnosis on screen is no failure of anyone's (still trying, an automatic reply), so the user
 * named as the one to act (「こっちは何もしなくていい？」 "do I need to do anything") asks no side either.
 */
export function actionAsked(text: string, noSides = false): "can" | "needed" | undefined {
  if (namesFault(text)) return undefined;
  if (mentionsAny(text, CAN_DO_WORDS)) return "can";
  if (!mentionsAny(text, NEEDED_WORDS)) return undefined;
  if (mentionsAny(text, THINGS_TO_DO)) return "can";
  if (noSides) return "needed";
  const t = folded(text);
  if (includesAny(t, OWN_SUBJECT_JA) || hasEnglishWord(t, OWN_SUBJECT_EN)) return undefined;
  return "needed";
}

/** The provider's side, neither the user's nor the recipient's (「ソネット側」「so-netのサーバー」). */
const PROVIDER_WORDS = ["so-net", "ソネット", "そねっと", "プロバイダ"];
/** Something wrong, named as someone's: a fault (not 「側」 alone) or a thing broken (「壊れてる」「誤検知」「過敏」). */
const BROKEN_WORDS = [
  "問題",
  "せい",
  "原因",
  "悪い",
  "責任",
  "ミス",
  "壊れ",
  "こわれ",
  "おかしい",
  "不具合",
  "故障",
  "トラブル",
  "誤検知",
  "過敏",
  "厳しすぎ",
  "fault",
  "problem",
  "blame",
];
/** Whether a text names something wrong, as someone's or not (「おかしい」「壊れ」 "fault", "wrong"): a plain scan. */
export function namesBroken(text: string): boolean {
  return mentionsAny(text, BROKEN_WORDS) || mentionsAny(text, WRONG_EN);
}
const WRONG_EN = ["wrong", "broken", "mistake"];

/** A guess put against the diagnosis (「…だけってことはない？」「…じゃなくて？」): what it names is asked about. */
const DOUBT_WORDS = [
  "ってことはない",
  "ってことは?",
  "ということはない",
  "じゃなくて?",
  "じゃないの?",
  "だけじゃ",
];
/** Words that ask for a what, when or how: then a side named is the story of the question, not what it asks. */
const WH_WORDS = ["いつ", "どう", "どこ", "どれ", "何を", "なにを", "何て", "なんて", "how", "when", "what"];

/**
 * Whether a text guesses whose side went wrong (「向こうのサーバーが壊れてるの？」「ソネット側がおかしいって可能性は
 * ないの？」「向こうのセキュリティが過敏なだけってことは？」): in its last clause (before it, the story: 「相手の
 * アドレス、…それのせい？」 asks about the dots), a side named (theirs, ours or the provider's) with something
 * wrong or a guess put against the diagnosis, and no what, when or how asked.
 */
export function guessesSide(text: string): boolean {
  const t = lastClause(folded(text));
  const named = sideNamed(t) !== undefined || includesAny(t, PROVIDER_WORDS);
  if (!named || includesAny(t, WH_WORDS)) return false;
  return includesAny(t, BROKEN_WORDS) || includesAny(t, DOUBT_WORDS);
}

/**
 * A judgement named as mistaken (「誤検知」「勘違い」 "false alarm"): the filter or antivirus that judged is what it
 * names, whether it erred on the other side is what it asks.
 */
const MISTAKE_WORDS = [
  "誤検知",
  "誤検出",
  "誤判定",
  "誤認",
  "誤作動",
  "勘違い",
  "かんちがい",
  "false alarm",
  "false positive",
  "by mistake",
  "mistakenly",
];

/** Whether a text names a judgement as mistaken (a plain scan). */
export function namesMistake(text: string): boolean {
  return mentionsAny(text, MISTAKE_WORDS);
}

/** The text after its last comma or full stop that has words after it. */
function lastClause(t: string): string {
  return afterLastMark(t.trimEnd(), "、,。");
}

/** Words that end a side named as the one meant (「うちの方？」「こっち側なの？」). */
const SIDE_ENDS = ["の方", "のほう", "側", "がわ"];
/** Marks after the side's question (「うちの方？」「こっち側…」). */
const SIDE_END_MARKS: ReadonlySet<string> = new Set([..."?？!！。.…〜~ "]);
/** Endings of a question after the side (「…側なの？」「…の方なんですか」「…のほうかな」). */
const QUESTION_TAILS = ["なんですか", "なのですか", "ですか", "なんだ", "なの", "かな", "なん", "か"];

/**
 * Whether a text ends by naming a side as the one meant (「いっぱいなのって、うちの方？」「パンパンなのはうちの受信箱の
 * ほう？」): what it asks is whose side the trouble is on.
 */
export function endsWithSide(text: string): boolean {
  const t = lastClause(folded(text));
  if (sideNamed(t) === undefined && !includesAny(t, PROVIDER_WORDS)) return false;
  let body = trimEndOf(t.trimEnd(), SIDE_END_MARKS);
  const tail = QUESTION_TAILS.find((e) => body.endsWith(e));
  if (tail !== undefined) body = body.slice(0, body.length - tail.length);
  return SIDE_ENDS.some((e) => body.endsWith(e));
}

/**
 * The user's own devices (「パソコン」「スマホ」 "laptop"): named as the one to blame (「うちのPCのせい？」), whether
 * it is infected is asked where the diagnosis can say (`ifDeviceNamed`). English words are whole words ("pc").
 */
const DEVICE_JA = ["パソコン", "ぱそこん", "スマホ", "すまほ", "端末", "タブレット"];
const DEVICE_EN = ["pc", "computer", "laptop", "phone", "device", "mac", "iphone", "android", "tablet"];

/** Whether a text names a device of the user's (a device named with the other side's words is theirs). */
export function namesOwnDevice(text: string): boolean {
  const t = folded(text);
  const side = sideNamed(t);
  if (side === "other" || side === "both") return false;
  return includesAny(t, DEVICE_JA) || hasEnglishWord(t, DEVICE_EN);
}
