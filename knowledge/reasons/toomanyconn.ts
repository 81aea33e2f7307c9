import { type ReasonCheck, simpleCheck } from "./check.ts";

/**
 * Too many connections or recipients at once from the sending server.
 *   421 4.7.0 mx.example.jp Error: too many connections from 192.0.2.1
 *   452 4.5.3 Too many recipients (docomo)
 *   550 Ip frequency limited (Tencent QQ Mail's documented refusals, also read without its host name:
 *     a screenshot often shows only the reply and the service.mail.qq.com help link)
 * A screenshot cut at the top keeps "frequency limited [token Blocked IP …]" without its first word (Ip,
 * Connection, Domain, Sender: Tencent's every "… frequency limited" is this reason), or only the help
 * link under it, whose key names the refusal's page ("…help?subtype=1&&id=20022&&no=1000725"; the
 * labelled mails with no=1000725 and no=1000722 are all this reason).
 */
export const PHRASES: readonly string[] = [
  "all available ips are at maximum connection limit",
  "connection frequency limited",
  "connection rate limit exceeded",
  "domain frequency limited",
  "exceeds per-domain connection limit for",
  "frequency limited",
  "has exceeded the max emails per hour ",
  "id=20022&&no=1000722",
  "id=20022&&no=1000725",
  "ip frequency limited",
  "throttling failure: daily message quota exceeded",
  "throttling failure: maximum sending rate exceeded",
  "too many concurrent smtp connections",
  "too many connections",
  "too many errors from your ip",
  "too many recipients",
  "too many smtp sessions for this host",
  "trop de connexions, ",
  "we have already made numerous attempts to deliver this message",
];

export const toomanyconn: ReasonCheck = simpleCheck("toomanyconn", PHRASES);
export const match = toomanyconn.match;
