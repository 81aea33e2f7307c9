import { copyDraft } from "../bounce/draft.ts";
import type { Message } from "../bounce/message.ts";
import type { Reason } from "../types.ts";
import { jamesDrafts } from "./apachejames.ts";
import type { Format } from "./format.ts";

/**
 * Verizon Wireless's mail-to-SMS/MMS gateways (vtext.com, vzwpix.com) answer in the Apache James
 * layout, from post_master@vtext.com or sysadmin@*.vzwpix.com:
 *   Error: Invalid user address
 *   Error message below:
 *   550 - Requested action not taken: no such user here
 *   Message details:
 *     RCPT TO: 5555550100@vtext.com
 * The gateway only says this when the phone number has no such mailbox, whatever the SMTP step.
 */
const MESSAGES: readonly [string, Reason][] = [
  ["550 - requested action not taken: no such user here", "userunknown"],
  ["no valid recipients", "userunknown"],
];

/** A module constant: a regular expression literal in detect() would be a new object at every text classified. */
const VERIZON_SENDER = /post_master@vtext\.com|sysadmin@[^\s>@]*\.vzwpix\.com/i;

export const verizon: Format = {
  name: "Verizon",
  detect: (m: Message) => VERIZON_SENDER.test(m.from),
  parse(m: Message) {
    return jamesDrafts(m, "Verizon").map((d) => {
      const lower = d.diagnosis.toLowerCase(); // once, not once per message tried
      const hit = MESSAGES.find((e) => lower.includes(e[0]));
      return hit ? copyDraft(d, { reason: hit[1], evidence: `Verizon: ${hit[0]}` }) : d;
    });
  },
};
