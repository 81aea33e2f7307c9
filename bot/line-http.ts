import http, { type Agent, type IncomingMessage } from "node:http";
import https from "node:https";
import { HTTPFetchError, type messagingApi } from "@line/bot-sdk";
import type { LineClient } from "./line-client.ts";

/**
 * The three Messaging API calls the bot makes for every event (reply, push, loading animation), sent
 * over a keep-alive node:http(s) agent. Same requests, answers and errors as the SDK's
 * MessagingApiClient (its request and response types, its HTTPFetchError with status, headers and body),
 * but without the WHATWG fetch machinery the SDK uses: measured with `npm run bench:webhook`, a reply
 * through the SDK costs about four times the CPU of this one, and LINE calls were most of the assistant's
 * CPU per event. The SDK's client stays in use for everything else (rich menu script, simulator).
 *
 * Unlike the SDK's fetch, a request here can be bounded: a socket idle for `socketTimeoutMs` is destroyed,
 * so calls that line-call.ts abandoned after its own timeout do not hold sockets for minutes.
 */

export interface LineHttpOptions {
  channelAccessToken: string;
  /** LINE_API_BASE_URL (scheme, host, port). */
  baseURL?: string;
  /** Connections kept to LINE (default 64: LINE allows 2,000 replies a second per channel). */
  maxSockets?: number;
  socketTimeoutMs?: number;
}

/** The connection failed (refused, reset, DNS, idle socket destroyed): no HTTP status to go by. */
export class LineNetworkError extends Error {
  constructor(
    readonly code: string,
    options: { cause: unknown },
  ) {
    super(`LINE API unreachable: ${code}`, options);
    this.name = "LineNetworkError";
  }
}

const USER_AGENT = "line-bounce-assistant";

export class LineHttpClient implements LineClient {
  private readonly base: URL;
  private readonly agent: Agent;
  private readonly secure: boolean;
  private readonly authorization: string;
  private readonly socketTimeoutMs: number;

  constructor(options: LineHttpOptions) {
    this.base = new URL(options.baseURL ?? "https://api.line.me");
    this.secure = this.base.protocol === "https:";
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 64 };
    this.agent = this.secure ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
    this.authorization = `Bearer ${options.channelAccessToken}`;
    this.socketTimeoutMs = options.socketTimeoutMs ?? 30_000;
  }

  replyMessage(request: messagingApi.ReplyMessageRequest): Promise<messagingApi.ReplyMessageResponse> {
    return this.post("/v2/bot/message/reply", request);
  }

  pushMessage(
    request: messagingApi.PushMessageRequest,
    xLineRetryKey?: string,
  ): Promise<messagingApi.PushMessageResponse> {
    return this.post(
      "/v2/bot/message/push",
      request,
      xLineRetryKey ? { "x-line-retry-key": xLineRetryKey } : {},
    );
  }

  showLoadingAnimation(request: messagingApi.ShowLoadingAnimationRequest): Promise<object> {
    return this.post("/v2/bot/chat/loading/start", request);
  }

  /** Closes the kept connections (shutdown). */
  close(): void {
    this.agent.destroy();
  }

  private post<T>(path: string, payload: unknown, headers: Record<string, string> = {}): Promise<T> {
    const body = JSON.stringify(payload);
    return new Promise<T>((resolve, reject) => {
      // Looked up at call time (not imported by name), so test interceptors that patch the module apply.
      const req = (this.secure ? https : http).request(
        {
          agent: this.agent,
          protocol: this.base.protocol,
          hostname: this.base.hostname,
          port: this.base.port,
          method: "POST",
          path,
          headers: {
            authorization: this.authorization,
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            "user-agent": USER_AGENT,
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", (error) => reject(new LineNetworkError("ECONNRESET", { cause: error })));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            const status = res.statusCode ?? 0;
            if (status < 200 || status >= 300) reject(httpError(res, text));
            else resolve(parseAnswer(text) as T);
          });
        },
      );
      req.setTimeout(this.socketTimeoutMs, () =>
        req.destroy(Object.assign(new Error("socket timeout"), { code: "ETIMEDOUT" })),
      );
      req.on("error", (error: NodeJS.ErrnoException) =>
        reject(new LineNetworkError(error.code ?? "ECONNRESET", { cause: error })),
      );
      req.end(body);
    });
  }
}

/** LINE accepted the call (2xx); an unreadable body does not undo that. */
function parseAnswer(text: string): unknown {
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return {};
  }
}

/** The SDK's error for a non-2xx answer, so callers handle both clients alike. */
function httpError(res: IncomingMessage, body: string): HTTPFetchError {
  const status = res.statusCode ?? 0;
  const statusText = res.statusMessage ?? "";
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers))
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  return new HTTPFetchError(`${status} - ${statusText}`, { status, statusText, headers, body });
}
