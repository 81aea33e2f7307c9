import type { Decision } from "../types.ts";
import type { Provider } from "./format.ts";
import { phraseTable } from "./phrase-table.ts";

/**
 * The Japanese mobile carriers. Their servers answer a domain-specified-reception refusal with the same
 * words as an unknown address, so the SMTP step and the status decide between "userunknown" and
 * "filtered" (the dialog then offers both "check the address" and "ask them to allow your domain").
 */

/**
 * NTT docomo (docomo.ne.jp, mfsmax.docomo.ne.jp).
 *   <<< 550 Unknown user ***@docomo.ne.jp          (RCPT TO: no such address)
 *   550 Unknown user ... (in reply to end of DATA command)   (refused after reading the message)
 *   552 Too much mail data  (mailbox full)
 */
export const docomo: Provider = {
  name: "NTTDOCOMO",
  hosts: ["docomo.ne.jp"],
  reasonOf(draft, f): Decision | undefined {
    const by = (reason: Decision["reason"], why: string): Decision => ({
      reason,
      basis: "provider",
      evidence: `docomo: ${why}`,
    });
    if (!f.text) return undefined;
    if (f.status === "5.1.1" || f.status === "5.0.911") return by("userunknown", `status ${f.status}`);
    if (f.status === "5.2.0") return by("filtered", "status 5.2.0");
    if (f.text.includes("552 too much mail data") || f.text.includes("too much mail data"))
      return by("mailboxfull", "too much mail data");
    if (f.text.includes("552 too many recipients")) return by("toomanyconn", "too many recipients");
    if (
      f.text.includes("503 bad sequence of commands") ||
      f.text.includes("504 command parameter not implemented")
    ) {
      return by("syntaxerror", "protocol error");
    }
    if (f.status === "5.0.0" || f.status === "") {
      if (draft.command === "RCPT") return by("userunknown", "refused at RCPT TO");
      if (draft.command === "DATA" && f.text.includes("unknown user"))
        return by("rejected", "refused after DATA");
    }
    if (f.text.includes("550 unknown user")) return by("userunknown", "550 unknown user");
    return undefined;
  },
};

/**
 * KDDI au (ezweb.ne.jp, au.com).
 *   550 : User unknown            (refused by the recipient's filter)
 *   550 <x@ezweb.ne.jp>: User unknown   (no such address)
 */
export const kddi: Provider = phraseTable(
  "KDDI",
  ["ezweb.ne.jp", "au.com", "msmx.au.com"],
  [
    ["filtered", ["550 : user unknown"]],
    ["userunknown", [">: user unknown"]],
  ],
);

/**
 * SoftBank (softbank.ne.jp, i.softbank.jp). Unknown addresses get "550 Invalid recipient"; filtered
 * mail is usually dropped without a bounce.
 */
export const softbank: Provider = phraseTable(
  "SoftBank",
  ["softbank.ne.jp", "i.softbank.jp", "disney.ne.jp"],
  [["userunknown", ["invalid recipient"]]],
);
