import { match as blockedMatch } from "./blocked.ts";
import { type Facts, phraseMatcher, type ReasonCheck } from "./check.ts";
import { match as hasmovedMatch } from "./hasmoved.ts";
import { match as hostunknownMatch } from "./hostunknown.ts";
import { match as mailboxfullMatch } from "./mailboxfull.ts";
import { match as norelayingMatch } from "./norelaying.ts";
import { match as notacceptMatch } from "./notaccept.ts";
import { match as rejectedMatch } from "./rejected.ts";
import { match as speedingMatch } from "./speeding.ts";
import { match as toomanyconnMatch } from "./toomanyconn.ts";

/**
 * The local part (before "@") does not exist at the recipient's server.
 *   Diagnostic-Code: smtp; 550 5.1.1 <x@example.jp>: Recipient address rejected: User unknown in local recipient table
 *   550-5.1.1 The email account that you tried to reach does not exist.
 *   Gmail app (Japanese): 「アドレス不明」
 */
export const PHRASES: readonly string[] = [
  "#5.1.1 bad address",
  "5.1.0 address rejected.",
  "550 address invalid",
  "550 mailbox unavailable",
  "<…> not found",
  "account does not exist",
  "account doesn't exist",
  "account …does not exist at the organization",
  "address does not exist",
  "address doesn't exist",
  "address not present in directory",
  "address unknown",
  "bad destination mailbox address",
  "bad…recipient",
  "because the address could not be found",
  "because the address couldn't be found",
  "can't accept user",
  "delete and retype the address", // Outlook's notice: the fix it advises for an address it could not find
  "destination addresses were unknown",
  "destination server rejected recipients",
  "does not exist.",
  "e-mail address was not found in the recipient's e-mail system",
  "email address could not be found",
  "email address does not exist",
  "google.com/mail/?p=nosuchuser", // Google's help link names the error's page
  "google.com/mail/bin/answer.py?answer=6596",
  "google.com/support/bin/answer.py?answer=6596", // Google's older link to the same page
  "illegal envelope to: address",
  // Postfix's lookup tables answer only "User unknown in … table": the tail reads the same where a
  // screenshot's top (or a narrow screen's wrap) cut "User unknown" off.
  "in local recipient table",
  "in relay recipient table",
  "in virtual alias table",
  "in virtual mailbox table",
  "invalid address",
  "invalid final delivery userid", // IMail
  "invalid mailbox",
  "invalid recipient",
  "is not a known user",
  "is not a valid mailbox",
  "is not an active address at this host",
  "mailbox does not exist",
  "mailbox doesn't exist",
  "mailbox invalid",
  "mailbox is inactive",
  "mailbox is unavailable",
  "mailbox not found",
  "mailbox not present",
  "mailbox unavaiable",
  "mailbox …does not exist",
  "mailbox …unavailable or access denied",
  "nessun utente simile in questo indirizzo",
  "no account by that name here",
  "no existe dicha persona",
  "no existe ese usuario ",
  "no mail box available for this user",
  "no mailbox by that name is currently available",
  "no mailbox found",
  "no mailbox here by that name", // qmail: "Sorry, no mailbox here by that name. (#5.1.1)"
  "no se encuentra en el directorio de domino", // HCL Domino (Spanish)
  "no such account",
  "no such address here",
  "no such mailbox",
  "no such person at this address",
  "no such recipient",
  "no such user",
  "no thank you rejected: account unavailable",
  "no valid recipients, bye",
  "no …in name directory",
  "non répertorié dans l'annuaire domino", // HCL Domino (French)
  "non…existent user",
  "not a local address",
  "not a valid recipient",
  "not a valid user here",
  "not email addresses",
  "not found by smtp address lookup",
  "not listed in domino directory", // HCL Domino
  "not listed in public name & address book", // Lotus Notes
  "not valid rfc5321 syntax",
  "rcpt (…t exist ",
  "rcpt <…does not exist",
  "recipient address rejected. (in reply to rcpt to command)",
  "recipient address rejected: access denied",
  "recipient address rejected: invalid user",
  "recipient address rejected: invalid-recipient",
  "recipient address rejected: unknown user",
  "recipient address rejected: user unknown in …table",
  "recipient address rejected: user …does not exist",
  "recipient address rejected: userunknown",
  "recipient does not exist",
  "recipient doesn't exist",
  "recipient is not accepted",
  "recipient is not local",
  "recipient name is not recognized",
  "recipient not exist",
  "recipient not found",
  "recipient not ok",
  "recipient refuses to accept your mail",
  "recipient unknown",
  "recipient …was not found in",
  "requested action not taken: mailbox unavailable",
  "resolver.adr.recipient notfound",
  "resolver.adr.recipientnotfound",
  "resolver.adr.recipnotfound",
  "retype the entire recipient address", // Office 365: the same, for 5.1.10
  "said: 550…5.1.1 … user unknown ",
  "sorry, badrcptto",
  "sorry, no mailbox here by that name",
  "sorry, user unknown",
  "sorry, your envelope recipient has been denied",
  "that domain or user isn't in my list of allowed rcpthosts",
  "the e-mail address you entered couldn't be found",
  "the email account that you tried to reach does not exist",
  "the email address you entered couldn't be found",
  "the following recipients was undeliverable",
  "the user's email name is not found",
  "there is no one at this address",
  "this address no longer accepts mail",
  "this email address is wrong or no longer valid",
  "this recipient is in my badrecipientto list",
  "this recipient is not in my validrcptto list",
  "this spectator does not exist",
  "this user doesn't have a …account",
  "unknown e…mail address",
  "unknown local…part",
  "unknown mailbox",
  "unknown recipient",
  "unknown user",
  "user (…) unknown",
  "user does not exist",
  "user doesn't exist",
  "user missing home directory",
  "user not active",
  "user not exist",
  "user not found",
  "user not known",
  "user unknown",
  "user …does not exist",
  "user …was not found",
  "utilisateur inconnu !",
  "vdeliver: invalid or unknown virtual user",
  "wasn't found at", // Office 365: "x wasn't found at example.jp."
  "weil die adresse nicht gefunden wurde oder keine e-mails empfangen kann",
  "your envelope recipient is in my badrcptto list",
  "アドレスが存在しない",
  "アドレスが存在しません",
  "アドレスが見つからな", // 見つからない / 見つからなかった (Gmail: 「メールアドレスが見つからないか、…」)
  "アドレスが見つかりません",
  "アドレスは存在しない",
  "アドレスは存在しません",
  "アドレス不明",
  "ディレクトリのリストにありません",
  "ユーザが存在しません",
  "ユーザーが存在しません",
  "不明なアドレス",
  "存在しないアドレス",
  "存在しないメールアドレス",
  "宛先が見つかりません",
  "宛先不明",
  "無効な受信者",
];

