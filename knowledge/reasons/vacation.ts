import { phraseOnlyCheck, type ReasonCheck } from "./check.ts";

/**
 * Not a failure: an automatic out-of-office reply.
 *   "I am out of the office until 5 May."  /  「不在のため」
 */
export const PHRASES: readonly string[] = [
  "i am away on vacation",
  "i am away until",
  "i am currently away",
  "i am currently out of the office",
  "i am out of the office",
  "i will be out of the office",
  "i will be traveling for work on",
  "out of office",
  "returning to the office on",
  "will respond to you upon my return",
  "will respond to your message as promptly as possible",
  "不在にしております",
  "不在のため",
  "自動応答",
  "自動返信",
];

export const vacation: ReasonCheck = phraseOnlyCheck("vacation", PHRASES);
export const match = vacation.match;
