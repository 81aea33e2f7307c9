import { type ReasonCheck, simpleCheck } from "./check.ts";

/**
 * The recipient's mailbox has no room left.
 *   Status: 4.2.2 / Diagnostic-Code: smtp; 452 4.2.2 <x@example.jp>... Mailbox full
 *   552 Too much mail data (docomo)
 *   ISP page: "Temporarily over quota", "The user(s) account is temporarily over quota", "Exceeded storage allocation"
 */
export const PHRASES: readonly string[] = [
  "452 insufficient disk space",
  "account disabled temporarly for exceeding receiving limits",
  "account is temporarily over quota", // whole as well: "account is temporarily" begins a suspension's phrase too
  "account is …quota",
  "boite du destinataire pleine",
  "disk…quota",
  "enough …space",
  "exceeded storage allocation",
  "folder is full",
  "full mailbox",
  "google.com/mail/?p=overquota", // Google's help link (OverQuotaPerm, OverQuotaTemp)
  "inbox is full",
  "inbox is out of storage space",
  "insufficient storage",
  "mail quota exceeded",
  "mailbox exceeds allowed size",
  "mailbox size limit exceeded",
  "mailbox would exceed maximum allowed storage",
  "mailbox …exceeded… limit",
  "mailbox …full",
  "mailbox …quota",
  "maildir …quota",
  "mailfolder is full",
  "no space left on device",
  "not sufficient disk space",
  "over …quota",
  "quota violation for",
  "quota …exceeded",
  "quotaexceeded", // Exchange: "554 5.2.0 STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded"
  "storage limit",
  // Gmail's 4.2.2; whole, so that "The email account that you tried to reach is" cut after "is" reads as
  // nothing (it goes on "disabled" or "inactive" as often: bounce/cut-phrase.ts).
  "the email account that you tried to reach is over quota",
  "too much mail data", // docomo
  "user has exceeded quota, bouncing mail",
  "user has too many messages on the server",
  "user's space has been used up",
  "メールボックスがいっぱい",
  "メールボックスが一杯",
  "メールボックスの容量",
  "受信容量",
  "容量が不足",
  "容量オーバー",
  "容量不足",
  "空き容量",
];

export const mailboxfull: ReasonCheck = simpleCheck("mailboxfull", PHRASES);
export const match = mailboxfull.match;
