import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Starts one redis-server for the run (skipped with a message when it is not installed).
    globalSetup: ["test/setup/redis.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
