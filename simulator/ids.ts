import { randomBytes, randomInt } from "node:crypto";

/**
 * Identifiers shaped like LINE's, so the bot's own validation (user id patterns, ULID event ids,
 * digit-string message ids) sees what production sends.
 */

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A ULID: 48-bit millisecond time + 80 random bits, Crockford base32 (26 chars). LINE's webhookEventId. */
export function ulid(now: number = Date.now()): string {
  let time = "";
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  let random = "";
  for (const byte of randomBytes(16)) random += CROCKFORD[byte % 32];
  return time + random;
}

/** "U" + 32 lowercase hex: a LINE user id. */
export function lineUserId(): string {
  return `U${randomBytes(16).toString("hex")}`;
}

/** LINE message ids are decimal digit strings. */
export function messageId(): string {
  return `${randomInt(1, 10)}${String(randomInt(0, 1e9)).padStart(9, "0")}${String(randomInt(0, 1e8)).padStart(8, "0")}`;
}

export function hexToken(bytes = 16): string {
  return randomBytes(bytes).toString("hex");
}

export function quoteToken(): string {
  return randomBytes(24).toString("base64url");
}

export const USER_ID = /^U[0-9a-f]{32}$/;
