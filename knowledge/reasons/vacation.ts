import { phraseOnlyCheck, type ReasonCheck } from "./check.ts";

/**
 * Not a failure: an automatic out-of-office reply.
 *   "I am out of the office until 5 May."  /  「不在のため」
 */
export const PHRASES: readonly string[] = [
  "i am away on vacation",
  "i am away until",
  "i am out of the office",
  "i will be traveling for work on",
  "out of office",
  "不在にしております",
  "不在のため",
];

export const vacation: ReasonCheck = phraseOnlyCheck("vacation", PHRASES);
export const match = vacation.match;
