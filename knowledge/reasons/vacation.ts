import { phraseOnlyCheck, type ReasonCheck } from "./check.ts";

/**
 * Not a failure: an automatic out-of-office reply. People screenshot these as often as bounces ("is this
 * an error?"), in whatever words the colleague wrote, so besides whole sentences the list holds the
 * parts most of them share: being away (currently on vacation or leave, out of the office until, 休暇中の
 * ため, 出張中のため), a reply later (upon my return, ご返信が遅れ), limited access to mail. None is a
 * server's wording, and each is the reply's formal register, not what a user types about their own
 * trouble (「休暇中に送ったメールが戻ってきた」 is a bounce told, not an auto-reply).
 *   "I am out of the office until 5 May."  /  「不在のため」
 *   "I'm currently on vacation with limited access to email."  /  「休暇をいただいております」
 *   "Ich bin bis zum 5. Mai nicht im Büro."
 */
export const PHRASES: readonly string[] = [
  "absent du bureau",
  "away from the office",
  "currently on holiday",
  "currently on leave",
  "currently on vacation",
  "i am away on vacation",
  "i am away until",
  "i am currently away",
  "i am currently out of the office",
  "i am out of the office",
  "i will be back in the office",
  "i will be out of the office",
  "i will be traveling for work on",
  "i'm away until",
  "i'm currently away",
  "i'm out of the office",
  "intermittent access to email",
  "limited access to e-mail",
  "limited access to email",
  "nicht im büro",
  "out of office",
  "out of the office until",
  "returning to the office on",
  "upon my return",
  "will respond to you upon my return",
  "will respond to your message as promptly as possible",
  "ご返信が遅れ",
  "不在にしております",
  "不在のため",
  "休暇をいただ",
  "休暇中のため",
  "出張中のため",
  "自動応答",
  "自動返信",
];

export const vacation: ReasonCheck = phraseOnlyCheck("vacation", PHRASES);
export const match = vacation.match;