const phrase = phraseMatcher(PHRASES);

/**
 * Gmail's Japanese heading 「** アドレスが見つかりません **」 stands over a missing domain too; the sentence
 * under it says which: 「ドメイン example.jp が見つからなかったため、…に配信されませんでした」 (hostunknown).
 */
export function match(text: string): string | undefined {
  const p = phrase(text);
  return p === "アドレスが見つかりません" && hostunknownMatch(text) !== undefined ? undefined : p;
}

/**
 * Phrases that, next to a 5.1.1, say the real problem is something else. Some providers answer a
 * sending-rate limit with 5.1.1 too ("550 5.1.1 ... has sent to too many recipients this hour").
 */
const OTHER_PROBLEMS = [
  norelayingMatch,
  blockedMatch,
  mailboxfullMatch,
  hasmovedMatch,
  rejectedMatch,
  notacceptMatch,
  speedingMatch,
  toomanyconnMatch,
];

/**
 * Headings a mail app shows in Japanese above the server's answer (Gmail 「アドレス不明」, Outlook
 * 「無効な受信者」「不明なアドレスです」). They are the app's reading of the bounce, not a reply to one
 * SMTP step, so without a status code of the server's own they mean "no such recipient".
 */
const APP_HEADINGS = ["アドレス不明", "不明なアドレス", "無効な受信者"];

