import type * as sdk from "@line/bot-sdk";

/**
 * The parts of @line/bot-sdk the bot runs with (the Messaging API client, the blob client for image and
 * file content, HTTPFetchError), loaded from the SDK's own modules instead of its entry point.
 *
 * Why: the package has one entry (its `exports` allow only "."), and that entry imports every API client
 * and model the SDK has, ~400 modules, of which the bot uses three. Loaded through the entry they cost
 * ~16 MB of RSS; these three ~3 MB (node --expose-gc, RSS after GC, @line/bot-sdk 11.0.0). With 10k
 * sessions the bot has little room under its 150 MB (npm run bench:webhook), and this is memory it never
 * uses. The modules are the very files the entry re-exports, so the classes are the same ones
 * (`instanceof HTTPFetchError` holds for errors from either): test/line-sdk.test.ts checks that against
 * the entry, so an SDK update that moves them fails there, not in production.
 */

// The ESM entry (dist/index.js); its siblings are the modules it re-exports.
const entry = import.meta.resolve("@line/bot-sdk");
const load = <T>(file: string): Promise<T> => import(new URL(file, entry).href) as Promise<T>;

const [api, blob, exceptions, signature] = await Promise.all([
  load<{ MessagingApiClient: typeof sdk.messagingApi.MessagingApiClient }>(
    "./messaging-api/api/messagingApiClient.js",
  ),
  load<{ MessagingApiBlobClient: typeof sdk.messagingApi.MessagingApiBlobClient }>(
    "./messaging-api/api/messagingApiBlobClient.js",
  ),
  load<{ HTTPFetchError: typeof sdk.HTTPFetchError }>("./exceptions.js"),
  load<{ default: typeof sdk.validateSignature }>("./validate-signature.js"),
]);

export const MessagingApiClient = api.MessagingApiClient;
export type MessagingApiClient = sdk.messagingApi.MessagingApiClient;
export const MessagingApiBlobClient = blob.MessagingApiBlobClient;
export type MessagingApiBlobClient = sdk.messagingApi.MessagingApiBlobClient;
export const HTTPFetchError = exceptions.HTTPFetchError;
export type HTTPFetchError = sdk.HTTPFetchError;
export const validateSignature = signature.default;

/** The insides of the SDK's HTTP client (dist/http-fetch.js) that createMessagingApiClient relies on. */
interface SdkHttpClient {
  baseURL: string;
  defaultHeaders: Record<string, string>;
  checkResponseStatus(response: Response): Promise<void>;
  post(url: string, body?: unknown, config?: { headers?: Record<string, string> }): Promise<Response>;
  get(url: string, params?: unknown): Promise<Response>;
}

const isSdkHttpClient = (http: unknown): http is SdkHttpClient =>
  typeof http === "object" &&
  http !== null &&
  typeof (http as SdkHttpClient).baseURL === "string" &&
  typeof (http as SdkHttpClient).defaultHeaders === "object" &&
  typeof (http as SdkHttpClient).checkResponseStatus === "function" &&
  typeof (http as SdkHttpClient).post === "function" &&
  typeof (http as SdkHttpClient).get === "function";

/**
 * The SDK's Messaging API client, its requests sent without undici's copy of each request.
 *
 * Why: fetch() with its default redirect mode ("follow") copies every request before sending it (the
 * Fetch standard's HTTP-network-or-cache fetch, so that a redirect could send it again): a new Request,
 * its headers, and the body's stream teed in two. LINE's API answers; it does not redirect. With
 * `redirect: "error"` and `window: null` undici sends the request as it is: ~50 µs less CPU per reply
 * (a 2.5 KB reply to a local server, 32 at once), and less garbage for every event's reply.
 *
 * The requests are the SDK's own, header for header and byte for byte (post and get are the SDK's code
 * of @line/bot-sdk 11.0.0 with the two options added; test/line-sdk.test.ts compares them with the SDK's
 * on the wire). What differs: a 3xx answer from LINE is a failed attempt ("fetch failed", counted and
 * retried as a network failure) instead of being followed. An SDK whose insides changed gets its own
 * client unchanged (test/line-sdk.test.ts fails first).
 */
export function createMessagingApiClient(config: {
  channelAccessToken: string;
  baseURL: string;
}): MessagingApiClient {
  const client = new MessagingApiClient(config);
  const http: unknown = (client as unknown as { httpClient?: unknown }).httpClient;
  if (!isSdkHttpClient(http)) return client;
  const sendAsIs = { redirect: "error", window: null } as const;
  const { get } = http;
  http.post = async function post(url, body, options) {
    const response = await fetch(new URL(url, this.baseURL), {
      method: "POST",
      headers: { "Content-Type": "application/json", ...this.defaultHeaders, ...options?.headers },
      body: JSON.stringify(body),
      ...sendAsIs,
    });
    await this.checkResponseStatus(response);
    return response;
  };
  http.get = async function getAsIs(url, params) {
    if (params !== undefined) return get.call(this, url, params); // no call of the bot's has parameters
    const response = await fetch(new URL(url, this.baseURL), { headers: this.defaultHeaders, ...sendAsIs });
    await this.checkResponseStatus(response);
    return response;
  };
  return client;
}
