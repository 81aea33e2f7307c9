import type { Decision, Reason } from "../types.ts";
import type { Provider } from "./format.ts";

/**
 * I.UA (Ukraine): every refusal links to an explanation page numbered by cause.
 *   550 Mailbox is full. See https://mail.i.ua/err/4/
 */
const CODES: ReadonlyMap<string, Reason> = new Map(
  Object.entries({
    "1": "norelaying", // SMTP used as a mail gate
    "2": "userunknown", // no such user
    "3": "suspend", // mailbox unused for more than 3 months
    "4": "mailboxfull",
    "5": "toomanyconn", // sending limit exceeded
    "6": "norelaying", // use your own provider's SMTP server
    "7": "blocked", // bad HELO/EHLO argument
    "8": "rejected", // the sender address could not be verified
    "9": "blocked", // the sending IP address is block-listed
    "10": "filtered", // not on the recipient's address list
  }),
);

export const iua: Provider = {
  name: "I.UA",
  hosts: ["i.ua"],
  marks: ["mail.i.ua/err/"],
  reasonOf(_draft, f): Decision | undefined {
    const code = /\.i\.ua\/err\/(\d{1,2})\//.exec(f.text)?.[1];
    const reason = code ? CODES.get(code) : undefined;
    return reason ? { reason, basis: "provider", evidence: `I.UA: err/${code}` } : undefined;
  },
};
