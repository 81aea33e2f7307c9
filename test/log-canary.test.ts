import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, logger } from "../bot/logger.ts";
import { buildApp, postEvents } from "./support/bot-app.ts";
import { CANARIES, CANARY_FRAGMENTS, canaryPaste } from "./support/canaries.ts";
import { textEvent, userId } from "./support/line-events.ts";
import { loggedLines } from "./support/log-sink.ts";
import { blockNetwork, interceptLine, restoreNetwork } from "./support/nock-line.ts";

/**
 * The suite-wide personal-data check (test/setup/log-canary.ts) only means something if it sees the
 * lines: these tests prove that every way the app logs reaches it, and that a canary in a log line
 * would be caught in its masked form only.
 */

describe("the suite-wide log canary check", () => {
  it("sees the default logger and loggers made with createLogger, which still write to their destination", () => {
    const written: string[] = [];
    const destination = new Writable({
      write(chunk, _enc, done) {
        written.push(String(chunk));
        done();
      },
    });
    const before = loggedLines().length;
    logger.info({ probe: "default" }, "canary-check default logger");
    createLogger({ destination }).info({ probe: "own" }, "canary-check own logger");
    const seen = loggedLines().slice(before).join("\n");
    expect(seen).toContain("canary-check default logger");
    expect(seen).toContain("canary-check own logger");
    expect(written.join("")).toContain("canary-check own logger");
  });

  it("sees canaries that a logger is handed only masked", () => {
    const before = loggedLines().length;
    logger.warn({ text: `write to ${CANARIES.email}`, phone: CANARIES.phone }, `card ${CANARIES.card}`);
    const line = loggedLines().slice(before).join("\n");
    expect(line).toContain("card");
    for (const fragment of CANARY_FRAGMENTS) expect(line).not.toContain(fragment);
  });

  it("sees the app's own log lines for a webhook with canaries around a paste", async () => {
    blockNetwork();
    interceptLine();
    try {
      const { app } = buildApp();
      const before = loggedLines().length;
      await postEvents(app, [
        textEvent(userId(0xca7), canaryPaste("552 5.2.2 <x@example.com>: Mailbox full")),
      ]);
      const lines = loggedLines().slice(before);
      expect(lines.some((l) => l.includes('"msg":"turn"'))).toBe(true);
    } finally {
      restoreNetwork();
    }
  });

  it("sees the turns of typed questions, upset words, 「もしかして」 and the profile lookup, without canaries", async () => {
    blockNetwork();
    interceptLine();
    try {
      const { app } = buildApp();
      const before = loggedLines().length;
      const user = userId(0xca8);
      await postEvents(app, [
        textEvent(user, `${CANARIES.email} に送ったメールは何MBまで送れますか？`),
        textEvent(user, `急いでます！ ${CANARIES.phone} に電話してください`),
        textEvent(user, `アドレスについて ${CANARIES.card}`),
        textEvent(user, `What does that mean? my password is ${CANARIES.passwordEn}`),
      ]);
      const lines = loggedLines().slice(before);
      expect(lines.filter((l) => l.includes('"msg":"turn"'))).toHaveLength(4);
      const all = lines.join("\n");
      for (const fragment of CANARY_FRAGMENTS) expect(all).not.toContain(fragment);
    } finally {
      restoreNetwork();
    }
  });
});
