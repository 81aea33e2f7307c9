import nock from "nock";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { LINE_API_BASE_URL } from "../../bot/config.ts";

/** LINE's Messaging API intercepted by nock (pinned 15.0.0, see line-platform.md §6); records every call. */
export interface Call {
  path: string;
  body: Record<string, unknown>;
  auth: string | undefined;
}

/** Replaces any earlier interception, so each test reads only its own calls. */
export function interceptLine() {
  nock.cleanAll();
  const calls: Call[] = [];
  let replyStatus = 200;
  let profile: { status: number; language?: string } = { status: 200, language: "ja" };
  nock(LINE_API_BASE_URL)
    .persist()
    .get(/\/v2\/bot\/profile\/.*/)
    .reply((req) => {
      const path = new URL(req.url).pathname;
      calls.push({ path, body: {}, auth: req.headers.get("authorization") ?? undefined });
      const userId = path.split("/").at(-1);
      return profile.status === 200
        ? [200, { userId, displayName: "テスト", ...(profile.language && { language: profile.language }) }]
        : [profile.status, { message: "Not found" }];
    });
  nock(LINE_API_BASE_URL)
    .persist()
    .post(/\/v2\/bot\/.*/)
    .reply(async (req) => {
      const path = new URL(req.url).pathname;
      const body = (await req.json()) as Record<string, unknown>;
      calls.push({ path, body, auth: req.headers.get("authorization") ?? undefined });
      if (path === "/v2/bot/chat/loading/start") return [202, {}];
      return replyStatus === 200
        ? [200, { sentMessages: [] }]
        : [replyStatus, { message: "Invalid reply token" }];
    });
  return {
    calls,
    replies: () => calls.filter((c) => c.path === "/v2/bot/message/reply"),
    failRepliesWith(status: number) {
      replyStatus = status;
    },
    /** What Get Profile answers: the user's LINE language (undefined: none given), or an error status. */
    profileAnswers(answer: { status: number; language?: string }) {
      profile = answer;
    },
  };
}

/** Supertest talks to the app over loopback; everything else must be intercepted. */
export function blockNetwork() {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
}

export function restoreNetwork() {
  nock.cleanAll();
  nock.enableNetConnect();
}

export type LineInterception = ReturnType<typeof interceptLine>;

/**
 * For a whole test file: the network blocked (loopback aside) and LINE intercepted afresh for each test.
 * The returned object always reads the current test's calls.
 */
export function interceptLineInEachTest(): LineInterception {
  let current: LineInterception | undefined;
  const now = () => {
    if (!current) throw new Error("LINE is intercepted inside tests only");
    return current;
  };
  beforeAll(blockNetwork);
  afterAll(restoreNetwork);
  beforeEach(() => {
    current = interceptLine();
  });
  afterEach(() => {
    nock.cleanAll();
  });
  return {
    get calls() {
      return now().calls;
    },
    replies: () => now().replies(),
    failRepliesWith: (status) => now().failRepliesWith(status),
    profileAnswers: (answer) => now().profileAnswers(answer),
  };
}
