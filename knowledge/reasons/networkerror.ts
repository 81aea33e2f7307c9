import { phraseOnlyCheck, type ReasonCheck } from "./check.ts";

/**
 * The network or DNS failed on the way: lookups that timed out, routing loops, unreachable hosts.
 *   Diagnostic-Code: X-Postfix; Host or domain name not found. Name service error for name=... type=AAAA: Host not found, try again
 *   lost connection with mx.example.jp[192.0.2.1] while sending message body (Postfix, status 4.4.2)
 *   451 4.4.0 DNS query failed (Exchange; "… SMTPSEND.DNS.NonExistentDomain" is a domain that does not exist, record.ts)
 */
export const PHRASES: readonly string[] = [
  " had no relevant answers",
  // Postfix: "connect to mx.example.jp[192.0.2.1]:25: Connection refused": nothing listens there (not
  // Sendmail's "Connection refused by host", read as a block in blocked.ts).
  ":25: connection refused",
  "address family mismatch on destination mxs",
  "all routes to destination blocked",
  "although i'm listed as a best-preference mx or a for that host",
  "bad dns lookup error code",
  "could not connect and send the mail to",
  "could not retrieve source address",
  "dns lookup failed",
  "dns query failed",
  "dns records for the destination computer could not be found",
  "hop count exceeded",
  "hop count exceeded - possible mail loop",
  "host is unreachable",
  "host name lookup failure",
  "host not found, try again",
  "loop detected",
  "lost connection with ",
  "mail forwarding loop for ",
  "mail loop",
  "malformed name server reply",
  "malformed or unexpected name server reply",
  "maximum forwarding loop count exceeded",
  "maximum hop count",
  "message exceeded 50 hops",
  "message looping",
  "message probably in a routing loop",
  "network error on destination mx",
  "no route to host",
  "no valid route to destination",
  "no valid route to remote mx",
  "responded with code nxdomain",
  "routing loop",
  "temporary failure in mx lookup",
  "to establish an smtp connection",
  "to establish smtp connection",
  "too many hops",
  "unable to resolve route ",
  "unrouteable mail domain",
];

export const networkerror: ReasonCheck = phraseOnlyCheck("networkerror", PHRASES);
export const match = networkerror.match;
