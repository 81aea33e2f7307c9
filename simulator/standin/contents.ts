import { messageId } from "../ids.ts";

/**
 * What simulated users sent as images and files, kept the way LINE keeps message content: by message id,
 * for a while. The page's upload puts it here; the stand-in serves it on the data API
 * (GET /v2/bot/message/{id}/content), where the bot fetches it as from LINE. Bounded: the oldest go
 * first (LINE's content expires too), so a long session cannot pile up memory.
 */

export interface Content {
  bytes: Buffer;
  contentType: string;
}

const MAX_ITEMS = 30;
const MAX_BYTES = 64 * 1024 * 1024;

export class Contents {
  private readonly items = new Map<string, Content>();
  private bytes = 0;

  /** Keeps the content; returns the message id it is served under. */
  put(bytes: Buffer, contentType: string): string {
    const id = messageId();
    this.items.set(id, { bytes, contentType });
    this.bytes += bytes.length;
    while (this.items.size > MAX_ITEMS || this.bytes > MAX_BYTES) {
      const [oldest, content] = this.items.entries().next().value as [string, Content];
      this.items.delete(oldest);
      this.bytes -= content.bytes.length;
    }
    return id;
  }

  get(id: string): Content | undefined {
    return this.items.get(id);
  }
}
