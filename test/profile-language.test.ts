import nock from "nock";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { LINE_API_BASE_URL } from "../bot/config.ts";
import { languageOfProfile } from "../bot/line-client.ts";
import { buildApp, postEvents } from "./support/bot-app.ts";
import { textsOf } from "./support/harness.ts";
import { followEvent, textEvent, userId } from "./support/line-events.ts";
import { metricValue } from "./support/metrics.ts";
import { interceptLineInEachTest } from "./support/nock-line.ts";

/**
 * The user's LINE language (Get Profile `language`), read on follow or the first message of a session,
 * once: an English LINE is greeted in English before the user types anything; a failed lookup (blocked
 * user, LINE down, a timeout) costs at most a second, is counted, and leaves Japanese.
 */

const line = interceptLineInEachTest();
const profileCalls = () => line.calls.filter((c) => c.path.startsWith("/v2/bot/profile/"));
const lastReply = () => textsOf(line.replies().at(-1)!.body.messages as unknown[]).join("\n");

describe("the user's LINE language", () => {
  it("greets a user whose LINE is in English in English, and reads the profile once per session", async () => {
    line.profileAnswers({ status: 200, language: "en" });
    const { app } = buildApp();
    await postEvents(app, [followEvent(userId(1))]);
    expect(lastReply()).toContain("Hello!");
    expect(profileCalls().map((c) => c.path)).toEqual([`/v2/bot/profile/${userId(1)}`]);
    await postEvents(app, [textEvent(userId(1), "Mailbox full")]);
    expect(lastReply()).toContain("Was this helpful?");
    expect(profileCalls()).toHaveLength(1);
    // Typing Japanese still switches to Japanese.
    await postEvents(app, [textEvent(userId(1), "メニュー")]);
    expect(lastReply()).toContain("エラーメールの文面を貼り付けるか");
  });

  it("reads it on the first message too, when the user never sent follow", async () => {
    line.profileAnswers({ status: 200, language: "en-US" });
    const { app } = buildApp();
    await postEvents(app, [textEvent(userId(2), "550 5.1.1 User unknown")]);
    expect(lastReply()).toContain("Was this helpful?");
  });

  it("stays Japanese for a Japanese LINE, another language or none given", async () => {
    for (const [i, language] of [["ja"], ["ko"], [undefined]].entries()) {
      line.profileAnswers({ status: 200, ...(language[0] && { language: language[0] }) });
      const { app } = buildApp();
      await postEvents(app, [followEvent(userId(10 + i))]);
      expect(lastReply()).toContain("こんにちは！");
    }
  });

  it("falls back to Japanese when the profile cannot be read, and counts the error", async () => {
    line.profileAnswers({ status: 404 });
    const { app } = buildApp();
    await postEvents(app, [followEvent(userId(20))]);
    expect(lastReply()).toContain("こんにちは！");
    const metrics = (await request(app).get("/metrics")).text;
    expect(metricValue(metrics, "bounce_bot_line_api_errors_total", { call: "profile", status: "404" })).toBe(
      1,
    );
  });

  it("gives up on a profile that does not come within the timeout, and answers in Japanese", async () => {
    nock.cleanAll();
    const replies: unknown[] = [];
    nock(LINE_API_BASE_URL)
      .get(/\/v2\/bot\/profile\/.*/)
      .delay(5_000)
      .reply(200, { language: "en" });
    nock(LINE_API_BASE_URL)
      .post("/v2/bot/message/reply")
      .reply(async (req) => {
        replies.push(await req.json());
        return [200, { sentMessages: [] }];
      });
    const { app } = buildApp({ lineTuning: { timeoutMs: 1_000, profileTimeoutMs: 200, baseDelayMs: 5 } });
    const started = Date.now();
    await postEvents(app, [followEvent(userId(30))]);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(textsOf([replies[0]]).join("\n")).toContain("こんにちは！");
    const metrics = (await request(app).get("/metrics")).text;
    expect(
      metricValue(metrics, "bounce_bot_line_api_errors_total", { call: "profile", status: "timeout" }),
    ).toBe(1);
  });

  it("maps BCP 47 tags to the assistant's languages", () => {
    expect(["en", "en-GB", "EN", "ja", "ja-JP", "ko", "", undefined].map(languageOfProfile)).toEqual([
      "en",
      "en",
      "en",
      "ja",
      "ja",
      undefined,
      undefined,
      undefined,
    ]);
  });
});
