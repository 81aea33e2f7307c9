import type { Decision, Reason } from "../types.ts";
import type { Provider } from "./format.ts";

/**
 * GoDaddy (secureserver.net) ends its refusals with an "IBnnn" code (godaddy.com help 40685).
 *   550 5.1.1 <x@example.com> - 203.0.113.222 has sent to too many recipients this hour. IB607
 */
const CODES: ReadonlyMap<string, Reason> = new Map(
  Object.entries({
    IB401: "securityerror",
    IB501: "notcompliantrfc",
    IB502: "notcompliantrfc",
    IB506: "rejected",
    IB508: "authfailure",
    IB108: "requireptr",
    IB212: "spamdetected",
    IB705: "virusdetected",
    IB605: "toomanyconn",
    IB007: "toomanyconn",
    IB101: "speeding",
    IB110: "blocked",
    IB111: "blocked",
    IB112: "blocked",
    IB113: "blocked",
    IB504: "speeding",
    IB510: "speeding",
    IB607: "speeding",
    IB103: "badreputation",
    IB104: "blocked",
    IB105: "blocked",
    IB106: "blocked",
  }),
);

const MESSAGES: readonly [Reason, readonly string[]][] = [
  ["blocked", ["rbl reject", "www.spamhaus.org/query/bl?ip="]],
  ["expired", ["has been in the queue too long", "delivery timeout"]],
  ["mailboxfull", ["account storage limit"]],
  ["spamdetected", ["message rejected for spam or virus content"]],
  ["suspend", ["account disabled"]],
  ["systemerror", ["message is looping"]],
  ["userunknown", ["recipient not found", "account does not exist"]],
];

export const godaddy: Provider = {
  name: "GoDaddy",
  hosts: ["secureserver.net"],
  // "IB508 <http://x.co/srbounce>": the short link after its code.
  marks: ["x.co/srbounce"],
  reasonOf(_draft, f): Decision | undefined {
    const code = /\b(ib\d{3})\b/.exec(f.text)?.[1]?.toUpperCase();
    const reason = code ? CODES.get(code) : undefined;
    if (reason) return { reason, basis: "provider", evidence: `GoDaddy: ${code}` };
    for (const [r, phrases] of MESSAGES) {
      const hit = phrases.find((p) => f.text.includes(p));
      if (hit) return { reason: r, basis: "provider", evidence: `GoDaddy: ${hit}` };
    }
    return undefined;
  },
};
