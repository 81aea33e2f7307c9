import { type ReasonCheck, simpleCheck } from "./check.ts";

/**
 * The sending server has no (or a mismatching) reverse DNS (PTR) record.
 *   550-5.7.25 The IP address sending this message does not have a PTR record setup
 *   450 4.7.1 Client host rejected: cannot find your hostname
 */
export const PHRASES: readonly string[] = [
  "access denied. ip name lookup failed",
  "all mail servers must have a ptr record with a valid reverse dns entry",
  "bad dns ptr resource record",
  "cannot find your hostname",
  "cannot resolve your address.",
  "dns lookup failure: … try again later",
  "domain …mismatches client ip",
  "fix reverse dns for ",
  "google.com/mail/answer/81126#ip-practices", // Google's help link: the sending IP's PTR record
  "ips with missing ptr records",
  "must have a reverse dns record",
  "no ptr record found.",
  "no rdns",
  "no reverse dns",
  "please get a custom reverse dns name from your isp for your host",
  "ptr record",
  "ptr record setup",
  "rdns lookup",
  "rdns record",
  "reverse dns entry",
  "reverse dns failed",
  "reverse dns lookup",
  "reverse dns lookup for host …failed permanently",
  "reverse dns record",
  "reverse dns required",
  "reverse dns validation failed", // RFC 7372 X.7.25
  "reverse hostname",
  "sender ip reverse lookup rejected",
  "server access …forbidden by invalid rdns record of your mail server",
  "service permits …unverifyable sending ips",
  "the corresponding forward dns entry does not point to the sending ip",
  "the ip address sending this message does not have a ptr record setup",
  "this system will not accept messages from servers/devices with no reverse dns",
  "unresolvable relay host name",
  "we do not accept mail from hosts with dynamic ip or generic dns ptr-records",
];

export const requireptr: ReasonCheck = simpleCheck("requireptr", PHRASES);
export const match = requireptr.match;
