import { isHeaderLine } from "../bounce/notice-headers.ts";
import { hasSmtpCode } from "../bounce/signals.ts";
import { findAddresses, mentionsAny } from "../bounce/text.ts";
import { tellsBounce } from "../formats/generic.ts";
import { NOTICE_INTROS } from "../formats/notice-sentences.ts";
import { isWideChar } from "./layout.ts";
import { mendWords } from "./words.ts";

/**
 * What OCR reads off a phone screenshot, made into the text the mail holds:
 * - characters: full-width Latin letters and signs (ＡＢＣ＠＜＞) as ASCII, "…" as "...", curly quotes as
 *   straight ones, and runs of look-alike dashes (「ーーー-」「—–」) as "-": the Japanese long-vowel mark
 *   is a dash to OCR's Japanese model, but a run of them after no kana is a mail's separator line;
 * - blanks the Japanese model puts between Japanese characters (「宛 先 : 自 分」) are removed;
 * - the phone's status bar and the mail app's own header (sender, 「宛先: 自分」, the date) are dropped;
 *   the subject stays, on a line of its own ("Undelivered Mail Returned to Sender" says it bounced).
 * Every step is a single pass over the text or over its first lines: linear in its length.
 */

const DASHES = new Set(["-", "ー", "－", "—", "–", "―", "‐", "−", "ｰ"]);

const isKana = (code: number) => (code >= 0x3041 && code <= 0x3096) || (code >= 0x30a1 && code <= 0x30fa);

/**
 * Runs of two or more dash-like characters that follow no kana become ASCII dashes. The Japanese model
 * puts blanks between the long-vowel marks it reads ("ー ー ー -"): a single blank between two dashes
 * is part of the run when a dash of the run is not ASCII.
 */
function plainDashes(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (!DASHES.has(ch)) {
      out += ch;
      i++;
      continue;
    }
    let end = i;
    let dashes = 0;
    let wide = false;
    for (; end < text.length; end++) {
      const c = text[end]!;
      if (DASHES.has(c)) {
        dashes++;
        wide ||= c !== "-";
      } else if (!(c === " " && DASHES.has(text[end + 1] ?? ""))) break;
    }
    const afterKana = i > 0 && isKana(text.charCodeAt(i - 1));
    // Without a wide dash the span is ASCII dashes and blanks already: kept as it is.
    out += dashes >= 2 && wide && !afterKana ? "-".repeat(dashes) : text.slice(i, end);
    i = end;
  }
  return out;
}

const isDigit = (code: number) => code >= 48 && code <= 57;
/** Japanese, or a digit next to Japanese (「2025 年 11 月」). */
const joins = (a: number, b: number) =>
  (isWideChar(a) || isDigit(a)) && (isWideChar(b) || isDigit(b)) && (isWideChar(a) || isWideChar(b));

/** Blanks between two Japanese characters (or a digit and one) are the OCR model's, not the mail's. */
function joinJapanese(text: string): string {
  let out = "";
  // out's last character, kept aside: reading it from `out` (a string built by +=) flattened the whole
  // string at every blank, so 5,000 characters of " 宛" took quadratic time.
  let before = -1;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch !== " ") {
      out += ch;
      before = text.charCodeAt(i);
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && text[end] === " ") end++;
    const after = text.charCodeAt(end);
    if (!(before !== -1 && end < text.length && joins(before, after))) {
      out += text.slice(i, end);
      before = 0x20;
    }
    i = end;
  }
  return out;
}

/**
 * A lower-case "l" read as "Ll" inside a name or right after its "@" or dot ("messageLlabs.com",
 * "<nyaan@Llibsisimai.org>"): no word or host name has a capital L after a lower-case letter there.
 */
const LL_INSIDE_NAME = /(?<=[a-z@.])Ll(?=[a-z])/g;
/** "https: //community.example.com/…": the blank OCR put after the scheme's colon. */
const URL_SCHEME_BLANK = /\b(https?|ftp): (?=\/\/)/gi;
/**
 * A blank OCR put after a hyphen inside a host name ("us-smtp- inbound-1.mimecast.com[…]"): before a
 * word that goes on with a dot and a letter (a host name's next label), the hyphen joins, as the
 * provider's host decides which provider's rules apply.
 */
