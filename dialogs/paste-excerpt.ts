import { originalMessageAt } from "../knowledge/bounce/notice.ts";
import { maskPii } from "../knowledge/pii.ts";
import { cut } from "./text.ts";

/**
 * What the escalation summary may say about a paste the classifier could not read, so that a person in
 * the Q&A community can still help: how many lines it had, and its first lines as a mail server wrote
 * them, masked. Computed in the turn of the paste and never stored (the session keeps only the counts).
 */
export interface UnreadPaste {
  /** Non-empty lines of the paste. */
  lines: number;
  /** Up to EXCERPT_LINES of its first lines: headers removed, masked, cut to EXCERPT_CHARS each. */
  excerpt: string[];
}

export const EXCERPT_LINES = 3;
export const EXCERPT_CHARS = 100;
/** Lines looked at for the excerpt: a paste's first lines are the notice, later ones may be the user's mail. */
const SCANNED_LINES = 60;

/** A header field ("Subject: …", "X-Mailer: …"): the user's own mail headers, not what the server said. */
const HEADER = /^[A-Za-z][A-Za-z0-9-]{0,60}[ \t]*:/;
/** Japanese mail apps label the same headers. */
const JAPANESE_HEADER =
  /^(?:宛先|差出人|送信者|送信元|件名|日付|日時|送信日時|受信日時|返信先|CC|BCC)[ \t]*[:：]/i;
/** Delivery-report fields are what the server said about the delivery: they stay. */
const REPORT_FIELD = /^(?:status|action|diagnostic-code|remote-mta|reporting-mta|x-postfix-sender)[ \t]*:/i;
/** What a mail server writes is printable ASCII; anything else came from around the paste (maybe a name). */
const SERVER_TEXT = /^[\x20-\x7E]+$/;

export function unreadPaste(text: string): UnreadPaste {
  const all = text.split(/\r\n|\r|\n/);
  const lines = all.filter((l) => l.trim() !== "").length;
  // Only what comes before the copy of the user's own mail (its text and signature are theirs).
  const end = originalMessageAt(text);
  const notice = end >= 0 ? text.slice(0, end).split(/\r\n|\r|\n/) : all;
  const excerpt: string[] = [];
  let inHeader = false;
  for (const raw of notice.slice(0, SCANNED_LINES)) {
    if (excerpt.length === EXCERPT_LINES) break;
    const line = raw.trim();
    if (line === "") {
      inHeader = false;
      continue;
    }
    // A header's folded continuation starts with white space and belongs to the header.
    if (inHeader && /^[ \t]/.test(raw)) continue;
    inHeader = (HEADER.test(line) && !REPORT_FIELD.test(line)) || JAPANESE_HEADER.test(line);
    if (inHeader || !SERVER_TEXT.test(line)) continue;
    excerpt.push(cut(maskPii(line.replace(/\s+/g, " ")), EXCERPT_CHARS));
  }
  return { lines, excerpt };
}
