import type { Readable } from "node:stream";
import type { messagingApi } from "@line/bot-sdk";
import type { Logger } from "pino";
import type { UserInput } from "../dialogs/interpret.ts";
import { decodeText } from "../knowledge/bounce/input.ts";
import { imageKind } from "../knowledge/ocr/image-kind.ts";
import type { ScreenshotReader } from "../knowledge/ocr/reader.ts";
import type { IncomingMessage } from "./incoming.ts";
import type { Away } from "./keyed-queue.ts";
import { HTTPFetchError } from "./line-sdk.ts";
import type { Metrics } from "./metrics.ts";

/**
 * Images and files users send: their content fetched from LINE (the SDK's MessagingApiBlobClient,
 * LINE_DATA_API_BASE_URL), bounded in size and time, then a screenshot read by OCR (knowledge/ocr/)
 * and a .eml / .txt file decoded, each turned into the UserInput the conversation reads like a paste.
 *
 * The content stays in memory for this turn only: never written to disk (OCR reads it from a pipe),
 * never logged (log lines carry sizes, times and outcomes), never stored. The OCR text goes to the
 * interpreter, which masks whatever it shows or keeps, as for a paste.
 */

/** LINE's own limit for an image message is 10 MB; a screenshot is well under it. */
export const IMAGE_MAX_BYTES = 10 * 1024 * 1024;
/** A forwarded returned mail or a saved text is a few KB to a few hundred; more is no bounce to read. */
export const FILE_MAX_BYTES = 1024 * 1024;
/** Fetching the content from LINE's data API; the SDK's fetch cannot be aborted, the stream can. */
export const FETCH_TIMEOUT_MS = 10_000;
/** One screenshot takes about a second; waiting for a turn among the images ahead is not counted. */
export const OCR_TIMEOUT_MS = 20_000;

export type BlobClient = Pick<messagingApi.MessagingApiBlobClient, "getMessageContentWithHttpInfo">;

/** Sizes and times of reading media (tests shorten them). */
export interface MediaLimits {
  imageMaxBytes: number;
  fileMaxBytes: number;
  fetchTimeoutMs: number;
  ocrTimeoutMs: number;
}

export const MEDIA_LIMITS: MediaLimits = {
  imageMaxBytes: IMAGE_MAX_BYTES,
  fileMaxBytes: FILE_MAX_BYTES,
  fetchTimeoutMs: FETCH_TIMEOUT_MS,
  ocrTimeoutMs: OCR_TIMEOUT_MS,
};

export interface MediaDeps {
  blob: BlobClient;
  limits?: Partial<MediaLimits>;
  /** undefined: no OCR engine is installed (or OCR_ENGINE=off); every image is answered as unreadable. */
  screenshots: ScreenshotReader | undefined;
  metrics: Pick<Metrics, "mediaRead">;
  logger: Logger;
}

export type FetchFailure = "too-big" | "gone" | "timeout" | "failed";

/** The message's content, or why there is none. Never throws. */
export async function fetchContent(
  blob: BlobClient,
  messageId: string,
  maxBytes: number,
  timeoutMs = FETCH_TIMEOUT_MS,
): Promise<Uint8Array | FetchFailure> {
  let body: Readable | undefined;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  const fetched = (async (): Promise<Uint8Array | FetchFailure> => {
    const { httpResponse, body: stream } = await blob.getMessageContentWithHttpInfo(messageId);
    body = stream;
    // 202: a video or audio still being prepared; never the case for an image or a file, and nothing
    // to read yet either way.
    if (httpResponse.status !== 200) return "failed";
    if (Number(httpResponse.headers.get("content-length") ?? 0) > maxBytes) return "too-big";
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) return "too-big";
      chunks.push(chunk);
    }
    return new Uint8Array(Buffer.concat(chunks));
  })().catch((error: unknown): FetchFailure => {
    const status = error instanceof HTTPFetchError ? error.status : 0;
    return status === 404 || status === 410 ? "gone" : "failed";
  });
  try {
    return await Promise.race([fetched, timedOut]);
  } finally {
    clearTimeout(timer);
    body?.destroy(); // stop reading whatever is left (too big, timed out) and free the connection
  }
}

/** Files the assistant reads, by their name: a forwarded mail or a saved text. */
export function isReadableFile(fileName: string | undefined): boolean {
  return /\.(?:eml|txt)$/i.test(fileName ?? "");
}

/**
 * An image message → the screenshot's text ("" when OCR failed or timed out), or "could not open the
 * picture" when there is nothing to read (content gone, too big, not an image, no OCR here). The OCR, the slow part, waits outside the instance's event
 * slots (`away`), so other users' messages go on being answered during a burst of screenshots.
 */
export async function screenshotInput(
  deps: MediaDeps,
  message: IncomingMessage,
  away: Away | undefined,
): Promise<UserInput> {
  const unreadable: UserInput = { kind: "screenshot", text: "" };
  // No content to read (gone, too big, not an image, no OCR here): "could not open the picture".
  const unopened: UserInput = { kind: "unsupported", what: "image" };
  const done = (outcome: string, extra: object = {}) => {
    deps.metrics.mediaRead("image", outcome);
    deps.logger.info({ media: "image", outcome, ...extra }, "screenshot read");
  };
  if (!message.id || (message.contentProvider && message.contentProvider !== "line")) {
    done("no-content");
    return unopened;
  }
  if (!deps.screenshots?.route) {
    done("no-ocr");
    return unopened;
  }
  const limits = { ...MEDIA_LIMITS, ...deps.limits };
  const content = await fetchContent(deps.blob, message.id, limits.imageMaxBytes, limits.fetchTimeoutMs);
  if (typeof content === "string") {
    done(content);
    return unopened;
  }
  if (!imageKind(content)) {
    done("not-an-image", { bytes: content.length });
    return unopened;
  }
  const reader = deps.screenshots;
  const started = Date.now();
  try {
    const read = () => reader.read(content, limits.ocrTimeoutMs);
    const text = await (away ? away(read) : read());
    done(text.trim() ? "read" : "empty", {
      bytes: content.length,
      ms: Date.now() - started,
      route: reader.route,
    });
    return { kind: "screenshot", text };
  } catch (error) {
    const outcome = (error as Error).name === "OcrTimeout" ? "timeout" : "ocr-failed";
    done(outcome, { bytes: content.length, ms: Date.now() - started, route: reader.route });
    return unreadable;
  }
}

/** A file message → its text as a paste, or the kind answer naming the files that can be read. */
export async function fileInput(deps: MediaDeps, message: IncomingMessage): Promise<UserInput> {
  const refused: UserInput = { kind: "unsupported", what: "file" };
  const done = (outcome: string, extra: object = {}) => {
    deps.metrics.mediaRead("file", outcome);
    deps.logger.info({ media: "file", outcome, ...extra }, "file read");
  };
  if (!isReadableFile(message.fileName)) {
    done("not-readable");
    return refused;
  }
  const limits = { ...MEDIA_LIMITS, ...deps.limits };
  if (!message.id || (message.fileSize ?? 0) > limits.fileMaxBytes) {
    done(message.id ? "too-big" : "no-content");
    return refused;
  }
  const content = await fetchContent(deps.blob, message.id, limits.fileMaxBytes, limits.fetchTimeoutMs);
  if (typeof content === "string") {
    done(content);
    return refused;
  }
  done("read", { bytes: content.length });
  return { kind: "file", text: decodeText(content) };
}
