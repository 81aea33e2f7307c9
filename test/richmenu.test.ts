import { readFileSync } from "node:fs";
import { messagingApi } from "@line/bot-sdk";
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { menuItems, moreItems } from "../bot/render/quick-replies.ts";
import { decodePostback } from "../dialogs/postback.ts";
import { loadUi } from "../dialogs/ui.ts";
import { loadKnowledge } from "../knowledge/knowledge.ts";
import { loadQuestions } from "../knowledge/questions.ts";
import { graphemeLength } from "../platform/line-limits.ts";
import { IMAGE_PATH, RichMenuError, setupRichMenu } from "../scripts/richmenu.ts";
import { richMenuHtml, SOURCE_HASH_FILE, sourceHash } from "../scripts/richmenu-image.ts";
import { RICH_MENU_NAME, richMenuRequest, SIZE, TILES, tileText } from "../scripts/richmenu-layout.ts";

const API = "https://api.line.me";
const DATA = "https://api-data.line.me";
const clients = {
  client: new messagingApi.MessagingApiClient({ channelAccessToken: "tok" }),
  blobClient: new messagingApi.MessagingApiBlobClient({ channelAccessToken: "tok" }),
};
const image = readFileSync(IMAGE_PATH);
const knowledge = loadKnowledge();
const ui = loadUi();

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

