import { hexToken } from "../ids.ts";

/**
 * Reply tokens as LINE hands them out: one per event that can be replied to, usable once, within one
 * minute. The clock is injectable so tests can expire a token without waiting.
 */

export const REPLY_TOKEN_TTL_MS = 60_000;
/** Spent and expired tokens are remembered this long so a late reply is still traced to its chat. */
const FORGET_AFTER_MS = 20 * 60_000;

interface Issued {
  userId: string;
  issuedAt: number;
  used: boolean;
}

export type Redeemed =
  | { ok: true; userId: string }
  | { ok: false; reason: "unknown" | "used" | "expired"; userId?: string };

export class ReplyTokens {
  readonly #tokens = new Map<string, Issued>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs: number = REPLY_TOKEN_TTL_MS,
  ) {}

  /**
   * A fresh token for the user's next event. Tests that build their own webhook events pass the event's
   * token to have it issued as it is; issuing a token that is already out changes nothing (a redelivered
   * event carries the same token).
   */
  issue(userId: string, token: string = hexToken()): string {
    this.#forgetOld();
    if (!this.#tokens.has(token)) this.#tokens.set(token, { userId, issuedAt: this.now(), used: false });
    return token;
  }

  /** Spends the token; every later use fails, as does a use after the TTL. */
  redeem(token: string): Redeemed {
    const issued = this.#tokens.get(token);
    if (!issued) return { ok: false, reason: "unknown" };
    if (issued.used) return { ok: false, reason: "used", userId: issued.userId };
    if (this.now() - issued.issuedAt > this.ttlMs)
      return { ok: false, reason: "expired", userId: issued.userId };
    issued.used = true;
    return { ok: true, userId: issued.userId };
  }

  /** Whose chat a token belongs to, spent or not (to show a rejected reply in the right chat). */
  ownerOf(token: string): string | undefined {
    return this.#tokens.get(token)?.userId;
  }

  #forgetOld(): void {
    const cutoff = this.now() - FORGET_AFTER_MS;
    for (const [token, issued] of this.#tokens) {
      if (issued.issuedAt >= cutoff) break; // insertion order = issue order
      this.#tokens.delete(token);
    }
  }
}
