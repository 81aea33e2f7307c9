import { afterAll, expect, vi } from "vitest";
import { CANARY_FRAGMENTS } from "../support/canaries.ts";
import { loggedLines } from "../support/log-sink.ts";

/**
 * Issue #5: "no personal-data canary in any log line of the whole test suite". Every logger the app
 * creates, in every test file, writes through here: its lines are kept (and still go where the test
 * sent them), and after the file's tests none of them may contain a canary. Bot processes spawned by
 * tests add their output through test/support/bot-process.ts. The app's default logger only records
 * during tests, so test output stays readable.
 */
vi.mock("../../bot/logger.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../bot/logger.ts")>();
  const { recordLogs } = await import("../support/log-sink.ts");
  type Options = Parameters<typeof real.createLogger>[0];
  const createLogger = (options: Options = {}) => {
    const target = options.destination;
    const destination = {
      write(line: string) {
        recordLogs(line);
        target?.write(line);
      },
    };
    return real.createLogger({ ...options, destination });
  };
  return { ...real, createLogger, logger: createLogger() };
});

afterAll(() => {
  const leaks = loggedLines().flatMap((line) =>
    CANARY_FRAGMENTS.filter((fragment) => line.includes(fragment)).map((fragment) => ({ fragment, line })),
  );
  expect(leaks, "personal-data canaries in log lines").toEqual([]);
});
