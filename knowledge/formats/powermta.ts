import type { Reason } from "../types.ts";

/**
 * PowerMTA (Bird/SparkPost) writes its own bounce category into each recipient group of the delivery
 * report, next to the standard fields:
 *   Status: 5.0.0 (undefined status)
 *   Diagnostic-Code: smtp;554 delivery error: ...
 *   X-PowerMTA-BounceCategory: bad-mailbox
 * The category is PowerMTA's reading of the remote answer; "other" and unknown values say nothing.
 */
const CATEGORIES: ReadonlyMap<string, Reason> = new Map(
  Object.entries({
    "bad-domain": "hostunknown",
    "bad-mailbox": "userunknown",
    "inactive-mailbox": "suspend",
    "message-expired": "expired",
    "no-answer-from-host": "networkerror",
    "policy-related": "policyviolation",
    "quota-issues": "mailboxfull",
    "routing-errors": "systemerror",
    "spam-related": "spamdetected",
  }),
);

export const POWERMTA_CATEGORY_FIELD = "x-powermta-bouncecategory";

/** The reason a PowerMTA bounce category stands for, or undefined. */
export function powerMtaReason(category: string | undefined): Reason | undefined {
  return category ? CATEGORIES.get(category.trim().toLowerCase()) : undefined;
}
