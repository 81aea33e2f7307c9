import express, { type Request, type Response, Router } from "express";
import { graphemeLength, type LimitViolation } from "../../platform/line-limits.ts";
import { hexToken } from "../ids.ts";
import { bodyErrors, type LineErrorBody, NOT_FOUND } from "./line-errors.ts";

/**
 * Rich menus as LINE keeps them: created from a JSON request, given an image (data API), made the
 * default for every user. The page shows the default menu under the chat, the way LINE's app does, so
 * the project's own setup (scripts/richmenu.ts) can be pointed at the stand-in and seen working.
 * Limits: developers.line.biz messaging-api #rich-menu-object, #upload-rich-menu-image.
 */

export interface RichMenu {
  richMenuId: string;
  request: Record<string, unknown>;
  image?: { type: string; bytes: Buffer };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const MAX_IMAGE_BYTES = 1024 * 1024;

function checkRichMenu(body: Obj): LimitViolation[] {
  const details: LimitViolation[] = [];
  const size = isObj(body.size) ? body.size : {};
  const width = Number(size.width);
  const height = Number(size.height);
  if (!(width >= 800 && width <= 2500 && height >= 250 && width / height >= 1.45))
    details.push({ property: "size", message: "Width must be 800–2500, height ≥ 250, width/height ≥ 1.45" });
  if (typeof body.selected !== "boolean")
    details.push({ property: "selected", message: "Must be specified" });
  if (typeof body.name !== "string" || body.name.length < 1 || body.name.length > 300)
    details.push({ property: "name", message: "Length must be between 1 and 300" });
  if (typeof body.chatBarText !== "string" || graphemeLength(body.chatBarText) > 14)
    details.push({ property: "chatBarText", message: "Length must be between 0 and 14" });
  const areas = Array.isArray(body.areas) ? body.areas : [];
  if (areas.length > 20) details.push({ property: "areas", message: "Size must be between 0 and 20" });
  areas.forEach((area: unknown, i) => {
    const bounds = isObj(area) && isObj(area.bounds) ? area.bounds : {};
    const [x, y, w, h] = [bounds.x, bounds.y, bounds.width, bounds.height].map(Number) as [
      number,
      number,
      number,
      number,
    ];
    if (!(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= width && y + h <= height))
      details.push({ property: `areas[${i}].bounds`, message: "Must lie inside the rich menu" });
    const action = isObj(area) && isObj(area.action) ? area.action : undefined;
    if (!action || typeof action.type !== "string")
      details.push({ property: `areas[${i}].action`, message: "Must be an action object" });
    else if (typeof action.label === "string" && graphemeLength(action.label) > 20)
      details.push({ property: `areas[${i}].action.label`, message: "Length must be between 0 and 20" });
  });
  return details;
}

/** Width and height from a PNG's IHDR chunk or a JPEG's SOF marker; undefined when neither parses. */
export function imageSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47)
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  let i = 2;
  while (bytes[0] === 0xff && bytes[1] === 0xd8 && i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1]!;
    if (marker >= 0xc0 && marker <= 0xc3)
      return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    i += 2 + bytes.readUInt16BE(i + 2);
  }
  return undefined;
}

export class RichMenus {
  readonly #menus = new Map<string, RichMenu>();
  #defaultId: string | undefined;

  /** The menu every user sees, once it has an image (LINE shows none before). */
  defaultMenu(): RichMenu | undefined {
    const menu = this.#defaultId ? this.#menus.get(this.#defaultId) : undefined;
    return menu?.image ? menu : undefined;
  }

  routes(): Router {
    const router = Router();
    const fail = (res: Response, status: number, body: LineErrorBody) => void res.status(status).json(body);
    const find = (req: Request) => this.#menus.get(String(req.params.richMenuId));

    router.post("/v2/bot/richmenu", (req, res) => {
      const body = isObj(req.body) ? req.body : {};
      const details = checkRichMenu(body);
      if (details.length > 0) return fail(res, 400, bodyErrors(details));
      const richMenuId = `richmenu-${hexToken()}`;
      this.#menus.set(richMenuId, { richMenuId, request: body });
      res.json({ richMenuId });
    });

    router.get("/v2/bot/richmenu/list", (_req, res) => {
      res.json({
        richmenus: [...this.#menus.values()].map((m) => ({ richMenuId: m.richMenuId, ...m.request })),
      });
    });

    router.get("/v2/bot/richmenu/:richMenuId", (req, res) => {
      const menu = find(req);
      if (!menu) return fail(res, 404, NOT_FOUND);
      res.json({ richMenuId: menu.richMenuId, ...menu.request });
    });

    router.delete("/v2/bot/richmenu/:richMenuId", (req, res) => {
      if (!this.#menus.delete(String(req.params.richMenuId))) return fail(res, 404, NOT_FOUND);
      if (this.#defaultId === req.params.richMenuId) this.#defaultId = undefined;
      res.json({});
    });

    // Data API host in production (api-data.line.me); the stand-in serves both at one root.
    router.post(
      "/v2/bot/richmenu/:richMenuId/content",
      express.raw({ type: ["image/png", "image/jpeg"], limit: MAX_IMAGE_BYTES }),
      (req, res) => {
        const menu = find(req);
        if (!menu) return fail(res, 404, NOT_FOUND);
        if (menu.image)
          return fail(res, 400, { message: "An image has already been uploaded to the richmenu" });
        const type = req.get("content-type")?.split(";")[0] ?? "";
        if (!Buffer.isBuffer(req.body) || req.body.length === 0)
          return fail(res, 415, { message: "Content-Type must be image/jpeg or image/png" });
        const size = imageSize(req.body);
        const expected = menu.request.size as { width: number; height: number };
        if (!size || size.width !== expected.width || size.height !== expected.height)
          return fail(res, 400, { message: "Image size must match the rich menu's size" });
        menu.image = { type, bytes: req.body };
        res.json({});
      },
    );

    router.post("/v2/bot/user/all/richmenu/:richMenuId", (req, res) => {
      if (!find(req)) return fail(res, 404, NOT_FOUND);
      this.#defaultId = String(req.params.richMenuId);
      res.json({});
    });

    router.get("/v2/bot/user/all/richmenu", (_req, res) => {
      if (!this.#defaultId) return fail(res, 404, { message: "no default richmenu" });
      res.json({ richMenuId: this.#defaultId });
    });

    router.delete("/v2/bot/user/all/richmenu", (_req, res) => {
      this.#defaultId = undefined;
      res.json({});
    });
    return router;
  }
}
