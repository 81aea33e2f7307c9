import { phraseMatcher, type ReasonCheck } from "./check.ts";

/**
 * The recipient's account exists but is disabled or suspended.
 *   550 5.2.1 The email account that you tried to reach is disabled.
 *   Status: 5.0.0 / Diagnostic-Code: smtp; 550 Mailbox disabled for this recipient
 */
export const PHRASES: readonly string[] = [
  " is currently suspended",
  " temporary locked",
  "account disabled",
  "account has been disabled",
  "account is disabled",
  "account is inactive",
  "account is suspended",
  "account is temporarily limited",
  "account suspended",
  "account …deactivated",
  "archived recipient",
  "boite du destinataire archivee",
  "deactivated account",
  "disabled account",
  "email account that you tried to reach is disabled",
  "google.com/mail/?p=disableduser", // Google's help link names the error's page
  "has been suspended",
  "inactive account",
  "invalid/inactive user",
  "is a deactivated mailbox",
  "is unavailable: user is terminated",
  "mailaddress is administrativ", // qmail-ldap: "mailaddress is administratively disabled"
  "mailbox currently suspended",
  "mailbox disabled",
  "mailbox is frozen",
  "mailbox unavailable or access denied",
  "recipient rejected: temporarily inactive",
  "recipient suspend the service",
  "suspended account",
  "the email account that you tried to reach is inactive",
  "this account has been disabled or discontinued",
  "this account has been temporarily suspended",
  "this address no longer accepts mail",
  "this mailbox is disabled",
  "user or domain is disabled",
  "user suspended",
  "vdelivermail: account is locked email bounced",
  "アカウントが停止",
  "アカウントが無効",
  "利用停止",
];

export const match = phraseMatcher(PHRASES);

export const suspend: ReasonCheck = {
  reason: "suspend",
  phrases: PHRASES,
  match,
  // 525: "user account disabled" (RFC 4954)
  probe: (f) => f.replyCode === "525" || match(f.text) !== undefined,
};
