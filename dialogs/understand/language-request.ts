/**
 * A language asked for in words ("In English please: should I resend it?", "english pls", "sorry, I don't
 * speak Japanese", 「英語でお願いします」): the chat switches to it, and the rest of the message is read
 * without those words. Read as a question, "in", "english" and "please" matched "in plain English please"
 * (plain-words) better than the question asked beside them.
 *
 * Only a whole piece of the message (between sentence punctuation), its first or its last, made of a
 * request's words alone, is one: "I got a mail in English" tells about the mail, "in plain english" asks for
 * plain words, 「英語でわからない」 is being lost. A hand scan, no pattern: linear in the text.
 */
import type { Lang } from "../knowledge-contract.ts";

export interface LanguageRequest {
  lang: Lang;
  /** The message without the request (trimmed; "" when the request was all of it). */
  rest: string;
}

/** Where a piece ends: sentence punctuation, Latin and Japanese. */
const PIECE_ENDS = new Set([..."\n.:;,!?。、！？：；，"]);

/** The words of an English request for a language (besides the language's name). */
const REQUEST_WORDS = new Set([
  ..."in please pls plz can could would will you u speak talk write reply answer respond use chat type".split(
    " ",
  ),
  ..."to me us only do does is it ok okay sorry i a bit little the language switch change".split(" "),
  ..."fine if let's lets go with my good great very well read understand for excuse".split(" "),
]);
/** Words that deny the language they stand beside ("I don't speak Japanese": English, then). */
const DENIALS = new Set([..."no not dont don't cant can't cannot isnt isn't bad poor".split(" ")]);

/** Maps, not objects: a word typed may be "constructor" or "toString". */
const LANGUAGES: ReadonlyMap<string, Lang> = new Map([
  ["english", "en"],
  ["japanese", "ja"],
  ["英語", "en"],
  ["えいご", "en"],
  ["日本語", "ja"],
  ["にほんご", "ja"],
]);
const NAMES = [...LANGUAGES.keys()];
const OTHER: ReadonlyMap<Lang, Lang> = new Map([
  ["en", "ja"],
  ["ja", "en"],
]);

/**
 * What follows 「英語で」 in a Japanese request (spaces and final punctuation taken out): a request, or
 * asking whether it may be written so. Nothing else: 「英語で来た」 tells, 「英語でわからない」 is lost.
 */
const JA_REQUESTS = new Set([
  ..."お願い お願いします お願いできますか おねがい おねがいします お願いいたします 頼む 頼みます".split(" "),
  ..."話して 話してください 話せますか 話せる 答えて 答えてください 教えて 教えてください".split(" "),
  ..."説明して 説明してください 返事して 返事してください 書いて 書いてください いい いいですか".split(" "),
  ..."もいい もいいですか 大丈夫 大丈夫ですか 大丈夫？ 可能ですか できますか".split(" "),
]);
const JA_SUFFIX_TRIM = new Set([..."？?！!。 　"]);

/** The language a piece asks for, or undefined when the piece is anything more than such a request. */
function requestedIn(piece: string): Lang | undefined {
  const trimmed = piece.trim();
  if (trimmed === "") return undefined;
  // Japanese: 「英語で」 + a request, or 「英語でお願い」 as one word run.
  for (const [name, lang] of LANGUAGES) {
    if (!trimmed.startsWith(name) || /^[a-z]/i.test(name)) continue;
    let rest = trimmed.slice(name.length).replace(/\s/g, "");
    while (rest && JA_SUFFIX_TRIM.has(rest[rest.length - 1]!)) rest = rest.slice(0, -1);
    if (!rest.startsWith("で")) return undefined;
    return JA_REQUESTS.has(rest.slice(1)) ? lang : undefined;
  }
  // English: every word one of a request's, one of them a language's name.
  const words = trimmed.toLowerCase().split(/\s+/);
  let named: Lang | undefined;
  let denied = false;
  let own = false;
  for (const word of words) {
    if (word === "my") own = true;
    const lang = LANGUAGES.get(word);
    if (lang !== undefined) {
      if (named !== undefined && named !== lang) return undefined;
      named = lang;
    } else if (DENIALS.has(word)) denied = true;
    else if (!REQUEST_WORDS.has(word)) return undefined;
  }
  if (named === undefined) return undefined;
  // "sorry my english is bad", "my japanese is not good": one's own skill excused, in English: the user chose
  // to write English and reads it, so the chat answers in English (plainly, as it always does). Read as "not
  // English" it switched a user writing English to Japanese, which they may not read at all; whoever wants
  // Japanese asks for it (「日本語で」, "japanese please").
  if (denied && own) return "en";
  return denied ? OTHER.get(named) : named;
}

/** The pieces of a text: [start, end) of each, cut after its sentence punctuation. */
function pieces(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++)
    if (PIECE_ENDS.has(text[i]!)) {
      let end = i + 1;
      while (end < text.length && PIECE_ENDS.has(text[end]!)) end++;
      out.push([start, end]);
      start = end;
      i = end - 1;
    }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

/**
 * The language a message asks for in its first or last pieces (up to two: "sorry, I don't speak Japanese"),
 * and the message without them.
 */
export function languageRequest(text: string): LanguageRequest | undefined {
  // Every request names a language (LANGUAGES): a text naming none asks for none (most texts leave here).
  // Lower-cased only with an ASCII letter in it: only those lower-case to the letters of "english" and
  // "japanese", and no kana or kanji changes, so a text of Japanese script is searched as it is (its copy
  // lower-cased was allocation of every typed text).
  const lower = hasAsciiLetter(text) ? text.toLowerCase() : text;
  if (!NAMES.some((name) => lower.includes(name))) return undefined;
  const cut = pieces(text);
  // The pieces' own punctuation read as spaces ("sorry, i don't" is one run of words).
  const asked = (from: number, to: number) => requestedIn(spaced(text.slice(from, to)));
  for (let k = 1; k <= Math.min(MAX_PIECES, cut.length); k++) {
    const to = cut[k - 1]![1];
    const lang = asked(0, to);
    if (lang !== undefined) return { lang, rest: text.slice(to).trim() };
  }
  for (let k = 1; k <= Math.min(MAX_PIECES, cut.length - 1); k++) {
    const from = cut[cut.length - k]![0];
    const lang = asked(from, text.length);
    if (lang !== undefined) return { lang, rest: text.slice(0, from).trim() };
  }
  return undefined;
}
const MAX_PIECES = 2;

function hasAsciiLetter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i) | 0x20; // upper case to lower
    if (code >= 0x61 && code <= 0x7a) return true;
  }
  return false;
}

function spaced(piece: string): string {
  let out = "";
  for (const ch of piece) out += PIECE_ENDS.has(ch) ? " " : ch;
  return out;
}
