import { blockText, recipientBlocks } from "../bounce/blocks.ts";
import { type Draft, newDraft } from "../bounce/draft.ts";
import type { Message } from "../bounce/message.ts";
import { noticeLines, noticeLower } from "../bounce/notice.ts";
import { knownPhrase } from "../bounce/signals.ts";
import { includesAny, sameAddress, squash } from "../bounce/text.ts";
import type { Format } from "./format.ts";

/**
 * Sendmail: "Returned mail: see transcript for details" from Mail Delivery Subsystem.
 *
 *      ----- The following addresses had permanent fatal errors -----
 *   <filtered@example.org>
 *       (reason: 550 5.2.1 <filtered@example.org>... User Unknown)
 *
 *      ----- Transcript of session follows -----
 *   ... while talking to mx.example.org.:
 *   >>> DATA
 *   <<< 550 5.2.1 <filtered@example.org>... User Unknown
 *
 * Old Sendmail (V5) writes only the transcript: "554 <x@example.org>... 550 Host unknown".
 */
const LIST_MARKERS = [
  "the following addresses had permanent fatal errors",
  "the following addresses had transient non-fatal errors",
];
const TRANSCRIPT = "transcript of session follows";
/** The markers as detect() finds them, after a dash (made once: detect runs on every text classified). */
const DASHED_MARKERS = [...LIST_MARKERS, TRANSCRIPT].map((k) => `- ${k}`);

/**
 * A marker line's title without its frame of dashes ("----- Transcript of session follows -----"), or
 * "" for a line that does not start with one. The frame is not compared: OCR of a screenshot often
 * reads one or two dashes fewer or more.
 */
function unframed(line: string): string {
  if (!line.startsWith("--")) return "";
  let start = 0;
  let end = line.length;
  while (start < end && (line[start] === "-" || line[start] === " ")) start++;
  while (end > start && (line[end - 1] === "-" || line[end - 1] === " ")) end--;
  return line.slice(start, end);
}

/** "<x@example.jp>... Deferred: ...", "550 5.1.2 <x@example.jp>... Host unknown", "554 <x@example.jp>... 550 Host unknown" */
const TRANSCRIPT_LINE =
  /^(?:\d{3}(?:[ -][245]\.\d{1,3}\.\d{1,3})?\s+)?<?([^\s<>@]{1,64}@[^\s<>]{1,255}?)>?\.\.\.\s*(\S.*)/; // on one trimmed line: "$" would only add retries

/** The status code that leads a transcript line of Sendmail's own: "550 5.1.1 <x@example.jp>... User unknown". */
const VERDICT_STATUS = /^\d{3}[ -]([245]\.\d{1,3}\.\d{1,3})\s/;

interface Exchange {
  command: string;
  reply: string;
  host: string;
}

/** The ">>> command" / "<<< reply" pairs of the transcript. */
function transcript(lines: readonly string[]): Exchange[] {
  const out: Exchange[] = [];
  let command = "";
  let host = "";
  let continued = false; // the last "<<<" line was "NNN-...": the reply goes on
  for (const line of lines) {
    if (out.length >= 200) break;
    const talk = /while talking to ([A-Za-z0-9.-]+?)\.?:/.exec(line);
    if (talk) host = talk[1]!.toLowerCase();
    if (line.startsWith(">>> ")) {
      command = line.slice(4).trim();
      continued = false;
    } else if (line.startsWith("<<< ")) {
      const reply = line.slice(4).trim();
      const last = out[out.length - 1];
      if (continued && last) last.reply += ` ${reply}`;
      else out.push({ command, reply, host });
      continued = /^\d{3}-/.test(reply);
    }
  }
  return out;
}

function commandName(sent: string): string {
  const word = sent.split(/[\s:]/)[0]!.toUpperCase();
  return ["RCPT", "MAIL", "DATA", "HELO", "EHLO", "STARTTLS"].includes(word) ? word : "";
}

