import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Events wait in the shared Redis stream until they are answered (up to the reply token's 20 minutes
 * while LINE fails), and an event holds what the user typed, personal data included. Sealed with
 * AES-256-GCM under a key derived from the channel secret, they are unreadable in a Redis dump, a
 * replica or MONITOR, while every instance of the deployment (which all hold the secret) can open them.
 * GCM also refuses an entry that was altered or written with another secret.
 */
export interface Sealer {
  seal(plain: string): string;
  /** The plain text, or undefined for an entry this secret did not seal (or that was altered). */
  open(sealed: string): string | undefined;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Names what the key is for, so a key derived from the same secret elsewhere can never open these. */
const INFO = "bounce-bot event stream v1";

export function createSealer(channelSecret: string): Sealer {
  const key = Buffer.from(hkdfSync("sha256", channelSecret, "", INFO, 32));
  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
    },
    open(sealed) {
      const bytes = Buffer.from(sealed, "base64");
      if (bytes.length < IV_BYTES + TAG_BYTES) return undefined;
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
        decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([
          decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]).toString("utf8");
      } catch {
        return undefined;
      }
    },
  };
}
