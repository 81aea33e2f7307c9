import { blockText, recipientBlocks } from "../bounce/blocks.ts";
import { delayPhrase } from "../bounce/delay.ts";
import { type Draft, newDraft } from "../bounce/draft.ts";
import { header, type Message } from "../bounce/message.ts";
import { noticeLines } from "../bounce/notice.ts";
import { isHeaderLine, noticeAddressees } from "../bounce/notice-headers.ts";
import { hasSmtpCode, isSignalLine, knownPhrase } from "../bounce/signals.ts";
import { temporaryIn, temporaryScan } from "../bounce/temporary.ts";
import {
  findAddresses,
  firstAddress,
  includesAny,
  LOCAL_PART_CHARS,
  mentionsAny,
  sameAddress,
  squash,
} from "../bounce/text.ts";
import { namesProblem } from "../reasons/keywords.ts";
import type { Format } from "./format.ts";
import { FAMILY_BOUNCE_WORDS, JAPANESE_ERROR_TITLE } from "./notice-sentences.ts";

/**
 * A notice no other format recognised, and pasted fragments. Three ways in:
 * - recipient blocks (an address line, then what the server said about it) that carry a code or a
 *   known phrase;
 * - in a text that is clearly a bounce, recipient blocks without them, explained by the text's other
 *   lines that carry a code or phrase;
 * - otherwise the lines that carry a code or a phrase, with the recipient taken from a sentence that
 *   names it, from X-Failed-Recipients, from those lines, or from the To: of the returned original.
 *     550 5.1.1 <x@example.jp>: Recipient address rejected: User unknown in local recipient table
 */

/** How many lines after a signal line still belong to its explanation (wrapped or cut pastes). */
const FOLLOWING_LINES = 3;
/**
 * A line that ends with a bare reply code: the server's answer goes on below it, or was cut off.
 *   <x@example.jp>: host mx.example.jp[192.0.2.1] said: 550
 *   Diagnostic-Code: smtp; 554
 */
