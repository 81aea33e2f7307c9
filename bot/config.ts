import type { OcrChoice } from "../knowledge/ocr/reader.ts";
import { DEFAULT_KEEP_ALIVE_TIMEOUT_MS } from "./http-server.ts";

/**
 * Configuration from the environment, read and checked once at start-up. Every wrong value is reported
 * with its variable name and what is expected, all at once, so a deploy fails with one clear message.
 */

export interface Config {
  port: number;
  /** "line": real credentials were given. "local": none were, the local simulator stands in for LINE. */
  mode: "line" | "local";
  channelSecret: string;
  channelAccessToken: string;
  /** Where the Messaging API is (LINE's by default; a local stand-in in tests and local mode). */
  lineApiBaseUrl: string;
  lineDataApiBaseUrl: string;
  /** Overrides the Q&A community link of the knowledge data. */
  qaCommunityUrl: string | undefined;
  /** REDIS_URL: shared sessions, de-duplication and user locks; unset = in memory, one instance. */
  redisUrl: string | undefined;
  /**
   * LINE_PUSH_FALLBACK=1: when LINE refuses an expired reply token, push the answer instead. Pushes
   * count toward the monthly message quota, so it is off unless asked for.
   */
  pushFallback: boolean;
  /**
   * MAX_CONCURRENT_EVENTS: events handled at the same time (each mostly waiting for its LINE call); the
   * others wait their turn in arrival order. Bounds memory and open connections to LINE under a burst.
   */
  maxConcurrentEvents: number;
  /**
   * EVENT_CLAIM_IDLE_MS (Redis only): an event whose instance has not signalled for this long (it died
   * or hangs) is taken over by another instance. Live instances signal every quarter of it.
   */
  claimIdleMs: number;
  /** LINE_REPLY_RETRY_SECONDS: how long a failing reply is retried (a reply token is valid 20 minutes). */
  replyWindowMs: number;
  /**
   * SHUTDOWN_GRACE_MS: on SIGTERM, how long events in progress may take to finish. After it, Redis mode
   * leaves them to the other instances; without Redis they are lost (logged and counted).
   */
  shutdownGraceMs: number;
  /**
   * KEEP_ALIVE_TIMEOUT_MS: how long an idle kept-alive connection stays open; longer than the load
   * balancer's idle timeout, so that the balancer, never the bot, closes it (bot/http-server.ts).
   */
  keepAliveTimeoutMs: number;
  /** OCR_ENGINE: how screenshots are read ("auto": Debian's tesseract CLI if installed, else tesseract.js). */
  ocrEngine: OcrChoice;
  /** OCR_CONCURRENCY: screenshots read at once per instance; the others wait in arrival order. */
  ocrConcurrency: number;
}

export const DEFAULT_PORT = 3000;
/** Two images at once keep a 2-core machine busy (tesseract with one thread each, OMP_THREAD_LIMIT=1). */
export const DEFAULT_OCR_CONCURRENCY = 2;
const OCR_CHOICES: readonly OcrChoice[] = ["auto", "tesseract", "tesseract.js", "off"];
export const DEFAULT_MAX_CONCURRENT_EVENTS = 64;
export const DEFAULT_CLAIM_IDLE_MS = 5_000;
/** Reply tokens live 20 minutes; retries stop 2 minutes before (clock skew, the last attempt's trip). */
export const DEFAULT_REPLY_RETRY_SECONDS = 18 * 60;
/** Under the 25 s after which bot/main.ts exits regardless, and docker stop's -t 30. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 20_000;
export const LINE_API_BASE_URL = "https://api.line.me";
export const LINE_DATA_API_BASE_URL = "https://api-data.line.me";

/** Local mode signs and authorises with these; they open nothing outside this machine. */
export const LOCAL_CHANNEL_SECRET = "local-dev-channel-secret";
export const LOCAL_CHANNEL_ACCESS_TOKEN = "local-dev-channel-access-token";

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    // One problem, one line: what a deploy log shows first should be the variable to set.
    super(
      problems.length === 1
        ? `Invalid configuration: ${problems[0]}`
        : `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.name = "ConfigError";
  }
}

/** links.yaml ships a placeholder for the Q&A community (its real address is not known yet). */
export function isPlaceholderUrl(url: string): boolean {
  return URL.canParse(url) && new URL(url).hostname.endsWith(".invalid");
}

/**
 * The Q&A community is where every escalation sends the user. In production a placeholder there would
 * send real users to a dead link, silently: refused at start-up, naming the variable that fixes it.
 * `dataUrl` is the url of `qa-community` in knowledge/data/links.yaml.
 */
export function checkQaCommunityUrl(config: Pick<Config, "mode" | "qaCommunityUrl">, dataUrl: string): void {
  if (config.mode !== "line" || config.qaCommunityUrl || !isPlaceholderUrl(dataUrl)) return;
  throw new ConfigError([
    `QA_COMMUNITY_URL is not set and knowledge/data/links.yaml still holds the placeholder ${new URL(dataUrl).hostname}: set QA_COMMUNITY_URL to the https:// address of the Q&A community`,
  ]);
}

