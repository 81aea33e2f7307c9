import { simpleParser } from "mailparser";
import { lfBytes } from "../bounce/input.ts";

/**
 * What a phone user would paste from a bounce: the human-readable body text only. No headers, no
 * machine-readable delivery report (message/delivery-status), no attached original message or its
 * headers. Used by `npm run eval -- DIR --fragments`.
 */
export async function pasteOf(raw: Uint8Array): Promise<string> {
  const bytes = lfBytes(raw);
  const mail = await simpleParser(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    keepDeliveryStatus: true,
    skipTextToHtml: true,
    skipImageLinks: true,
  });
  return (mail.text ?? "").trim();
}
