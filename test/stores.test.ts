import { randomUUID } from "node:crypto";
import { describe, inject } from "vitest";
import { createStores } from "../dialogs/stores/index.ts";
import { MISSING_REDIS } from "./helpers/redis-server.ts";
import { storeSuite } from "./helpers/store-suite.ts";

describe("memory stores", () => {
  storeSuite({ shared: false, create: (options) => createStores({ ...options }) });
});

const redisUrl = inject("redisUrl");

describe.skipIf(!redisUrl)(redisUrl ? "redis stores" : `redis stores (skipped: ${MISSING_REDIS})`, () => {
  // One prefix per suite run: other test files use the same server at the same time.
  const keyPrefix = `suite-${randomUUID()}:`;
  storeSuite({ shared: true, create: (options) => createStores({ redisUrl, keyPrefix, ...options }) });
});