/**
 * Gmail's own sentence above the remote server's answer, which a screenshot often shows without it:
 *   Your message wasn't delivered to x@example.jp because the address couldn't be found, or is unable
 *   to receive mail.
 * and Exchange's: "The email address you entered couldn't be found. Please check the recipient's email
 * address and try to resend the message."
 * Like the headings, Gmail's reading of the answer rather than a reply to one SMTP step. (Its domain
 * twin, "because the domain example.jp couldn't be found", is hostunknown's.) In PHRASES too, so a
 * fragment showing only it is read as a bounce line.
 */
const PROVIDER_READINGS = [
  "because the address could not be found",
  "because the address couldn't be found",
  // Exchange's and Outlook's reading above the diagnostic part (which a screenshot often leaves out)
  "e-mail address was not found in the recipient's e-mail system",
  "the e-mail address you entered couldn't be found",
  "the email address you entered couldn't be found",
  // Outlook's and Office 365's advice under a recipient they could not find (5.1.1, 5.1.10)
  "delete and retype the address",
  "retype the entire recipient address",
];

/**
 * The reporting server's own directory lookup failed (Exchange's categorizer, the Notes address book,
 * the Domino Directory, a local delivery agent's user table): no content filter says these, so they
 * mean "no such user" whatever the SMTP step, or with none at all. Each is in PHRASES too (and so
 * switched off with them by eval:families). (Domino's Japanese wording stays with its reader alone:
 * the reference labels read it as onhold.)
 *   550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup
 */
const directoryLookup = phraseMatcher([
  "invalid final delivery userid",
  "no se encuentra en el directorio de domino",
  "non répertorié dans l'annuaire domino",
  "not found by smtp address lookup",
  "not listed in domino directory",
  "not listed in public name & address book",
  "recipient name is not recognized",
  "resolver.adr.recipientnotfound",
  "resolver.adr.recipnotfound",
  "ディレクトリのリストにありません",
]);

/**
 * X.1.10 is "recipient address has null MX" in RFC 7505 (answered with 556, or worded "null MX" /
 * "does not accept mail": notaccept.ts), but Microsoft's servers send the same code for a recipient
 * their directory does not hold, and that is what a 5.1.10 says with neither:
 *   550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup
 *   Fix email delivery issues for error code 5.1.10 in Office 365 (the notice's help link)
 */
function microsoftNotFound(f: Facts): boolean {
  if (f.status !== "5.1.10" && f.status !== "4.1.10") return false;
  if (f.replyCode === "556" || f.replyCode === "521") return false;
  return !OTHER_PROBLEMS.some((m) => m(f.text) !== undefined);
}

export const userunknown: ReasonCheck = {
  reason: "userunknown",
  phrases: PHRASES,
  match,
  probe(f) {
    // 5.1.0 is "other address status": the address may be the sender's ("5.1.0 <x@y> sender rejected",
    // "MailFrom domain is listed in Spamhaus"), so it means an unknown user only with words that say so;
    // without them, the plain words of the text are read first (decide.ts).
    if (f.statusReason === "userunknown" && (f.status !== "5.1.0" || match(f.text) !== undefined))
      return !OTHER_PROBLEMS.some((m) => m(f.text) !== undefined);
    // Without a matching status, only a refusal of the RCPT command itself means "no such user": the
    // same words after DATA (or from an unknown step) come from a filter (filtered.ts), typically a
    // carrier's domain-specified reception.
    if (!f.status && APP_HEADINGS.some((h) => f.text.includes(h))) return true;
    if (!f.status && PROVIDER_READINGS.some((r) => f.text.includes(r))) return true;
    if (directoryLookup(f.text)) return !OTHER_PROBLEMS.some((m) => m(f.text) !== undefined);
    if (microsoftNotFound(f)) return true;
    return f.command === "RCPT" && match(f.text) !== undefined;
  },
};
