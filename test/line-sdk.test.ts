import * as sdk from "@line/bot-sdk";
import { describe, expect, it } from "vitest";
import {
  HTTPFetchError,
  MessagingApiBlobClient,
  MessagingApiClient,
  validateSignature,
} from "../bot/line-sdk.ts";

// bot/line-sdk.ts loads three of the SDK's modules by file instead of its entry (memory): they must be
// the very classes the entry exports, or `instanceof HTTPFetchError` and the SDK's contract would break.
describe("bot/line-sdk.ts", () => {
  it("gives the SDK's own classes, as its entry point exports them", () => {
    expect(MessagingApiClient).toBe(sdk.messagingApi.MessagingApiClient);
    expect(MessagingApiBlobClient).toBe(sdk.messagingApi.MessagingApiBlobClient);
    expect(HTTPFetchError).toBe(sdk.HTTPFetchError);
    expect(validateSignature).toBe(sdk.validateSignature); // the webhook's signature check (issue 3)
  });

  it("an HTTPFetchError made by either is an instance of the other", () => {
    const error = new sdk.HTTPFetchError("429 - Too Many Requests", {
      status: 429,
      statusText: "Too Many Requests",
      headers: new Headers(),
      body: "{}",
    });
    expect(error).toBeInstanceOf(HTTPFetchError);
  });
});
