import { fold, nfkc } from "../../knowledge/fold.ts";
import { endsWithQuestionMark, QUESTION_MARK_SET } from "../marks.ts";
import { followedWithin, mentionsAny, trimEndOf, withoutWords } from "../text.ts";
import {
  ACKNOWLEDGING_YES,
  ALL_OF_THEM,
  ASKING_LEAVE,
  CONTRASTS,
  COUNTING,
  EVEN_IF,
  HOW_OFTEN,
  KANJI_NUMERALS,
  REQUEST_END_MARKS,
  REQUESTS,
  TIMES,
  TRY_WINDOW,
  type TypedWords,
  WANTS_EN,
} from "./words.ts";

/**
 * Small readers of a typed text against the word lists (words.ts, and ui.yaml `typedWords`, passed in as
 * `words`): hand scans, no patterns, so each is linear on hostile input.
 */

/** 「Ｕｓｅｒ　ｕｎｋｎｏｗｎ」: ASCII typed full-width on a Japanese keyboard. */
export const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/;

/**
 * Tries in vain (triedInVain), or a try told back again (typedWords.backAgain: 「また拒否された」 "still rejected"):
 * what the answer for tries that keep failing answers with a diagnosis on screen (main-event.ts, round 38).
 */
export function toldInVain(text: string, words: TypedWords): boolean {
  return triedInVain(text, words) || mentionsAny(text, words.backAgain);
}

/**
 * 「何度送っても」「何をしても」 (however often, whatever they try), besides counting (countsTries): tries
 * told as all in vain, the answer for tries that keep failing (keyAnswer). No feeling by itself: it is said
 * calmly too (「何度送っても断られるのはなぜですか」).
 */
export function triedInVain(text: string, words: TypedWords): boolean {
  const t = nfkc(text);
  // 「何度送っても」「何回読んでも」, not 「何度でも」 ("as often as you like").
  return (
    countsTries(t) ||
    mentionsAny(t, words.whateverTried) ||
    followedWithin(t, HOW_OFTEN, TRY_WINDOW, EVEN_IF) ||
    countsSends(t, words.tryVerbs)
  );
}

/**
 * 「4回送ったけど」「三回やってもダメ」「2度試した」「3回とも」: two or more tries counted, then a verb of sending or
 * trying (`verbs`) or 「とも」 ("all of them"). Not a count of one (「もう一回送っていい？」 asks to do it again) and no
 * feeling by itself (countsTries is, for the frustrated: 「3回送った」 is said calmly). A hand scan, no pattern.
 */
export function countsSends(text: string, verbs: readonly string[]): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!isNumeral(text[i]!)) continue;
    const j = numeralsEnd(text, i);
    const count = text.slice(i, j);
    i = j;
    if (count === "1" || count === "一" || !TIMES.some((c) => text.startsWith(c, j))) continue;
    const after = j + 1;
    if (text.startsWith(ALL_OF_THEM, after) || verbs.some((v) => text.startsWith(v, after))) return true;
  }
  return false;
}

/**
 * 「毎朝50通も」「100通超えた」「もう3時間待ってる」「2日も」 "it's been 3 hours and", "50 of these": mail that piles up
 * or time waited, counted (more than one, not 「何十通も」 "dozens") and followed by one of `after` (ui.yaml
 * typedWords pilingCounts). Like tries counted, the flood or the wait felt without a word of feeling (feeling.ts).
 * Gate: one of `after` in the text (native includes); then a hand scan, no pattern.
 */
export function countsPiling(text: string, after: readonly string[]): boolean {
  if (!after.some((a) => text.includes(a))) return false;
  for (let i = 0; i < text.length; i++) {
    if (!isNumeral(text[i]!)) continue;
    const j = numeralsEnd(text, i);
    const count = text.slice(i, j);
    i = j - 1;
    if (count === "1" || count === "一" || text[j - count.length - 1] === "何") continue;
    if (after.some((a) => text.startsWith(a, j))) return true;
  }
  return false;
}

/**
 * Tries past counting, told as a complaint (round 44): 「何回打ち直したかわからない」「何度送ったか数えきれない」 (how often,
 * then within a few letters 「か」 and "I can't tell/count": `words.beyondCount`), 「もう何回目？」 (the try's number
 * asked back), 「送っても送っても」「やり直してもやり直しても」 (the same try said twice, "however often I send"),
 * "a million times" (`words.overAndOver`), "like ten times" ("like" before a count of times). Frustration though no word
 * of it is there (feeling.ts), unless apologised for. NFKC, lower-case text; gates: a count word, 「ても」 twice, " times".
 */
