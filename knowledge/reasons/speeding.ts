import { phraseOnlyCheck, type ReasonCheck } from "./check.ts";

/**
 * The sender sent too fast: a rate limit at the receiver.
 *   451 4.7.1 <mx.example.org[192.0.2.2]>: Client host rejected: Please try again slower
 *   450-4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages
 *   451 4.7.500 Server busy. Please try again later from [192.0.2.1]. (AS761) (Microsoft 365 slowing a new sending IP)
 */
export const PHRASES: readonly string[] = [
  "google.com/mail/?p=receivingrate", // Google's help link (ReceivingRate, ReceivingRatePerm)
  "mail sent from your ip address has been temporarily rate limited",
  "messages this hour",
  "please try again slower",
  "rate limited",
  "receiving mail at a rate that prevents additional messages from being delivered",
  "receiving mail too quickly",
  "recipients this hour",
  "server busy, please try again later",
  "server busy. please try again later",
  "too much mail from",
];

export const speeding: ReasonCheck = phraseOnlyCheck("speeding", PHRASES);
export const match = speeding.match;
