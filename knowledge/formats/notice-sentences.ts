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