export const sendmail: Format = {
  name: "Sendmail",
  detect(m: Message) {
    const subject = m.subject.toLowerCase();
    if (subject.startsWith("returned mail:") || subject.startsWith("warning: could not send message"))
      return true;
    const notice = noticeLower(m);
    return includesAny(notice, DASHED_MARKERS);
  },
  parse(m: Message) {
    const lines = noticeLines(m);
    const lower = lines.map((l) => l.trim().toLowerCase());
    const titles = lower.map(unframed);
    const listAt = titles.findIndex((l) => LIST_MARKERS.includes(l));
    const transcriptAt = titles.indexOf(TRANSCRIPT);
    const listEnd = transcriptAt > listAt ? transcriptAt : lines.length;
    const drafts: Draft[] =
      listAt === -1
        ? []
        : recipientBlocks(lines.slice(listAt + 1, listEnd)).map((b) =>
            newDraft("Sendmail", {
              recipient: b.address,
              diagnosis: blockText(b)
                .replace(/\(expanded from:[^()]*\)/i, "")
                .replace(/^\(reason: (.*)\)\s*$/i, "$1"),
            }),
          );
    if (transcriptAt === -1) return drafts;

    const talk = lines.slice(transcriptAt + 1);
    const exchanges = transcript(talk).filter((e) => /^[45]/.test(e.reply) && !/need rcpt/i.test(e.reply));
    // Old Sendmail: "554 <x@example.org>... 550 Host unknown" with no list above.
    // Its "Remote protocol error" means: the reply just above is the reason.
    //   >>> MAIL From:<shironeko@example.jp>
    //   <<< 550 Insecure Mail Relay
    //   554 <kijitora@example.edu>... Remote protocol error
    if (drafts.length === 0) {
      let sent = "";
      let reply = "";
      for (const line of talk) {
        if (drafts.length >= 200) break;
        const t = line.trim();
        if (t.startsWith(">>> ")) sent = t.slice(4);
        if (t.startsWith("<<< ")) {
          reply = t.slice(4);
          continue;
        }
        const v5 = TRANSCRIPT_LINE.exec(t);
        if (v5) {
          const own = v5[2]!;
          const cause = reply && !/^\d{3}\b/.test(own) && knownPhrase(own) === undefined ? reply : "";
          drafts.push(
            newDraft("Sendmail", {
              recipient: v5[1]!,
              diagnosis: squash(cause ? `${cause} ${t}` : t),
              command: cause ? commandName(sent) : "",
            }),
          );
        }
        if (t) reply = "";
      }
    }
    for (const d of drafts) {
      const lower = d.recipient.toLowerCase();
      const e =
        exchanges.find(
          (x) => x.reply.toLowerCase().includes(lower) || x.command.toLowerCase().includes(lower),
        ) ?? (exchanges.length === 1 ? exchanges[0] : undefined);
      if (!e) continue;
      d.command = commandName(e.command);
      d.remoteHost = e.host;
      if (!d.diagnosis || !/\d{3}/.test(d.diagnosis)) d.diagnosis = squash(`${e.reply} ${d.diagnosis}`);
      else if (e.reply.length > d.diagnosis.length && e.reply.slice(0, 3) === d.diagnosis.slice(0, 3))
        d.diagnosis = e.reply;
    }
    // Lines like "<x@example.jp>... Deferred: Connection refused by mx.example.jp." explain a listed address.
    // A bare "Service unavailable" there is explained by the line above it, the local mailer's words:
    //   mail.local: unknown user: kijitora
    //   554 <kijitora@example.net>... Service unavailable
    let above = "";
    for (const line of talk) {
      const t = line.trim();
      const said = TRANSCRIPT_LINE.exec(t);
      if (said) {
        const d = drafts.find((x) => sameAddress(x.recipient, said[1]!));
        const cause = above && knownPhrase(said[2]!) === undefined ? above : "";
        if (d && !d.diagnosis) d.diagnosis = squash(cause ? `${cause} ${t}` : t);
        // Sendmail's own verdict on the recipient below the server's answer ("550 5.1.1 <x@…>... User
        // unknown"): its status is the one the report gives, which a screenshot or a paste leaves out.
        const status = VERDICT_STATUS.exec(t)?.[1];
        if (d && status && !d.status) d.status = status;
      }
      if (t)
        above = said || t.startsWith(">>>") || /^while talking to/i.test(t) ? "" : t.replace(/^<<< /, "");
    }
    return drafts;
  },
};
