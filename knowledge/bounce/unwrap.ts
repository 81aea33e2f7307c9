/**
 * Re-joining lines a narrow screen broke. A phone's mail app (and some phones' copy and paste) wraps
 * every line longer than the screen, so a reply code, an address or a phrase ends up on two lines:
 *
 *   <<< 550 5.1.1                       ----- The following addresses had permanent fatal
 *   <user@example.jp>... User           errors -----
 *   Unknown                             <user@example.jp>
 *
 * A line was broken by the screen when the first word of the next line would not have fitted after
 * it: that is how text is laid out, so a line that stops early was ended by its writer. The screen's
 * width is not known; the longest line of the text a screen could have broken (a blank inside, or
 * Japanese) stands for it, in columns, a Japanese character counting two. A line of one word, a long
 * link or host name, may run past the screen's edge, so it measures nothing unless every line is one
 * word. Lines of a text nobody wrapped are rarely that close to its longest line, and when they are,
 * joining two lines of one explanation costs nothing: reasons are read over joined lines.
 *
 * Every loop here is a single pass over the text: linear in its length.
 */

/** Texts measured narrower than this were not wrapped by a screen (nothing to join). */
const MIN_WRAP_COLUMNS = 20;
/** Wider than this, no phone wrapped it: a long line is the writer's own. */
const MAX_WRAP_COLUMNS = 64;

/** A report field or header at the start of a line ("Status: 5.1.1", "Final-Recipient: rfc822; …"). */
function startsField(line: string): boolean {
  const first = line.charCodeAt(0);
  if (first < 65 || first > 90) return false; // fields are capitalised; "said:" goes on a sentence
  let i = 0;
  let lower = false; // "Status:", "To:"; "TO:<x@…>" is an SMTP command being quoted
  while (i < line.length && i < 40) {
    const c = line.charCodeAt(i);
    lower ||= c >= 97 && c <= 122;
    const word = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
    if (!word) break;
    i++;
  }
  return i >= 2 && lower && line[i] === ":" && line[i + 1] !== "/"; // "https://…" is no field
}

/**
 * Lines a screen's wrap never starts: an indented line (a wrapped line starts at the margin), a report
 * field or header, an SMTP transcript line ("<<< 550 …", ">>> RCPT TO:…"), a rule of dashes or "=".
 */
function startsNewLine(line: string): boolean {
  const first = line[0];
  if (first === " " || first === "\t") return true;
  if (line.startsWith("<<<") || line.startsWith(">>>")) return true;
  if (line.startsWith("---") || line.startsWith("===")) return true;
  return startsField(line);
}

/**
 * An address at the start of a line after a finished sentence or entry ("… User unknown)" ⏎
 * "<y@example.jp>") begins the next recipient's entry; after a reply code or unfinished words
 * ("<<< 550 5.1.1" ⏎ "<x@example.jp>... User unknown") it goes on with the line before.
 */
