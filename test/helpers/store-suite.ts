import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { LockTimeoutError } from "../../dialogs/session-store.ts";
import type { Stores } from "../../dialogs/stores/index.ts";

/**
 * The one contract every store implementation passes (memory and Redis run the same cases).
 * create() stands for "a new app instance": with a shared backend two of them see the same data.
 */
export interface StoreFixture {
  create(options?: { lockWaitMs?: number }): Stores | Promise<Stores>;
  /** True when instances share state (Redis), false when each has its own (memory). */
  shared: boolean;
}

/** A promise plus the function that settles it: lets a test hold work inside the lock until it says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** Fails instead of hanging when the awaited work would deadlock. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    sleep(ms).then(() => {
      throw new Error(`did not finish within ${ms} ms`);
    }),
  ]);
}

export function storeSuite(fixture: StoreFixture): void {
  const open: Stores[] = [];
  const instance = async (options?: { lockWaitMs?: number }) => {
    const stores = await fixture.create(options);
    open.push(stores);
    return stores;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  describe("sessions", () => {
    it("gives back what was stored: nested objects, arrays, Japanese text, numbers, booleans, null", async () => {
      const { sessions } = await instance();
      const value = {
        state: "diagnosis",
        topic: "user-unknown",
        context: { retries: 1, english: false, last: null, topics: ["delayed", "expired"] },
        note: "宛先不明 ✉️",
      };
      await sessions.set("U1", value, 60_000);
      expect(await sessions.get("U1")).toEqual(value);
    });

    it("answers undefined for unknown users, replaces on set, forgets on delete, keeps users apart", async () => {
      const { sessions } = await instance();
      expect(await sessions.get("U-none")).toBeUndefined();
      await sessions.set("U1", { step: 1 }, 60_000);
      await sessions.set("U1", { step: 2 }, 60_000);
      await sessions.set("U2", { step: 9 }, 60_000);
      expect(await sessions.get("U1")).toEqual({ step: 2 });
      await sessions.delete("U1");
      expect(await sessions.get("U1")).toBeUndefined();
      expect(await sessions.get("U2")).toEqual({ step: 9 });
    });

    it("hands out copies, so mutating a value read or written cannot change the stored session", async () => {
      const { sessions } = await instance();
      const value = { list: [1] };
      await sessions.set("U1", value, 60_000);
      value.list.push(2);
      const read = (await sessions.get("U1")) as { list: number[] };
      read.list.push(3);
      expect(await sessions.get("U1")).toEqual({ list: [1] });
    });

    it("forgets a session once its TTL has passed", async () => {
      const { sessions } = await instance();
      await sessions.set("short", "x", 50);
      await sessions.set("long", "y", 60_000);
      await sleep(200);
      expect(await sessions.get("short")).toBeUndefined();
      expect(await sessions.get("long")).toBe("y");
    });
  });

  describe("event de-duplication", () => {
    it("lets an event id through once; other ids are independent", async () => {
      const { dedupe } = await instance();
      expect(await dedupe.claim("01EV-A", 60_000)).toBe(true);
      expect(await dedupe.claim("01EV-A", 60_000)).toBe(false);
      expect(await dedupe.claim("01EV-B", 60_000)).toBe(true);
    });

    it("of many simultaneous claims of one id, exactly one wins", async () => {
      const { dedupe } = await instance();
      const wins = await Promise.all(Array.from({ length: 20 }, () => dedupe.claim("01EV-RACE", 60_000)));
      expect(wins.filter(Boolean)).toHaveLength(1);
    });

    it("lets the id through again after the TTL", async () => {
      const { dedupe } = await instance();
      expect(await dedupe.claim("01EV-TTL", 50)).toBe(true);
      await sleep(200);
      expect(await dedupe.claim("01EV-TTL", 50)).toBe(true);
    });
  });

  describe("user lock", () => {
    it("runs one user's work one at a time, in the order it was asked for", async () => {
      const { lock } = await instance();
      let active = 0;
      let maxActive = 0;
      const order: number[] = [];
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          lock.withUserLock("U1", async () => {
            active++;
            maxActive = Math.max(maxActive, active);
            await sleep(2);
            order.push(i);
            active--;
          }),
        ),
      );
      expect(maxActive).toBe(1);
      expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    it("lets different users proceed side by side", async () => {
      const { lock } = await instance();
      const aStarted = gate();
      const bStarted = gate();
      // Each waits for the other to be inside its lock: only possible if both run at once.
      const a = lock.withUserLock("UA", async () => {
        aStarted.open();
        await bStarted.opened;
        return "a";
      });
      const b = lock.withUserLock("UB", async () => {
        bStarted.open();
        await aStarted.opened;
        return "b";
      });
      expect(await within(3_000, Promise.all([a, b]))).toEqual(["a", "b"]);
    });

    it("passes results and errors through, and releases the lock after an error", async () => {
      const { lock } = await instance();
      await expect(lock.withUserLock("U1", async () => 42)).resolves.toBe(42);
      await expect(
        lock.withUserLock("U1", async () => {
          throw new Error("handler failed");
        }),
      ).rejects.toThrow("handler failed");
      await expect(
        within(
          3_000,
          lock.withUserLock("U1", async () => "after"),
        ),
      ).resolves.toBe("after");
    });

    it("gives up after the wait with LockTimeoutError, without running the work; the holder is unaffected", async () => {
      const { lock } = await instance({ lockWaitMs: 100 });
      const release = gate();
      const holder = lock.withUserLock("U1", async () => {
        await release.opened;
        return "held";
      });
      let ran = false;
      await expect(
        lock.withUserLock("U1", async () => {
          ran = true;
        }),
      ).rejects.toBeInstanceOf(LockTimeoutError);
      expect(ran).toBe(false);
      release.open();
      expect(await holder).toBe("held");
      await expect(
        within(
          3_000,
          lock.withUserLock("U1", async () => "next"),
        ),
      ).resolves.toBe("next");
    });
  });

  if (fixture.shared) {
    describe("two instances", () => {
      it("share conversations", async () => {
        const a = await instance();
        const b = await instance();
        await a.sessions.set("U1", { state: "feedback" }, 60_000);
        expect(await b.sessions.get("U1")).toEqual({ state: "feedback" });
        await b.sessions.delete("U1");
        expect(await a.sessions.get("U1")).toBeUndefined();
      });

      it("handle a redelivered event once across both", async () => {
        const a = await instance();
        const b = await instance();
        const claims = await Promise.all(
          Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).dedupe.claim("01EV-SHARED", 60_000)),
        );
        expect(claims.filter(Boolean)).toHaveLength(1);
      });

      it("never run one user's work at the same time, so no turn is lost", async () => {
        const a = await instance();
        const b = await instance();
        await a.sessions.set("U1", { turns: 0 }, 60_000);
        let active = 0;
        let maxActive = 0;
        // Read-modify-write of the shared session: without the lock, concurrent turns overwrite each other.
        const turn = (stores: Stores) =>
          stores.lock.withUserLock("U1", async () => {
            active++;
            maxActive = Math.max(maxActive, active);
            const { turns } = (await stores.sessions.get("U1")) as { turns: number };
            await sleep(2);
            await stores.sessions.set("U1", { turns: turns + 1 }, 60_000);
            active--;
          });
        await Promise.all(Array.from({ length: 12 }, (_, i) => turn(i % 2 ? a : b)));
        expect(maxActive).toBe(1);
        expect(await a.sessions.get("U1")).toEqual({ turns: 12 });
      });
    });
  } else {
    it("keeps each instance's data to itself (one process only: use Redis for several)", async () => {
      const a = await instance();
      const b = await instance();
      await a.sessions.set("U1", 1, 60_000);
      expect(await b.sessions.get("U1")).toBeUndefined();
    });
  }
}