export function triesBeyondCount(text: string, words: TypedWords): boolean {
  if (followedWithin(text, HOW_OFTEN_ASKED, BEYOND_WINDOW, words.beyondCount)) return true;
  if (text.includes("何回目") || text.includes("何度目") || text.includes("なんかいめ")) return true;
  if (saidTwice(text)) return true;
  if (mentionsAny(text, words.overAndOver)) return true;
  return text.includes(" times") && likeCountTimes(text);
}
const HOW_OFTEN_ASKED = ["何回", "何度", "なんかい", "なんど", "なんべん", "何べん"];
/** 「何回アドレスを打ち直したか覚えてない」: room for the verb, its object and the ending after the count. */
const BEYOND_WINDOW = 20;
/** 「送っても送っても」: a try of 1-5 letters before 「ても」/「でも」, said again right after it. */
function saidTwice(t: string): boolean {
  for (let at = t.indexOf("も"); at >= 0; at = t.indexOf("も", at + 1)) {
    const te = t[at - 1];
    if (te !== "て" && te !== "で") continue;
    for (let k = 1; k <= 5 && at - 1 - k >= 0; k++) {
      const unit = t.slice(at - 1 - k, at + 1);
      if (t.startsWith(unit, at + 1)) return true;
    }
  }
  return false;
}
/** "like ten times", "like 10 times": "like", one word of count, "times". */
function likeCountTimes(t: string): boolean {
  for (let at = t.indexOf("like "); at >= 0; at = t.indexOf("like ", at + 1)) {
    const word = at + 5;
    const space = t.indexOf(" ", word);
    if (space > word && space - word <= 7 && t.startsWith(" times", space)) return true;
  }
  return false;
}

/** 「もう5回目」「何度やっても」「3回も」「10通目」: the user counts their tries. A hand scan, no pattern. */
export function countsTries(text: string): boolean {
  const t = nfkc(text);
  if (
    t.includes("何回も") ||
    t.includes("何度も") ||
    t.includes("何回やっても") ||
    t.includes("何度やっても")
  )
    return true;
  for (let i = 0; i < t.length; i++) {
    if (!isNumeral(t[i]!)) continue;
    const j = numeralsEnd(t, i);
    // 「エラーメールもう10通目」: the returned mails counted as they come (round 32).
    if (
      t.startsWith("回目", j) ||
      t.startsWith("度目", j) ||
      t.startsWith("回も", j) ||
      t.startsWith("通目", j)
    )
      return true;
    i = j;
  }
  return false;
}

/**
 * Whether a text asks what something is (何, なに, とは, 意味, どういう, 誰, "what", "mean", "who", or names a
 * mail's subject), counts
 * (何度, 何通) and "something" (何か, なんか) left out: a plain scan.
 */
export function asksWhatItIs(text: string, words: TypedWords): boolean {
  // 「何やっても戻ってくる」: whatever they try (whateverTried) asks nothing either.
  const folded = fold(text);
  return mentionsAny(withoutWords(folded, [...words.notWhatIs, ...words.whateverTried]), words.whatIs);
}

/** Whether a piece of a message asks for something (「もう一回言って」「教えてください」 "please"): a hand scan. */
export function asksFor(piece: string): boolean {
  const t = beforeEndMarks(fold(piece));
  return REQUESTS.some((r) => t.endsWith(r)) || t.startsWith("please") || t.endsWith("please");
}

/** Whether a piece is only a word that joins it to what follows (「じゃあ、」「では、」 "so,"). */
export function isConnective(piece: string, words: TypedWords): boolean {
  return words.connectives.includes(withoutEndMarks(fold(piece)));
}

/** Whether a piece asks for something or tells a want (「見てほしい」「聞きたい」「みて」). */
export function wants(piece: string): boolean {
  if (asksFor(piece)) return true;
  const t = withoutEndMarks(fold(piece));
  const asked = withoutEndMarks(trimEndOf(t, QUESTION_MARK_SET));
  return (
    t.endsWith("たい") ||
    t.endsWith("たいです") ||
    ASKING_LEAVE.some((e) => asked.endsWith(e)) ||
    WANTS_EN.some((w) => t.startsWith(w))
  );
}

/** A piece without the marks and spaces at its end, and trimmed. */
function withoutEndMarks(piece: string): string {
  return beforeEndMarks(piece).trim();
}

/** A piece without the marks at its end (one pass from the end: a long run costs no more). */
function beforeEndMarks(piece: string): string {
  let end = piece.length;
  while (end > 0 && REQUEST_END_MARKS.includes(piece[end - 1]!)) end--;
  return piece.slice(0, end);
}

/** The feedback button's "yes" label as typed (「はい」 "yes"): an acknowledgement too. */
export function isAcknowledgingYes(command: string): boolean {
  return ACKNOWLEDGING_YES.includes(command);
}

/** Words of a guess (「…かも」「…かな」 "maybe"): a fact told with them is still asked about. */
export function guesses(text: string, words: TypedWords): boolean {
  return mentionsAny(text, words.guesses);
}

/** Where the run of numerals that starts at `from` ends (「12回」: 2): both counters of tries read the count so. */
function numeralsEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && isNumeral(text[end]!)) end++;
  return end;
}

/** A digit or a kanji numeral (「三度目」「十回も」). */
function isNumeral(ch: string): boolean {
  return (ch >= "0" && ch <= "9") || KANJI_NUMERALS.includes(ch);
}

/**
 * Where what is wanted starts after 「AじゃなくてB」 (not 「じゃなくても」, "even if not"), or -1. With nothing but
 * marks after it (「向こうの設定の問題じゃなくて？」) there is no B: A is guessed, and the whole is what is asked.
 */