const HYPHEN_BLANK_IN_HOST = /(?<=[A-Za-z0-9]-) (?=[A-Za-z0-9][A-Za-z0-9-]{0,62}\.[A-Za-z])/g;

/**
 * A blank OCR put after a dot inside a host name ("550-mail0. bemta0.messagelabs.com", "mail-inbound.
 * libsisimai.net"): the server's name decides whose rules apply (MessageLabs', a carrier's). Joined when
 * the words after the blank are a host name (labels ending in a top-level domain) and the word before
 * the dot has a digit or a hyphen in it, as server names do and the last word of a sentence does not
 * ("client. 550-mail0…", "accepted. v14si1155795plk.134" stay).
 */
const DOT_BLANK_IN_HOST =
  /(?<=[A-Za-z0-9]\.) (?=[A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){0,4}\.(?:com|net|org|edu|gov|info|biz|io|[a-z]{2})(?![A-Za-z0-9-]))/g;
/** The word before a blank at `at` (the blank excluded): at most a host label's length back. */
function wordBefore(text: string, at: number): string {
  let start = at;
  while (start > 0 && at - start < 64 && !/\s/.test(text[start - 1]!)) start--;
  return text.slice(start, at);
}
const serverName = (word: string) => /[0-9-]/.test(word) && /[A-Za-z]/.test(word);

/**
 * An IPv4 address in brackets with an O or an l read for a digit ("[2O7.211.30.221]"): the server's
 * name before it is read only when its address is one.
 */
const BRACKETED_IP_LOOKALIKE = /(?<=[[(])[0-9Ool]{1,3}(?:\.[0-9Ool]{1,3}){3}(?=[\])])/g;

/**
 * Letters OCR glues or swaps in bounce texts: "Amessage that you sent" (a capital A runs into the next
 * word), "| will be" (a capital I read as a bar), "RCPT T0:" and "MAIL FR0M:" (an O read as a zero: the
 * SMTP command tells the classifier which step was refused), and the "l" of "mail" split off and read
 * twice ("procmai lL:", "hotmai L@hotmai lL. com": the word in most bounce host names and addresses), a
 * server's number after it too ("mai LO.bemta0.messagelabs.com": mail0, its zero read as an O).
 */
