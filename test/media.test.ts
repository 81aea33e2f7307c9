import { readFileSync } from "node:fs";
import { join } from "node:path";
import nock from "nock";
import { afterAll, describe, expect, it } from "vitest";
import { LINE_DATA_API_BASE_URL } from "../bot/config.ts";
import { type OcrEngine, OcrTimeout } from "../knowledge/ocr/engine.ts";
import { chooseEngine, createScreenshotReader, type ScreenshotReader } from "../knowledge/ocr/reader.ts";
import { buildApp, postEvents } from "./support/bot-app.ts";
import { CANARIES, CANARY_FRAGMENTS } from "./support/canaries.ts";
import { textsOf } from "./support/harness.ts";
import { messageEvent, textEvent, userId } from "./support/line-events.ts";
import { type Call, interceptLineInEachTest } from "./support/nock-line.ts";

/**
 * Images and files over the webhook, with LINE's APIs intercepted by nock: the content comes from the
 * data API (api-data.line.me) as LINE serves it, screenshots are read by the real OCR (Debian's
 * tesseract when installed, else tesseract.js), files are read as pastes; every failure gets an answer.
 */

const line = interceptLineInEachTest();
const FIXTURES = join(import.meta.dirname, "fixtures", "screenshots");
const shot = (name: string) => readFileSync(join(FIXTURES, name));
const repliedText = (call: Call | undefined) => textsOf((call?.body.messages ?? []) as unknown[]).join("\n");
/** Real OCR on a shared 2-core machine: one screenshot takes a second alone, several under load. */
const OCR_TEST_MS = 90_000;

/** The data API serving one message's content, as LINE does (GET /v2/bot/message/{id}/content). */
function serveContent(id: string, body: Buffer | string, status = 200, delayMs = 0) {
  const scope = nock(LINE_DATA_API_BASE_URL).get(`/v2/bot/message/${id}/content`);
  return (delayMs ? scope.delay(delayMs) : scope).reply(status, body, {
    "content-type": status === 200 ? "image/jpeg" : "application/json",
  });
}

const imageEvent = (user: string, id: string) =>
  messageEvent(user, { id, type: "image", contentProvider: { type: "line" } });
const fileEvent = (user: string, id: string, fileName: string, fileSize: number) =>
  messageEvent(user, { id, type: "file", fileName, fileSize });

let reader: ScreenshotReader | undefined;
/** One reader (and so one tesseract.js child, on that route) for the file. */
const realOcr = () => {
  reader ??= createScreenshotReader(chooseEngine("auto"), 2);
  return reader;
};

afterAll(() => reader?.close());

