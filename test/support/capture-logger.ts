import { Writable } from "node:stream";
import { createLogger } from "../../bot/logger.ts";

/** The app's logger (bot/logger.ts, masking included) writing to lines the test can read back. */
export function captureLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger({ destination, level: "debug" }) };
}
