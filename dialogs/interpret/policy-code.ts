import { firstBounceLine } from "../../knowledge/ocr/clean.ts";
import { maskPii } from "../../knowledge/pii.ts";
import type { BounceRecord } from "../../knowledge/types.ts";
import type { DialogEvent } from "../events.ts";
import { cut } from "../text.ts";
import { spokenLine } from "../text-kind.ts";
import { MAX_SHOWN_LINE_CHARS } from "./thresholds.ts";

/** Lines looked at for the one that holds the code (a paste's notice starts near the top). */
const MAX_LINES = 200;

/**
 * A bounce read only as far as a code that says "refused by the receiver's rules" and no more (「550
 * 5.7.1」 with the words after it cut off by the screen, or not copied): the classifier's verdict on it
 * is right about one time in three, so no diagnosis is shown: the line read, what the code says, and
 * a request for the words after it. The same for a screenshot and a paste, when no other recipient's
 * reason was read. `ownWords`: the text is a
 * person's sentence, whose line is no server's to show back; so is a pasted line in a person's words
 * around the code (text-kind.ts spokenLine: 「550 5.7.1ってエラーが出た」).
 */
export function policyCodeOnly(
  records: readonly BounceRecord[],
  record: BounceRecord,
  text: string,
  from: "screenshot" | "paste",
  ownWords = false,
): DialogEvent | undefined {
  // Another recipient's reason was read: that paste has a diagnosis to show, as before.
  const known = records.filter((r) => r.topic !== "unknown");
  if (!record.guessFromPolicyCode || !known.every((r) => r.guessFromPolicyCode)) return undefined;
  const { status, replyCode } = record;
  const read = ownWords ? "" : (lineWith(text, status) ?? firstBounceLine(text) ?? "");
  const line = from === "paste" && spokenLine(read) ? "" : read;
  // A line of nothing but the codes says no more than the codes shown after it.
  const more = line
    .replace(status, "")
    .replace(replyCode, "")
    .replace(/[\s#:()[\]<>.-]+/g, "");
  return {
    type: "POLICY_CODE_ONLY",
    line: more === "" ? "" : cut(maskPii(line), MAX_SHOWN_LINE_CHARS),
    status,
    replyCode,
    from,
    wordsAfter: !ownWords && wordsAfter(text, status),
  };
}

/** What is read after the code: words come there only when the screen or the copy did not cut them off. */
const AFTER_CODE_CHARS = 300;

/**
 * Whether words follow the code ("550 5.7.1 Access denied", not "said: 550 5.7.1"): then they were read
 * and say no more, and the rest of the mail is what to ask for. Addresses and host names are no words.
 */
function wordsAfter(text: string, status: string): boolean {
  const at = text.indexOf(status);
  if (at === -1) return false;
  const after = text.slice(at + status.length, at + status.length + AFTER_CODE_CHARS);
  return after
    .replace(/<[^<>\n]*>/g, " ")
    .split(/\s+/)
    .some((w) => /^[A-Za-z][a-z]+[.,;:'"]*$/.test(w));
}

/** The first line (trimmed) of the first MAX_LINES that holds the status code, or undefined. */
function lineWith(text: string, status: string): string | undefined {
  return text
    .split("\n", MAX_LINES)
    .find((line) => line.includes(status))
    ?.trim();
}
