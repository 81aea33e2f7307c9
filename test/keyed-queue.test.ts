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

  it("runs at most `concurrency` tasks at once; the others start in arrival order as places free up", async () => {
    const queue = new KeyedQueue(2);
    const started: string[] = [];
    const gates = new Map<string, () => void>();
    for (const key of ["a", "b", "c", "d"])
      void queue.run(key, () => {
        started.push(key);
        return new Promise<void>((r) => gates.set(key, r));
      });
    await tick();
    expect(started).toEqual(["a", "b"]);
    expect(queue.pending).toBe(4); // waiting tasks still count for room()
    gates.get("b")!();
    await tick();
    expect(started).toEqual(["a", "b", "c"]);
    gates.get("a")!();
    gates.get("c")!();
    await tick();
    expect(started).toEqual(["a", "b", "c", "d"]);
    gates.get("d")!();
    await queue.drain();
  });

  it("goes on after a failing task, which gives its place back", async () => {
    const queue = new KeyedQueue(1);
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

  it("makes room() callers wait while too much is pending, one per freed place, never past their limit", async () => {
    const queue = new KeyedQueue();
    const gates: (() => void)[] = [];
    for (const key of ["a", "b", "c"]) void queue.run(key, () => new Promise<void>((r) => gates.push(r)));
    expect(queue.pending).toBe(3);
    const admitted: string[] = [];
    void queue.room(3, 10_000).then(() => admitted.push("first"));
    void queue.room(3, 10_000).then(() => admitted.push("second"));
    await tick();
    expect(admitted).toEqual([]);
    gates[0]!();
    await tick();
    expect(admitted).toEqual(["first"]); // one place freed, one caller let in
    gates[1]!();
    await tick();
    expect(admitted).toEqual(["first", "second"]);
    gates[2]!();
    await queue.drain();
  });

  it("lets a room() caller go after its longest wait even when nothing finished", async () => {
    const queue = new KeyedQueue();
    let release!: () => void;
    void queue.run("a", () => new Promise<void>((r) => (release = r)));
    const started = Date.now();
    await queue.room(1, 50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    release();
    await queue.drain();
  });

  it("away: a task waiting outside its place lets another key run, keeps its own key busy, then goes on", async () => {
    const queue = new KeyedQueue(1);
    const log: string[] = [];
    let ocrDone!: () => void;
    void queue.run("image-user", async (away) => {
      log.push("image: fetched");
      await away(() => new Promise<void>((r) => (ocrDone = r)));
      log.push("image: answered");
    });
    void queue.run("image-user", async () => {
      log.push("image-user: next message");
    });
    void queue.run("text-user", async () => {
      log.push("text: answered");
    });
    await tick();
    // One place only, held by nobody while the image waits: the other user's text went ahead, the same
    // user's next message did not.
    expect(log).toEqual(["image: fetched", "text: answered"]);
    ocrDone();
    await queue.drain();
    expect(log).toEqual(["image: fetched", "text: answered", "image: answered", "image-user: next message"]);
  });
});
