import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OUTSIDE, othersThan, placeInBlocks } from "../scripts/dev-blocks.ts";

const devText = readFileSync(join(import.meta.dirname, "dialog-eval", "dev.yaml"), "utf8");

describe("dev.yaml by block (eval:dialog --cross)", () => {
  const placed = placeInBlocks(devText);

  it("places every item in one block, blocks by their markers", () => {
    const markers = [...devText.matchAll(/^# === (?!END OF )(.+?) BLOCK\b/gm)].map((m) => m[1]);
    const blocks = new Set(placed.map((p) => p.block));
    expect(blocks).toEqual(new Set([OUTSIDE, ...markers]));
    expect(placed.find((p) => p.item.text === "arigato tasukatta")?.block).toBe("LEARNED 37");
  });

  it("scores a block with the other blocks only: none of its own items is among them", () => {
    for (const block of ["LEARNED 37", "FOLLOWUP 35", OUTSIDE]) {
      const own = placed.filter((p) => p.block === block).map((p) => p.item);
      const others = othersThan(placed, block);
      expect(own.length).toBeGreaterThan(0);
      expect(others.length + own.length).toBe(placed.length);
      for (const item of own) expect(others).not.toContain(item);
    }
  });

  it("refuses an item spread over lines rather than misplace it", () => {
    const spread =
      '- { kind: act, context: none, text: "ok", expect: ok }\n-\n  kind: act\n  context: none\n  text: "yo"\n  expect: greeting\n';
    expect(() => placeInBlocks(spread)).toThrow(/one item per line/);
  });
});
