/**
 * npm run richmenu — creates the assistant's rich menu on the LINE channel and makes it every user's
 * default: create the menu → upload assets/richmenu.png → set as default → delete older menus of the
 * same name (so re-running after a layout change does not pile up menus; LINE allows 1000).
 *
 * Env: LINE_CHANNEL_ACCESS_TOKEN (required), LINE_API_BASE_URL, LINE_DATA_API_BASE_URL (optional).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HTTPFetchError, MessagingApiBlobClient, MessagingApiClient } from "../bot/line-sdk.ts";
import { loadKnowledge } from "../knowledge/knowledge.ts";
import { RICH_MENU_NAME, richMenuRequest } from "./richmenu-layout.ts";

export const IMAGE_PATH = join(import.meta.dirname, "..", "assets", "richmenu.png");

export class RichMenuError extends Error {
  constructor(step: string, cause: unknown) {
    super(`rich menu: ${step} failed: ${describe(cause)}`, { cause });
    this.name = "RichMenuError";
  }
}

/** LINE's answer in a sentence: status, its message and the details that say which field is wrong. */
function describe(error: unknown): string {
  if (!(error instanceof HTTPFetchError)) {
    if (!(error instanceof Error)) return String(error);
    // fetch's own message is just "fetch failed"; the reason (refused, DNS, TLS) is in its cause
    return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
  }
  let detail = "";
  try {
    const body = JSON.parse(error.body) as {
      message?: string;
      details?: { property?: string; message?: string }[];
    };
    detail = [body.message, ...(body.details ?? []).map((d) => `${d.property ?? "?"}: ${d.message ?? ""}`)]
      .filter(Boolean)
      .join("; ");
  } catch {
    detail = error.body.slice(0, 300);
  }
  return `LINE answered ${error.status}${detail ? ` (${detail})` : ""}`;
}

async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new RichMenuError(name, error);
  }
}

export interface RichMenuClients {
  client: MessagingApiClient;
  blobClient: MessagingApiBlobClient;
}

export interface RichMenuResult {
  richMenuId: string;
  deleted: string[];
}

export async function setupRichMenu(
  { client, blobClient }: RichMenuClients,
  image: Uint8Array = readFileSync(IMAGE_PATH),
  knowledge = loadKnowledge(),
): Promise<RichMenuResult> {
  const request = richMenuRequest(knowledge);
  const { richMenuId } = await step("creating the menu", () => client.createRichMenu(request));
  try {
    await step("uploading the image", () =>
      blobClient.setRichMenuImage(richMenuId, new Blob([image], { type: "image/png" })),
    );
    await step("setting it as the default menu", () => client.setDefaultRichMenu(richMenuId));
  } catch (error) {
    // A menu without image or never made default is useless; do not leave it behind.
    await client.deleteRichMenu(richMenuId).catch(() => {});
    throw error;
  }
  const { richmenus } = await step("listing older menus", () => client.getRichMenuList());
  const older = richmenus.filter((m) => m.name === RICH_MENU_NAME && m.richMenuId !== richMenuId);
  for (const menu of older)
    await step("deleting an older menu", () => client.deleteRichMenu(menu.richMenuId));
  return { richMenuId, deleted: older.map((m) => m.richMenuId) };
}

async function main(): Promise<void> {
  const channelAccessToken = process.env.LINE_CHANNEL_ACCESS_TOKEN;
  if (!channelAccessToken) {
    console.error("LINE_CHANNEL_ACCESS_TOKEN is not set: the rich menu is created on a real LINE channel.");
    process.exit(2);
  }
  const clients = {
    client: new MessagingApiClient({
      channelAccessToken,
      ...(process.env.LINE_API_BASE_URL ? { baseURL: process.env.LINE_API_BASE_URL } : {}),
    }),
    blobClient: new MessagingApiBlobClient({
      channelAccessToken,
      ...(process.env.LINE_DATA_API_BASE_URL ? { baseURL: process.env.LINE_DATA_API_BASE_URL } : {}),
    }),
  };
  try {
    const { richMenuId, deleted } = await setupRichMenu(clients);
    console.log(`rich menu ${richMenuId} is now the default menu`);
    if (deleted.length) console.log(`deleted ${deleted.length} older menu(s): ${deleted.join(", ")}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

if (process.argv[1] === import.meta.filename) await main();
