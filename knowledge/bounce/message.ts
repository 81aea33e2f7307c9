import { rawOriginalAt } from "./notice.ts";
import { splitNoticeHeaders } from "./notice-headers.ts";

/**
 * What the formats read: a bounce reduced to a few strings. A whole mail fills every field; a pasted
 * fragment fills only `body`. All text has LF line ends and is already cut to the classifier's limits.
 */
export interface Message {
  kind: "mail" | "fragment";
  /** Lower-cased header name → values in order (unfolded, MIME-decoded). Empty for a fragment. */
  headers: ReadonlyMap<string, readonly string[]>;
  /** From: as written ("Mail Delivery System <MAILER-DAEMON@example.jp>"), or "". */
  from: string;
  subject: string;
  /** The human-readable notice: text/plain parts (or HTML turned into text). */
  body: string;
  /** The machine-readable part(s): message/delivery-status, message/global-delivery-status. */
  dsn: string;
  /** Headers (and maybe body) of the returned original message, or "". */
  original: string;
  /** message/feedback-report part of an ARF complaint report, or "". */
  feedback: string;
  /** A fragment's To:/宛先 header lines (bounce/notice-headers.ts): the user. A mail has them in `headers`. */
  addressees?: readonly string[];
}

/** A fragment's headers: none, one map for all (made per text, it was ~100 bytes of every typed message). */
const NO_HEADERS: ReadonlyMap<string, readonly string[]> = new Map();

export function header(message: Message, name: string): string {
  return message.headers.get(name)?.[0] ?? "";
}

/**
 * A pasted piece of a bounce; the notice's own header lines at its top become subject, from, addressees,
 * and `prepare` (classify.ts: re-joining soft-wrapped lines) sees only the rest.
 */
export function fragmentMessage(text: string, prepare: (body: string) => string = (b) => b): Message {
  const { body, subject, from, addressees } = splitNoticeHeaders(text);
  // The copy of the returned message, when the fragment shows its raw headers without the notice's
  // marker line above them, is the user's own mail: kept as `original` (its To: may name the
  // recipient), never read as the notice.
  const at = rawOriginalAt(body);
  return {
    kind: "fragment",
    headers: NO_HEADERS,
    from,
    subject,
    body: prepare(at >= 0 ? body.slice(0, at) : body),
    dsn: "",
    original: at >= 0 ? body.slice(at) : "",
    feedback: "",
    addressees,
  };
}