function startsEntry(line: string, previous: string, entryShape = afterLeadingAddress(previous)): boolean {
  if (hyphenated(previous, line)) return false; // "otsu-sakaba-" ⏎ "neko@ezweb.ne.jp"
  if (previous.endsWith(";") && startsField(previous)) return false; // "Final-Recipient: rfc822;" ⏎ "<x@…>"
  // "(reason: 550" ⏎ "<x@example.jp>:" ⏎ "User unknown)": the server's answer goes on after its code,
  // as after a code that says more lines follow ("said: 550-5.1.1" ⏎ "<x@example.jp>: Recipient …").
  if (REPLY_CODE_AT_END.test(previous) || CONTINUED_REPLY_AT_END.test(previous)) return false;
  if (ENTRY_HEADER.test(line)) return true;
  if (/[).>;,]$/.test(previous)) return LEADING_ADDRESS.test(line);
  // Sendmail's reply for one recipient ("550 5.1.1 <x@example.jp>... User unknown", its address maybe
  // moved below the codes) is a line of its own after the server's line before it ("<<< 551 not our
  // customer"), unless a colon introduced it ("… said:" ⏎ "550 5.1.1 …").
  if ((SENDMAIL_REPLY.test(line) || (line.length <= 13 && CODES_ONLY.test(line))) && !previous.endsWith(":"))
    return true;
  // The same reply without its code (GMX: "host: mx.example.jp" ⏎ "5.2.1 <x@example.jp>... User Unknown",
  // or its status alone, the address moved below): a screen that wraps never starts a row with a status
  // unless the line before was too full for it, and a status follows a reply code or a colon, not a host.
  if (STATUS_LED.test(line) && !/[0-9:;-]$/.test(previous)) return true; // not after "smtp;550", "said:"
  // Sendmail's own verdict after the server's answer it quotes ("<<< 554 delivery error: …" ⏎ "554 5.0.0
  // Service unavailable"): each "<<<" line is one reply, so a full reply starting the row is no wrap of it.
  if (previous.startsWith("<<<") && FULL_REPLY_START.test(line)) return true;
  // A list of entries alike ("a@example.jp Invalid Address, … User Unknown" ⏎ "b@example.jp Invalid
  // Address, …", "a@example.jp on Thu, 29 Apr …" ⏎ "    … Unknown Recipient" ⏎ "b@example.jp on Thu, …"):
  // an address that starts the line as one started the last entry (`entryShape`: what followed its
  // address), followed by the same word or sign, starts the next entry. Not after a colon: "… said:" ⏎
  // "<a@example.jp>: User unknown" is what the colon introduced.
  const shape = afterLeadingAddress(line);
  return shape !== undefined && !previous.endsWith(":") && shape === entryShape;
}

/**
 * An address at a line's start (after a reply code, as LEADING_ADDRESS) and what follows it: Sendmail's
 * "...", a colon, or a word ("<a@example.jp>: …" → ":", "a@example.jp Invalid Address" → "Invalid");
 * undefined without one.
 */