describe("images: screenshots of the returned mail", () => {
  it("reads a screenshot and answers with the diagnosis, with the loading animation meanwhile", {
    timeout: OCR_TEST_MS,
  }, async () => {
    const { app } = buildApp({ screenshots: realOcr() });
    serveContent("5001", shot("postfix-user-unknown.light.3x.jpg"));
    await postEvents(app, [imageEvent(userId(0x1a), "5001")]);
    const loading = line.calls.find((c) => c.path === "/v2/bot/chat/loading/start");
    expect(loading?.body).toMatchObject({ chatId: userId(0x1a) });
    const [reply] = line.replies();
    const text = repliedText(reply);
    expect(text).toMatch(/宛先のアドレスが見つからない|存在しない|user-unknown|アドレス/);
    expect(text).toContain("h***@example.jp");
    expect(text).not.toContain("hanako.sato");
  });

  it("reads it through the npm route too (OCR_ENGINE=tesseract.js: no Debian packages needed)", {
    timeout: OCR_TEST_MS,
  }, async () => {
    const npmRoute = createScreenshotReader(chooseEngine("tesseract.js"), 1);
    try {
      const { app } = buildApp({ screenshots: npmRoute });
      serveContent("5010", shot("exim-mailbox-full.dark.2x.png"));
      await postEvents(app, [imageEvent(userId(0x23), "5010")]);
      expect(repliedText(line.replies()[0])).toContain("y***@example.org");
    } finally {
      await npmRoute.close();
    }
  });

  it("answers a picture without a bounce kindly, asks for the error line, offers the menu", {
    timeout: OCR_TEST_MS,
  }, async () => {
    const { app } = buildApp({ screenshots: realOcr() });
    serveContent("5002", shot("no-text.jpg"));
    await postEvents(app, [imageEvent(userId(0x1b), "5002")]);
    const [reply] = line.replies();
    expect(repliedText(reply)).toContain("画像からエラーの内容を読み取れませんでした");
    expect(repliedText(reply)).toContain("550 5.1.1");
    const messages = reply!.body.messages as { quickReply?: { items: unknown[] } }[];
    expect(messages.at(-1)?.quickReply?.items.length).toBeGreaterThan(0);
  });

  it("shows the masked line of a partly readable screenshot and asks for the missing part", {
    timeout: OCR_TEST_MS,
  }, async () => {
    const { app } = buildApp({ screenshots: realOcr() });
    serveContent("5003", shot("partly-readable.light.2x.png"));
    await postEvents(app, [imageEvent(userId(0x1c), "5003")]);
    const text = repliedText(line.replies()[0]);
    expect(text).toContain("読み取れたのは");
    expect(text).toMatch(/h\*\*\*@example\.jp.*550/);
    expect(text).not.toContain("hanako.sato");
  });

  it("keeps the screenshot's personal data out of every log line and the reply", {
    timeout: OCR_TEST_MS,
  }, async () => {
    const { app, logs } = buildApp({ screenshots: realOcr() });
    const image = shot("canary-user-unknown.light.3x.png");
    serveContent("5004", image);
    await postEvents(app, [imageEvent(userId(0x1d), "5004")]);
    const text = repliedText(line.replies()[0]);
    expect(text).toContain("c***@example.jp");
    const logText = logs.join("\n");
    for (const canary of [...CANARY_FRAGMENTS, CANARIES.email]) {
      expect(text).not.toContain(canary);
      expect(logText).not.toContain(canary);
    }
    // Nor the image itself, in any encoding a logger might use.
    expect(logText).not.toContain(image.subarray(100, 130).toString("base64"));
    expect(logText).not.toContain(image.subarray(100, 130).toString("hex"));
    expect(logText).toContain('"msg":"screenshot read"');
  });

  it("answers when the content cannot be fetched: 404, a time-out, too big", async () => {
    const { app } = buildApp({
      screenshots: realOcr(),
      mediaLimits: { fetchTimeoutMs: 300, imageMaxBytes: 50_000 },
    });
    serveContent("5005", JSON.stringify({ message: "Not found" }), 404);
    serveContent("5006", shot("no-text.jpg"), 200, 2_000); // small enough, but late
    serveContent("5007", shot("postfix-user-unknown.light.3x.jpg")); // ~150 KB > 50 KB
    await postEvents(app, [
      imageEvent(userId(0x1e), "5005"),
      imageEvent(userId(0x1f), "5006"),
      imageEvent(userId(0x20), "5007"),
    ]);
    const replies = line.replies();
    expect(replies).toHaveLength(3);
    for (const reply of replies) expect(repliedText(reply)).toContain("画像を読み取れませんでした");
  });

  it("answers an OCR time-out as an unreadable screenshot", async () => {
    const hanging: OcrEngine = {
      route: "tesseract",
      read: (_image, ms) => new Promise((_, reject) => setTimeout(() => reject(new OcrTimeout(ms)), ms)),
      close: async () => {},
    };
    const { app, logs } = buildApp({
      screenshots: createScreenshotReader(hanging, 2),
      mediaLimits: { ocrTimeoutMs: 200 },
    });
    serveContent("5008", shot("postfix-user-unknown.light.3x.jpg"));
    await postEvents(app, [imageEvent(userId(0x21), "5008")]);
    expect(repliedText(line.replies()[0])).toContain("画像からエラーの内容を読み取れませんでした");
    expect(logs.join("\n")).toContain('"outcome":"timeout"');
  });

  it("answers images without OCR installed with a kind 'cannot open' and the way to paste", async () => {
    const { app } = buildApp({ screenshots: null });
    await postEvents(app, [imageEvent(userId(0x22), "5009")]);
    expect(repliedText(line.replies()[0])).toContain("文字をコピーして貼り付けて");
  });
});

