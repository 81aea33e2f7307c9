import { completeCutPhrase } from "./bounce/cut-phrase.ts";
import { completeCutStart } from "./bounce/cut-start.ts";
import { decide } from "./bounce/decide.ts";
import { decodeText, lfBytes, looksLikeMail, MAX_FRAGMENT_CHARS } from "./bounce/input.ts";
import { parseMail, parseMailLatin1 } from "./bounce/mail.ts";
import { fragmentMessage, type Message } from "./bounce/message.ts";
import { draftsOf } from "./bounce/pipeline.ts";
import { toRecord } from "./bounce/record.ts";
import { toLf } from "./bounce/text.ts";
import { unwrap } from "./bounce/unwrap.ts";
import type { BounceRecord, Classification, InputKind } from "./types.ts";

export interface ClassifyOptions {
  /** "auto" (default) tells a whole RFC 5322 message from pasted text by its header block. */
  kind?: "auto" | "mail" | "fragment";
  /**
   * Only the verdict (reason, topic, status, action, reply code, masked recipient): diagnosis and evidence
   * come back empty rather than masked, which saves their masking. For output that never shows them.
   */
  verdictOnly?: boolean;
}

const encoder = new TextEncoder();

/** A byte input as a latin1 string (one character per byte), made once for kindOf and messageOf. */
const latin1Of = (input: Uint8Array) =>
  Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString("latin1");

/** A whole mail's bytes or text, parsed (its MIME reader is asynchronous). */
function mailOf(input: string | Uint8Array, latin1?: string): Promise<Message> {
  if (typeof input === "string") return parseMail(lfBytes(encoder.encode(input)));
  return parseMailLatin1(latin1 ?? latin1Of(input));
}

/** A pasted or typed text (or its bytes) as a fragment. */
function fragmentOf(input: string | Uint8Array): Message {
  const text = typeof input === "string" ? input : decodeText(input.subarray(0, MAX_FRAGMENT_CHARS * 4));
  // Pasted and screenshot text often went through a narrow screen: its soft line breaks are undone, after
  // the notice's own header lines are set aside (a header is the mail app's display, never wrapped text,
  // and a long Subject: would be taken for the screen's width).
  return fragmentMessage(
    toLf(text.length > MAX_FRAGMENT_CHARS ? text.slice(0, MAX_FRAGMENT_CHARS) : text),
    unwrap,
  );
}

function kindOf(input: string, wanted: ClassifyOptions["kind"]): InputKind {
  if (wanted === "mail" || wanted === "fragment") return wanted;
  return looksLikeMail(input.slice(0, 16384)) ? "mail" : "fragment";
}

/**
 * A bounce forwarded as an attachment (a user sending it on to support, or an MTA that wraps its
 * notices in a notification of its own): when the outer message says nothing, or nothing a reason can
 * be read from, the attached message is read as the bounce. One level only.
 */
async function forwarded(outer: Message, verdictOnly: boolean): Promise<BounceRecord[]> {
  const inner = outer.original;
  if (!inner || !looksLikeMail(inner.slice(0, 16384))) return [];
  const message = await parseMail(lfBytes(encoder.encode(inner)));
  return draftsOf(message).map((d) => toRecord(d, decide(d), "mail", verdictOnly));
}

/** A record whose reason could not be read at all. */
function saysNothing(r: BounceRecord): boolean {
  return r.reason === "undefined" || r.reason === "onhold";
}

/** A record whose reason rests on its status or reply code alone, no words. */
const codeOnly = (r: BounceRecord) =>
  r.evidence.startsWith("status ") || r.evidence.startsWith("reply code ");
/** A record decided by a phrase (the one completed, or another). */
const byWords = (r: BounceRecord) => r.evidence.startsWith("phrase: ");

/** The two ways a screen may have cut a paste's words, in the order they are tried (classify). */
const COMPLETERS = [completeCutPhrase, completeCutStart] as const;

/**
 * Reads a bounce (a whole message or a pasted piece of one) and returns one record per bounced
 * recipient. Never throws: input it cannot read gives no records.
 * A fragment (every typed text, a paste, a screenshot's text) is read at once, and the promise made only
 * for the answer: only a whole mail's MIME reader waits (an async function's frames and promises cost
 * ~0.5 KB per typed text).
 */
export function classify(input: string | Uint8Array, options: ClassifyOptions = {}): Promise<Classification> {
  let kind: InputKind = "fragment";
  try {
    // Bytes are read as latin1 once, when their header block is looked at (a mail's bytes then go to the
    // MIME reader as that string).
    const latin1 = typeof input !== "string" && options.kind !== "fragment" ? latin1Of(input) : undefined;
    kind = kindOf(typeof input === "string" ? input : (latin1 ?? ""), options.kind);
    const verdictOnly = options.verdictOnly ?? false;
    if (kind === "fragment") return Promise.resolve(readFragment(fragmentOf(input), verdictOnly));
    return readMail(mailOf(input, latin1), verdictOnly);
  } catch {
    return Promise.resolve({ kind, records: [] });
  }
}

function readFragment(message: Message, verdictOnly: boolean): Classification {
  const kind = "fragment";
  const records = draftsOf(message).map((d) => toRecord(d, decide(d), kind, verdictOnly));
  if (records.every((r) => saysNothing(r) || codeOnly(r))) {
    // Nothing read but codes: the screen's edge may have cut the server's reason in two
    // (bounce/cut-phrase.ts). Where a code was read, the words completed must decide, as they would
    // on the whole line ("550-5.2.1 The user you are trying to contact is receiving mail at a" ⏎ "rate
    // that prevents additional messages from being delivered"): not the code alone again.
    // After a code, four words at least: "550 5.1.1 mailbox unavailable" is whole as it stands, not
    // "mailbox unavailable or access denied" cut.
    const coded = !records.every(saysNothing);
    // Its end first (a screenshot ends at the screen's bottom edge more often than it starts late),
    // then its start: "unknown in local recipient table" with "User" above the top edge
    // (bounce/cut-start.ts).
    const least = coded ? 4 : undefined;
    for (const complete of COMPLETERS) {
      const body = complete(message.body, least);
      if (body === message.body) continue;
      const again = draftsOf({ ...message, body }).map((d) => toRecord(d, decide(d), kind, verdictOnly));
      if (again.length > 0 && (coded ? again.some(byWords) : !again.every(saysNothing)))
        return { kind, records: again };
    }
  }
  return { kind, records };
}

async function readMail(parsed: Promise<Message>, verdictOnly: boolean): Promise<Classification> {
  const kind = "mail";
  try {
    const message = await parsed;
    const records = draftsOf(message).map((d) => toRecord(d, decide(d), kind, verdictOnly));
    if (!message.dsn && records.every(saysNothing)) {
      const inner = await forwarded(message, verdictOnly);
      if (records.length === 0 || (inner.length > 0 && !inner.every(saysNothing)))
        return { kind, records: inner };
    }
    return { kind, records };
  } catch {
    return { kind, records: [] };
  }
}
