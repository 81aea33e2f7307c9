/**
 * LINE's ID formats. @line/bot-sdk 11.0.0 puts IDs into URL paths without encoding them, so an ID from a
 * webhook is checked before it reaches any SDK call (a "userId" of "../message/quota" would otherwise
 * call another endpoint).
 */
export const isUserId = (id: unknown): id is string => typeof id === "string" && /^U[0-9a-f]{32}$/.test(id);
export const isGroupId = (id: unknown): id is string => typeof id === "string" && /^C[0-9a-f]{32}$/.test(id);
export const isRoomId = (id: unknown): id is string => typeof id === "string" && /^R[0-9a-f]{32}$/.test(id);
export const isMessageId = (id: unknown): id is string => typeof id === "string" && /^\d{1,30}$/.test(id);

/** A short, stable tag of an ID for logs: enough to follow one user through the log, not the whole ID. */
export function idTag(id: string | undefined): string {
  return id ? `${id.slice(0, 1)}…${id.slice(-6)}` : "-";
}