const REPLY_AT_END = /(?:^|[\s:;(<[])[45]\d\d\s{0,8}$/;

/**
 * A line with a code or a known phrase; in a pasted fragment also one that ends with a bare reply code
 * (the screen or the user's crop cut the rest): the code is all that was read, and the record says so.
 * In a fragment that is a bounce's (`pasted`), a line that names a problem in plain words counts too:
 * "Could not deliver for the last 432000 seconds. Giving up." A typed question that only uses such
 * words (「メールの保存容量って増やせますか」) is no bounce: it is not read this way. Long Japanese lines
 * (written without blanks) are read for phrases only in a bounce's text, a whole mail or a pasted one.
 */
const signalLineIn = (fragment: boolean, pasted = false) =>
  !fragment ? signalInMail : !pasted ? signalInFragment : signalInPaste;
// Module functions, not arrows made per call: signalText runs on every text classified (every typed message).
const signalInMail = (l: string) => isSignalLine(l, true);
const signalInFragment = (l: string) => isSignalLine(l) || REPLY_AT_END.test(l);
const signalInPaste = (l: string) => hasSmtpCode(l) || REPLY_AT_END.test(l) || readsAsProblem(l, true);

/**
 * A pasted bounce's line or block that names a problem: a known phrase (`phrase`), plain words, or a
 * temporary failure. Folded once for the three: temporaryScan folds the first 3,000 characters, the whole
 * text wherever the other two read it (600 at most).
 */
function readsAsProblem(text: string, phrase: boolean): boolean {
  const lower = temporaryScan(text);
  return (
    (phrase && knownPhrase(text, true, lower) !== undefined) ||
    namesProblem(text, lower) ||
    temporaryIn(lower)
  );
}

/** Words that make a text a bounce even when no line carries a code. */
export const BOUNCE_WORDS: readonly string[] = [
  "could not be delivered",
  "couldn't be delivered",
  "could not deliver",
  "was not delivered",
  "wasn't delivered",
  "undeliverable",
  "undelivered mail", // Postfix's subject: "Undelivered Mail Returned to Sender"
  "failure notice", // qmail's subject
  "delivery failure",
  "non-delivery",
  "delivery failed",
  "delivery has failed",
  "failed permanently",
  "permanent error",
  "permanent fatal error",
  "error occurred while trying to deliver",
  "unable to deliver",
  "not yet received your message",
  "delivery status notification",
  "returned mail",
  "mail delivery failed",
  "お届けできませんでした",
  "配信できませんでした",
  "配送できませんでした",
  "届きませんでした",
  "送信できませんでした",
  // Other families' opening sentences and subjects (notice-sentences.ts).
  ...FAMILY_BOUNCE_WORDS,
];

// "delivering your message to x@y", "wasn't delivered to x@y", "Unable to deliver message to <x@y>"
const LOCAL = `[${LOCAL_PART_CHARS.replace("'", "")}]{1,64}`;
export const NAMING_SENTENCE = new RegExp(
  `(?:deliver(?:ing|ed)?|sen(?:d|t|ding)|reach|relay(?:ing)?)\\b[^.\\n@]{0,60}?\\bto:?\\s*<?(${LOCAL}@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})`,
  "i",
);

/**
 * Japanese notices and the translations ISP help pages print next to English bounces: any 配送/配信/送信/
 * 届け + "could not" (できません, 出来ませんでした, できなかった), 配送不能/配信不能, or the passive and
 * "failed" forms (配信されませんでした, 配信に失敗しました).
 *   このメールは以下の原因により届けることが出来ませんでした
 *   ドメイン example.jp が見つからなかったため、メールは x@example.jp に配信されませんでした。
 */
const JAPANESE_BOUNCE =
  /(?:配送|配信|送信|届け(?:ること)?)(?:が|を)?(?:でき|出来)(?:ません|な(?:かった|い))|(?:配送|配信)不能|(?:配送|配信|送信)(?:されません|されなかった|に失敗)/;

function isBounceText(message: Message, lines: readonly string[]): boolean {
  const text =
    `${message.subject}\n${(lines.length > 60 ? lines.slice(0, 60) : lines).join("\n")}`.toLowerCase();
  return (
    includesAny(text, BOUNCE_WORDS) ||
    JAPANESE_BOUNCE.test(text) ||
    JAPANESE_ERROR_TITLE.test(text) ||
    delayPhrase(text) !== undefined
  );
}

/**
 * A mail server's name with its address in brackets right after it, as mail servers write it in their
 * notices ("mx.example.jp[192.0.2.1]", "…google.com[2404:6800:4008:c05::1a]"); nobody types it:
 *   connect to mx.example.jp[192.0.2.1]:25: Operation timed out
 */
const HOST_AT_ADDRESS =
  /[A-Za-z0-9]\[(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})\]/;

/**
 * A fragment with an address, a code, a server's name and address or a bounce's words in it: a piece
 * of a notice, not a typed question.
 */
function looksPasted(lines: readonly string[], bounceText: boolean): boolean {
  return bounceText || lines.some(pastedLine);
}
const pastedLine = (l: string) =>
  hasSmtpCode(l) || (l.includes("@") && findAddresses(l).length > 0) || HOST_AT_ADDRESS.test(l);

/** A line that says the message bounced ("This message could not be delivered.", 「…お届けできませんでした」). */
export function tellsBounce(line: string): boolean {
  return mentionsAny(line, BOUNCE_WORDS) || JAPANESE_BOUNCE.test(line) || JAPANESE_ERROR_TITLE.test(line);
}

/** The first line that says the message bounced, for a notice that says nothing more. */
function bounceSentence(lines: readonly string[]): string {
  const line = lines.slice(0, 60).find(tellsBounce);
  return line ? squash(line).slice(0, 300) : "";
}

function originalRecipient(message: Message): string {
  const failed = header(message, "x-failed-recipients");
  if (failed) return firstAddress(failed);
  const to = /^to:[ \t]*(.*(?:\n[ \t].*)*)/im.exec(message.original);
  return to ? firstAddress(to[1]!) : "";
}

/**
 * The lines that carry a code or phrase, with up to FOLLOWING_LINES lines each that continue them. A
 * phrase broken over two lines (re-wrapped pastes) is found by also looking at each pair of lines.
 */
function signalText(lines: readonly string[], fragment = false, pasted = false): string {
  const isSignal = signalLineIn(fragment, pasted);
  // A header line ("Subject: Returned mail: User unknown") names the mail, it is no server's answer.
  const scanned = (lines.length > 400 ? lines.slice(0, 400) : lines).map(notHeader);
  const single = scanned.map(isSignal);
  const picked: string[] = [];
  for (let i = 0; i < scanned.length && picked.length < 40; i++) {
    const line = scanned[i]!;
    const next = scanned[i + 1];
    if (!single[i]) {
      if (next === undefined || !line.trim() || !next.trim()) continue;
      // The line before a signal line is its beginning ("<x@y>: host ... said:"); otherwise the two
      // lines together may hold a phrase the paste broke in two.
      if (!single[i + 1] && !isSignal(`${line} ${next}`)) continue;
    }
    picked.push(line);
    // i moves on with each line taken, so the next line is always i + 1.
    for (let j = 1; j <= FOLLOWING_LINES && i + 1 < scanned.length; j++) {
      const more = scanned[i + 1]!;
      if (more.trim() === "" || (j > 1 && single[i + 1])) break;
      picked.push(more);
      i++;
      // A reply whose code stands alone at the end of the line before ("said: 550" / "5.1.0 <x@y>
      // sender rejected ...") is explained by the lines after its status line: they are counted from it.
      if (j === 1 && single[i] && REPLY_AT_END.test(line)) j = 0;
    }
  }
  return squash(picked.join(" "));
}

const notHeader = (l: string) => (isHeaderLine(l) ? "" : l);

// A transcript or details list: "RCPT TO: x@y", "RCPT TO:<x@y>"
export const RCPT_LINE = new RegExp(`^\\s*rcpt to:\\s*<?(${LOCAL}@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})`, "i");

function namedRecipient(lines: readonly string[]): string {
  const first = lines.slice(0, 80);
  for (const line of first) {
    const m = NAMING_SENTENCE.exec(line);
    if (m) return m[1]!;
  }
  for (const line of first) {
    const m = RCPT_LINE.exec(line);
    if (m) return m[1]!;
  }
  return "";
}

/**
 * A failed "recipient" that is a program the mail was piped to, with Sendmail's reason under it: the
 * local program failed (its exit status), not the address.
 *   "|/usr/local/bin/mailfilter.py"
 *       (reason: 127)
 */
const PIPE_RECIPIENT = /^\s{0,8}"?\|\s?\/[^\s"]{1,200}"?\s*$/;
const REASON_LINE = /^\s{0,12}\(reason: /;

function pipeDrafts(lines: readonly string[], lhost: string): Draft[] {
  const scanned = lines.length > 400 ? lines.slice(0, 400) : lines;
  for (let i = 0; i + 1 < scanned.length; i++) {
    if (!PIPE_RECIPIENT.test(scanned[i]!) || !REASON_LINE.test(scanned[i + 1]!)) continue;
    return [
      newDraft(lhost, {
        diagnosis: squash(`${scanned[i]} ${scanned[i + 1]}`),
        reason: "mailererror",
        evidence: "a program the mail was piped to failed",
      }),
    ];
  }
  return [];
}

/**
 * A recipient's entry that starts with the server's status code, as Sendmail-style answers are quoted
 * in many notices (GMX, a phone's copy of a transcript): the line is that address's block, code and all.
 * Only with Sendmail's "..." or a colon after the address: "5.1.0 <x@example.org> sender rejected"
 * (Postfix quoting Cox) names the sender.
 *   5.2.1 <x@example.jp>... User Unknown
 *   550 5.1.1 <x@example.jp>: Recipient address rejected: User unknown in local recipient table
 */
export const CODE_LED = new RegExp(
  `^\\s{0,8}(?:[245]\\d\\d[ -])?[245]\\.\\d{1,3}\\.\\d{1,3}\\s{1,4}<(${LOCAL}@[A-Za-z0-9.-]{1,255})>(?:\\.\\.\\.|:)`,
);

/** The lines with code-led entries as codeLedEntry writes them: the same array when none is. */
function codeLedEntries(lines: string[]): string[] {
  let entries: string[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const entry = codeLedEntry(lines[i]!);
    if (entries === undefined && entry !== lines[i]) entries = lines.slice(0, i);
    entries?.push(entry);
  }
  return entries ?? lines;
}

function codeLedEntry(line: string): string {
  const address = CODE_LED.exec(line)?.[1];
  if (!address?.includes(".", address.indexOf("@"))) return line;
  // Indented under another entry, it continues that entry (recipientBlocks): the indent stays.
  return `${line.slice(0, line.length - line.trimStart().length)}<${address}> ${line.trim()}`;
}

export function genericDrafts(message: Message, lines: string[], lhost: string): Draft[] {
  // (A whole mail's report says so itself: "Diagnostic-Code: X-Unix; 127".)
  const fragment = message.kind === "fragment";
  const piped = fragment ? pipeDrafts(lines, lhost) : [];
  if (piped.length > 0) return piped;
  const found = recipientBlocks(fragment ? codeLedEntries(lines) : lines);
  const blockLines = found.map((b) => b.lines);
  const blocks = found.map((b) => ({
    address: b.address,
    text: blockText({ ...b, lines: b.lines.filter((l) => !isHeaderLine(l)) }),
  }));
  let withSignal = blocks.filter(
    (b) =>
      b.text &&
      (hasSmtpCode(b.text) || knownPhrase(b.text) !== undefined || (fragment && REPLY_AT_END.test(b.text))),
  );
  // A pasted entry that names its problem in plain words only ("x@example.jp: Domain does not exist"),
  // or says only that it failed for the moment ("<x@example.jp>: temporary failure"), when no entry has a
  // code or phrase: an address quoted inside another's answer ("<root@x>... Domain of sender address
  // root@x does not exist") is not an entry of its own.
  if (withSignal.length === 0 && fragment)
    withSignal = blocks.filter((b) => b.text && readsAsProblem(b.text, false));
  if (withSignal.length > 0) {
    // One recipient whose entry carries a code but no words a reason knows ("see DSN code 5.1.0"), and
    // the server's own words elsewhere in the paste, outside the entry: both are its explanation.
    //   kijitora@example.com  Your message was rejected ... see DSN code 5.1.0 ...
    //   mx.example.net gave this error: 192.0.2.1 is not allowed to send from <example.net> per its SPF Record.
    const only = blocks.length === 1 && message.kind === "fragment" ? withSignal[0]! : undefined;
    if (only && knownPhrase(only.text) === undefined) {
      const own = new Set(blockLines[0]);
      const outside = lines.filter((l) => !own.has(l.trim()));
      if (outside.some((l) => knownPhrase(l) !== undefined))
        return [
          newDraft(lhost, {
            recipient: only.address,
            diagnosis: squash(`${only.text} ${signalText(outside, fragment, true)}`),
          }),
        ];
    }
    return withSignal.map((b) => newDraft(lhost, { recipient: b.address, diagnosis: b.text }));
  }

  // Whether the text says it is a bounce: asked at most once (it lower-cases a copy of the text), at once
  // for a fragment (whether it looks pasted), else when needed below.
  let bounceText = fragment ? isBounceText(message, lines) : undefined;
  const signals = signalText(lines, fragment, bounceText !== undefined && looksPasted(lines, bounceText));
  if (blocks.length > 0 && blocks.length <= 20) bounceText ??= isBounceText(message, lines);
  if (blocks.length > 0 && blocks.length <= 20 && bounceText) {
    return blocks.map((b) =>
      newDraft(lhost, {
        recipient: b.address,
        diagnosis: blocks.length === 1 ? squash(`${b.text} ${signals}`) : b.text,
      }),
    );
  }
  // A bare "still retrying" warning carries no code or phrase, but it is the whole message.
  let explanation = signals;
  if (!explanation) {
    const whole = squash((lines.length > 200 ? lines.slice(0, 200) : lines).join(" "));
    if (delayPhrase(whole)) explanation = whole.slice(0, 600);
  }
  if (!explanation) bounceText ??= isBounceText(message, lines);
  if (!explanation && !bounceText) return [];
  const user = noticeAddressees(message);
  const recipient =
    namedRecipient(lines) ||
    originalRecipient(message) ||
    findAddresses(explanation).find((a) => !user.some((u) => sameAddress(u, a))) ||
    "";
  // A bare "could not be delivered" with nothing else: still a bounce, of unknown reason.
  //   This message could not be delivered due to a recipient error. Please try again later.
  const diagnosis = explanation || (recipient ? "" : bounceSentence(lines));
  if (!diagnosis && !recipient) return [];
  return [newDraft(lhost, { recipient, diagnosis })];
}

export const generic: Format = {
  name: "generic",
  detect: () => true,
  parse(message) {
    return genericDrafts(message, noticeLines(message), message.kind === "fragment" ? "fragment" : "generic");
  },
};
