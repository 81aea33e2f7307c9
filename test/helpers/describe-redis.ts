import { describe } from "vitest";
import { findRedisServer, isCi, MISSING_REDIS } from "./redis-server.ts";

/**
 * A describe block for a file that runs its own redis-server (it stops it, or needs it to itself):
 * without the binary it is skipped and says why, except in CI, where it runs and fails.
 */
export function describeWithOwnRedis(name: string, body: () => void): void {
  const available = Boolean(findRedisServer()) || isCi();
  describe.skipIf(!available)(available ? name : `${name} (skipped: ${MISSING_REDIS})`, body);
}
