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
