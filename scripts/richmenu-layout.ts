import type { messagingApi } from "@line/bot-sdk";
import { encodePostback, type Postback } from "../dialogs/postback.ts";
import { loadUi, type UiTexts } from "../dialogs/ui.ts";
import type { Knowledge } from "../knowledge/knowledge.ts";
import type { TopicId } from "../knowledge/types.ts";

/**
 * The rich menu in one place: where each tile sits and what it says (the image generator draws it) and
 * what a tap sends (the setup script registers it). A tile taps like the dialog's own quick reply for
 * the same thing: the same postback (encoded by dialogs/postback.ts, so the two cannot drift) and the
 * same words shown in the chat. A topic tile opens that topic's advice, worded with its menu label from
 * knowledge/data/topics; the last tile opens the second symptom menu (ui.yaml `moreMenu`), worded with
 * ui.yaml `menu.moreLabel`: the seven common topics are already on the other tiles.
 */

export const RICH_MENU_NAME = "bounce-assistant-main";
/** Full-height menu: 2 rows of 4 tiles. LINE accepts 2500×1686 (or 2500×843 for one row). */
export const SIZE = { width: 2500, height: 1686 } as const;
const COLUMNS = 4;
const ROWS = 2;

export interface Tile {
  /** The topic the tile opens, or "more" for the second symptom menu (「わからない・その他」). */
  target: TopicId | "more";
  /** Where the drawn label breaks; joined, the lines are the label (a test checks). */
  lines: string[];
  color: string;
}

export const TILES: readonly Tile[] = [
  { target: "user-unknown", lines: ["User unknown", "と出た"], color: "#d9534f" },
  { target: "host-unknown", lines: ["Host unknown", "と出た"], color: "#e67e22" },
  { target: "mailbox-full", lines: ["相手の容量が", "いっぱい"], color: "#8e6fc1" },
  { target: "message-too-big", lines: ["メールが", "大きすぎる"], color: "#2e86c1" },
  { target: "delayed", lines: ["まだ送信中", "という通知"], color: "#16a085" },
  { target: "expired", lines: ["何日も届かず", "失敗した"], color: "#5d6d7e" },
  { target: "backscatter", lines: ["送っていない", "のに届く"], color: "#c0392b" },
  { target: "more", lines: ["わからない・", "その他"], color: "#06c755" },
];

/** A tile's words: the label (drawn, and shown in the chat when tapped) and a small English line. */
export function tileText(tile: Tile, knowledge: Knowledge, ui: UiTexts): { ja: string; en: string } {
  if (tile.target === "more") return ui.menu.moreLabel;
  const topic = knowledge.topics.get(tile.target);
  if (!topic) throw new Error(`rich menu: no topic "${tile.target}" in knowledge/data/topics`);
  return topic.menuLabel;
}

/** What a tap on the tile means to the dialog: the postback of the quick reply for the same thing. */
export function postbackOf(tile: Tile): Postback {
  return tile.target === "more" ? { a: "cmd", cmd: "more" } : { a: "symptom", topic: tile.target };
}

/** Tile i's rectangle on the image, row by row. The last column and row absorb rounding. */
export function boundsOf(index: number): messagingApi.RichMenuBounds {
  const column = index % COLUMNS;
  const row = Math.floor(index / COLUMNS);
  const x = Math.round((column * SIZE.width) / COLUMNS);
  const y = Math.round((row * SIZE.height) / ROWS);
  const right = Math.round(((column + 1) * SIZE.width) / COLUMNS);
  const bottom = Math.round(((row + 1) * SIZE.height) / ROWS);
  return { x, y, width: right - x, height: bottom - y };
}

export function actionOf(tile: Tile, knowledge: Knowledge, ui: UiTexts): messagingApi.Action {
  const { ja } = tileText(tile, knowledge, ui);
  return { type: "postback", label: ja, data: encodePostback(postbackOf(tile)), displayText: ja };
}

export function richMenuRequest(knowledge: Knowledge, ui: UiTexts = loadUi()): messagingApi.RichMenuRequest {
  return {
    size: SIZE,
    selected: true, // open by default: the menu is the main way in for users who do not paste
    name: RICH_MENU_NAME,
    chatBarText: "メールが戻ってきたら",
    areas: TILES.map((tile, i) => ({ bounds: boundsOf(i), action: actionOf(tile, knowledge, ui) })),
  };
}
