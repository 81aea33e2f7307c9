import { firstBounceLine } from "../../knowledge/ocr/clean.ts";
import { maskPii } from "../../knowledge/pii.ts";
import type { BounceRecord } from "../../knowledge/types.ts";
import type { DialogEvent } from "../events.ts";
import { cut } from "../text.ts";
import { spokenLine } from "../text-kind.ts";
import { MAX_SHOWN_LINE_CHARS } from "./thresholds.ts";

/** Lines looked at for the one that holds the code (a paste's notice starts near the top). */
const MAX_LINES = 200;

/** The verdict rests on a code alone: a policy code (5.7.1) or one that names only a class of cause (5.1.0, a bare 550). */
export function guessedFromCode(record: BounceRecord): boolean {
  return record.guessFromPolicyCode || record.codeClassOnly !== "";
}

/**
 * A bounce read only as far as a code that says "refused by the receiver's rules" and no more (「550
 * 5.7.1」 with the words after it cut off by the screen, or not copied): the classifier's verdict on it
 * is right about one time in three, so no diagnosis is shown: the line read, what the code says, and
 * a request for the words after it. The same for a screenshot and a paste, when no other recipient's
 * reason was read. `ownWords`: the text is a
 * person's sentence, whose line is no server's to show back; so is a pasted line in a person's words
 * around the code (text-kind.ts spokenLine: 「550 5.7.1ってエラーが出た」). So for a code that names only the
 * class of its cause (「…said: 550」 cut there, 「5.1.0」 alone; record.codeClassOnly): `codeClass` says which,
 * and the chat says what the class means and its next step before asking for the words.
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
  if (!guessedFromCode(record) || !known.every(guessedFromCode)) return undefined;
  const codeClass = record.guessFromPolicyCode ? "" : record.codeClassOnly;
  const { replyCode } = record;
  // A bare reply code's record carries a private status (5.0.901) the mail never wrote.
  const status = codeClass === replyCode ? "" : record.status;
  const code = status || replyCode;
  const read = ownWords ? "" : (lineWith(text, code) ?? firstBounceLine(text) ?? "");
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
    wordsAfter: !ownWords && wordsAfter(text, code),
    codeClass,
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
