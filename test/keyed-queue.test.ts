import { describe, expect, it } from "vitest";
import { KeyedQueue } from "../bot/keyed-queue.ts";

const tick = () => new Promise((r) => setImmediate(r));

describe("KeyedQueue", () => {
  it("runs one key's tasks in order and other keys alongside", async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    void queue.run("a", async () => {
      await gate;
      log.push("a1");
    });
    void queue.run("a", async () => {
      log.push("a2");
    });
    void queue.run("b", async () => {
      log.push("b1");
    });
    await tick();
    expect(log).toEqual(["b1"]); // b is not held up by a
    release();
    await queue.drain();
    expect(log).toEqual(["b1", "a1", "a2"]);
    expect(queue.size).toBe(0); // nothing left behind
  });

  it("goes on after a failing task", async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    void queue.run("a", async () => {
      throw new Error("boom");
    });
    void queue.run("a", async () => {
      log.push("after");
    });
    await queue.drain();
    expect(log).toEqual(["after"]);
  });
});
