/**
 * "I dont understand anything you said", "sorry, I didn't understand a word of that", "im not following at
 * all": being lost, told in English by a negated verb of understanding (and "that didn't fix anything", "not
 * helpful": the answer did not help, by one of helping), with no other word than those that name the talk itself (what was said, the answer, any of it) or only fill the sentence. Read before the
 * question index: its examples share "don't" and "anything" with "so I don't have to do anything?" (whose
 * side), and a match by those words would answer a question nobody asked. A word of anything else ("why it
 * bounced", "how to change the settings", "get any error back") leaves the text to the index: then it asks or
 * tells more than being lost. Japanese is left to the examples (「わからない」 is also "I don't know whether…").
 */

import { fold } from "../../knowledge/fold.ts";

/** Verbs of understanding, in the forms people type. */
const UNDERSTANDING: ReadonlySet<string> = new Set([
  "understand",
  "understood",
  "understanding",
  "follow",
  "following",
  "comprehend",
]);
/** Verbs of helping or fixing: denied, "that didn't help" ("that didn't fix anything", "not helpful"). */
const HELPING: ReadonlySet<string> = new Set([
  "help",
  "helped",
  "helping",
  "helpful",
  "fix",
  "fixed",
  "solve",
  "solved",
  "resolve",
  "resolved",
]);

/**
 * "Get" understands only in the present ("I don't get it"): "I didn't get it" is as often "it never
 * arrived".
 */
const GETTING: ReadonlySet<string> = new Set(["get", "getting"]);

/** Negations that stand before the verb, as typed (with or without the apostrophe). */
const NEGATIONS: ReadonlySet<string> = new Set([
  "not",
  "never",
  "cannot",
  "dont",
  "don't",
  "cant",
  "can't",
  "couldnt",
  "couldn't",
  "doesnt",
  "doesn't",
]);
/** Negations in the past: of "understand" and "follow", not of "get". */
const PAST_NEGATIONS: ReadonlySet<string> = new Set(["didnt", "didn't"]);
/** Verbs that only carry a negation ("do not understand", "am not following"): allowed before "not". */
const AUXILIARIES: ReadonlySet<string> = new Set(["am", "do", "did", "does", "can", "could"]);
/** A negation after the verb ("understood nothing"). */
const NOTHING = "nothing";

/** Words that name the talk (what was said, the answer) or only fill a sentence of being lost. */
const ABOUT_THE_TALK: ReadonlySet<string> = new Set([
  // who and what was said
  "i",
  "im",
  "i'm",
  "me",
  "my",
  "you",
  "u",
  "ya",
  "your",
  "ur",
  "you're",
  "it",
  "its",
  "it's",
  "this",
  "that",
  "that's",
  "these",
  "those",
  "what",
  "the",
  "a",
  "an",
  "of",
  "to",
  "any",
  "anything",
  "everything",
  "all",
  "one",
  "word",
  "words",
  "thing",
  "things",
  "bit",
  "part",
  "last",
  "here",
  "there",
  "is",
  "are",
  "was",
  "were",
  "said",
  "say",
  "saying",
  "says",
  "mean",
  "meant",
  "means",
  "told",
  "tell",
  "telling",
  "wrote",
  "written",
  "write",
  "answer",
  "answers",
  "reply",
  "replies",
  "explanation",
  "message",
  "messages",
  "instructions",
  "steps",
  // fillers
  "sorry",
  "honestly",
  "really",
  "still",
  "just",
  "quite",
  "fully",
  "totally",
  "completely",
  "at",
  "even",
  "now",
  "very",
  "well",
  "much",
  "too",
  "ok",
  "okay",
  "hmm",
  "huh",
  "um",
  "uh",
  "oh",
  "so",
  "but",
  "and",
  "yeah",
  "lol",
  "tbh",
  "actually",
  "afraid",
  "sadly",
  "again",
  "nope",
  "sorry",
]);

/** Texts longer than this are stories, not a word of being lost. */
const MAX_CHARS = 120;
/** How many words before the verb its negation may stand ("don't really understand", "didn't quite get"). */
const NEGATION_REACH = 3;

/** Whether an English text tells only that the talk is not understood. */
export function tellsLost(text: string): boolean {
  return deniesOnly(text, (w) => UNDERSTANDING.has(w) || GETTING.has(w));
}

/** Whether an English text tells only that the answer did not help ("that didn't fix anything"). */
export function tellsNoHelp(text: string): boolean {
  return deniesOnly(text, (w) => HELPING.has(w));
}

/** Whether a text denies a verb of `isVerb` and names nothing but the talk besides. */
function deniesOnly(text: string, isVerb: (word: string) => boolean): boolean {
  if (text.length > MAX_CHARS) return false;
  const words = wordsOf(text);
  let negated = false;
  for (const [i, word] of words.entries()) {
    if (isVerb(word)) {
      const before = words.slice(Math.max(0, i - NEGATION_REACH), i);
      const past = !GETTING.has(word) && before.some((w) => PAST_NEGATIONS.has(w));
      negated ||= past || before.some((w) => NEGATIONS.has(w)) || words.slice(i + 1).includes(NOTHING);
      continue;
    }
    if (NEGATIONS.has(word) || PAST_NEGATIONS.has(word) || ABOUT_THE_TALK.has(word) || word === NOTHING)
      continue;
    if (AUXILIARIES.has(word) && words[i + 1] === "not") continue;
    return false;
  }
  return negated;
}

/** The words of a text: Latin letters and apostrophes (typographic ones as typed ones); none when other letters. */
function wordsOf(text: string): string[] {
  const folded = fold(text).replaceAll("\u2019", "'");
  const words: string[] = [];
  let word = "";
  for (const ch of `${folded} `) {
    const code = ch.charCodeAt(0);
    if ((code >= 0x61 && code <= 0x7a) || ch === "'") word += ch;
    else {
      if (word !== "") words.push(word);
      word = "";
      // Another script or digits: not a few English words of being lost.
      if (code >= 0x80 || (code >= 0x30 && code <= 0x39)) return [];
    }
  }
  return words;
}