export function contrastEnd(text: string): number {
  for (const word of CONTRASTS) {
    const at = text.indexOf(word);
    if (at < 0) continue;
    let end = at + word.length;
    if (text.startsWith("て", end)) end++;
    if (text.startsWith("も", end) || onlyMarks(text.slice(end))) continue;
    return end;
  }
  return -1;
}

/** Whether a text holds no letters: only marks, question marks and spaces (or nothing). */
function onlyMarks(text: string): boolean {
  for (const ch of text) if (!REQUEST_END_MARKS.includes(ch) && !QUESTION_MARK_SET.has(ch)) return false;
  return true;
}

/**
 * What was taken out of a text to leave `left` (its words of feeling, stripped as written): the letters of
 * the text that `left`, read in order, does not keep. Spaces put in their place are skipped. One pass.
 */
export function removedFrom(text: string, left: string): string {
  let removed = "";
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    while (j < left.length && left[j] !== text[i] && (left[j] === " " || left[j] === "\u3000")) j++;
    if (j < left.length && left[j] === text[i]) j++;
    else removed += text[i];
  }
  return removed;
}

/** Whether a piece opens with "but" (「でも」「だけど」 "but", "though"): what follows is what is meant. */
export function opensWithBut(piece: string, words: TypedWords): boolean {
  return withoutBut(piece, words) !== undefined;
}

/** The text after its opening "but" (no example holds the word: it would only dilute the match), if any. */
export function withoutBut(text: string, words: TypedWords): string | undefined {
  const t = fold(text).trimStart();
  const but = words.but.find((b) => t.startsWith(b));
  return but === undefined ? undefined : t.slice(but.length);
}

/** Whether a text names a person to talk to (人, 担当, オペレーター, "human"…): a plain scan. */
export function namesPerson(text: string, words: TypedWords): boolean {
  return mentionsAny(text, words.people);
}

/** 「だめだったらまた来ます」: a try still to come (…たら) tells nothing tried yet. */
export function withoutConditions(text: string, words: TypedWords): string {
  return withoutWords(text, words.conditions);
}

/** 「何度も見直しました」: counting the tries asks nothing (何 is no question word there). */
export function withoutCounts(text: string): string {
  return withoutWords(text, COUNTING);
}

/** 「…ないんですか」「…できる？」: a text that ends as a question (a mark, or 「か」), not a story or a count. */
export function endsAsQuestion(text: string): boolean {
  const end = trimEndOf(nfkc(text), QUESTION_TAIL);
  return endsWithQuestionMark(end) || end.endsWith("か");
}
const QUESTION_TAIL = new Set([..." 。.、,…〜~!"]);

/**
 * 「知らない英語のメール、開いたらまずい？」「えいごのめーるきたけどりんくおしてもいい？」 "is it safe to open": whether
 * opening, pressing or reading something of a mail received is all right, asked. Its words (「知らない英語のメール」,
 * MAILER-DAEMON) read a symptom or "who is MAILER-DAEMON"; what is asked is whether it is safe. A plain scan of the
 * folded text (ui.yaml typedWords opening, safeAsked, ownSending): one includes() per word of opening first, then
 * a few letters after it.
 */
export function asksIfSafeToOpen(text: string, words: TypedWords): boolean {
  const t = fold(text);
  if (!words.opening.some((w) => t.includes(w))) return openedThenAsked(t, words);
  if (words.ownSending.some((w) => t.includes(w))) return false;
  for (const open of words.opening)
    for (let at = t.indexOf(open); at >= 0; at = t.indexOf(open, at + 1)) {
      const after = t.slice(at + open.length, at + open.length + SAFE_WINDOW);
      // 「開いてもらえた？」 asks whether the recipient opened it (a read receipt), not whether it is safe.
      if (!after.startsWith("ら") && words.safeAsked.some((w) => after.includes(w))) return true;
    }
  return false;
}
/** Whether it is all right (typedWords.safeAsked) is said within a few letters after (「…も大丈夫？」「…たらまずい？」). */
const SAFE_WINDOW = 6;

/**
 * 「エラーメール開いちゃったんだけど平気だったかな」「開けてしまいました。大丈夫でしたか」 "I opened one, was that OK?":
 * opening or pressing told as done (ui.yaml typedWords opened), then whether that was all right asked a little after it
 * (`openedAsked`, which names no virus: 「…ウイルスに感染した？」 asks that), is whether it is safe to open, as before
 * opening. `t` is folded; index scans only, nothing made for a text without a word of `opened`.
 */
function openedThenAsked(t: string, words: TypedWords): boolean {
  for (const opened of words.opened) {
    const at = t.indexOf(opened);
    if (at < 0) continue;
    if (words.ownSending.some((w) => t.includes(w))) return false;
    const from = at + opened.length;
    for (const asked of words.openedAsked) {
      const i = t.indexOf(asked, from);
      if (i >= 0 && i - from <= OPENED_WINDOW) return true;
    }
  }
  return false;
}
/** 「開いちゃったんですけど、大丈夫でしたか」: whether it was all right follows a clause later (letters after). */
const OPENED_WINDOW = 40;
