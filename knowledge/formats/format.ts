import type { Draft } from "../bounce/draft.ts";
import type { Message } from "../bounce/message.ts";
import type { Facts } from "../reasons/check.ts";
import type { Decision } from "../types.ts";

/**
 * One MTA family (or provider notice layout). Every knowledge/formats/<family>.ts exports one; the try
 * order is the list in formats/index.ts.
 */
export interface Format {
  /** Shown as `lhost` in the result ("Postfix", "qmail", ...). */
  name: string;
  /** A cheap look at headers and body markers: is this notice written by this family? */
  detect(message: Message): boolean;
  /** The recipients the human-readable notice names, with what it says about each. */
  parse(message: Message): Draft[];
}

/**
 * A receiving provider with its own documented codes and wording (Google, Microsoft, the Japanese
 * carriers, ...). Its rules run before the general reason checks, for recipients whose domain or
 * answering server belongs to it. Listed in formats/providers.ts.
 */
export interface Provider {
  name: string;
  /** Domain or host-name suffixes: "google.com" matches "aspmx.l.google.com" and "google.com". */
  hosts: readonly string[];
  /**
   * Lower-case marks only this provider writes in its refusals (its help page's host, its own code's
   * prefix: "cox.com/", "aup#cdrbl"): they name it where a screenshot or paste cut off both the
   * recipient's domain and the answering server's name.
   */
  marks?: readonly string[];
  reasonOf(draft: Draft, facts: Facts): Decision | undefined;
}
