import type { messagingApi } from "@line/bot-sdk";
import type { Knowledge } from "../knowledge/knowledge.ts";
import type { TopicId } from "../knowledge/types.ts";

/**
 * The rich menu in one place: where each tile sits and what it says (the image generator draws it) and
 * what a tap sends (the setup script registers it). A topic tile sends the postback `topic:<topic-id>`
 * and shows the topic's menu label from knowledge/data in the chat, the same words as the symptom menu's
 * quick reply; the image draws those words too. The last tile sends the text メニュー, which opens the
 * symptom menu from any state (the "I don't know / other" way in).
 */

export const RICH_MENU_NAME = "bounce-assistant-main";
/** Full-height menu: 2 rows of 4 tiles. LINE accepts 2500×1686 (or 2500×843 for one row). */
export const SIZE = { width: 2500, height: 1686 } as const;
const COLUMNS = 4;
const ROWS = 2;

export interface Tile {
  /** The topic the tile opens, or "menu" for the symptom menu. */
  target: TopicId | "menu";
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
  { target: "menu", lines: ["その他・", "わからない"], color: "#06c755" },
];

const MENU_TILE = { ja: "その他・わからない", en: "Other / not sure", says: "メニュー" };

/** A tile's words: the label (drawn, and shown in the chat when tapped) and a small English line. */
export function tileText(tile: Tile, knowledge: Knowledge): { ja: string; en: string; says: string } {
  if (tile.target === "menu") return MENU_TILE;
  const topic = knowledge.topics.get(tile.target);
  if (!topic) throw new Error(`rich menu: no topic "${tile.target}" in knowledge/data/topics`);
  return { ja: topic.menuLabel.ja, en: topic.menuLabel.en, says: topic.menuLabel.ja };
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

export function actionOf(tile: Tile, knowledge: Knowledge): messagingApi.Action {
  const { says } = tileText(tile, knowledge);
  if (tile.target === "menu") return { type: "message", label: says, text: says };
  return { type: "postback", label: says, data: `topic:${tile.target}`, displayText: says };
}

export function richMenuRequest(knowledge: Knowledge): messagingApi.RichMenuRequest {
  return {
    size: SIZE,
    selected: true, // open by default: the menu is the main way in for users who do not paste
    name: RICH_MENU_NAME,
    chatBarText: "メールが戻ってきたら",
    areas: TILES.map((tile, i) => ({ bounds: boundsOf(i), action: actionOf(tile, knowledge) })),
  };
}
