import type { Draft } from "../bounce/draft.ts";
import type { Facts } from "../reasons/check.ts";
import type { Decision, Reason } from "../types.ts";

/**
 * Local delivery agents (the program that writes the mail into the mailbox) have fixed error texts.
 * They report after the message was accepted, so they only count when the SMTP step is DATA or unknown.
 *   procmail: Couldn't create "/var/spool/mail/neko"      → the program failed
 *   mail.local: unknown user: kijitora                     → no such mailbox
 */
interface Agent {
  name: string;
  /** Words that show this agent wrote the error. */
  markers: readonly string[];
  /** Its known messages; anything else from it is a failed program (mailererror). */
  messages: readonly (readonly [Reason, readonly string[]])[];
}

const AGENTS: readonly Agent[] = [
  {
    name: "dovecot",
    markers: ["your message to <…> was automatically rejected:"],
    messages: [
      ["mailboxfull", ["not enough disk space", "quota exceeded"]],
      ["userunknown", ["mailbox doesn't exist: "]],
    ],
  },
  {
    name: "mail.local",
    markers: ["mail.local: "],
    messages: [
      ["mailboxfull", ["disc quota exceeded", "mailbox full or quota exceeded"]],
      ["systemerror", ["temporary file write error"]],
      [
        "userunknown",
        [": invalid mailbox path", ": unknown user:", ": user missing home directory", ": user unknown"],
      ],
    ],
  },
  {
    name: "procmail",
    markers: ["procmail: ", "/procmail "],
    messages: [
      ["mailboxfull", ["quota exceeded while writing", "user over quota"]],
      ["systemerror", ["service unavailable"]],
      ["systemfull", ["no space left to finish writing"]],
    ],
  },
  {
    name: "maildrop",
    markers: ["maildrop: "],
    messages: [
      ["mailboxfull", ["maildir over quota."]],
      ["userunknown", ["cannot find system user", "invalid user specified."]],
    ],
  },
  {
    name: "vpopmail",
    markers: ["vdelivermail: "],
    messages: [
      ["filtered", ["user does not exist, but will deliver to "]],
      ["mailboxfull", ["domain is over quota", "user is over quota"]],
      ["suspend", ["account is locked email bounced"]],
      ["userunknown", ["sorry, no mailbox here by that name."]],
    ],
  },
  {
    name: "vmailmgr",
    markers: ["vdeliver: "],
    messages: [
      ["mailboxfull", ["delivery failed due to system quota violation"]],
      [
        "userunknown",
        [
          "invalid or unknown base user or domain",
          "invalid or unknown virtual user",
          "user name does not refer to a virtual user",
        ],
      ],
    ],
  },
];

/** Each agent's markers split at "…" once (asked of every diagnosis that reached the reason checks). */
const MARKER_PARTS = new Map(AGENTS.map((a) => [a, a.markers.map((m) => m.split("…"))]));

function has(text: string, parts: readonly string[]): boolean {
  // parts[0], parts[1]: a destructured parameter would make an iterator per call in baseline code.
  const a = parts[0]!;
  const b = parts[1];
  if (b === undefined) return text.includes(a);
  const at = text.indexOf(a);
  return at !== -1 && text.indexOf(b, at + a.length) !== -1;
}

export function localDeliveryReason(draft: Draft, f: Facts): Decision | undefined {
  if (!f.text || (draft.command !== "" && draft.command !== "DATA")) return undefined;
  const agent = AGENTS.find((a) => MARKER_PARTS.get(a)!.some((m) => has(f.text, m)));
  if (!agent) return undefined;
  for (let i = 0; i < agent.messages.length; i++) {
    const reason = agent.messages[i]![0];
    const hit = agent.messages[i]![1].find((p) => f.text.includes(p));
    if (hit) return { reason, basis: "provider", evidence: `${agent.name}: ${hit.trim()}` };
  }
  return { reason: "mailererror", basis: "provider", evidence: `${agent.name} failed` };
}
