import type { Reason } from "../types.ts";
import { authfailure } from "./authfailure.ts";
import { badreputation } from "./badreputation.ts";
import { blocked } from "./blocked.ts";
import type { ReasonCheck } from "./check.ts";
import { contenterror } from "./contenterror.ts";
import { exceedlimit } from "./exceedlimit.ts";
import { expired } from "./expired.ts";
import { failedstarttls } from "./failedstarttls.ts";
import { filtered } from "./filtered.ts";
import { hasmoved } from "./hasmoved.ts";
import { hostunknown } from "./hostunknown.ts";
import { mailboxfull } from "./mailboxfull.ts";
import { mailererror } from "./mailererror.ts";
import { mesgtoobig } from "./mesgtoobig.ts";
import { networkerror } from "./networkerror.ts";
import { norelaying } from "./norelaying.ts";
import { notaccept } from "./notaccept.ts";
import { notcompliantrfc } from "./notcompliantrfc.ts";
import { policyviolation } from "./policyviolation.ts";
import { rejected } from "./rejected.ts";
import { requireptr } from "./requireptr.ts";
import { securityerror } from "./securityerror.ts";
import { spamdetected } from "./spamdetected.ts";
import { speeding } from "./speeding.ts";
import { suspend } from "./suspend.ts";
import { syntaxerror } from "./syntaxerror.ts";
import { systemerror } from "./systemerror.ts";
import { systemfull } from "./systemfull.ts";
import { toomanyconn } from "./toomanyconn.ts";
import { userunknown } from "./userunknown.ts";
import { vacation } from "./vacation.ts";
import { virusdetected } from "./virusdetected.ts";

/** Every reason that has a check, by name. */
export const CHECKS: Readonly<Partial<Record<Reason, ReasonCheck>>> = Object.fromEntries(
  [
    authfailure,
    badreputation,
    blocked,
    contenterror,
    exceedlimit,
    expired,
    failedstarttls,
    filtered,
    hasmoved,
    hostunknown,
    mailboxfull,
    mailererror,
    mesgtoobig,
    networkerror,
    norelaying,
    notaccept,
    notcompliantrfc,
    policyviolation,
    rejected,
    requireptr,
    securityerror,
    spamdetected,
    speeding,
    suspend,
    syntaxerror,
    systemerror,
    systemfull,
    toomanyconn,
    userunknown,
    vacation,
    virusdetected,
  ].map((c) => [c.reason, c]),
);

/**
 * How each step looks at a recipient:
 * - "probe": status code, SMTP command and phrases together (each reason file says how);
 * - "phrase": the diagnostic text only; these steps run only when the status code alone does not
 *   settle the reason (no code, or a vague one like 5.7.1 or 4.4.7).
 */
export type StepKind = "probe" | "phrase";

/**
 * THE order in which reasons are tried; the first step that matches decides. Specific problems come
 * before general ones: a full mailbox often also says "rejected", a relay refusal often also says
 * "user unknown". The order follows Sisimai's, which the reference labels come from.
 */
export const REASON_ORDER: readonly (readonly [Reason, StepKind])[] = [
  // Greylisting first: its temporary "Recipient address rejected: Greylisted" / 4.7.1 would otherwise
  // read as an unknown user or a blocked sender (expired.ts).
  ["expired", "probe"],
  ["mailboxfull", "probe"],
  ["mesgtoobig", "probe"],
  ["exceedlimit", "probe"],
  ["suspend", "probe"],
  ["hasmoved", "probe"],
  ["norelaying", "probe"],
  ["authfailure", "probe"],
  ["userunknown", "probe"],
  ["filtered", "probe"],
  ["requireptr", "probe"],
  ["notcompliantrfc", "probe"],
  ["badreputation", "probe"],
  // A virus verdict before the content and spam checks: a content filter (amavisd-new) words every
  // verdict alike ("554 5.7.0 Reject, id=…") and only the word after it says virus.
  ["virusdetected", "probe"],
  ["contenterror", "probe"],
  ["rejected", "probe"],
  ["hostunknown", "probe"],
  ["spamdetected", "probe"],
  ["speeding", "probe"],
  ["toomanyconn", "probe"],
  ["blocked", "probe"],
  // Only when the status code is missing or vague:
  ["mailboxfull", "phrase"],
  ["authfailure", "phrase"],
  ["badreputation", "phrase"],
  ["speeding", "phrase"],
  ["spamdetected", "phrase"],
  ["virusdetected", "phrase"],
  ["policyviolation", "phrase"],
  ["norelaying", "phrase"],
  ["systemerror", "phrase"],
  ["networkerror", "phrase"],
  ["suspend", "phrase"],
  ["contenterror", "phrase"],
  ["systemfull", "phrase"],
  ["notaccept", "phrase"],
  ["expired", "phrase"],
  ["failedstarttls", "phrase"],
  ["securityerror", "phrase"],
  ["mailererror", "phrase"],
];
