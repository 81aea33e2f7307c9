import type { Message } from "./message.ts";
import { originalMessageAt } from "./notice.ts";
import { isSignalLine } from "./signals.ts";
import { findAddresses } from "./text.ts";

/**
 * A paste often starts with the returned-mail notice's own headers, as the phone's mail app shows them:
 *
 *   差出人: Mail Delivery Subsystem <MAILER-DAEMON@mail.example.jp>
 *   宛先: taro.yamada@xa2.so-net.ne.jp          ← the user who sent the mail that failed
 *   件名: Returned mail: see transcript for details
 *   550 5.1.1 <ken@example.com>... User unknown  ← the failed recipient
 *
 * Those lines describe the notice, not the failed delivery: the To: is the user. They are taken out of
 * the text the formats read (so no header becomes a recipient or the server's explanation) and kept as
 * the notice's subject, sender and addressees, as a whole mail has them.
 */

/**
 * Japanese apps may show their labels without a colon, 「宛先 taro@docomo.ne.jp」「件名 Returned mail…」
 * (OCR also drops the blank before a date: 「日付2025/11/03」); English labels always have one.
 */
const HEADER =
  /^(?:(to|from|subject|date|cc|bcc|sent|reply-to|return-path|delivered-to|x-original-to)[ \t]*[:：]|(送信者|差出人|宛先|件名|日付|日時|送信日時|受信日時)(?:[ \t]*[:：]|[ \t]|(?=\d)))[ \t]*/i;
/**
 * Whether any line of a text is a header line (HEADER at a line's start): most texts classified are typed
 * messages without one, and for them there is no header group to look for (headerGroup), so no lines are
 * split out nor read as a notice's first sentence. One scan, nothing allocated.
 */
export const ANY_HEADER_LINE = new RegExp(HEADER.source, "im");
/** A mail header line ("Subject: …", "件名：…"): never the server's explanation. */
export function isHeaderLine(line: string): boolean {
  return HEADER.test(line);
}

/** 「宛先: x@y」 right before 「理由: …」 is a Japanese notice's list of failed recipients, not a header. */
const EXPLANATION = /^(?:(?:理由|原因|詳細|エラー内容)[ \t]*[:： \t]|(?:reason|error)[ \t]*[:：])/i;
const ADDRESSEE_FIELDS = new Set(["to", "cc", "bcc", "delivered-to", "x-original-to", "宛先"]);
const ENGLISH_FIELDS = new Set(["to", "from", "subject", "date"]);

export interface NoticeHeaders {
  /** The text with the header lines blanked (line count kept). */
  body: string;
  subject: string;
  from: string;
  /** Addresses of the notice's To:/Cc:/宛先 lines: the user's own, never a failed recipient. */
  addressees: string[];
}

interface HeaderLine {
  index: number;
  /** Lines it spans (folded continuation lines included). */
  count: number;
  field: string;
  value: string;
}

/** Header lines in the given lines, each with its folded continuation lines. */
function headerAt(lines: readonly string[], i: number): HeaderLine | undefined {
  const m = HEADER.exec(lines[i]!);
  if (!m) return undefined;
  let count = 1;
  let value = lines[i]!.slice(m[0].length);
  while (i + count < lines.length && count < 20 && /^[ \t]+\S/.test(lines[i + count]!)) {
    value += ` ${lines[i + count]!.trim()}`;
    count++;
  }
  return { index: i, count, field: (m[1] ?? m[2]!).toLowerCase(), value: value.trim() };
}

/** An English line that belongs to a bounce notice, not to the user's own words around the paste. */
const NOTICE_WORDS = /deliver|mail|error|fail|return|recipient|host|smtp|message|@/i;
/** Lines of the user's own words before the headers ("こんなメールが来ました"). */
const MAX_PREAMBLE = 5;

/** Printable ASCII only (a module constant: startsNotice runs on the first lines of every text classified). */
const ASCII_LINE = /^[\t -~]*$/;

/** Whether a line, seen before any header, is already the notice (so headers after it are not its own). */
function startsNotice(line: string): boolean {
  if (isSignalLine(line) || originalMessageAt(line) === 0) return true;
  // Japanese words are the user's ("エラーが返ってきました"), or a Japanese notice's first sentence,
  // whose 宛先 lines are no header group; English ones are the user's only when they say nothing of mail.
  return ASCII_LINE.test(line) && NOTICE_WORDS.test(line);
}

