import { CLOSING } from "../marks.ts";
import { trimEndOf } from "../text.ts";

/**
 * A want of the user's own closing a sentence (「今すぐ送りたい」「早く何とかしたい！」「届けたいんですけど」), read in
 * one place for the three readers that need it: upset.ts (the mail at stake, told beside a feeling), key-answer.ts
 * (the mail wished through asks nothing beyond the lament) and reported-want.ts (a want after words someone else
 * said). Plain scans (ends, includes), no pattern. Texts are given folded or NFKC-lowered by the callers, as they read them.
 */

/** How a want closes a sentence (「…したい」「…たいんだけど」「…たいんですが」). */
const WANT_ENDS = [
  "たい",
  "たいです",
  "たいんだけど",
  "たいんですけど",
  "たいんですが",
  "たいのですが",
  "たいけど",
  "たいのに",
];

/** The sentence without its closing marks when it closes with a want, else undefined. */
export function closingWant(sentence: string): string | undefined {
  // 「…したい！」「…したいです…」「届けたいー」「送りたい、」; not 「届けたい？」, which asks (marks.ts CLOSING).
  const body = trimEndOf(sentence.trim(), CLOSING);
  return WANT_ENDS.some((w) => body.endsWith(w)) ? body : undefined;
}

/** Wants to get the mail out (「送りたい」「届けたい」). */
const SEND_WANTS = ["送りたい", "届けたい", "出したい", "送信したい", "おくりたい", "とどけたい", "だしたい"];
/** Wants to have the trouble sorted (「何とかしたい」「どうにかしたい」「解決したい」). */
const SETTLE_WANTS = ["何とかしたい", "なんとかしたい", "どうにかしたい", "解決したい", "かいけつしたい"];
const THROUGH_WANTS = [...SEND_WANTS, ...SETTLE_WANTS];

/**
 * The trouble wished sorted or the mail wished through, closing a sentence (「早く何とかしたい」「今すぐ送りたい」
 * 「急いで届けたいんだけど」): told, not asked, though a want ends as a request does (「…を知りたい」 asks); what it
 * wants is the way there, the steps of the diagnosis on screen.
 */
export function wantsItThrough(sentence: string): boolean {
  const body = closingWant(sentence);
  if (body === undefined) return false;
  return THROUGH_WANTS.some((w) => body.includes(w));
}
