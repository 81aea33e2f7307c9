import { blockText, recipientBlocks } from "../bounce/blocks.ts";
import { type Draft, newDraft } from "../bounce/draft.ts";
import { header, type Message } from "../bounce/message.ts";
import { noticeLines } from "../bounce/notice.ts";
import { hasSmtpCode, isSignalLine, knownPhrase } from "../bounce/signals.ts";
import { findAddresses, firstAddress } from "../bounce/text.ts";
import type { Format } from "./format.ts";

/**
 * A notice no other format recognised, and pasted fragments. Two ways in:
 * - recipient blocks (an address line, then what the server said about it) that carry a code or a
 *   known phrase;
 * - otherwise the lines that carry a code or a phrase, with the recipient taken from
 *   X-Failed-Recipients, from those lines, or from the To: of the returned original.
 *     550 5.1.1 <x@example.jp>: Recipient address rejected: User unknown in local recipient table
 */

/** How many lines after a signal line still belong to its explanation (wrapped or cut pastes). */
const FOLLOWING_LINES = 3;

function fromBlocks(lines: string[], lhost: string): Draft[] {
  return recipientBlocks(lines)
    .map((b) => ({ address: b.address, text: blockText(b) }))
    .filter((b) => b.text && (hasSmtpCode(b.text) || knownPhrase(b.text) !== undefined))
    .map((b) => newDraft(lhost, { recipient: b.address, diagnosis: b.text }));
}

function originalRecipient(message: Message): string {
  const failed = header(message, "x-failed-recipients");
  if (failed) return firstAddress(failed);
  const to = /^to:[ \t]*(.*(?:\n[ \t].*)*)/im.exec(message.original);
  return to ? firstAddress(to[1]!) : "";
}

export function signalDrafts(message: Message, lines: string[], lhost: string): Draft[] {
  const picked: string[] = [];
  for (let i = 0; i < lines.length && picked.length < 40; i++) {
    if (!isSignalLine(lines[i]!)) continue;
    picked.push(lines[i]!);
    for (let j = 1; j <= FOLLOWING_LINES && i + j < lines.length; j++) {
      const next = lines[i + j]!;
      if (next.trim() === "" || isSignalLine(next)) break;
      picked.push(next);
      i++;
    }
  }
  if (picked.length === 0) return [];
  const text = picked.join(" ");
  const inText = findAddresses(text);
  const recipient = originalRecipient(message) || inText[0] || "";
  return [newDraft(lhost, { recipient, diagnosis: text })];
}

export const generic: Format = {
  name: "generic",
  detect: () => true,
  parse(message) {
    const lhost = message.kind === "fragment" ? "fragment" : "generic";
    const lines = noticeLines(message);
    const blocks = fromBlocks(lines, lhost);
    return blocks.length > 0 ? blocks : signalDrafts(message, lines, lhost);
  },
};