const ENTRY_START =
  /^(?:[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3} )?)?[<"']?[A-Za-z0-9._%+=-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}[>"']?(?:(\.\.\.|:)| ([A-Za-z]{2,20})\b)/;
/** An address alone on its line (a list's entry whose next word the screen moved down). */
const ADDRESS_ALONE = /^[<"']?[A-Za-z0-9._%+=-]{1,64}@[A-Za-z0-9.-]{1,253}[>"']?$/;

/**
 * A line that is an address alone, read with the first word of the row below it, where the screen moved
 * that word ("b@example.jp" ⏎ "Invalid Address, …"): what follows the address decides whether an entry
 * like the last one starts.
 */
function withWordBelow(line: string, below: string | undefined): string {
  return below !== undefined && ADDRESS_ALONE.test(line) ? `${line} ${below.trimStart()}` : line;
}

function afterLeadingAddress(line: string): string | undefined {
  const m = ENTRY_START.exec(line);
  return m ? (m[1] ?? m[2]) : undefined;
}

/**
 * Sendmail's "<x@example.jp>... " always goes on with its text on the same line ("… Deferred: Connection
 * refused by mx.example.jp.", "… User unknown"): a word with a colon below it is that text, not a field.
 */
function afterSendmailDots(line: string, next: string): boolean {
  return line.endsWith(">...") && startsField(next);
}

/** A word broken after its hyphen: "libsisimai-" ⏎ "2@example.jp". */
function hyphenated(line: string, next: string): boolean {
  return line.endsWith("-") && /[A-Za-z0-9]/.test(line[line.length - 2] ?? "") && /^[A-Za-z0-9]/.test(next);
}

/** A line ending in a bare reply code ("(reason: 550", "<<< 550", "said: 550 5.1.1"). */
const REPLY_CODE_AT_END = /(?:^|[\s(:])[245]\d\d(?: [245]\.\d{1,3}\.\d{1,3})?$/;
/**
 * A line ending in the code of a reply that goes on ("said: 550-5.7.1": RFC 5321's "550-", more lines
 * follow), also as Amazon SES quotes it ("5.1.0 - Unknown address error 550-'5.1.1").
 */
const CONTINUED_REPLY_AT_END = /(?:^|[\s(:])[245]\d\d-'?(?:[245]\.\d{1,3}\.\d{1,3})?$/;
/**
 * A line ending in a parenthesis opened with a label and its colon ("(expanded from:", "(reason:"): no
 * writer ends a line there, so what the parenthesis holds went to the next line ("<x@example.jp>)").
 */
const OPEN_LABEL_AT_END = /\([A-Za-z][A-Za-z ]{0,30}:$/;
/** A notice's label of two words and nothing after it ("Original Sender:", "  Recipient address:"). */
const LABEL_OF_TWO_WORDS = /^ {0,8}[A-Z][a-z]{1,20} [A-Za-z]{2,20}:$/;
/**
 * A report field cut before its value ("Final-Recipient: rfc822;", "Original-Recipient:"), or a notice's
 * label ("Original Sender:"): no notice ends a line there unless it folds the value onto an indented line,
 * so what starts the next line at the margin is the value the screen moved down whole
 * ("soto-neko@example.jp", too long for the row's rest).
 */
function fieldAwaitsValue(line: string): boolean {
  if (LABEL_OF_TWO_WORDS.test(line)) return true;
  if (!startsField(line)) return false;
  const colon = line.indexOf(":");
  return line.endsWith(";") ? line.indexOf(";") === line.length - 1 : colon === line.length - 1;
}

/**
 * An address at a line's start, maybe after the reply code (and status) a Sendmail transcript puts first
 * ("554 <x@example.org>... Remote protocol error", "550 5.1.1 <x@example.jp>... User unknown").
 */
const LEADING_ADDRESS =
  /^(?:[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3} )?)?[<"']?[A-Za-z0-9._%+=-]{1,64}@[A-Za-z0-9-]{1,63}\./;
/** Reply code, status, address in angle brackets and Sendmail's three dots. */
const SENDMAIL_REPLY =
  /^[245]\d\d [245]\.\d{1,3}\.\d{1,3} <[A-Za-z0-9._%+=-]{1,64}@[A-Za-z0-9.-]{1,253}>\.\.\./;
/** A status alone, or before Sendmail's "<address>...", at a line's start ("5.2.1", "5.2.1 <x@…>..."). */
const STATUS_LED = /^[245]\.\d{1,3}\.\d{1,3}(?:$| <[A-Za-z0-9._%+=-]{1,64}@[A-Za-z0-9.-]{1,253}>)/;
/** A reply code and status and words after them: a one-line reply ("554 5.0.0 Service unavailable"). */
const FULL_REPLY_START = /^[245]\d\d [245]\.\d{1,3}\.\d{1,3} [A-Za-z<]/;
/** A line that is an address with a colon and nothing else: the heading of a recipient's entry. */
const ENTRY_HEADER = /^[<"']?[A-Za-z0-9._%+=-]{1,64}@[A-Za-z0-9.-]{1,253}[>"']?:$/;

/** "----- … -----", "=====": a rule or a title framed by one ends its line. */
function endsSeparator(line: string): boolean {
  const n = line.length;
  return n >= 3 && ((line.endsWith("---") && line[n - 4] !== "<") || line.endsWith("==="));
}

export function isWide(code: number): boolean {
  return (
    (code >= 0x3000 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xff60)
  );
}

/** Columns a line takes on a screen: a Japanese character counts two. */
function columns(line: string, end = line.length): number {
  let n = 0;
  for (let i = 0; i < end; i++) n += isWide(line.charCodeAt(i)) ? 2 : 1;
  return n;
}

/**
 * The first unit the screen could not split off the next line: up to a blank or after a hyphen (where
 * the screen breaks there: `hyphens`).
 */
function firstUnitColumns(line: string, hyphens = true): number {
  const first = line.charCodeAt(0);
  if (isWide(first)) return 2; // Japanese breaks between any two characters
  let i = 0;
  while (i < line.length && line[i] !== " ") {
    if (hyphens && line[i] === "-" && i > 0) {
      i++;
      break;
    }
    if (isWide(line.charCodeAt(i))) break;
    i++;
  }
  return columns(line, i);
}

const ADDRESS_CHAR = /[A-Za-z0-9.@<>_%+=/:?&#~-]/;
/**
 * Where a word cut by the screen may have been cut: between two characters of an address or a link, and
 * inside a server's "host[192.0.2.1]" (before or after its "[", before its "]"; after the "]" a word of
 * its own follows: "…[192.0.2.1]" ⏎ "said:").
 */
const cutInside = (last: string, first: string) =>
  (ADDRESS_CHAR.test(last) || last === "[") && (ADDRESS_CHAR.test(first) || first === "[" || first === "]");

/**
 * Whether a row shows the screen keeping a hyphenated word whole: a row of one word past the screen's
 * edge ("(this-is-not-a-user@example.com)", wider than any row with a blank) though its part up to a
 * hyphen would have fitted. Such a screen (an app that breaks lines at blanks only) did not break after
 * the hyphens of the text's other words either.
 */
function keptWholePastEdge(line: string, width: number): boolean {
  const word = line.trimStart();
  if (word.includes(" ") || columns(line) <= width) return false;
  // The first hyphen after a letter or digit ("a rule of dashes" is no word a screen breaks).
  for (let i = line.length - word.length + 1; i < line.length - 1; i++)
    if (line[i] === "-" && /[A-Za-z0-9]/.test(line[i - 1]!)) return columns(line, i + 1) <= width;
  return false;
}

/** The blank the next word would have needed: none after a hyphen or a Japanese character. */
function gap(line: string): number {
  return line.endsWith("-") || isWide(line.charCodeAt(line.length - 1)) ? 0 : 1;
}

/** How the two halves go together again: "" inside a word, an address or Japanese text, else a blank. */
function glue(line: string, next: string, width: number): string {
  const last = line[line.length - 1]!;
  const lastCode = line.charCodeAt(line.length - 1);
  if (isWide(lastCode) && isWide(next.charCodeAt(0))) return "";
  if (hyphenated(line, next)) return "";
  // "<taro@example.jp>:" ⏎ "Recipient address rejected", "…[192.0.2.1]:25:" ⏎ "Connection timed out": a
  // colon then a word is where an entry's text starts, not a cut inside one word.
  if (last === ":" && /[A-Za-z]/.test(next[0] ?? "")) return " ";
  // Sendmail's "<x@example.jp>... User unknown": its text comes after a blank.
  if (line.endsWith(">...")) return " ";
  // A word longer than the screen is cut where the line ends (a shorter one would have been moved to
  // the next line whole): the line is that word alone, nearly full.
  if (
    line.length >= width * 0.6 &&
    !line.trimStart().includes(" ") &&
    !wordAfterAddress(line, next) &&
    cutInside(last, next[0]!) &&
    (line.includes("@") || line.includes(".") || line.includes("/") || next.includes("@"))
  )
    return "";
  return " ";
}

/**
 * An address alone on its row (no link) and a capitalised word below it ("mikeneko@example.co.jp" ⏎
 * "Invalid Address, …", Zoho's list on a narrow screen): the word was moved down whole, not cut off the
 * address, whose domain goes on in lower case or with a dot when a screen cuts it.
 */
function wordAfterAddress(line: string, next: string): boolean {
  return line.includes("@") && !line.includes("/") && /^[A-Z][a-z]{1,20}(?:[\s,.:;]|$)/.test(next);
}

/**
 * Whether a line break between `line` and `next` is the writer's even where the screen could have made
 * it: a field, a transcript line, an indented line or a recipient's entry starts, or a separator ends.
 * Also asked by knowledge/ocr/layout.ts, which knows from the pixels where the screen's edge was.
 */
export function keepsBreak(line: string, next: string): boolean {
  return startsNewLine(next) || startsEntry(next, line) || endsSeparator(line) || sameStart(line, next);
}

/**
 * Lines of a list that start alike ("The message identifier was: …" ⏎ "The message reference was: …",
 * MessageLabs' closing lines): the next one starts with the same two words as the line, which the rest of
 * a wrapped sentence does not. Only the first 40 characters of each are looked at.
 */
function sameStart(line: string, next: string): boolean {
  const words = (s: string) => s.trimStart().slice(0, 40).split(" ", 3);
  const [a, b] = words(line);
  const [c, d] = words(next);
  return (
    a !== undefined &&
    b !== undefined &&
    b !== "" &&
    a.length >= 2 &&
    /^[A-Za-z]/.test(a) &&
    a === c &&
    b === d
  );
}

/**
 * A reply code with its status and nothing after ("554 5.3.0"): no server ends its reply there, so the
 * explanation went to the next line (an address too long for the screen's rest of the row moved down
 * whole). Joined whatever the text's widest line: a screenshot's rows are as wide as its longest line.
 */
const CODES_ONLY = /^[245]\d\d [245]\.\d{1,3}\.\d{1,3}$/;

/** Whether a screen could break the line: a blank after its indentation, or a Japanese character. */
function breakable(line: string): boolean {
  if (line.trimStart().includes(" ")) return true;
  for (let i = 0; i < line.length; i++) if (isWide(line.charCodeAt(i))) return true;
  return false;
}

/** A notice's own indentation ("    Codes section at"), at most this deep; a header's column is deeper. */
const MAX_INDENT = 8;
/** How far Postfix and Sendmail indent the lines under a recipient's entry (also read by layout.ts). */
export const ENTRY_INDENT = 4;
/** A line that stops in mid-sentence: a word or a number last, no full stop, bracket or colon. */
export function endsMidSentence(line: string): boolean {
  return /[A-Za-z0-9]$/.test(line);
}

/**
 * An indented line whose first word (a long link) does not fit after its indentation: the screen left
 * the blanks alone on a row that reads as an empty line and put the word at the margin below, which cut
 * one explanation in two blocks ("    … Refer to Error" ⏎ "Codes section at" ⏎ "" ⏎ "https://…/codes.html
 * for more" ⏎ "    information. AUP#CDRBL"). Such an empty line inside an indented block goes, and the word
 * gets the block's indentation back (layout.ts does the same from the pixels). The same row under a
 * line that stops in mid-sentence, a recipient's entry whose explanation goes on indented below
 * (Postfix: "<taro@example.jp>: host" ⏎ "    mx.example.jp[192.0.2.1] said: 550 …", the host too long
 * for the row after the blanks), goes too: the word gets the notices' usual four blanks. In place; one pass.
 */
function withoutIndentRows(lines: string[], width: number): void {
  let kept = 0;
  let indent = 0; // of the block's last indented line (the rows a screen wrapped start at the margin)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1] ?? "";
    const before = kept > 0 ? lines[kept - 1]! : "";
    const rowOf =
      line !== "" || before === "" || next === "" || startsNewLine(next)
        ? 0
        : indent > 0
          ? indent <= MAX_INDENT
            ? indent
            : 0
          : endsMidSentence(before)
            ? ENTRY_INDENT
            : 0;
    if (rowOf > 0 && rowOf + firstUnitColumns(next) > width) {
      lines[i + 1] = " ".repeat(rowOf) + next;
      continue;
    }
    // Nor does a reply end at an empty row right after a code that says it goes on ("said: 550-5.7.1" ⏎
    // "" ⏎ "[2401:db8::1 13] Messages with …"), however the widest row guessed the screen's width (an
    // OCR slip such as "gsrntp" for "gsmtp" widens it): the row is one the screen left.
    if (line === "" && next !== "" && CONTINUED_REPLY_AT_END.test(before)) {
      const own = next.length - next.trimStart().length;
      lines[i + 1] =
        own > 0 ? next : " ".repeat(indent > 0 && indent <= MAX_INDENT ? indent : ENTRY_INDENT) + next;
      continue;
    }
    const own = line.length - line.trimStart().length;
    if (line === "") indent = 0;
    else if (own > 0) indent = own;
    lines[kept++] = line;
  }
  lines.length = kept;
}

/**
 * Characters kept of each end of an entry joined so far, for startsEntry: it reads an entry's start (a
 * field's name, 41 characters at most; "<<<") and its end (a reply code and status, 15 characters with the
 * one before; a last character). 80 lines of one long word are one entry: testing the whole of it for each
 * line joined made unwrap quadratic (800 lines 37× the time of 80; npm run bench:classify).
 */
const EDGE = 48;
/** ADDRESS_ALONE's longest match: a quote, 64 characters, "@", 253, a quote. */
const MAX_ADDRESS_ALONE = 320;

/**
 * The entry joined so far as startsEntry reads it: itself, or where it is longer than both its ends, its
 * first and last EDGE characters together. Every test startsEntry makes of it looks no further from either
 * end, and the end's reply code (REPLY_CODE_AT_END, `^` or one character before it) fits in EDGE, so the
 * answers are the same.
 */
function edgesOf(current: string, head: string, tail: string): string {
  return current.length <= 2 * EDGE ? current : head + tail;
}

/** The text with the lines a narrow screen broke joined again; other lines as they were. */
export function unwrap(text: string): string {
  const lines = text.split("\n");
  if (lines.length < 2) return text;
  const trimmed = lines.map((l) => l.trimEnd());
  // The screen is as wide as the longest line it could have broken (a blank inside, or Japanese): a
  // line of one word (a long link, a host, a message id) may run past the edge, cut or not.
  let width = 0;
  let widthOfOneWord = 0;
  let codesOnly = false;
  for (const line of trimmed) {
    if (breakable(line)) width = Math.max(width, columns(line));
    else widthOfOneWord = Math.max(widthOfOneWord, columns(line));
    codesOnly ||= line.length <= 13 && CODES_ONLY.test(line);
  }
  if (width === 0) width = widthOfOneWord;
  const wrapped = width >= MIN_WRAP_COLUMNS && width <= MAX_WRAP_COLUMNS;
  if (!wrapped && !codesOnly) return text;
  if (wrapped) withoutIndentRows(trimmed, width);
  const hyphens = !trimmed.some((line) => keptWholePastEdge(line, width));

  const out: string[] = [];
  let current = trimmed[0]!;
  let currentLast = current; // the last screen line of `current`, whose width decides
  let entryShape = afterLeadingAddress(current); // what followed the address of the last entry's start
  // `current`'s first and last characters, kept apart: what startsEntry reads of it (edgesOf).
  let head = current.slice(0, EDGE);
  let tail = current.slice(-EDGE);
  for (let i = 1; i < trimmed.length; i++) {
    const next = trimmed[i]!;
    const broken =
      currentLast.trim() !== "" &&
      next !== "" &&
      (!startsNewLine(next) || afterSendmailDots(currentLast, next)) &&
      ((currentLast.length <= 13 && CODES_ONLY.test(currentLast)) ||
        (wrapped &&
          !startsEntry(withWordBelow(next, trimmed[i + 1]), edgesOf(current, head, tail), entryShape) &&
          !endsSeparator(currentLast) &&
          // No server ends its answer at the code: "(reason: 550" ⏎ "<saburo-kato@…>:" goes on even
          // where the address's first part (up to a hyphen) would have fitted on the line; nor a
          // parenthesis at its label: "(expanded from:" ⏎ "<mailer-program@…>)"; nor a report field
          // at its name or type: "Final-Recipient: rfc822;" ⏎ "soto-neko@…".
          (REPLY_CODE_AT_END.test(currentLast) ||
            CONTINUED_REPLY_AT_END.test(currentLast) ||
            OPEN_LABEL_AT_END.test(currentLast) ||
            fieldAwaitsValue(currentLast) ||
            columns(currentLast) + gap(currentLast) + firstUnitColumns(next, hyphens) > width)));
    if (broken) {
      // No address is longer than ADDRESS_ALONE's longest match: a longer entry is not tested (nor copied).
      const shapeless = current.length <= MAX_ADDRESS_ALONE && ADDRESS_ALONE.test(current);
      const joined = glue(currentLast, next, width) + next;
      current += joined;
      if (head.length < EDGE) head = (head + joined).slice(0, EDGE);
      tail = (tail + joined).slice(-EDGE);
      // An entry that began with its address alone on a row takes its shape from the word joined to it.
      if (shapeless) entryShape = afterLeadingAddress(current) ?? entryShape;
    } else {
      out.push(current);
      current = trimmed[i]!;
      head = current.slice(0, EDGE);
      tail = current.slice(-EDGE);
      entryShape = afterLeadingAddress(current) ?? entryShape;
    }
    currentLast = trimmed[i]!;
  }
  out.push(current);
  return out.join("\n");
}
