import type { Decision, Reason } from "../types.ts";
import type { Provider } from "./format.ts";

/**
 * Facebook's mail servers answer with a response code like "RCP-P2" (facebook.com/postmaster/response_codes).
 *   550 5.1.1 RCP-P2 http://postmaster.facebook.com/response_codes?ip=192.0.2.135#rcp Refused due to recipient preferences
 */
const CODES: ReadonlyMap<string, Reason> = new Map(
  Object.entries({
    "POL-P7": "authfailure",
    "POL-P1": "blocked",
    "POL-P2": "blocked",
    "POL-P3": "blocked",
    "POL-P4": "blocked",
    "POL-T1": "blocked",
    "POL-T2": "blocked",
    "POL-T3": "blocked",
    "MSG-P2": "contenterror",
    "RCP-P2": "filtered",
    "RCP-P3": "filtered",
    "MSG-P1": "mesgtoobig",
    "INT-P2": "mesgtoobig",
    "MSG-P3": "notcompliantrfc",
    "DNS-P1": "rejected",
    "DNS-P2": "rejected",
    "DNS-T1": "rejected",
    "DNS-P3": "requireptr",
    "DNS-T2": "requireptr",
    "POL-P6": "spamdetected",
    "RCP-T4": "suspend",
    "RCP-T1": "systemerror",
    "CON-T1": "toomanyconn",
    "CON-T2": "toomanyconn",
    "CON-T3": "toomanyconn",
    "CON-T4": "toomanyconn",
    "MSG-T1": "toomanyconn",
    "RCP-P1": "userunknown",
    "INT-P1": "userunknown",
    "INT-P3": "userunknown",
    "INT-P4": "userunknown",
    "POL-P5": "virusdetected",
  }),
);

export const facebook: Provider = {
  name: "Facebook",
  hosts: ["facebook.com", "facebookmail.com"],
  marks: ["postmaster.facebook.com", "facebook.com/postmaster"],
  reasonOf(_draft, f): Decision | undefined {
    const code = /\b([a-z]{3}-[pt]\d)\b/.exec(f.text)?.[1]?.toUpperCase();
    const reason = code ? CODES.get(code) : undefined;
    return reason ? { reason, basis: "provider", evidence: `Facebook: ${code}` } : undefined;
  },
};