type Env = Record<string, string | undefined>;

export function readConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined; // an empty variable counts as unset
  };

  const port = readPort(get("PORT"), problems);
  const secret = get("LINE_CHANNEL_SECRET");
  const token = get("LINE_CHANNEL_ACCESS_TOKEN");
  if (secret && !token)
    problems.push(
      "LINE_CHANNEL_ACCESS_TOKEN is not set but LINE_CHANNEL_SECRET is: set both, or neither for local mode",
    );
  if (token && !secret)
    problems.push(
      "LINE_CHANNEL_SECRET is not set but LINE_CHANNEL_ACCESS_TOKEN is: set both, or neither for local mode",
    );
  for (const [name, value] of [
    ["LINE_CHANNEL_SECRET", secret],
    ["LINE_CHANNEL_ACCESS_TOKEN", token],
  ] as const)
    if (value && /\s/.test(value))
      problems.push(`${name} contains whitespace: paste it again without spaces or line breaks`);

  const lineApiBaseUrl = readBaseUrl(
    "LINE_API_BASE_URL",
    get("LINE_API_BASE_URL"),
    LINE_API_BASE_URL,
    problems,
  );
  const lineDataApiBaseUrl = readBaseUrl(
    "LINE_DATA_API_BASE_URL",
    get("LINE_DATA_API_BASE_URL"),
    LINE_DATA_API_BASE_URL,
    problems,
  );
  const qaCommunityUrl = readUrl("QA_COMMUNITY_URL", get("QA_COMMUNITY_URL"), problems);
  const redisUrl = readRedisUrl(get("REDIS_URL"), problems);
  const pushFallback = readSwitch("LINE_PUSH_FALLBACK", get("LINE_PUSH_FALLBACK"), problems);
  const maxConcurrentEvents = readCount(
    "MAX_CONCURRENT_EVENTS",
    get("MAX_CONCURRENT_EVENTS"),
    DEFAULT_MAX_CONCURRENT_EVENTS,
    problems,
  );

  const claimIdleMs = readCount(
    "EVENT_CLAIM_IDLE_MS",
    get("EVENT_CLAIM_IDLE_MS"),
    DEFAULT_CLAIM_IDLE_MS,
    problems,
  );
  const replySeconds = readCount(
    "LINE_REPLY_RETRY_SECONDS",
    get("LINE_REPLY_RETRY_SECONDS"),
    DEFAULT_REPLY_RETRY_SECONDS,
    problems,
  );
  if (replySeconds > 20 * 60)
    problems.push(
      `LINE_REPLY_RETRY_SECONDS must be at most 1200: a reply token is valid 20 minutes (got "${replySeconds}")`,
    );
  const shutdownGraceMs = readCount(
    "SHUTDOWN_GRACE_MS",
    get("SHUTDOWN_GRACE_MS"),
    DEFAULT_SHUTDOWN_GRACE_MS,
    problems,
  );
  const keepAliveTimeoutMs = readCount(
    "KEEP_ALIVE_TIMEOUT_MS",
    get("KEEP_ALIVE_TIMEOUT_MS"),
    DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
    problems,
  );

  const ocrEngine = (get("OCR_ENGINE") ?? "auto") as OcrChoice;
  if (!OCR_CHOICES.includes(ocrEngine))
    problems.push(`OCR_ENGINE must be one of ${OCR_CHOICES.join(", ")} (got "${ocrEngine}")`);
  const ocrConcurrency = readCount(
    "OCR_CONCURRENCY",
    get("OCR_CONCURRENCY"),
    DEFAULT_OCR_CONCURRENCY,
    problems,
  );

  if (problems.length > 0) throw new ConfigError(problems);
  const local = !secret && !token;
  return {
    port,
    mode: local ? "local" : "line",
    channelSecret: secret ?? LOCAL_CHANNEL_SECRET,
    channelAccessToken: token ?? LOCAL_CHANNEL_ACCESS_TOKEN,
    lineApiBaseUrl,
    lineDataApiBaseUrl,
    qaCommunityUrl,
    redisUrl,
    pushFallback,
    maxConcurrentEvents,
    claimIdleMs,
    replyWindowMs: replySeconds * 1_000,
    shutdownGraceMs,
    keepAliveTimeoutMs,
    ocrEngine,
    ocrConcurrency,
  };
}

