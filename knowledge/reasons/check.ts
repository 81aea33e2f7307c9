import { PhraseIndex } from "../bounce/phrase-index.ts";
import { heldOutTable } from "../holdout.ts";
import { forgetAfterEachTurn } from "../turn-memory.ts";
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

/**
 * Every phrase matcher's phrases (and knownPhrase's, bounce/signals.ts), one index over their first
 * parts: a diagnosis is read once, and each matcher then looks only at the phrases whose first part it
 * holds (trying each phrase with its own search cost more than any other step of a check: ~870
 * phrases for a reason found late in the order). Built on first use, after every module registered.
 */
const registered: string[] = [];
let index: PhraseIndex | undefined;
/** What the index found in the text it read last (`scan`). */
export interface Scan {
  /** seen[id] === mark when phrase `id`'s first part is in the text; end[id] is just after it. */
  seen: Int32Array;
  end: Int32Array;
  mark: number;
  /** found[0 … count - 1]: those ids by where they end, longest first, then by id. */
  found: Int32Array;
  count: number;
}
const last: Scan = {
  seen: new Int32Array(0),
  end: new Int32Array(0),
  mark: 0,
  found: new Int32Array(0),
  count: 0,
};
let scannedText: string | undefined;
// The text read last is forgotten with the turn (knowledge/turn-memory.ts): a paste names its recipients.
forgetAfterEachTurn(() => {
  scannedText = undefined;
});

/** Registers phrases' first parts in the shared index; their ids there, in order. */
export function registerFirstParts(firstParts: readonly string[]): number[] {
  index = undefined; // built again, with these, on first use
  scannedText = undefined;
  return firstParts.map((p) => registered.push(p) - 1);
}

/** Reads the text with the shared index (once for a run of questions about the same text). */
export function scanFirstParts(text: string): Scan {
  if (text === scannedText) return last;
  if (!index) {
    index = new PhraseIndex(registered);
    last.seen = new Int32Array(registered.length);
    last.end = new Int32Array(registered.length);
    last.found = new Int32Array(registered.length);
  }
  scannedText = text;
  last.mark++;
  last.count = index.mark(text, last.seen, last.end, last.mark, last.found);
  return last;
}

/** Builds the `match` function for a sorted phrase list. */
export function phraseMatcher(phrases: readonly string[]): (text: string) => string | undefined {
  const parts = phrases.map((p) => p.split("…"));
  const ids = registerFirstParts(parts.map((p) => p[0]!));
  // A phrase starting with "…" (none does) would match from the text's start, as it did.
  const all = phrases.map((phrase, i) => ({
    phrase,
    parts: parts[i]!,
    id: ids[i]!,
    anywhere: parts[i]![0] === "",
  }));
  let compiled = all;
  /** active[i]: phrase i is not held out (ids are consecutive: phrase i has id ids[0] + i). */
  let active = new Uint8Array(all.length).fill(1);
  const first = ids[0] ?? 0;
  const anywhereAny = all.some((p) => p.anywhere);
  // The checks ask about the same diagnosis several times in a row: remember the last answer.
  let lastText = "";
  let lastResult: string | undefined;
  heldOutTable(({ phrases: off }) => {
    compiled = all.filter((p) => !off.has(p.phrase));
    active = Uint8Array.from(all, (p) => (off.has(p.phrase) ? 0 : 1));
    lastText = ""; // the remembered answer may have come from a phrase now held out
  });
  forgetAfterEachTurn(() => {
    lastText = "";
  });
  /** Whether the phrase's parts after the first appear in order (each after the last) from `at`. */
  const restFollows = (text: string, parts: readonly string[], at: number): boolean => {
    for (let i = 1; i < parts.length; i++) {
      const found = text.indexOf(parts[i]!, at);
      if (found === -1) return false;
      at = found + parts[i]!.length;
    }
    return true;
  };
  // The first phrase in list order whose parts appear in order (each part's first place after the last).
  const find = (text: string): string | undefined => {
    const { seen, end, mark, found, count } = scanFirstParts(text);
    if (!anywhereAny && count < compiled.length) {
      // Fewer first parts were found in the text than the list has phrases: try only theirs, in list order.
      const candidates: number[] = [];
      for (let k = 0; k < count; k++) {
        const i = found[k]! - first;
        if (i >= 0 && i < all.length && active[i] === 1) candidates.push(i);
      }
      if (candidates.length > 1) candidates.sort((a, b) => a - b);
      for (const i of candidates) {
        const { phrase, parts, id } = all[i]!;
        if (restFollows(text, parts, end[id]!)) return phrase;
      }
      return undefined;
    }
    for (const { phrase, parts, id, anywhere } of compiled) {
      if (seen[id] !== mark && !anywhere) continue;
      if (restFollows(text, parts, anywhere ? 0 : end[id]!)) return phrase;
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
