import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { messagingApi } from "@line/bot-sdk";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IMAGE_PATH, setupRichMenu } from "../../scripts/richmenu.ts";
import { ChatHub } from "../../simulator/chat-hub.ts";
import { createStandinApp } from "../../simulator/standin/app.ts";
import { ReplyTokens } from "../../simulator/standin/reply-tokens.ts";
import { imageSize, RichMenus } from "../../simulator/standin/rich-menus.ts";

/** The project's own rich-menu setup (npm run richmenu) run against the stand-in through the SDK. */

const TOKEN = "menu-token";
let richMenus: RichMenus;
let server: ReturnType<ReturnType<typeof createStandinApp>["listen"]>;
let clients: { client: messagingApi.MessagingApiClient; blobClient: messagingApi.MessagingApiBlobClient };

beforeEach(async () => {
  richMenus = new RichMenus();
  const app = createStandinApp({
    channelAccessToken: TOKEN,
    hub: new ChatHub(),
    replyTokens: new ReplyTokens(),
    richMenus,
  });
  server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  clients = {
    client: new messagingApi.MessagingApiClient({ channelAccessToken: TOKEN, baseURL }),
    blobClient: new messagingApi.MessagingApiBlobClient({ channelAccessToken: TOKEN, baseURL }),
  };
});
afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("rich menus on the stand-in", () => {
  it("npm run richmenu's setup creates, uploads and sets the default; a second run replaces the first", async () => {
    const first = await setupRichMenu(clients);
    expect(richMenus.defaultMenu()?.richMenuId).toBe(first.richMenuId);
    const second = await setupRichMenu(clients);
    expect(second.deleted).toEqual([first.richMenuId]);
    const menu = richMenus.defaultMenu()!;
    expect(menu.richMenuId).toBe(second.richMenuId);
    expect(menu.image?.type).toBe("image/png");
    expect((menu.request.areas as unknown[]).length).toBe(8);
    expect((await clients.client.getRichMenuList()).richmenus).toHaveLength(1);
  });

  it("an image of the wrong size is refused, and the setup cleans up its menu", async () => {
    const png = readFileSync(IMAGE_PATH);
    const small = Buffer.from(png);
    small.writeUInt32BE(1200, 16); // IHDR width
    await expect(setupRichMenu(clients, small)).rejects.toThrow(
      /uploading the image failed: LINE answered 400/,
    );
    expect((await clients.client.getRichMenuList()).richmenus).toEqual([]);
    expect(richMenus.defaultMenu()).toBeUndefined();
  });

  it.each([
    ["a chat bar text of 15 characters", { chatBarText: "あ".repeat(15) }, "chatBarText"],
    [
      "21 areas",
      {
        areas: Array.from({ length: 21 }, () => ({
          bounds: { x: 0, y: 0, width: 10, height: 10 },
          action: { type: "message", text: "x" },
        })),
      },
      "areas",
    ],
    [
      "an area outside the image",
      {
        areas: [
          { bounds: { x: 2400, y: 0, width: 200, height: 10 }, action: { type: "message", text: "x" } },
        ],
      },
      "areas[0].bounds",
    ],
    ["a square menu", { size: { width: 1000, height: 1000 } }, "size"],
  ])("%s → 400 naming the property", async (_case, change, property) => {
    const request = {
      size: { width: 2500, height: 843 },
      selected: false,
      name: "m",
      chatBarText: "Menu",
      areas: [],
      ...change,
    };
    const error = await clients.client
      .createRichMenu(request as messagingApi.RichMenuRequest)
      .catch((e) => e);
    expect(error.status).toBe(400);
    expect(JSON.parse(error.body).details).toContainEqual({ property, message: expect.any(String) });
  });

  it("reads PNG and JPEG sizes", () => {
    expect(imageSize(readFileSync(IMAGE_PATH))).toEqual({ width: 2500, height: 1686 });
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0, 0, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x03, 0x4b, 0x09, 0xc4, 0x03,
    ]);
    expect(imageSize(jpeg)).toEqual({ width: 2500, height: 843 });
  });
});