function readCount(name: string, value: string | undefined, fallback: number, problems: string[]): number {
  if (value === undefined) return fallback;
  const n = /^\d{1,6}$/.test(value) ? Number(value) : 0;
  if (n < 1) problems.push(`${name} must be a whole number of at least 1 (got "${value}")`);
  return n < 1 ? fallback : n;
}

function readPort(value: string | undefined, problems: string[]): number {
  if (value === undefined) return DEFAULT_PORT;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) {
    problems.push(`PORT must be a whole number from 0 to 65535 (got "${value}")`);
    return DEFAULT_PORT;
  }
  return port;
}

function readUrl(name: string, value: string | undefined, problems: string[]): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`${name} must be an absolute http(s) URL (got "${value}")`);
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    problems.push(`${name} must start with https:// or http:// (got "${value}")`);
    return undefined;
  }
  return value;
}

/** The SDK builds request URLs with `new URL(path, base)`, which drops any path of the base: refuse one. */
function readBaseUrl(name: string, value: string | undefined, fallback: string, problems: string[]): string {
  if (value === undefined) return fallback;
  const url = readUrl(name, value, problems);
  if (url === undefined) return fallback;
  const parsed = new URL(url);
  if (parsed.pathname !== "/" || parsed.search || parsed.hash) {
    problems.push(
      `${name} must be just scheme, host and port, like http://127.0.0.1:8080 (got "${value}"; the LINE SDK ignores any path)`,
    );
    return fallback;
  }
  return parsed.origin;
}

/** redis://[user:password@]host[:port][/db] or rediss:// (TLS); the password is never repeated in messages. */
function readRedisUrl(value: string | undefined, problems: string[]): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push("REDIS_URL must be a URL like redis://host:6379/0 or rediss://host:6380");
    return undefined;
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") {
    problems.push(`REDIS_URL must start with redis:// or rediss:// (got ${url.protocol}//)`);
    return undefined;
  }
  if (!url.hostname) {
    problems.push("REDIS_URL has no host (expected redis://host:6379/0)");
    return undefined;
  }
  if (url.pathname !== "" && url.pathname !== "/" && !/^\/\d{1,2}$/.test(url.pathname)) {
    problems.push("REDIS_URL may only name a database number as its path, like redis://host:6379/0");
    return undefined;
  }
  return value;
}

/** 1/true/yes/on or 0/false/no/off; unset is off. */
function readSwitch(name: string, value: string | undefined, problems: string[]): boolean {
  if (value === undefined) return false;
  const v = value.toLowerCase();
  if (["1", "true", "yes", "on"].includes(v)) return true;
  if (["0", "false", "no", "off"].includes(v)) return false;
  problems.push(`${name} must be 1 or 0 (got "${value}")`);
  return false;
}