/**
 * The notice's header lines: the first group of header lines (blank lines between them allowed), when
 * nothing but a few lines of the user's own words comes before it. Headers further down belong to the
 * copy of the original message, whose To: is the failed recipient. The group counts when it has two
 * lines or more, or one English one (To:, Subject:, ...), or a 宛先 line not followed by 理由 (a Japanese
 * notice's list of failed recipients is 「宛先: x@y」「理由: …」).
 */
export function splitNoticeHeaders(text: string): NoticeHeaders {
  const split = headerGroup(text);
  const senders = senderAddresses(text);
  return senders.length === 0 ? split : { ...split, addressees: [...split.addressees, ...senders] };
}

function headerGroup(text: string): NoticeHeaders {
  const none = { body: text, subject: "", from: "", addressees: [] };
  // Without a header line the group below is empty whatever the lines before it are.
  if (!ANY_HEADER_LINE.test(text)) return none;
  const lines = text.split("\n");
  let i = 0;
  for (let preamble = 0; i < lines.length && i < 200; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    if (HEADER.test(line)) break;
    if (startsNotice(line) || ++preamble > MAX_PREAMBLE) return none;
  }
  const group: HeaderLine[] = [];
  let next = "";
  for (let j = i; j < lines.length && group.length < 20; ) {
    const h = headerAt(lines, j);
    if (h) {
      group.push(h);
      j += h.count;
      continue;
    }
    if (lines[j]!.trim() !== "") {
      next = lines[j]!.trim();
      break;
    }
    j++;
  }
  const single = group[0];
  if (!single) return none;
  const counts = group.length >= 2 || ENGLISH_FIELDS.has(single.field) || !EXPLANATION.test(next);
  if (!counts) return none;
  for (const h of group) for (let k = 0; k < h.count; k++) lines[h.index + k] = "";
  const value = (...fields: string[]) => group.find((h) => fields.includes(h.field))?.value ?? "";
  return {
    body: lines.join("\n"),
    subject: value("subject", "件名"),
    from: value("from", "差出人", "送信者"),
    addressees: group.filter((h) => ADDRESSEE_FIELDS.has(h.field)).flatMap((h) => findAddresses(h.value)),
  };
}

/** What names the sender before an address: the SMTP transcript, the report, the user's own words. */
const SENDER_BEFORE =
  /(?:mail from|envelope-from|return-path|sender) {0,3}[:=]? {0,3}<?$|(?:私|自分|わたし|僕)の(?:メール)?(?:アドレス)?(?:は|:|：)? {0,3}<?$/i;
/** 「taro@example.jp から送ったら」: the address the user sent from. */
const SENDER_AFTER = /^>? {0,3}(?:から|より)/;

/**
 * The sender's addresses in a paste: after MAIL FROM:, envelope-from, Return-Path:, Sender:, 私の(アドレスは),
 * or before から/より. The sender is the user: never the failed recipient.
 */
function senderAddresses(text: string): string[] {
  const found: string[] = [];
  if (!text.includes("@")) return found; // no address (a typed message): no regex run, no copy
  const notice = text.slice(0, Math.max(0, originalMessageAt(text)) || text.length);
  for (const address of new Set(findAddresses(notice))) {
    for (
      let at = notice.indexOf(address), n = 0;
      at !== -1 && n < 20;
      at = notice.indexOf(address, at + 1), n++
    ) {
      const before = notice.slice(Math.max(0, at - 24), at);
      const after = notice.slice(at + address.length, at + address.length + 8);
      if (SENDER_BEFORE.test(before) || SENDER_AFTER.test(after)) {
        found.push(address);
        break;
      }
    }
  }
  return found;
}

/**
 * The notice's own addressees (the user), when a paste showed them. A whole mail's To: is never read as
 * a recipient by the formats, and a failed recipient that equals it is real (mail to oneself).
 */
export function noticeAddressees(message: Message): readonly string[] {
  return message.kind === "fragment" ? (message.addressees ?? []) : [];
}