describe("the rich menu layout", () => {
  const request = richMenuRequest(knowledge);
  const areas = request.areas!;

  it("offers the seven topics of the ISP's returned-mail page plus the second menu, as the dialog's postbacks", () => {
    const taps = areas.map((a) => decodePostback((a.action as messagingApi.PostbackAction).data ?? ""));
    const seven = [
      "user-unknown",
      "host-unknown",
      "mailbox-full",
      "message-too-big",
      "delayed",
      "expired",
      "backscatter",
    ];
    expect(taps).toEqual([...seven.map((topic) => ({ a: "symptom", topic })), { a: "cmd", cmd: "more" }]);
  });

  it("tiles the whole image without gaps or overlaps", () => {
    const rects = areas.map((a) => a.bounds as Required<messagingApi.RichMenuBounds>);
    for (const r of rects) {
      expect(r.x >= 0 && r.y >= 0 && r.width > 0 && r.height > 0).toBe(true);
      expect(r.x + r.width).toBeLessThanOrEqual(SIZE.width);
      expect(r.y + r.height).toBeLessThanOrEqual(SIZE.height);
    }
    const overlaps = (a: (typeof rects)[0], b: (typeof rects)[0]) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    for (const [i, a] of rects.entries())
      for (const b of rects.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    // no overlaps + areas summing to the image's area = no gaps
    expect(rects.reduce((sum, r) => sum + r.width * r.height, 0)).toBe(SIZE.width * SIZE.height);
  });

  it("stays within LINE's limits", () => {
    expect([2500]).toContain(SIZE.width);
    expect([1686, 843]).toContain(SIZE.height);
    expect(areas.length).toBeLessThanOrEqual(20);
    expect(graphemeLength(request.chatBarText!)).toBeLessThanOrEqual(14);
    expect(request.name!.length).toBeLessThanOrEqual(300);
    for (const { action } of areas) {
      expect(graphemeLength(action!.label!)).toBeLessThanOrEqual(20);
      const a = action as { data?: string; displayText?: string; text?: string };
      for (const text of [a.data, a.displayText, a.text])
        if (text) expect(text.length).toBeLessThanOrEqual(300);
    }
  });

  it("taps like the symptom menus' quick replies: same postback, same words shown, drawn on the tile", () => {
    const ctx = {
      knowledge,
      ui,
      questions: loadQuestions(knowledge),
      lang: "ja" as const,
      linkUrls: new Map<string, string>(),
    };
    const quickReplies = [...menuItems(ctx), ...moreItems(ctx)].map((item) => item.action);
    for (const [i, tile] of TILES.entries()) {
      const action = areas[i]!.action as messagingApi.PostbackAction;
      expect(quickReplies, `tile ${tile.target} taps as a quick reply does`).toContainEqual(action);
      const { ja } = tileText(tile, knowledge, ui);
      expect(tile.lines.join(""), "a tile's lines spell its label (scripts/richmenu-layout.ts)").toBe(ja);
      expect(action.displayText).toBe(ja);
    }
  });

  it("ships an image drawn from the current layout and labels (else: npm run richmenu:image)", () => {
    const recorded = readFileSync(SOURCE_HASH_FILE, "utf8").trim();
    expect(recorded, "assets/richmenu.png is stale: run npm run richmenu:image and commit it").toBe(
      sourceHash(richMenuHtml(knowledge)),
    );
  });

  it("ships an image of exactly the menu's size, as a PNG under LINE's 1 MB limit", () => {
    expect(image.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(image.toString("latin1", 12, 16)).toBe("IHDR");
    expect({ width: image.readUInt32BE(16), height: image.readUInt32BE(20) }).toEqual(SIZE);
    expect(image.length).toBeLessThan(1024 * 1024);
  });
});

describe("npm run richmenu against LINE (nock)", () => {
  it("creates the menu, uploads the image, makes it the default, then removes older copies", async () => {
    const calls: string[] = [];
    /** A reply body that also notes which call LINE received, in order. */
    const noting = (call: string, body: object) => () => {
      calls.push(call);
      return body;
    };
    let created: unknown;
    let uploaded: Buffer | undefined;
    nock(API)
      .post("/v2/bot/richmenu", (body) => {
        created = body;
        return true;
      })
      .reply(200, noting("create", { richMenuId: "richmenu-new" }))
      .post("/v2/bot/user/all/richmenu/richmenu-new")
      .reply(200, noting("default", {}))
      .get("/v2/bot/richmenu/list")
      .reply(200, () => {
        calls.push("list");
        const menu = (richMenuId: string, name: string) => ({
          ...richMenuRequest(knowledge),
          richMenuId,
          name,
        });
        return {
          richmenus: [
            menu("richmenu-old", RICH_MENU_NAME),
            menu("richmenu-campaign", "spring-campaign"),
            menu("richmenu-new", RICH_MENU_NAME),
          ],
        };
      })
      .delete("/v2/bot/richmenu/richmenu-old")
      .reply(200, noting("delete old", {}));
    nock(DATA)
      .matchHeader("content-type", "image/png")
      .post("/v2/bot/richmenu/richmenu-new/content", (body) => {
        uploaded = Buffer.from(body, "hex");
        return true;
      })
      .reply(200, noting("upload", {}));

    const result = await setupRichMenu(clients, image);

    expect(calls).toEqual(["create", "upload", "default", "list", "delete old"]);
    expect(result).toEqual({ richMenuId: "richmenu-new", deleted: ["richmenu-old"] });
    expect(created).toEqual(richMenuRequest(knowledge));
    expect(uploaded?.equals(image)).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("stops at a 4xx on create, saying which step failed and what LINE said", async () => {
    nock(API)
      .post("/v2/bot/richmenu")
      .reply(400, {
        message: "The request body has 1 error(s)",
        details: [{ message: "must be specified", property: "areas[0].action" }],
      });
    const upload = nock(DATA).post(/.*/).reply(200, {});
    const error = await setupRichMenu(clients, image).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RichMenuError);
    expect((error as Error).message).toBe(
      "rich menu: creating the menu failed: LINE answered 400 (The request body has 1 error(s); areas[0].action: must be specified)",
    );
    expect(upload.isDone()).toBe(false);
  });

  it("deletes the half-made menu when the image upload is refused, and never sets it as default", async () => {
    const deleted: string[] = [];
    nock(API)
      .post("/v2/bot/richmenu")
      .reply(200, { richMenuId: "richmenu-half" })
      .delete("/v2/bot/richmenu/richmenu-half")
      .reply(200, () => {
        deleted.push("richmenu-half");
        return {};
      });
    nock(DATA)
      .post("/v2/bot/richmenu/richmenu-half/content")
      .reply(400, { message: "An image has already been uploaded" });
    const setDefault = nock(API).post("/v2/bot/user/all/richmenu/richmenu-half").reply(200, {});
    await expect(setupRichMenu(clients, image)).rejects.toThrow(
      "rich menu: uploading the image failed: LINE answered 400 (An image has already been uploaded)",
    );
    expect(setDefault.isDone()).toBe(false);
    expect(deleted).toEqual(["richmenu-half"]);
  });

  it("reports a bad access token on the first call", async () => {
    nock(API).post("/v2/bot/richmenu").reply(401, {
      message: "Authentication failed. Confirm that the access token in the authorization header is valid.",
    });
    await expect(setupRichMenu(clients, image)).rejects.toThrow(
      /creating the menu failed: LINE answered 401 \(Authentication failed/,
    );
  });
});
