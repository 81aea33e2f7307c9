import { nfkc } from "../../../knowledge/fold.ts";
import type { Feeling } from "../../events.ts";
import { followedWithin, mentionsAny, trimEndOf } from "../../text.ts";
import { clausesOf } from "../asking.ts";
import { CLOSING, isDigit, MAX_SHAPE_CHARS } from "./letters.ts";

/**
 * Reads hurry told without a word of it: something wanted at once (「今すぐ教えて」), pressed at work
 * (「会議が始まっちゃう」), work stopped, minutes left against them (「あと10分なのに」). Urgent.
 */
/**
 * 「今すぐ教えて」「早く直してほしい」「すぐ変えたいんだけど」: something asked for or wanted at once (a clause
 * that ends in a request or a want, with a word of "at once" in it) is hurry, and so is that word said alone
 * (「早く！パスワードどうやって変えるの」). Asking whether it may be done at once (「今すぐ送ったらだめ？」) is not.
 * A hand scan of each clause.
 */
export function wantsItNow(t: string): boolean {
  return clausesOf(t).some((c) => {
    const end = trimEndOf(c, CLOSING);
    return AT_ONCE.includes(end) || (mentionsAny(end, AT_ONCE) && WANTING_ENDS.some((e) => end.endsWith(e)));
  });
}
const AT_ONCE = ["今すぐ", "いますぐ", "すぐ", "早く", "はやく"];
const WANTING_ENDS = [
  "て",
  "てよ",
  "ください",
  "下さい",
  "ほしい",
  "欲しい",
  "たい",
  "たいです",
  "たいんです",
  // 「早く決めたいんだけど」: a want left hanging, pressing.
  "たいんだけど",
  "たいんですけど",
  "たいのに",
];

/**
 * Pressed at work (「会議が始まっちゃう」「お客様が目の前で待ってます」「取引先に出さなきゃいけないのに」
 * 「納品が遅れちゃう」「部長がキレてる」): someone or something at stake, then within a few letters that it waits, is
 * late, presses or is angry. In a hurry, though no word of hurry is there.
 */
export function pressedAtWork(t: string): boolean {
  return followedWithin(t, STAKES, PRESSURE_WINDOW, PRESSURES);
}
const STAKES = [
  "会議",
  "打ち合わせ",
  "取引先",
  "得意先",
  "先方",
  "お客様",
  "お客さん",
  "客先",
  "顧客",
  "クライアント",
  "上司",
  "部長",
  "課長",
  "社長",
  "上から",
  "納品",
  "提出",
  "商談",
  "出張",
  "プレゼン",
  "面接",
  "本番",
];
const PRESSURE_WINDOW = 12;
const PRESSURES = [
  "間に合",
  "遅れ",
  "待って",
  "待たせ",
  "始まっちゃ",
  "始まってしま",
  "始まる",
  "急か",
  "せか",
  "せっつ",
  "回らない",
  "なきゃ",
  "なくちゃ",
  "ないといけ",
  "なければいけ",
  "催促",
  // Their anger faced (「部長がキレてる」「社長がカンカン」): katakana here, as written (folded to kana, 「きれて」
  // would be in 「できれば」).
  "キレて",
  "キレる",
  "キレた",
  "キレら",
  "キレそう",
  "カンカン",
  "怒鳴",
  "詰められ",
];

/**
 * Work brought to a stop (「仕事の連絡が全部止まってる」「業務が進まない」): what it costs them, pressing.
 */
export function workStopped(t: string): boolean {
  return followedWithin(t, WORK, WORK_WINDOW, STOPPED);
}
const WORK = ["仕事", "業務"];
const WORK_WINDOW = 10;
const STOPPED = ["止まっ", "止まる", "進まな", "進みませ", "回らな"];

/**
 * Minutes or an hour or two left, said against them (「会議まであと10分なのに」「あと1時間しかない」): hurried,
 * though no word of feeling is used. 「あと3日待てば届く？」 is no deadline (days; nothing against them).
 */
