import { describe, expect, it } from "vitest";
import { createSealer } from "../bot/sealed.ts";

/** Events in the shared Redis stream are sealed with a key only this deployment's instances derive. */
describe("sealed stream entries", () => {
  const text = JSON.stringify({ type: "message", message: { text: "090-1111-2222 taro@example.jp" } });

  it("opens what it sealed, and the sealed form shows nothing of the text", () => {
    const sealer = createSealer("channel-secret-a");
    const sealed = sealer.seal(text);
    expect(sealed).not.toContain("090");
    expect(sealed).not.toContain("example");
    expect(sealer.open(sealed)).toBe(text);
  });

  it("seals the same text differently each time (a fresh IV)", () => {
    const sealer = createSealer("channel-secret-a");
    expect(sealer.seal(text)).not.toBe(sealer.seal(text));
  });

  it("another instance with the same secret opens it; another secret cannot", () => {
    const sealed = createSealer("channel-secret-a").seal(text);
    expect(createSealer("channel-secret-a").open(sealed)).toBe(text);
    expect(createSealer("channel-secret-b").open(sealed)).toBeUndefined();
  });

  it("refuses an altered entry and junk", () => {
    const sealer = createSealer("channel-secret-a");
    const bytes = Buffer.from(sealer.seal(text), "base64");
    bytes[bytes.length - 1]! ^= 1;
    expect(sealer.open(bytes.toString("base64"))).toBeUndefined();
    expect(sealer.open("")).toBeUndefined();
    expect(sealer.open("not base64 at all {}")).toBeUndefined();
  });
});
