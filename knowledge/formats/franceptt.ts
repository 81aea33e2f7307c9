import type { Decision, Reason } from "../types.ts";
import type { Provider } from "./format.ts";

/**
 * Orange and La Poste (orange.fr, wanadoo.fr, laposte.net) end each refusal with a numbered label:
 *   550 5.5.0 Adresse destinataire invalide. Invalid recipient. LPN007_416
 *   421 mwinf5c79 ME Trop de connexions ... OFR005_104 [104]
 */
const CODES: ReadonlyMap<string, Reason> = new Map(
  Object.entries({
    "101": "blocked",
    "102": "blocked",
    "103": "blocked",
    "104": "toomanyconn",
    "305": "securityerror",
    "401": "authfailure",
    "402": "securityerror",
    "403": "rejected",
    "405": "rejected",
    "415": "rejected",
    "416": "userunknown",
    "417": "mailboxfull",
    "420": "suspend",
    "421": "rejected",
    "426": "suspend",
    "505": "systemerror",
    "506": "spamdetected",
    "510": "blocked",
    "514": "mesgtoobig",
    "517": "authfailure",
    "630": "policyviolation",
    "999": "blocked",
  }),
);

export const franceptt: Provider = {
  name: "FrancePTT",
  hosts: ["orange.fr", "wanadoo.fr", "laposte.net"],
  // The labels' prefixes as written: OFR_999, OFR005_104, LPNAAA_101, LPN007_420, LPN105_104, OUK_513.
  marks: ["ofr_", "ofr00", "lpnaaa_", "lpn00", "lpn10", "ouk_"],
  reasonOf(_draft, f): Decision | undefined {
    // "LPN007_416", "OFR_416", "LPNAAA_101", "OUK_513": the last three digits are the code.
    const label = /\b(?:lpnaaa|lpn|ofr|ouk)[0-9a-z]*[_-]?(\d{3})\b/.exec(
      f.text.replace(/lpn(\d{3})\b/, "lpn_$1"),
    );
    const reason = label ? CODES.get(label[1]!) : undefined;
    if (reason) return { reason, basis: "provider", evidence: `FrancePTT: code ${label![1]}` };
    if (f.text.includes("spf/dns de votre nom de domaine")) {
      return { reason: "authfailure", basis: "provider", evidence: "FrancePTT: SPF" };
    }
    return undefined;
  },
};
