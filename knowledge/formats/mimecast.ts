import type { Provider } from "./format.ts";
import { phraseTable } from "./phrase-table.ts";

/**
 * Mimecast (mimecast.com) gateways: their documented SMTP refusals, which link to its own pages.
 *   554 Host network not allowed - https://community.mimecast.com/...
 */
const table: Provider = phraseTable(
  "Mimecast",
  ["mimecast.com"],
  [
    [
      "authfailure",
      [
        "spf sender invalid - envelope rejected",
        "dkim sender invalid - envelope rejected",
        "dmarc sender invalid - envelope rejected",
      ],
    ],
    [
      "badreputation",
      ["internal resources are temporarily unavailable", "local ct ip reputation - (reject)"],
    ],
    [
      "blocked",
      ["sender address blocked", "recipient temporarily unavailable", "ip temporarily blacklisted"],
    ],
    [
      "failedstarttls",
      [
        "this route requires encryption (tls)",
        "this route requires tls version 1.2 or greater",
        "this route requires high-strength ciphers",
        "configuration is invalid for this certificate",
      ],
    ],
    ["mesgtoobig", ["maximum email size exceeded"]],
    ["networkerror", ["the incorrect hostname used for inbounds", "mail loop detected"]],
    ["norelaying", ["open relay not allowed", "open relay is not allowed"]],
    ["notaccept", ["account inbounds disabled"]],
    [
      "policyviolation",
      [
        "anti-spoofing policy - inbound not allowed",
        "rejected by header-based anti-spoofing policy",
        "message bounced due to content examination policy",
        "host network not allowed",
        "host network, not allowed",
      ],
    ],
    [
      "rejected",
      [
        "administrative prohibition envelope blocked",
        "envelope blocked - user entry",
        "envelope blocked - user domain entry",
        "rejected by header-based manually blocked senders",
        "rejected by header-based blocked senders",
        "envelope rejected - block policy for envelope from address",
      ],
    ],
    ["securityerror", ["incorrect authentication data", "submitter failed to authenticate"]],
    [
      "systemerror",
      [
        "unable to process connection at this time",
        "message ended early",
        "unable to process command",
        "unable to process an email at this time",
      ],
    ],
    ["toomanyconn", ["account service is temporarily unavailable", "exceeding outbound thread limit"]],
    ["userunknown", ["invalid recipient", "user unknown"]],
  ],
);

export const mimecast: Provider = { ...table, marks: ["mimecast.com/"] };
