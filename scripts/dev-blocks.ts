/**
 * dev.yaml's items by the block they were written in, for eval:dialog --cross (leave one block out). Each
 * block ("# === <MARKER> BLOCK" … "# === END OF <MARKER> BLOCK") is one writer's, written at one time; the
 * items outside every block (the first rounds', several writers') count as one more block. Whatever is
 * learned from labelled texts is measured honestly only on writers it was not learned from: a block is scored
 * with what is learned from the others alone.
 */
import { parse } from "yaml";
import { z } from "zod";
import { type Item, itemSchema } from "./dialog-answers.ts";

/** The block of dev.yaml's items written before the blocks began, and between them. */
export const OUTSIDE = "(outside the blocks)";

export interface Placed {
  item: Item;
  block: string;
}

/**
 * Every item of dev.yaml with its block's marker, in the file's order. Items are one line each ("- { … }"),
 * as the sets are written: a file where that does not hold is refused, not guessed at.
 */
export function placeInBlocks(devText: string): Placed[] {
  const items = z.array(itemSchema).parse(parse(devText));
  const blocks: string[] = [];
  let block = OUTSIDE;
  for (const line of devText.split("\n")) {
    const marker = /^# === (.+?) BLOCK\b/.exec(line)?.[1];
    if (marker !== undefined) block = marker.startsWith("END OF ") ? OUTSIDE : marker;
    else if (line.startsWith("- ")) blocks.push(block);
  }
  if (blocks.length !== items.length)
    throw new Error(`dev.yaml: ${items.length} items but ${blocks.length} item lines (one item per line)`);
  return items.map((item, i) => ({ item, block: blocks[i]! }));
}

/** What a block may be scored with: the items of every other block. */
export function othersThan(placed: readonly Placed[], block: string): Item[] {
  return placed.filter((p) => p.block !== block).map((p) => p.item);
}