function fixLetters(text: string): string {
  return text
    .replace(/\bAmessage\b/g, "A message")
    .replace(LL_INSIDE_NAME, "l")
    .replace(URL_SCHEME_BLANK, "$1:")
    .replace(BRACKETED_IP_LOOKALIKE, (ip) => ip.replace(/[Oo]/g, "0").replaceAll("l", "1"))
    .replace(HYPHEN_BLANK_IN_HOST, "")
    .replace(DOT_BLANK_IN_HOST, (blank: string, at: number, all: string) =>
      serverName(wordBefore(all, at)) ? "" : blank,
    )
    .replace(
      /mai ?(?:lL|Ll|ll|L|l)([0-9O]{0,2})(?=[@.:;,>)]|\s|$)/gm,
      (_m, n: string) => `mail${n.replaceAll("O", "0")}`,
    )
    .replace(/(^|[ \t])\|(?= [a-z'])/gm, "$1I")
    .replace(/\bRCPT T0:/gi, "RCPT TO:")
    .replace(/\bMAIL FR0M:/gi, "MAIL FROM:");
}

/** Letters OCR reads for digits inside a code: O for 0; l, I and | for 1; S for 5. */
const DIGIT_OF: Readonly<Record<string, string>> = { O: "0", o: "0", l: "1", I: "1", "|": "1", S: "5" };
const asDigits = (s: string) => s.replace(/[OolI|S]/g, (c) => DIGIT_OF[c]!);
const realDigits = (s: string) => s.replace(/\D/g, "").length;

/**
 * A status code with a letter read for a digit: "5.1.l", "5.l.l", "4.4.O", "S.7.1". Its shape (a class
 * digit, a dot, one to three characters, a dot, one to three) is the code's alone; the class must be a
 * digit, or an S with digits after it.
 */
const STATUS_LOOKALIKE = /(?<![\w.])([245S])\.([\dOolI|]{1,3})\.([\dOolI|]{1,3})(?![\w|]|\.\w)/g;
/**
 * A reply code with a letter read for a digit ("S50", "55O", "4S1"): at least two of its three characters
 * digits, 2xx to 5xx, and where a reply code stands: followed by a blank, a hyphen or the end of a line (a
 * narrow screen puts the status below: "said: 55O" ⏎ "    5.1.0"), and at the start of a line (after
 * blanks, "#", quotes or "<<<"), after a colon, semicolon, quote or parenthesis, or before a status code.
 */
const REPLY_LOOKALIKE = /(?<![\w.])([245S][\dOS][\dOS])(?=[- \n]|$)/g;
const REPLY_BEFORE = /(?:^|[\n:;'"(#<])[ \t]{0,8}$/;
const STATUS_AFTER = /^(?:[- ]|\n[ \t]{0,8})[245]\.\d/;

function mendCodes(text: string): string {
  const statuses = text.replace(STATUS_LOOKALIKE, (code, cls: string, subject: string, detail: string) =>
    cls === "S" && realDigits(subject + detail) === 0
      ? code
      : `${asDigits(cls)}.${asDigits(subject)}.${asDigits(detail)}`,
  );
  return statuses.replace(REPLY_LOOKALIKE, (code: string, _c: string, at: number, all: string) => {
    if (realDigits(code) === 3 || realDigits(code) < 2) return code;
    const digits = asDigits(code);
    if (!/^[245][0-5]\d$/.test(digits)) return code;
    const before = all.slice(Math.max(0, at - 9), at);
    const after = all.slice(at + 3, at + 15);
    return REPLY_BEFORE.test(before) || STATUS_AFTER.test(after) ? digits : code;
  });
}

/** Longest "<…>" whose blanks are taken for OCR's: an address in angle brackets is at most this long. */
const MAX_BRACKETED = 120;

/**
 * Blanks OCR puts inside an address in angle brackets, where the mail had none: "<kij itora@example.jp>",
 * "<otsu- sakaba-hunter -neko@ezweb.ne. jp>". Only a "<…>" with an "@", no other bracket and no more
 * than four blanks; the look-ahead is bounded, so the pass is linear.
 */
function joinBracketed(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("<", i);
    if (open === -1) break;
    let close = -1;
    let blanks = 0;
    let at = false;
    for (let j = open + 1; j < text.length && j <= open + MAX_BRACKETED; j++) {
      const c = text[j]!;
      if (c === ">") {
        close = j;
        break;
      }
      if (c === "<" || c === "\n") break;
      if (c === " ") blanks++;
      else if (c === "@") at = true;
    }
    if (close === -1 || !at || blanks === 0 || blanks > 4 || text[open + 1] === " ") {
      out += text.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    out += text.slice(i, open) + text.slice(open, close + 1).replaceAll(" ", "");
    i = close + 1;
  }
  return out + text.slice(i);
}

/**
 * A host name OCR broke before its last label: "ezweb.ne. jp", "example. com>" (the dot and the
 * top-level domain read as two words). Only before a common top-level domain, after a name with a dot
 * or an "@" already, so a sentence's end ("… U.S. and") stays.
 */
const BROKEN_TLD =
  /([@.][A-Za-z0-9-]{1,63}\.) (jp|jo|com|net|org|edu|gov|info|biz|co|ne|or|ac|go|ad|uk|de|fr|cn|kr|tw|us|ru|io)(?![A-Za-z])/g;

/**
 * ".jp" read as ".jo" (the descender of the p lost at small sizes: "ezweb.ne.jo", "example.or.jo"). Only
 * after a Japanese second-level label (ne, or, co, ac, go, ad, ed, gr, lg), which Jordan's .jo does not
 * use: a carrier's domain decides which provider's codes apply (docomo.ne.jp, ezweb.ne.jp).
 */
const JP_READ_AS_JO = /(?<=[A-Za-z0-9-]\.(?:ne|or|co|ac|go|ad|ed|gr|lg))\.jo(?![A-Za-z0-9-])/g;

/**
 * ".com" read as ".corn" (an "m" read as "rn") or ".c0m", ".org" as ".0rg", at a host name's end:
 * "mimecast.corn[207.211.30.221]" names no provider.
 */
const TLD_LOOKALIKE = /(?<=[A-Za-z0-9-]\.)(?:corn|c0m|c0rn|0rg)(?![A-Za-z0-9-])/g;

function normalizeCharacters(text: string): string {
  // NFKC: full-width ASCII, half-width kana, "…" → "...". Then quotes the mail surely wrote plain.
  const nfkc = text
    .normalize("NFKC")
    .replace(/[‘’‚`´]/g, "'")
    .replace(/[“”„]/g, '"');
  return joinBracketed(
    mendWords(mendCodes(fixLetters(joinJapanese(plainDashes(nfkc)))))
      .replace(BROKEN_TLD, "$1$2")
      .replace(JP_READ_AS_JO, ".jp")
      .replace(TLD_LOOKALIKE, (tld) => (tld === "0rg" ? "org" : "com")),
  );
}

/** The status bar and the app's navigation: a clock, a battery level, "‹ 受信", a few stray marks. */
function isChrome(line: string): boolean {
  const t = line.trim();
  if (t === "") return true;
  if (t.length > 40) return false;
  if (/^\d{1,2}:\d{2}\b/.test(t) || /\d{1,3}\s?%$/.test(t)) return true;
  if (/^[<‹«〈(]?\s*(?:受信|受信トレイ|受信箱|戻る|メール|Inbox|Back|Mailboxes)\b/i.test(t)) return true;
  // Icons read as a letter or two.
  let readable = 0;
  for (let i = 0; i < t.length; i++) if (/[A-Za-z0-9]/.test(t[i]!) || isWideChar(t.charCodeAt(i))) readable++;
  return readable <= 2;
}

/**
 * The mail app's recipient line: 「宛先: 自分 詳細」 (iOS Mail; OCR often reads the sender, the time and
 * the avatar on the same row: "Mail Delivery System 10:15 0宛先 : 自分詳細"), "To 自分 ⌄" (Gmail),
 * "To: me".
 */
function isRecipientLine(line: string): boolean {
  const t = line.trim();
  if (t.length > 60) return false;
  return (
    /(?:宛先|送信先|受信者) {0,3}[:：]/.test(t) ||
    /^to {0,3}[:：]? {0,3}(?:自分|me|you)(?![a-z])/i.test(t) ||
    // "To 自分、" misread ("To Ba 、", "To 目分 >"): nothing else is that short and starts so
    (t.length <= 10 && /^to [^a-z]/i.test(t))
  );
}
/** Whether the sender has a row of its own above the recipient line (else they share one). */
const recipientOnly = (line: string) => /^(?:宛先|送信先|受信者|to)(?![a-z])/i.test(line.trim());
/** "差出人: …", "From: Mail Delivery System": the sender line some apps label. */
const SENDER_LINE = /^(?:差出人|送信者|from) {0,3}[:：]/i;
/** A date or time alone: "2025年11月3日 10:15", "2025/11/03 10:15", "Nov 3, 2025 at 10:15 AM", "昨日 10:15". */
const DATE_LINE =
  /^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.{0,20}|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}.{0,20}|[A-Za-z]{3,9}\.? \d{1,2},? \d{4}.{0,20}|(?:今日|昨日|Today|Yesterday)?\s*\d{1,2}:\d{2}(?:\s?[AP]M)?)$/i;
/** Gmail's label after the subject: 「受信トレイ」, read with its frame as "[受信トレィ" or so. */
const INBOX_LABEL = /[ [(（【|]{0,3}受信トレ.{0,4}$/;
/** The date iOS shows under the subject, read onto the subject's row. */
const DATE_TAIL = / {0,3}(?:\d{4} {0,2}年 {0,2})?\d{1,2} {0,2}月 {0,2}\d{1,2} {0,2}日[ \d:]{0,8}$/;

/** How far down the app's header can reach (status bar, navigation, sender, recipient, subject, date). */
const HEADER_LINES = 10;

/**
 * The app's header goes: the status bar, the navigation, the sender, the recipient line and the date.
 * The subject stays, on a line of its own: above the sender (Gmail) or below the recipient line (iOS).
 */
function dropAppHeader(lines: string[]): string[] {
  let start = 0;
  while (start < lines.length && start < 4 && isChrome(lines[start]!)) start++;
  const head = lines.slice(start, start + HEADER_LINES);
  const recipient = head.findIndex(isRecipientLine);
  if (recipient === -1) {
    // Only near the top: further down, "From: …" is part of the mail (a quoted header).
    const sender = head.slice(0, 3).findIndex((l) => SENDER_LINE.test(l.trim()));
    return sender === -1 ? lines.slice(start) : dropDates(lines, start + sender + 1);
  }
  const rest = start + recipient + 1;
  // iOS shows the subject and then the date below the recipient line; Gmail the body at once.
  const below = lines.slice(rest, rest + 4).filter((l) => l.trim() !== "");
  const datedBelow = below.slice(0, 2).some((l) => DATE_LINE.test(l.trim()) || DATE_TAIL.test(l));
  if (!datedBelow && recipientOnly(head[recipient]!)) {
    const above = head.slice(0, recipient).filter((l) => !isChrome(l));
    // above: [subject,] sender
    const subject = above.length >= 2 ? above[above.length - 2]!.trim().replace(INBOX_LABEL, "") : "";
    if (subject !== "") return [subject, "", ...lines.slice(skipDates(lines, rest))];
    // Gmail's "To 自分" with no subject read above it: the body starts below (the iOS branch below would
    // take its first line for the subject and set it apart: "550 Ip frequency" ⏎⏎ "limited …").
    if (/^to(?![a-z])/i.test(head[recipient]!.trim())) return lines.slice(skipDates(lines, rest));
  }
  return dropDates(lines, rest);
}

/** The index of the first line from `at` that is neither blank nor a date (the body's first line). */
function skipDates(lines: readonly string[], at: number): number {
  let i = at;
  while (i < lines.length && i < at + 3 && (lines[i]!.trim() === "" || DATE_LINE.test(lines[i]!.trim()))) i++;
  return i;
}

/** After the recipient line: the subject stays (on its own line), the date goes. */
function dropDates(lines: string[], at: number): string[] {
  const out: string[] = [];
  let i = at;
  let dated = false;
  for (; i < lines.length && i < at + 4; i++) {
    const t = lines[i]!.trim();
    if (t === "" || /^(?:cc|bcc)\s*[:：]/i.test(t)) continue;
    if (DATE_LINE.test(t)) {
      dated = true;
      continue;
    }
    // The body starts after the subject, or at once when the date came first (a mail without one).
    if (out.length > 0 || dated) break;
    out.push(t.replace(DATE_TAIL, ""), "");
  }
  return [...out, ...lines.slice(i)];
}

/** Screenshot text → the mail's text, ready to be classified as a pasted fragment. */
export function cleanOcrText(text: string): string {
  const lines = normalizeCharacters(text).split("\n");
  return dropAppHeader(lines)
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * The first line of a screenshot's text that carries part of a bounce (an SMTP reply or status code, or
 * an address), or undefined: what the user is shown of a screenshot that could be read only in part.
 * Without either, a line that says the mail could not be delivered is what was read (Amazon SES's "This
 * message could not be delivered.", a Japanese server's 「指定された送信先はエラーのためお届けできませんでした」):
 * the notice's own line rather than the subject the cleaner keeps on top (a line followed by a blank).
 * With none of those, a daemon's first line (Postfix's "This is the mail system at host …", formats/
 * notice-sentences.ts NOTICE_INTROS): the top of a notice whose failure is below the screen's edge.
 * A header row the app shows with a label the cleaner did not take for its own (「宛先 taro@docomo.ne.jp」,
 * "To: taro@so-net.ne.jp" under a daemon's From:) is the user's own address: shown only when nothing of
 * the notice was read.
 * Not masked: the caller masks it (knowledge/pii.ts) before it goes anywhere.
 */
export function firstBounceLine(text: string): string | undefined {
  const lines = text
    .split("\n")
    .slice(0, 200)
    .map((l) => l.trim());
  const shown = (t: string) => t.length > 0 && t.length <= 2000;
  const part = (t: string) => shown(t) && (hasSmtpCode(t) || findAddresses(t).length > 0);
  const notice = lines.find((t) => part(t) && !isHeaderLine(t));
  if (notice) return notice;
  const told = (t: string) => shown(t) && tellsBounce(t);
  const sentence = lines.findIndex((t, i) => told(t) && !(i === 0 && lines[1] === ""));
  if (sentence !== -1) return lines[sentence];
  if (told(lines[0] ?? "")) return lines[0];
  // Only a daemon's first line ("This is the mail system at host …"): the top of a notice, cut above
  // the line that says what failed.
  return lines.find((t) => shown(t) && mentionsAny(t, NOTICE_INTROS)) ?? lines.find(part);
}
