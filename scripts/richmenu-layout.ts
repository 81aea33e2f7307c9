import type { messagingApi } from "@line/bot-sdk";
import type { TopicId } from "../knowledge/types.ts";

/**
 * The rich menu in one place: what each tile shows (the image generator draws it) and what a tap
 * sends (the setup script registers it). A tile either names a topic, sent as postback data
 * `topic:<topic-id>` with the label shown in the chat, or sends the text メニュー, which opens the
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
  /** Drawn on the image, one entry per line. */
  lines: string[];
  /** Small English line under it. */
  english: string;
  /** Shown in the chat as the user's message when tapped; also the action label (≤ 20 graphemes). */
  says: string;
  color: string;
}

export const TILES: readonly Tile[] = [
  {
    target: "user-unknown",
    lines: ["宛先の", "アドレスがない"],
    english: "No such recipient",
    says: "宛先のアドレスがない",
    color: "#d9534f",
  },
  {
    target: "host-unknown",
    lines: ["ドメインが", "見つからない"],
    english: "Domain not found",
    says: "ドメインが見つからない",
    color: "#e67e22",
  },
  {
    target: "mailbox-full",
    lines: ["相手の受信箱が", "いっぱい"],
    english: "Mailbox full",
    says: "相手の受信箱がいっぱい",
    color: "#8e6fc1",
  },
  {
    target: "message-too-big",
    lines: ["メールが", "大きすぎる"],
    english: "Message too big",
    says: "メールが大きすぎる",
    color: "#2e86c1",
  },
  {
    target: "delayed",
    lines: ["まだ届いていない", "（再送中）"],
    english: "Still retrying",
    says: "まだ届いていない",
    color: "#16a085",
  },
  {
    target: "expired",
    lines: ["何日も届かず", "配送を断念"],
    english: "Gave up after days",
    says: "何日も届かず配送を断念",
    color: "#5d6d7e",
  },
  {
    target: "backscatter",
    lines: ["送った覚えがない", "のに大量に届く"],
    english: "Flood of bounces",
    says: "送った覚えがないのに大量に届く",
    color: "#c0392b",
  },
  {
    target: "menu",
    lines: ["その他・", "わからない"],
    english: "Other / not sure",
    says: "メニュー",
    color: "#06c755",
  },
];

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

export function actionOf(tile: Tile): messagingApi.Action {
  const label = tile.says;
  if (tile.target === "menu") return { type: "message", label, text: tile.says };
  return { type: "postback", label, data: `topic:${tile.target}`, displayText: tile.says };
}

export function richMenuRequest(): messagingApi.RichMenuRequest {
  return {
    size: SIZE,
    selected: true, // open by default: the menu is the main way in for users who do not paste
    name: RICH_MENU_NAME,
    chatBarText: "メールが戻ってきたら",
    areas: TILES.map((tile, i) => ({ bounds: boundsOf(i), action: actionOf(tile) })),
  };
}
