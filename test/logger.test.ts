import { describe, expect, it } from "vitest";
import { idTag } from "../bot/line-ids.ts";
import { maskPii } from "../knowledge/pii.ts";
import { captureLogger } from "./support/capture-logger.ts";

describe("logger", () => {
  it("masks personal data in messages, nested fields and errors without the caller doing anything", () => {
    const { lines, logger } = captureLogger();
    logger.info(
      { user: { text: "call 090-1234-5678" }, list: ["taro@example.com"] },
      "from hanako@example.jp",
    );
    logger.error({ err: new Error("card 4111 1111 1111 1111 refused") }, "failed");
    const all = lines.join("\n");
    for (const canary of ["090-1234-5678", "taro@", "hanako@", "4111 1111 1111 1111"])
      expect(all).not.toContain(canary);
    expect(all).toContain("t***@example.com");
    expect(all).toContain("h***@example.jp");
  });

  it("masks fields bound to child loggers (request and event context), at every level of children", () => {
    const { lines, logger } = captureLogger();
    const request = logger.child({ requestId: "req-1", from: "taro@example.com" });
    const event = request.child(
      { eventId: "01EV", note: "tel 03-1234-5678" },
      { msgPrefix: "[hanako@example.jp] " },
    );
    event.info("handled");
    const line = JSON.parse(lines[0]!) as Record<string, string>;
    expect(line).toMatchObject({ requestId: "req-1", eventId: "01EV", msg: "[h***@example.jp] handled" });
    for (const canary of ["taro@", "03-1234-5678", "hanako@"]) expect(lines[0]).not.toContain(canary);
  });

  it("writes a line with nothing to mask as it would a copy of it, and still copies what it masks", () => {
    const { lines, logger } = captureLogger();
    const turn = {
      event: "message",
      user: idTag(`U${"ab".repeat(16)}`),
      intents: ["showMenu"],
      n: 2,
      sent: true,
    };
    logger.info(turn, "turn");
    logger.info({ ...turn, intents: [...turn.intents] }, "turn");
    // The same line but for its timestamp, which may tick between the two calls (a clean-clone CI run saw it).
    const untimed = (line: string | undefined) => line?.replace(/^\{"level":30,"time":\d+,/, "{");
    expect(untimed(lines[0])).toBe(untimed(lines[1]));
    expect(untimed(lines[0])).toContain('"intents":["showMenu"]');
    const mixed = {
      event: "message",
      nested: { ok: "plain", text: "mail taro@example.com" },
      list: ["a", "tel 03-1234-5678"],
    };
    logger.info(mixed, "mixed");
    expect(lines[2]).toContain("t***@example.com");
    expect(lines[2]).not.toContain("03-1234-5678");
    expect(mixed.nested.text).toBe("mail taro@example.com"); // the caller's object is never changed
    logger.info({ at: new Date(0), list: Object.assign(["x"], { extra: 1 }) }, "not plain");
    expect(JSON.parse(lines[3]!)).toMatchObject({ at: {}, list: ["x"] });
    expect(JSON.parse(lines[3]!).at).toEqual({}); // a Date as its own fields (none), as before
  });

  it("cuts long strings so a paste cannot flood the log", () => {
    const { lines, logger } = captureLogger();
    logger.info({ text: "x".repeat(50_000) }, "long");
    expect(lines[0]!.length).toBeLessThan(3_000);
  });

  it("leaves plain words as they are and still masks anything a secret or number could hide in", () => {
    const { lines, logger } = captureLogger();
    logger.info(
      { state: "advice.open", intents: ["showDiagnosis"], a: "password:Hunter", b: "09012345678" },
      "turn",
    );
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ state: "advice.open", intents: ["showDiagnosis"], msg: "turn" });
    expect(lines[0]).not.toContain("Hunter");
    expect(lines[0]).not.toContain("09012345678");
  });

  it("writes users' ID tags as they are, which the masker would leave unchanged too", () => {
    const { lines, logger } = captureLogger();
    logger.info({ user: idTag(`U${"0".repeat(26)}3fa2c1`), other: "U…090-1234-5678" }, "turn");
    expect(JSON.parse(lines[0]!)).toMatchObject({ user: "U…3fa2c1" });
    expect(lines[0]).not.toContain("1234-5678"); // not the shape of a tag: masked as before
  });

  it("skips only what the masker cannot change: every tag of six digits, and hex tags, pass it unchanged", () => {
    // The logger's fast path for ID tags is safe only while this holds; digits are what the masker reads.
    for (let i = 0; i < 1_000_000; i += 7) {
      const tag = `U…${String(i).padStart(6, "0")}`;
      expect(maskPii(tag)).toBe(tag);
    }
    for (const tag of ["U…abcdef", "C…0a1b2c", "R…ffffff", "U…090123"]) expect(maskPii(tag)).toBe(tag);
  });
});