describe("files", () => {
  const eml = [
    "From: Mail Delivery System <MAILER-DAEMON@mail.example.ne.jp>",
    "To: taro@example.ne.jp",
    "Subject: Undelivered Mail Returned to Sender",
    "Content-Type: text/plain; charset=us-ascii",
    "",
    "<friend@example.com>: host mx.example.com[198.51.100.3] said: 552 5.2.2",
    "    Mailbox full (in reply to RCPT TO command)",
    "",
  ].join("\r\n");

  it("reads a forwarded .eml file as the returned mail", async () => {
    const { app } = buildApp();
    nock(LINE_DATA_API_BASE_URL).get("/v2/bot/message/6001/content").reply(200, eml);
    await postEvents(app, [fileEvent(userId(0x30), "6001", "Returned mail.eml", eml.length)]);
    expect(repliedText(line.replies()[0])).toMatch(/f\*\*\*@example\.com/);
    expect(line.replies()[0]!.body.messages).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: "flex" })]),
    );
  });

  it("names the kinds it reads for any other file, and for one too big, without fetching it", async () => {
    const { app } = buildApp();
    await postEvents(app, [
      fileEvent(userId(0x31), "6002", "invoice.pdf", 20_000),
      fileEvent(userId(0x32), "6003", "huge.txt", 50 * 1024 * 1024),
    ]);
    const replies = line.replies();
    expect(replies).toHaveLength(2);
    for (const reply of replies) expect(repliedText(reply)).toContain(".eml");
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe("a burst of screenshots", () => {
  it("never holds back other users' text messages: answered within 1 s while 20 images wait for OCR", {
    timeout: 60_000,
  }, async () => {
    // OCR that takes 1 s per image, two at a time: the 20 images need ~10 s in all.
    const slow: OcrEngine = {
      route: "tesseract",
      read: () => new Promise((resolve) => setTimeout(() => resolve(""), 1_000)),
      close: async () => {},
    };
    // Four event slots only: without leaving them during OCR, four images would block everything else.
    const { app } = buildApp({ screenshots: createScreenshotReader(slow, 2), maxConcurrentEvents: 4 });
    const jpeg = shot("no-text.jpg");
    const images = Array.from({ length: 20 }, (_, i) => {
      serveContent(String(7000 + i), jpeg);
      return imageEvent(userId(0x100 + i), String(7000 + i));
    });
    const burst = postEvents(app, images);
    await new Promise((r) => setTimeout(r, 300)); // the burst is being read
    const sent = Date.now();
    const text = textEvent(userId(0x200), "Mailbox full");
    const { default: request } = await import("supertest");
    const { sign, webhookBody } = await import("./support/line-events.ts");
    const body = webhookBody([text]);
    await request(app)
      .post("/webhook")
      .set("content-type", "application/json")
      .set("x-line-signature", sign(body))
      .send(body);
    const token = text.replyToken as string;
    while (!line.replies().some((c) => c.body.replyToken === token) && Date.now() - sent < 5_000)
      await new Promise((r) => setTimeout(r, 20));
    const answeredAfter = Date.now() - sent;
    expect(answeredAfter).toBeLessThan(1_000);
    expect(line.replies().filter((c) => c.body.replyToken !== token).length).toBeLessThan(20); // still busy
    await burst;
    expect(line.replies()).toHaveLength(21);
  });
});
