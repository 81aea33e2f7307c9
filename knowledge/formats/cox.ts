import type { Decision, Reason } from "../types.ts";
import type { Provider } from "./format.ts";

/**
 * Cox (cox.net) labels each refusal "AUP#<code>" (cox.com postmaster page).
 *   550 5.1.0 <x@example.com> sender rejected. Refer to Error Codes section at
 *   https://www.cox.com/.../postmaster ... AUP#CXSNDR
 */
const CODES: ReadonlyMap<string, Reason> = new Map(
  Object.entries({
    CXBL: "blocked",
    CXDNS: "requireptr",
    CXSNDR: "authfailure",
    CXSMTP: "rejected",
    CXCNCT: "toomanyconn",
    CXMXRT: "toomanyconn",
    CDRBL: "blocked",
    CXTHRT: "securityerror",
    CXMJ: "securityerror",
  }),
);

const MESSAGES: readonly [Reason, readonly string[]][] = [
  ["blocked", ["cox too many bad commands from", "too many invalid recipients"]],
  ["requireptr", ["dns check failure - try again later", "rejected - no rdns"]],
  ["policyviolation", ["esmtp no data before greeting", "attachment extension is forbidden"]],
  ["rejected", ["sender rejected"]],
  ["systemerror", ["esmtp server temporarily not available"]],
  [
    "toomanyconn",
    ["too many sessions from", "requested action aborted: try again later", "message threshold exceeded"],
  ],
  ["userunknown", ["recipient rejected"]],
];

export const cox: Provider = {
  name: "Cox",
  hosts: ["cox.net"],
  // Its error-code page and its own codes (Spectrum's "AUP#" codes are letters and digits: "AUP#In-1310").
  marks: ["cox.com/", "aup#cx", "aup#cdrbl", "aup#ipbl", "aup#urlbl"],
  reasonOf(_draft, f): Decision | undefined {
    const code = /aup#([a-z0-9]+)/.exec(f.text)?.[1]?.toUpperCase() ?? "";
    const reason: Reason | undefined =
      CODES.get(code) ??
      (code.startsWith("IPBL") ? "blocked" : code.startsWith("URLBL") ? "spamdetected" : undefined);
    if (reason) return { reason, basis: "provider", evidence: `Cox: AUP#${code}` };
    for (const [r, phrases] of MESSAGES) {
      const hit = phrases.find((p) => f.text.includes(p));
      if (hit) return { reason: r, basis: "provider", evidence: `Cox: ${hit}` };
    }
    return undefined;
  },
};
