import { heldOutTable } from "../holdout.ts";
import type { DsnAction, Reason } from "../types.ts";

/**
 * What a reason check sees of one recipient. `text` is the diagnosis lower-cased with white space
 * squashed; `statusReason` is what the status code alone says (status-table.ts).
 */
export interface Facts {
  text: string;
  status: string;
  statusReason: Reason | "";
  replyCode: string;
  command: string;
  action: DsnAction;
  diagnosticType: string;
}

/** Every knowledge/reasons/<reason>.ts exports one of these. */
export interface ReasonCheck {
  reason: Reason;
  /**
   * Lower-case phrases, sorted. "…" splits a phrase into parts that must appear in this order:
   * "mailbox …full" matches "mailbox is full" and "mailbox for x@y is full".
   */
  phrases: readonly string[];
  /** The phrase the text uses, or undefined. */
  match(text: string): string | undefined;
  /** The full check, with status code and SMTP command as well as the phrases. */
  probe(facts: Facts): boolean;
}

/** SMTP commands sent before DATA: a reply to them cannot be about the message content. */
export const BEFORE_DATA = new Set(["CONN", "HELO", "EHLO", "MAIL", "RCPT", "STARTTLS", "AUTH"]);

/** Builds the `match` function for a sorted phrase list. */
export function phraseMatcher(phrases: readonly string[]): (text: string) => string | undefined {
  const all = phrases.map((p) => ({ phrase: p, parts: p.split("…") }));
  let compiled = all;
  // The checks ask about the same diagnosis several times in a row: remember the last answer.
  let lastText = "";
  let lastResult: string | undefined;
  heldOutTable(({ phrases: off }) => {
    compiled = all.filter((p) => !off.has(p.phrase));
    lastText = ""; // the remembered answer may have come from a phrase now held out
  });
  const find = (text: string): string | undefined => {
    for (const { phrase, parts } of compiled) {
      if (parts.length === 1) {
        if (text.includes(phrase)) return phrase;
        continue;
      }
      let at = 0;
      let ok = true;
      for (const part of parts) {
        const found = text.indexOf(part, at);
        if (found === -1) {
          ok = false;
          break;
        }
        at = found + part.length;
      }
      if (ok) return phrase;
    }
    return undefined;
  };
  return (text: string) => {
    if (!text) return undefined;
    if (text !== lastText) {
      lastText = text;
      lastResult = find(text);
    }
    return lastResult;
  };
}

/** A check whose probe is "the status code says so, or the text uses a phrase". */
export function simpleCheck(reason: Reason, phrases: readonly string[]): ReasonCheck {
  const match = phraseMatcher(phrases);
  return {
    reason,
    phrases,
    match,
    probe: (f) => f.statusReason === reason || match(f.text) !== undefined,
  };
}

/** A check that only ever matches phrases (the status code does not point to this reason). */
export function phraseOnlyCheck(reason: Reason, phrases: readonly string[]): ReasonCheck {
  const match = phraseMatcher(phrases);
  return { reason, phrases, match, probe: (f) => match(f.text) !== undefined };
}
