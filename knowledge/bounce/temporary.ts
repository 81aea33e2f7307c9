import { forMatching } from "./text.ts";

/**
 * A server's own words that its failure is temporary, where no code says so: Postfix's "<x@example.jp>:
 * temporary failure" (a local delivery program's exit status), a notice's "Temporary failure" with its
 * code cut off by the screen. RFC 3463's class 4 ("persistent transient failure") in words: with no
 * reason named, the recipient's server could not take the mail for the moment (topic-of-reason.ts).
 * Words that also say why ("temporary failure in name resolution") are read by the reasons first.
 */
const TEMPORARY_WORDS: readonly string[] = [
  "temporary failure",
  "temporary error",
  "temporary problem",
  "temporary local problem",
  "temporary server error",
  "temporarily failed",
  "try again later",
  "try later",
  "一時的なエラー",
  "一時的な障害",
  "一時的な問題",
  "一時的な不具合",
];

/** Words that make a failure final whatever else the text says ("permanent error", 「恒久的なエラー」). */
const PERMANENT_WORDS: readonly string[] = ["permanent", "恒久的"];

/** Whether the text says the failure is temporary (and nowhere that it is permanent). */
export function saysTemporary(text: string): boolean {
  return temporaryIn(temporaryScan(text));
}

/** What saysTemporary reads: the text's first 3,000 characters, folded as the reasons read text (forMatching). */
export function temporaryScan(text: string): string {
  return forMatching(text.length > 3000 ? text.slice(0, 3000) : text);
}

/** saysTemporary of a text temporaryScan folded already (a caller that reads its words otherwise too). */
export function temporaryIn(lower: string): boolean {
  return TEMPORARY_WORDS.some((w) => lower.includes(w)) && !PERMANENT_WORDS.some((w) => lower.includes(w));
}
