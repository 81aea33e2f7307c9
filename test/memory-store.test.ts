import { describe, expect, it } from "vitest";
import { MemoryEventDeduper, MemorySessionStore, MemoryUserLock } from "../dialogs/stores/memory.ts";

function clock() {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("MemorySessionStore", () => {
  it("returns what was stored until the TTL passes", async () => {
    const time = clock();
    const store = new MemorySessionStore({ now: time.now });
    await store.set("U1", { state: "menu" }, 1_000);
    expect(await store.get("U1")).toEqual({ state: "menu" });
    time.advance(1_000);
    expect(await store.get("U1")).toBeUndefined();
    await store.close();
  });

  it("keeps users apart and forgets on delete", async () => {
    const store = new MemorySessionStore();
    await store.set("U1", 1, 60_000);
    await store.set("U2", 2, 60_000);
    await store.delete("U1");
    expect(await store.get("U1")).toBeUndefined();
    expect(await store.get("U2")).toBe(2);
    await store.close();
  });

  it("hands out copies, so a caller mutating a value cannot change the stored session", async () => {
    const store = new MemorySessionStore();
    const value = { list: [1] };
    await store.set("U1", value, 60_000);
    value.list.push(2);
    expect(await store.get("U1")).toEqual({ list: [1] });
    await store.close();
  });
});

describe("MemoryEventDeduper", () => {
  it("lets an event id through once within the TTL", async () => {
    const time = clock();
    const dedupe = new MemoryEventDeduper({ now: time.now });
    expect(await dedupe.claim("01HX", 1_000)).toBe(true);
    expect(await dedupe.claim("01HX", 1_000)).toBe(false);
    time.advance(1_001);
    expect(await dedupe.claim("01HX", 1_000)).toBe(true);
    await dedupe.close();
  });
});

describe("MemoryUserLock", () => {
  it("forgets users once their work is done, also after a waiter gave up (memory stays bounded)", async () => {
    const lock = new MemoryUserLock({ waitMs: 20 });
    let release!: () => void;
    const holder = lock.withUserLock("U1", () => new Promise<void>((resolve) => (release = resolve)));
    await expect(lock.withUserLock("U1", async () => {})).rejects.toThrow("not acquired within 20 ms");
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => lock.withUserLock(`U-other-${i}`, async () => {})),
    );
    expect(lock.size).toBe(1);
    release();
    await holder;
    await new Promise((resolve) => setImmediate(resolve));
    expect(lock.size).toBe(0);
    await lock.close();
  });
});
