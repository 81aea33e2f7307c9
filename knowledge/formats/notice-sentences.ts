/**
 * How MTA families other than the common few say that a mail came back, in the sentence (or subject)
 * that opens their notice and says nothing of why. A screenshot or a copy that holds only such a
 * sentence, with the recipient's address or the reason cut off, is still part of a bounce: the line is
 * shown back and the rest asked for, as for "Undelivered Mail Returned to Sender". These words name no
 * reason (generic.ts's BOUNCE_WORDS take them in; cut-phrase.ts completes no phrase that starts with
 * them). Lower case, matched anywhere in a line.
 */
export const FAMILY_BOUNCE_WORDS: readonly string[] = [
  // DragonFly Mail Agent (dma): "There was an error delivering your mail to <x@example.jp>."
  "error delivering your mail",
  // OpenSMTPD: "An error has occurred while attempting to deliver a message for the following list of
  // recipients:"
  "error has occurred while attempting to deliver",
  // qmail: "I'm afraid I wasn't able to deliver your message to the following addresses."
  "wasn't able to deliver",
  // Courier: "Your message to the following recipients cannot be delivered:"; Sun/Oracle Messaging
  // Server: "Your message cannot be delivered to the following recipients:"
  "cannot be delivered",
  // Exchange 2003: "Your message did not reach some or all of the intended recipients."
  "did not reach some or all",
  // au EZweb: "The following recipients did not receive this message:"
  "did not receive this message",
  // BIGLOBE, McAfee: "----- The following addresses had delivery problems -----"
  "had delivery problems",
  // SurfControl: "Your message could not be sent."
  "could not be sent",
  // Gmail's heading and first sentence over a failure: "Message not delivered" / "There was a problem
  // delivering your message to x@example.jp." (its delay says "a temporary problem": bounce/delay.ts).
  "message not delivered",
  "problem delivering your message",
  // Microsoft's IIS and Exchange 2007 SMTP service: "This is an automatically generated Delivery Status
  // Notification." ⏎ "Delivery to the following recipients failed."
  "delivery to the following recipients failed",
  // au EZweb's subject (TITLES_NAMING_NO_REASON).
  "mail system error - returned mail",
];

/**
 * Subjects whose words would read as a reason and are none: au EZweb titles every notice "Mail System
 * Error - Returned Mail", which a mail app shows above it, whether the notice under it says the user is
 * unknown, the account suspended or the sender blocked. Not read for plain words (reasons/keywords.ts).
 */
export const TITLES_NAMING_NO_REASON: readonly string[] = ["mail system error - returned mail"];

/**
 * Japanese subjects and headings that say only "delivery error" (「メール配信エラー」, 「送信エラー」,
 * 「配送エラーのお知らせ」) or "delivery failed" (「配信失敗」): a bounce's title, no reason.
 */
export const JAPANESE_ERROR_TITLE = /(?:配送|配信|送信)(?:エラー|失敗)/;

/**
 * The first lines of the common daemons' notices, which name no failure yet: a screenshot that shows only
 * one (the rest below the screen's edge) is the top of a bounce, not a picture with nothing on it. The
 * line is shown back and the error line asked for (knowledge/ocr/clean.ts firstBounceLine). Lower case.
 */
export const NOTICE_INTROS: readonly string[] = [
  // Postfix: "This is the mail system at host mx.example.jp."
  "this is the mail system at host",
  // qmail: "Hi. This is the qmail-send program at mx.example.jp."
  "this is the qmail-send program",
  // Exim and its kin (GMX, 1&1, Zoho, Mail.ru)
  "this message was created automatically by mail delivery software",
  // Sendmail: "The original message was received at Mon, 1 Jun 2026 …"
  "the original message was received at",
  // DragonFly Mail Agent: "This is the DragonFly Mail Agent v0.13 at df.example.jp."
  "this is the dragonfly mail agent",
  // OpenSMTPD: "This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail."
  "this is the mailer-daemon",
  // Exchange, Gmail and others
  "this is an automatically generated delivery status notification",
];
