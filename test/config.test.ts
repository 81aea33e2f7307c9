import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigError, checkQaCommunityUrl, LOCAL_CHANNEL_SECRET, readConfig } from "../bot/config.ts";
import { loadKnowledge } from "../knowledge/knowledge.ts";
import { NPM_START_ARGS, NPM_START_ENV } from "./support/bot-process.ts";

const creds = { LINE_CHANNEL_SECRET: "s3cret", LINE_CHANNEL_ACCESS_TOKEN: "t0ken" };

function problemsOf(env: Record<string, string>): string[] {
  try {
    readConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe("readConfig", () => {
  it("defaults to local mode on port 3000 against LINE's API", () => {
    expect(readConfig({})).toEqual({
      port: 3000,
      mode: "local",
      channelSecret: LOCAL_CHANNEL_SECRET,
      channelAccessToken: expect.any(String),
      lineApiBaseUrl: "https://api.line.me",
      lineDataApiBaseUrl: "https://api-data.line.me",
      qaCommunityUrl: undefined,
      redisUrl: undefined,
      pushFallback: false,
      maxConcurrentEvents: 64,
      claimIdleMs: 5_000,
      replyWindowMs: 18 * 60_000,
      shutdownGraceMs: 20_000,
      keepAliveTimeoutMs: 65_000,
      ocrEngine: "auto",
      ocrConcurrency: 2,
    });
  });

  it("reads the OCR route and how many screenshots are read at once", () => {
    expect(readConfig({ OCR_ENGINE: "tesseract.js", OCR_CONCURRENCY: "3" })).toMatchObject({
      ocrEngine: "tesseract.js",
      ocrConcurrency: 3,
    });
    expect(() => readConfig({ OCR_ENGINE: "paddle" })).toThrow(/OCR_ENGINE must be one of auto, tesseract/);
    expect(() => readConfig({ OCR_CONCURRENCY: "0" })).toThrow(/OCR_CONCURRENCY must be a whole number/);
  });

  it("runs in LINE mode with both credentials, and reads every variable", () => {
    const config = readConfig({
      ...creds,
      PORT: "8080",
      LINE_API_BASE_URL: "http://127.0.0.1:9000/",
      LINE_DATA_API_BASE_URL: "http://127.0.0.1:9001",
      QA_COMMUNITY_URL: "https://qa.example.net/community",
      REDIS_URL: "redis://:pw@redis.internal:6379/2",
      LINE_PUSH_FALLBACK: "1",
    });
    expect(config).toMatchObject({
      mode: "line",
      port: 8080,
      channelSecret: "s3cret",
      channelAccessToken: "t0ken",
      lineApiBaseUrl: "http://127.0.0.1:9000",
      lineDataApiBaseUrl: "http://127.0.0.1:9001",
      qaCommunityUrl: "https://qa.example.net/community",
      redisUrl: "redis://:pw@redis.internal:6379/2",
      pushFallback: true,
    });
  });

  it.each([
    ["redis://127.0.0.1:6379", true],
    ["rediss://cache.example.net:6380/0", true],
    ["redis://localhost", true],
  ])("accepts REDIS_URL %s", (url, ok) => {
    expect(readConfig({ REDIS_URL: url }).redisUrl === url).toBe(ok);
  });

  it("reads LINE_PUSH_FALLBACK as a switch, off by default", () => {
    expect(readConfig({}).pushFallback).toBe(false);
    expect(readConfig({ LINE_PUSH_FALLBACK: "0" }).pushFallback).toBe(false);
    expect(readConfig({ LINE_PUSH_FALLBACK: "true" }).pushFallback).toBe(true);
  });

  it("reads MAX_CONCURRENT_EVENTS as a count of at least 1", () => {
    expect(readConfig({ MAX_CONCURRENT_EVENTS: "200" }).maxConcurrentEvents).toBe(200);
  });

  it("reads the delivery timings: takeover idle time, reply retry window, shutdown grace", () => {
    expect(
      readConfig({ EVENT_CLAIM_IDLE_MS: "800", LINE_REPLY_RETRY_SECONDS: "90", SHUTDOWN_GRACE_MS: "3000" }),
    ).toMatchObject({ claimIdleMs: 800, replyWindowMs: 90_000, shutdownGraceMs: 3_000 });
  });

  it("never repeats a Redis password in its messages", () => {
    const problems = problemsOf({ REDIS_URL: "http://user:hunter2@redis:6379" }).join("\n");
    expect(problems).toContain("REDIS_URL must start with redis:// or rediss://");
    expect(problems).not.toContain("hunter2");
  });

  it("treats empty variables as unset", () => {
    expect(readConfig({ LINE_CHANNEL_SECRET: "", LINE_CHANNEL_ACCESS_TOKEN: " ", PORT: "" }).mode).toBe(
      "local",
    );
  });

  it.each([
    [{ LINE_CHANNEL_SECRET: "s" }, "LINE_CHANNEL_ACCESS_TOKEN is not set but LINE_CHANNEL_SECRET is"],
    [{ LINE_CHANNEL_ACCESS_TOKEN: "t" }, "LINE_CHANNEL_SECRET is not set but LINE_CHANNEL_ACCESS_TOKEN is"],
    [{ ...creds, LINE_CHANNEL_SECRET: "two words" }, "LINE_CHANNEL_SECRET contains whitespace"],
    [{ PORT: "http" }, 'PORT must be a whole number from 0 to 65535 (got "http")'],
    [{ PORT: "70000" }, "PORT must be a whole number"],
    [{ PORT: "-1" }, "PORT must be a whole number"],
    [{ LINE_API_BASE_URL: "api.line.me" }, "LINE_API_BASE_URL must be an absolute http(s) URL"],
    [{ LINE_API_BASE_URL: "ftp://x" }, "LINE_API_BASE_URL must start with https:// or http://"],
    [{ LINE_API_BASE_URL: "http://127.0.0.1:9000/line" }, "the LINE SDK ignores any path"],
    [{ LINE_DATA_API_BASE_URL: "nope" }, "LINE_DATA_API_BASE_URL must be an absolute http(s) URL"],
    [{ QA_COMMUNITY_URL: "javascript:alert(1)" }, "QA_COMMUNITY_URL must start with https:// or http://"],
    [{ REDIS_URL: "localhost:6379" }, "REDIS_URL must start with redis:// or rediss://"],
    [{ REDIS_URL: "not a url" }, "REDIS_URL must be a URL like redis://host:6379/0"],
    [{ REDIS_URL: "redis://host:6379/sessions" }, "REDIS_URL may only name a database number"],
    [{ LINE_PUSH_FALLBACK: "maybe" }, 'LINE_PUSH_FALLBACK must be 1 or 0 (got "maybe")'],
    [{ MAX_CONCURRENT_EVENTS: "0" }, 'MAX_CONCURRENT_EVENTS must be a whole number of at least 1 (got "0")'],
    [{ MAX_CONCURRENT_EVENTS: "lots" }, "MAX_CONCURRENT_EVENTS must be a whole number of at least 1"],
    [{ LINE_REPLY_RETRY_SECONDS: "1500" }, "a reply token is valid 20 minutes"],
    [{ EVENT_CLAIM_IDLE_MS: "soon" }, "EVENT_CLAIM_IDLE_MS must be a whole number of at least 1"],
  ])("refuses %j: %s", (env, message) => {
    expect(problemsOf(env).join("\n")).toContain(message);
  });

  it("reports every wrong value at once", () => {
    const problems = problemsOf({ PORT: "x", LINE_API_BASE_URL: "y", LINE_CHANNEL_SECRET: "s" });
    expect(problems).toHaveLength(3);
  });
});

describe("the Q&A community link in production (QA_COMMUNITY_URL)", () => {
  const placeholder = loadKnowledge().links.get("qa-community")!.url;
  const check =
    (env: Record<string, string>, dataUrl = placeholder) =>
    () =>
      checkQaCommunityUrl(readConfig(env), dataUrl);

  it("links.yaml ships the placeholder this check is about", () => {
    expect(new URL(placeholder).hostname).toBe("qa-community.example.invalid");
  });

  it("refuses production mode with the placeholder and no QA_COMMUNITY_URL, in one line naming it", () => {
    let error: unknown;
    try {
      check(creds)();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).not.toContain("\n");
    expect(message).toContain("QA_COMMUNITY_URL is not set");
    expect(message).toContain("qa-community.example.invalid");
  });

  it("accepts production mode with QA_COMMUNITY_URL, or with a real address in links.yaml", () => {
    expect(check({ ...creds, QA_COMMUNITY_URL: "https://qa.example.net/c" })).not.toThrow();
    expect(check(creds, "https://qa.example.net/community")).not.toThrow();
  });

  it("lets local mode run with the placeholder (the simulator shows a note instead)", () => {
    expect(check({})).not.toThrow();
  });

  it("stops `npm start`'s program before it serves, with that one line", () => {
    const root = fileURLToPath(new URL("..", import.meta.url));
    const run = spawnSync(process.execPath, NPM_START_ARGS, {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        PORT: "0",
        ...NPM_START_ENV,
        ...creds,
        LINE_API_BASE_URL: "http://127.0.0.1:9",
      },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^Could not start: Invalid configuration: QA_COMMUNITY_URL is not set/),
    ]);
    expect(run.stdout).not.toContain("listening");
  }, 30_000);
});
