import { describe, expect, it } from "vitest";
import { ConfigError, LOCAL_CHANNEL_SECRET, readConfig } from "../bot/config.ts";

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
    });
  });

  it("runs in LINE mode with both credentials, and reads every variable", () => {
    const config = readConfig({
      ...creds,
      PORT: "8080",
      LINE_API_BASE_URL: "http://127.0.0.1:9000/",
      LINE_DATA_API_BASE_URL: "http://127.0.0.1:9001",
      QA_COMMUNITY_URL: "https://qa.example.net/community",
    });
    expect(config).toMatchObject({
      mode: "line",
      port: 8080,
      channelSecret: "s3cret",
      channelAccessToken: "t0ken",
      lineApiBaseUrl: "http://127.0.0.1:9000",
      lineDataApiBaseUrl: "http://127.0.0.1:9001",
      qaCommunityUrl: "https://qa.example.net/community",
    });
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
  ])("refuses %j: %s", (env, message) => {
    expect(problemsOf(env).join("\n")).toContain(message);
  });

  it("reports every wrong value at once", () => {
    const problems = problemsOf({ PORT: "x", LINE_API_BASE_URL: "y", LINE_CHANNEL_SECRET: "s" });
    expect(problems).toHaveLength(3);
  });
});