export function minutesLeft(t: string): boolean {
  for (let at = t.indexOf("あと"); at >= 0; at = t.indexOf("あと", at + 1)) {
    let j = at + 2;
    while (j < t.length && j - at < 5 && isDigit(t[j]!)) j++;
    if (j === at + 2) continue;
    const unit = SHORT_UNITS.find((u) => t.startsWith(u, j));
    if (unit === undefined) continue;
    const after = t.slice(j + unit.length, j + unit.length + AGAINST_WINDOW);
    if (AGAINST.some((a) => after.startsWith(a))) return true;
  }
  return onlyMinutesLeft(t);
}
/**
 * 「次の配達先まで5分しかないのに」「1時間しかありません」: the minutes told as all there is, without 「あと」.
 * 「3日しかたってない」 counts days, and 「10分しかかからない」 is no lack.
 */
function onlyMinutesLeft(t: string): boolean {
  for (let at = t.indexOf("しか"); at >= 0; at = t.indexOf("しか", at + 2)) {
    if (!ONLY.some((o) => t.startsWith(o, at))) continue;
    const unit = SHORT_UNITS.find((u) => t.endsWith(u, at));
    if (unit !== undefined && isDigit(t[at - unit.length - 1] ?? "")) return true;
  }
  return false;
}
const ONLY = ["しかな", "しかありませ"];
const SHORT_UNITS = ["分", "時間"];
const AGAINST_WINDOW = 5;
// 「あと30分なんだけど」「あと1時間なんです」: the time left told as the reason of what follows is against them too.
const AGAINST = [
  "なのに",
  "しかな",
  "しかありませ",
  "で締め切",
  "で締切",
  "で会議",
  "で出発",
  "なんだけど",
  "なんですけど",
  "なんです",
];

/**
 * A deadline said (「明日の朝までに」「今日の17時までに出したい」「朝イチで必要」): a time, then within a few
 * letters what it is for (までに, 中に, 必要, 締め切り). Hurried, though no word of feeling is used. A hand scan.
 */
export function deadlineIn(text: string): Feeling | undefined {
  if (text.length > MAX_SHAPE_CHARS) return undefined;
  const t = nfkc(text);
  for (let i = 0; i < t.length; i++) {
    const word = timeWordAt(t, i);
    const hour = word === undefined ? hourAt(t, i) : 0;
    if (word === undefined && hour === 0) continue;
    const from = i + (word?.length ?? hour);
    const window = t.slice(from, from + DEADLINE_WINDOW);
    if (DEADLINE_MARKS.some((m) => marks(window, m))) return "urgent";
    i = from - 1;
  }
  return undefined;
}
/** What a time is for, within this many letters after it. */
const DEADLINE_WINDOW = 8;
const TIME_WORDS = [
  "今日",
  "本日",
  "明日",
  "あした",
  "あす",
  "今夜",
  "今晩",
  "夕方",
  "朝イチ",
  "朝一",
  "午前中",
  "午後",
  "週明け",
  "月末",
  "月曜",
  "火曜",
  "水曜",
  "木曜",
  "金曜",
];
const DEADLINE_MARKS = [
  "までに",
  "までなのに",
  "までなんです",
  "までなので",
  "中に",
  "必要",
  "締め切",
  "締切",
  "しめきり",
  "〆切",
  "期限",
];

/** Whether a deadline mark is in the window: 「ここまでに」「これまでに」 (so far) are none. */
function marks(window: string, mark: string): boolean {
  const at = window.indexOf(mark);
  if (at < 0) return false;
  return !(mark === "までに" && at > 0 && "こそれ".includes(window[at - 1]!));
}

/** The word of TIME_WORDS at i, if any (a loop: a callback made at every letter was garbage per text). */
function timeWordAt(text: string, i: number): string | undefined {
  for (const word of TIME_WORDS) if (text.startsWith(word, i)) return word;
  return undefined;
}

/**
 * The length of 「17時」 or 「5日」 at i (digits, then 時 or 日), or 0. Read by character code: text[i] is a new
 * string for each kana or kanji, and this looks at every letter of a text.
 */
function hourAt(text: string, i: number): number {
  let j = i;
  while (j < text.length && j - i < 2 && isDigitCode(text.charCodeAt(j))) j++;
  if (j === i || (i > 0 && isDigitCode(text.charCodeAt(i - 1)))) return 0;
  const after = text.charCodeAt(j);
  return after === HOUR || after === DAY ? j + 1 - i : 0;
}
const isDigitCode = (code: number) => code >= 0x30 && code <= 0x39;
const HOUR = "時".charCodeAt(0);
const DAY = "日".charCodeAt(0);
