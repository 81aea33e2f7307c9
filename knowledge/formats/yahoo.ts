import type { Provider } from "./format.ts";
import { phraseTable } from "./phrase-table.ts";

/**
 * Yahoo Inc. (not Yahoo! JAPAN): documented refusals (senders.yahooinc.com/smtp-error-codes), for
 * answers from its MX hosts (*.yahoodns.net). Matched by the answering host only, as Sisimai does.
 *   421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints
 *   554 delivery error: dd This user doesn't have a yahoo.com account
 */
export const yahooInc: Provider = phraseTable(
  "YahooInc",
  ["yahoodns.net"],
  [
    ["authfailure", ["yahoo requires all senders to authenticate with either spf or dkim"]],
    ["blocked", [" because the ip is in spamhaus's list;", "not accepted from ip addresses on spamhaus xbl"]],
    ["norelaying", ["relaying denied for "]],
    ["notcompliantrfc", ["headers are not rfc compliant"]],
    ["policyviolation", ["not accepted for policy reasons"]],
    [
      "rejected",
      [
        "temporarily deferred due to unexpected volume or user complaints",
        "due to unresolvable rfc.5321 domain",
        " will be permanently deferred",
      ],
    ],
    ["speeding", ["user is receiving mail too quickly"]],
    ["suspend", [" is no longer valid.", "this mailbox is disabled"]],
    ["syntaxerror", ["syntax error in parameters or arguments"]],
    ["toomanyconn", ["max message per connection reached"]],
    ["userunknown", ["dd this user doesn't have a ", "mailbox not found"]],
  ],
);

/** AOL's own DNS notices (aol.com mail hosts). */
export const aol: Provider = phraseTable(
  "Aol",
  ["mail.aol.com", "mx.aol.com"],
  [
    ["hostunknown", ["host or domain name not found"]],
    ["notaccept", ["type=mx: malformed or unexpected name server reply"]],
  ],
);
