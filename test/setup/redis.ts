import type { TestProject } from "vitest/node";
import { findRedisServer, isCi, MISSING_REDIS, startRedisServer } from "../helpers/redis-server.ts";

/**
 * One redis-server for the whole test run; test files get its URL with inject("redisUrl") and isolate
 * themselves with their own key prefix. Without the binary the Redis tests skip (they say so), except
 * in CI, where that would hide a broken setup.
 */
export default async function setup(project: TestProject) {
  if (!findRedisServer()) {
    if (isCi()) throw new Error(`${MISSING_REDIS} — and CI is set, so this is a failure`);
    console.warn(`\n⚠ ${MISSING_REDIS}\n`);
    project.provide("redisUrl", "");
    return;
  }
  const server = await startRedisServer();
  project.provide("redisUrl", server.url);
  return async () => {
    await server.dispose();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    /** "" when redis-server is not installed. */
    redisUrl: string;
  }
}
